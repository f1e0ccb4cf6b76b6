// @vitest-environment happy-dom
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { RULES } from '../../src/core/scenario/rules.ts';
import { NumberField } from '../../src/ui/common/NumberField.tsx';
import './renderApp.tsx';

function Harness({
  initial,
  rule,
  grouping = false,
  onApply,
}: {
  initial: number;
  rule: (typeof RULES)[keyof typeof RULES];
  grouping?: boolean;
  onApply?: (v: number) => void;
}) {
  const [value, setValue] = useState(initial);
  return (
    <>
      <NumberField
        label="GPUs per server"
        value={value}
        rule={rule}
        grouping={grouping}
        onChange={(v) => {
          onApply?.(v);
          setValue(v);
        }}
      />
      <output data-testid="applied">{value}</output>
    </>
  );
}

describe('NumberField', () => {
  it('applies a valid value once typing pauses', async () => {
    render(<Harness initial={8} rule={RULES.gpusPerServer} />);
    const input = screen.getByLabelText('GPUs per server');
    await userEvent.clear(input);
    await userEvent.type(input, '16');
    expect(screen.getByTestId('applied').textContent).toBe('8'); // not while typing
    await waitFor(() => expect(screen.getByTestId('applied').textContent).toBe('16'));
    expect(input.getAttribute('aria-invalid')).toBe('false');
  });

  it('applies only the text as a whole: typing 1e99 never applies 1e9 on the way', async () => {
    const applied = vi.fn();
    render(<Harness initial={3000} rule={RULES.money} onApply={applied} />);
    const input = screen.getByLabelText('GPUs per server');
    await userEvent.clear(input);
    await userEvent.type(input, '1e99');
    expect((await screen.findByRole('alert')).textContent).toContain('a larger value is surely a slip');
    expect(applied).not.toHaveBeenCalled();
    expect(screen.getByTestId('applied').textContent).toBe('3000');
  });

  it('applies at once on Enter, and reads thousands separators in money fields', async () => {
    render(<Harness initial={320000} rule={RULES.money} grouping />);
    const input = screen.getByLabelText('GPUs per server') as HTMLInputElement;
    expect(input.value).toBe('320,000');
    await userEvent.clear(input);
    await userEvent.type(input, '1,250,000{Enter}');
    expect(screen.getByTestId('applied').textContent).toBe('1250000');
    await userEvent.tab();
    expect(input.value).toBe('1,250,000');
  });

  it('refuses zero GPUs with a message and keeps the last valid value', async () => {
    render(<Harness initial={8} rule={RULES.gpusPerServer} />);
    const input = screen.getByLabelText('GPUs per server');
    await userEvent.clear(input);
    await userEvent.type(input, '0');
    expect((await screen.findByRole('alert')).textContent).toBe(
      'GPUs per server must be a whole number ≥ 1, got 0; still using 8.',
    );
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByTestId('applied').textContent).toBe('8');
    await userEvent.tab();
    expect((input as HTMLInputElement).value).toBe('8'); // leaving the field shows the value in force
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('refuses a negative price and a fraction of a GPU', async () => {
    render(<Harness initial={3000} rule={RULES.money} />);
    const input = screen.getByLabelText('GPUs per server');
    await userEvent.clear(input);
    await userEvent.type(input, '-5');
    expect((await screen.findByRole('alert')).textContent).toContain('must be a number ≥ 0, got -5');
    expect(screen.getByTestId('applied').textContent).toBe('3000');
    cleanupAndRender();
    const gpus = screen.getByLabelText('GPUs per server');
    await userEvent.clear(gpus);
    await userEvent.type(gpus, '1.5');
    expect((await screen.findByRole('alert')).textContent).toContain('must be a whole number ≥ 1, got 1.5');
  });
});

function cleanupAndRender() {
  document.body.innerHTML = '';
  render(<Harness initial={8} rule={RULES.gpusPerServer} />);
}
