/** Renders UI under a fresh store (no mocks) for component tests. */
import { cleanup, render } from '@testing-library/react';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ReactNode } from 'react';
import { afterEach } from 'vitest';
import { parseFile } from '../../src/core/parsers/registry.ts';
import type { ParsedRun } from '../../src/core/parsers/types.ts';
import type { AppState } from '../../src/store/appStore.ts';
import { createAppStore } from '../../src/store/appStore.ts';
import { StoreProvider } from '../../src/store/StoreProvider.tsx';

afterEach(cleanup);

const NIM = join(import.meta.dirname, '../fixtures/real/genai-perf/nim-llama3-8b-sweep-c1-250');

export function nimRuns(): ParsedRun[] {
  return readdirSync(NIM)
    .filter((f) => f.endsWith('genai_perf.json'))
    .flatMap((f) => {
      const outcome = parseFile({ path: `nim/${f}`, text: readFileSync(join(NIM, f), 'utf8') });
      return outcome.kind === 'runs' ? outcome.runs : [];
    });
}

/** The raw (per-request) export of the same sweep's concurrency-1 run: the page then shows goodput. */
export function nimRawRun(): ParsedRun {
  const run = 'meta_llama3-8b-instruct-openai-chat-concurrency1';
  const text = readFileSync(join(NIM, `${run}.200_50.profile_export_raw.json`), 'utf8');
  const outcome = parseFile({ path: `nim/${run}.200_50.profile_export_raw.json`, text });
  if (outcome.kind !== 'runs') throw new Error(outcome.reason);
  return outcome.runs[0]!;
}

export function renderWithStore(ui: ReactNode, initial: Partial<AppState> = { runs: nimRuns(), origin: 'files' }) {
  const store = createAppStore(initial);
  return { store, ...render(<StoreProvider store={store}>{ui}</StoreProvider>) };
}
