// @vitest-environment happy-dom
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Notices } from '../../src/ui/toolbar/Notices.tsx';
import { Toolbar } from '../../src/ui/toolbar/Toolbar.tsx';
import { renderWithStore } from './renderApp.tsx';

const NIM = join(import.meta.dirname, '../fixtures/real/genai-perf/nim-llama3-8b-sweep-c1-250');

describe('Open scenario…', () => {
  it('says when a JSON is not a scenario, and that it is a benchmark result to load as data', async () => {
    const { store } = renderWithStore(
      <>
        <Toolbar />
        <Notices />
      </>,
    );
    const text = readFileSync(
      join(NIM, 'meta_llama3-8b-instruct-openai-chat-concurrency10.profile_export_genai_perf.json'),
      'utf8',
    );
    await userEvent.upload(
      screen.getByLabelText('Scenario file'),
      new File([text], 'profile_export_genai_perf.json', { type: 'application/json' }),
    );
    expect((await screen.findByRole('alert')).textContent).toBe(
      'profile_export_genai_perf.json could not be opened: format: missing: this JSON is not a scenario file ' +
        '(a scenario has "format": "llm-tco-scenario"). It is a NVIDIA GenAI-Perf result: ' +
        'load it as data with “Choose files…” or by dropping it on the page. Nothing was changed.×',
    );
    // A second attempt replaces the message of the first.
    await userEvent.upload(
      screen.getByLabelText('Scenario file'),
      new File(['{"format": "llm-tco-scenario", "version": 1}'], 's.json', { type: 'application/json' }),
    );
    expect((await screen.findByRole('status')).textContent).toBe('Opened s.json.×');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(store.getState().notices).toHaveLength(1);
  });
});
