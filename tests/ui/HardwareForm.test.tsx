// @vitest-environment happy-dom
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ApiReferenceForm } from '../../src/ui/forms/ApiReferenceForm.tsx';
import { HardwareForms } from '../../src/ui/forms/HardwareForm.tsx';
import { renderWithStore } from './renderApp.tsx';

describe('Add server type', () => {
  it('starts from a named example with its sources, not from a copy of the first server type', async () => {
    const { store } = renderWithStore(<HardwareForms />);
    await userEvent.selectOptions(screen.getByLabelText('New server type from'), '8-GPU B200 server (example)');
    const summary = screen.getByTestId('preset-summary');
    expect(summary.textContent).toContain(
      'Example: 8 GPUs per server, $515,000 per server, 14.3 kW, $8.60 per GPU-hour in the cloud.',
    );
    expect(within(summary).getAllByRole('link', { name: 'source' })).toHaveLength(3);
    await userEvent.click(screen.getByRole('button', { name: 'Add server type' }));
    const added = store.getState().settings.hardware[1]!;
    expect(added).toMatchObject({
      id: 'b200-8gpu',
      name: '8-GPU B200 server (example prices)',
      serverPriceUsd: 515_000,
      cloudUsdPerGpuHour: 8.6,
      power: { serverKw: 14.3 },
    });
    // Its fields carry its name for screen readers, and the price shows thousands separators.
    expect(
      (screen.getByLabelText('Server price for 8-GPU B200 server (example prices)') as HTMLInputElement).value,
    ).toBe('515,000');
  });

  it('starts blank when asked', async () => {
    const { store } = renderWithStore(<HardwareForms />);
    await userEvent.selectOptions(screen.getByLabelText('New server type from'), 'Blank: enter your own figures');
    expect(screen.queryByTestId('preset-summary')).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Add server type' }));
    expect(store.getState().settings.hardware[1]).toMatchObject({
      id: 'server',
      name: 'New server type',
      serverPriceUsd: 0,
      power: null,
    });
  });

  it('takes a price typed with thousands separators', async () => {
    const { store } = renderWithStore(<HardwareForms />);
    const price = screen.getByLabelText(/^Server price/);
    await userEvent.clear(price);
    await userEvent.type(price, '1,234,567{Enter}');
    expect(store.getState().settings.hardware[0]?.serverPriceUsd).toBe(1_234_567);
  });
});

describe('API reference prices', () => {
  it('fill both prices from a named, dated example', async () => {
    const { store } = renderWithStore(<ApiReferenceForm />);
    expect(screen.getByText(/NVIDIA's worked example: reference prices of the TCO walkthrough/)).toBeTruthy();
    await userEvent.selectOptions(screen.getByLabelText('Example prices'), 'OpenAI GPT-4o mini');
    expect(store.getState().settings.apiReference).toEqual({ usdPer1MInputTokens: 0.15, usdPer1MOutputTokens: 0.6 });
    expect(screen.getByText(/OpenAI GPT-4o mini: standard tier/).textContent).toContain(
      '2026-05. An example, not a quote.',
    );
  });
});
