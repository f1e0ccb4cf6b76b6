/**
 * A peak demand converted to another unit with the workload's own figures, so that changing the unit keeps
 * its meaning (200 requests/s never silently becomes 200 output tokens/s). Requests/s is the pivot:
 *   output tokens/s     = requests/s × mean output tokens per request (OSL)
 *   concurrent requests = requests/s × mean E2E latency in s            (Little's law)
 * The figures are read at an operating point: its mean OSL and its mean E2E latency.
 */
import { formatNumber } from '../format/numbers.ts';
import type { DemandUnit } from '../model/scenario.ts';

/** Each demand unit in words, wherever a demand or a capacity is printed (forms, captions, reasons). */
export const DEMAND_UNIT_NAMES: Readonly<Record<DemandUnit, string>> = {
  requestsPerSecond: 'requests/s',
  concurrentRequests: 'concurrent requests',
  outputTokensPerSecond: 'output tokens/s',
};

/** Each demand unit abbreviated, for formulas ("200 req/s × (1 + 20% headroom) ÷ …"). */
export const DEMAND_UNIT_SYMBOLS: Readonly<Record<DemandUnit, string>> = {
  requestsPerSecond: 'req/s',
  concurrentRequests: 'concurrent requests',
  outputTokensPerSecond: 'tok/s',
};

/** Where the figures come from, named in the explanation. */
export interface ConversionBasis {
  /** Mean output tokens per request. */
  meanOutputTokens: number | undefined;
  /** Mean end-to-end latency per request, ms. */
  meanE2eMs: number | undefined;
  /** "Llama TP1 at concurrency 10" */
  source: string;
}

export type Conversion = { ok: true; value: number; explanation: string } | { ok: false; reason: string };

const LITTLE = "Little's law";
const E2E = 's mean E2E latency';

/** Converted values keep four significant digits: a figure to read and retype, not a false precision. */
function tidy(value: number): number {
  return Number(value.toPrecision(4));
}

export function convertDemand(
  value: number,
  from: DemandUnit,
  to: DemandUnit,
  basis: ConversionBasis | null,
): Conversion {
  if (from === to) return { ok: true, value, explanation: '' };
  if (value === 0) {
    return { ok: true, value: 0, explanation: `0 ${DEMAND_UNIT_NAMES[from]} = 0 ${DEMAND_UNIT_NAMES[to]}` };
  }
  if (basis === null) {
    return { ok: false, reason: 'no benchmark is loaded, so there are no workload figures to convert with' };
  }
  const osl = basis.meanOutputTokens;
  const e2eS = basis.meanE2eMs === undefined ? undefined : basis.meanE2eMs / 1000;
  const needs = (unit: DemandUnit): string | null => {
    if (unit === 'outputTokensPerSecond') return osl !== undefined && osl > 0 ? null : 'the mean output length';
    if (unit === 'concurrentRequests') return e2eS !== undefined && e2eS > 0 ? null : 'the mean E2E latency';
    return null;
  };
  const missing = needs(from) ?? needs(to);
  if (missing !== null) return { ok: false, reason: `${basis.source} does not report ${missing}` };

  const n = (v: number) => formatNumber(v);
  const seconds = (v: number) => formatNumber(v, 3);
  const steps: string[] = [];
  let rps = value;
  if (from === 'outputTokensPerSecond') {
    rps = value / osl!;
    steps.push(`${n(value)} output tokens/s ÷ ${n(osl!)} output tokens per request = ${n(rps)} requests/s`);
  } else if (from === 'concurrentRequests') {
    rps = value / e2eS!;
    steps.push(`${n(value)} concurrent requests ÷ ${seconds(e2eS!)} ${E2E} = ${n(rps)} requests/s (${LITTLE})`);
  }
  let result = rps;
  if (to === 'outputTokensPerSecond') {
    result = rps * osl!;
    steps.push(`${n(rps)} requests/s × ${n(osl!)} output tokens per request = ${n(result)} output tokens/s`);
  } else if (to === 'concurrentRequests') {
    result = rps * e2eS!;
    steps.push(`${n(rps)} requests/s × ${seconds(e2eS!)} ${E2E} = ${n(result)} concurrent requests (${LITTLE})`);
  }
  const value4 = tidy(result);
  const kept = n(value4) !== n(result) ? `, kept to ${n(value4)}` : '';
  return { ok: true, value: value4, explanation: `${steps.join('; ')} — figures of ${basis.source}${kept}.` };
}
