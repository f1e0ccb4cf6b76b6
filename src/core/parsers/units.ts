/**
 * Unit normalisation (docs/file-formats.md §Every file): values are converted by the unit the file states, never
 * by magnitude.
 */
import type { Distribution } from '../model/benchmark.ts';
import { isStat } from '../model/benchmark.ts';
import { ParseFailure } from './types.ts';

const MS_PER_TIME_UNIT: Readonly<Record<string, number>> = {
  ns: 1e-6,
  nanoseconds: 1e-6,
  us: 1e-3,
  µs: 1e-3,
  microseconds: 1e-3,
  ms: 1,
  milliseconds: 1,
  s: 1000,
  sec: 1000,
  secs: 1000,
  seconds: 1000,
};

/** Factor that turns a value in `unit` into milliseconds, or undefined for a unit that is not a time. */
export function msPerTimeUnit(unit: string): number | undefined {
  return MS_PER_TIME_UNIT[unit.trim().toLowerCase()];
}

/** Throughput units, normalised: `requests/sec` → `requests/s`, `tokens/sec/user` → `tokens/s/user`. */
export function normaliseRateUnit(unit: string): string {
  return unit
    .trim()
    .toLowerCase()
    .replace(/\s+/g, '')
    .replace(/\/(?:sec|second|seconds)\b/g, '/s')
    .replace(/^persec$/, '/s');
}

/** Accepts `tokens`, `token`, `count`, or no unit for a sequence length. */
export function isTokenCountUnit(unit: string | undefined): boolean {
  return unit === undefined || /^(?:tokens?|count|)$/i.test(unit.trim());
}

/**
 * Builds a distribution from a `{stat: value}` record, scaled by `factor`. Keys that are not stats
 * (unit, std, count…) are ignored; null means "not reported". A non-number or negative value fails the file.
 */
export function distributionFromRecord(record: Record<string, unknown>, factor: number, where: string): Distribution {
  const out: Distribution = {};
  for (const [key, raw] of Object.entries(record)) {
    if (!isStat(key) || raw === null || raw === undefined) continue;
    out[key] = checkedNumber(raw, `${where}.${key}`) * factor;
  }
  return out;
}

/** A finite, non-negative JSON number, or a ParseFailure naming where. */
export function checkedNumber(raw: unknown, where: string): number {
  if (typeof raw !== 'number') throw new ParseFailure(`${where} is ${describe(raw)}, expected a number`);
  if (!Number.isFinite(raw)) throw new ParseFailure(`${where} is not a finite number`);
  if (raw < 0) throw new ParseFailure(`${where} is negative (${raw})`);
  return raw;
}

function describe(raw: unknown): string {
  if (raw === null) return 'null';
  if (Array.isArray(raw)) return 'a list';
  if (typeof raw === 'string') return `the text "${raw.length > 30 ? `${raw.slice(0, 29)}…` : raw}"`;
  return `a ${typeof raw}`;
}
