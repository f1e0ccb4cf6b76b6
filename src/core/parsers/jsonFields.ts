/**
 * Reading fields of a tool's JSON: optional objects, text and numbers, and statistics named the tool's own way
 * (`mean`, `median`, GuideLLM's `p05`/`p999`, inference-perf's `p99.9`). Names that have no counterpart in STATS
 * (`p0.1`, `p001`, `std_dev`, `count`) are ignored. null means "not reported".
 */
import { isObject } from '../collections.ts';
import type { Distribution, Stat } from '../model/benchmark.ts';
import { isStat } from '../model/benchmark.ts';
import { ParseFailure } from './types.ts';
import { checkedNumber } from './units.ts';

type Json = Record<string, unknown>;

/** The value when it is a JSON object, else an empty one (for optional sections). */
export function objectOrEmpty(value: unknown): Json {
  return isObject(value) ? value : {};
}

/** Non-blank text, else undefined. */
export function nonEmptyText(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/**
 * `record[key]` as a finite, non-negative number; undefined when absent or null; anything else fails the file,
 * naming `where.key`.
 */
export function optionalNumber(record: Json, key: string, where: string): number | undefined {
  const raw = record[key];
  return raw === undefined || raw === null ? undefined : checkedNumber(raw, where === '' ? key : `${where}.${key}`);
}

/** `value × factor` (a unit conversion), refused when the product overflows to Infinity. */
export function scaled(value: number, factor: number, where: string): number {
  const product = value * factor;
  if (!Number.isFinite(product)) throw new ParseFailure(`${where} is too large (${value})`);
  return product;
}

/** `mean` → avg and `median` → p50, as most Python tools write them. */
export const PYTHON_STAT_NAMES: Readonly<Record<string, Stat>> = { mean: 'avg', median: 'p50' };

/**
 * `record[name] × factor` for every name that is a stat or that `names` maps to one. A stat given under its own
 * name (GuideLLM's `p50`) wins over an alias for it (`median`). A value that is not a finite, non-negative number
 * fails the file, naming `where.name`.
 */
export function distributionFromNamedStats(
  record: Json,
  names: Readonly<Record<string, Stat>>,
  factor: number,
  where: string,
): Distribution {
  const out: Distribution = {};
  const byOwnName = new Set<Stat>();
  for (const name of Object.keys(record)) {
    const alias = names[name];
    const stat = alias ?? (isStat(name) ? name : undefined);
    if (stat === undefined) continue;
    const value = optionalNumber(record, name, where);
    if (value === undefined || byOwnName.has(stat)) continue;
    out[stat] = scaled(value, factor, where === '' ? name : `${where}.${name}`);
    if (alias === undefined) byOwnName.add(stat);
  }
  return out;
}
