import { describe, expect, it } from 'vitest';
import { formatGrouped, moneyTickFormatter, parseTypedNumber } from '../../../src/core/format/numbers.ts';

describe('moneyTickFormatter', () => {
  it('gives every tick as many decimals as the step needs, so no two read alike', () => {
    const ticks = [0, 0.005, 0.01, 0.015, 0.02];
    expect(ticks.map(moneyTickFormatter(ticks))).toEqual(['$0.000', '$0.005', '$0.010', '$0.015', '$0.020']);
    const quarters = [0, 0.25, 0.5, 0.75, 1];
    expect(quarters.map(moneyTickFormatter(quarters))).toEqual(['$0.00', '$0.25', '$0.50', '$0.75', '$1.00']);
    const halves = [0, 0.5, 1, 1.5, 2];
    expect(halves.map(moneyTickFormatter(halves))).toEqual(['$0.0', '$0.5', '$1.0', '$1.5', '$2.0']);
  });

  it('reads large amounts in thousands or millions, still telling ticks apart', () => {
    const k = [0, 20_000, 40_000, 60_000];
    expect(k.map(moneyTickFormatter(k))).toEqual(['$0K', '$20K', '$40K', '$60K']);
    const m = [0, 500_000, 1_000_000, 1_500_000];
    expect(m.map(moneyTickFormatter(m, 'EUR'))).toEqual(['€0.0M', '€0.5M', '€1.0M', '€1.5M']);
  });
});

describe('typed numbers', () => {
  it('are read as a whole: thousands separators between digit groups, nothing half-typed', () => {
    expect(parseTypedNumber('1,250,000')).toBe(1_250_000);
    expect(parseTypedNumber('1 250 000.5')).toBe(1_250_000.5);
    expect(parseTypedNumber('320000')).toBe(320_000);
    expect(parseTypedNumber('1e9')).toBe(1e9);
    expect(parseTypedNumber('.5')).toBe(0.5);
    for (const text of ['', '1e', '12,34,5', '1,2', '--1', '1.2.3', 'abc']) expect(parseTypedNumber(text)).toBeNaN();
    expect(formatGrouped(1_234_567.25)).toBe('1,234,567.25');
  });
});
