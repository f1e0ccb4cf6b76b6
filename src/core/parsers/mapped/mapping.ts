/**
 * A user-defined column mapping: how to read a CSV or JSON file that no built-in parser knows. Each CSV row or
 * JSON record is one run; each mapped field says which column (CSV header) or dotted JSON path (within a record)
 * holds which metric, in which unit. Saved in the scenario (`mappings`) and given to the CLI (`--mapping FILE`).
 *
 *   { "id": "m1", "name": "lab sheet", "appliesTo": "results_*.csv", "format": "csv",
 *     "fields": [ { "source": "users", "target": "load.concurrency" },
 *                 { "source": "ttft_s", "target": "ttftMs.avg", "unit": "s" },
 *                 { "source": "done_per_min", "target": "requestsPerSecond", "unit": "/min" } ] }
 */
import type { Stat } from '../../model/benchmark.ts';
import { STATS } from '../../model/benchmark.ts';
import { isObject } from '../../collections.ts';

export const MAPPING_FORMATS = ['csv', 'json'] as const;
export type MappingFormat = (typeof MAPPING_FORMATS)[number];

/** Distributions a column may fill, one statistic per column (`ttftMs.p99`). */
export const MAPPED_DISTRIBUTIONS = [
  'ttftMs',
  'itlMs',
  'tpotMs',
  'e2eMs',
  'outputTokensPerSecondPerUser',
  'inputTokens',
  'outputTokens',
] as const;
export type MappedDistribution = (typeof MAPPED_DISTRIBUTIONS)[number];
/** Single numbers a column may fill. */
export const MAPPED_SCALARS = [
  'requestsPerSecond',
  'outputTokensPerSecond',
  'inputTokensPerSecond',
  'requestCount',
  'errorCount',
  'durationS',
] as const;
export type MappedScalar = (typeof MAPPED_SCALARS)[number];
/** The load level, the series (configuration) name and the model are read from columns too. */
export const MAPPED_LOADS = ['load.concurrency', 'load.requestRate'] as const;
export const MAPPED_TEXTS = ['series', 'model'] as const;

export type MappingTarget =
  (typeof MAPPED_LOADS)[number] | (typeof MAPPED_TEXTS)[number] | MappedScalar | `${MappedDistribution}.${Stat}`;

export const MAPPING_TARGETS: readonly MappingTarget[] = [
  ...MAPPED_LOADS,
  ...MAPPED_TEXTS,
  ...MAPPED_SCALARS,
  ...MAPPED_DISTRIBUTIONS.flatMap((d) => STATS.map((s) => `${d}.${s}` as const)),
];

export function isMappingTarget(value: unknown): value is MappingTarget {
  return typeof value === 'string' && (MAPPING_TARGETS as readonly string[]).includes(value);
}

/** Units a column's values may be in: times, rates (per second or per minute), token lengths, plain counts. */
export const MAPPING_UNITS = ['ns', 'us', 'ms', 's', '/s', '/min', 'tokens', 'count'] as const;
export type MappingUnit = (typeof MAPPING_UNITS)[number];

export const UNIT_LABELS: Readonly<Record<MappingUnit, string>> = {
  ns: 'ns',
  us: 'µs',
  ms: 'ms',
  s: 's',
  '/s': 'per s',
  '/min': 'per min',
  tokens: 'tokens',
  count: 'count',
};

const TIME_UNITS = ['ns', 'us', 'ms', 's'] as const satisfies readonly MappingUnit[];
const RATE_UNITS = ['/s', '/min'] as const satisfies readonly MappingUnit[];
/** Each unit in the smallest of its kind (ns for times, per minute for rates): conversions are one exact step. */
const NS_PER: Readonly<Record<string, number>> = { ns: 1, us: 1e3, ms: 1e6, s: 1e9 };
const PER_MINUTE: Readonly<Record<string, number>> = { '/s': 60, '/min': 1 };

/** What a target measures, which decides its units: a latency in ms, a duration in s, a rate, tokens, a count, text. */
export type TargetQuantity = 'latency' | 'duration' | 'rate' | 'tokens' | 'count' | 'text';

export function targetQuantity(target: MappingTarget): TargetQuantity {
  if (target === 'series' || target === 'model') return 'text';
  if (target === 'durationS') return 'duration';
  if (target === 'load.concurrency' || target === 'requestCount' || target === 'errorCount') return 'count';
  if (target === 'load.requestRate' || target === 'requestsPerSecond') return 'rate';
  if (target === 'outputTokensPerSecond' || target === 'inputTokensPerSecond') return 'rate';
  const distribution = target.slice(0, target.indexOf('.'));
  if (distribution === 'outputTokensPerSecondPerUser') return 'rate';
  if (distribution === 'inputTokens' || distribution === 'outputTokens') return 'tokens';
  return 'latency';
}

const UNITS_OF: Readonly<Record<TargetQuantity, readonly MappingUnit[]>> = {
  latency: TIME_UNITS,
  duration: TIME_UNITS,
  rate: RATE_UNITS,
  tokens: ['tokens'],
  count: ['count'],
  text: [],
};

/** The units a target accepts (none for text). */
export function unitsFor(target: MappingTarget): readonly MappingUnit[] {
  return UNITS_OF[targetQuantity(target)];
}

const DEFAULT_UNIT: Readonly<Record<TargetQuantity, MappingUnit | undefined>> = {
  latency: 'ms',
  duration: 's',
  rate: '/s',
  tokens: 'tokens',
  count: 'count',
  text: undefined,
};

/** The unit a target's column is assumed in until the user says otherwise (ms for latencies, s for durations). */
export function defaultUnit(target: MappingTarget): MappingUnit | undefined {
  return DEFAULT_UNIT[targetQuantity(target)];
}

/**
 * A value in the column's unit converted to the target's: ms for latencies, s for `durationS`, per second for
 * rates; tokens and counts as they are. `ttft_s` 0.125 → 125; `completed_per_min` 30 → 0.5. One multiplication
 * or division by a whole number, so exact values stay exact.
 */
export function convertToTarget(target: MappingTarget, unit: MappingUnit | undefined, value: number): number {
  const quantity = targetQuantity(target);
  if (quantity === 'latency' || quantity === 'duration') {
    return scale(value, NS_PER[unit ?? 'ms'] ?? 1e6, quantity === 'latency' ? 1e6 : 1e9);
  }
  if (quantity === 'rate') return scale(value, PER_MINUTE[unit ?? '/s'] ?? 60, 60);
  return value;
}

/** True when the column's unit is not already the target's. */
export function isConverted(target: MappingTarget, unit: MappingUnit | undefined): boolean {
  return convertToTarget(target, unit, 1) !== 1;
}

/** value × from ÷ to, done as the one operation whose factor is whole (from and to are powers of ten or 60). */
function scale(value: number, from: number, to: number): number {
  return from >= to ? value * (from / to) : value / (to / from);
}

export interface MappedField {
  /** CSV: the header cell. JSON: the dotted path within a record (`metrics.ttft.p50`; list items by index). */
  source: string;
  target: MappingTarget;
  /** Required for latencies, durations and rates; tokens and counts have one unit; text has none. */
  unit?: MappingUnit;
}

export interface ColumnMapping {
  id: string;
  name: string;
  /**
   * Which files it reads, by path: text contained in the path (`lab-results`), or a pattern with `*` (any run of
   * characters but `/`), `**` (anything) and `?` (one character), matched against the file name, or the whole
   * path when the pattern holds a `/`. Case-insensitive.
   */
  appliesTo: string;
  format: MappingFormat;
  /**
   * JSON: the dotted path to the records. It leads to a list (each item one record) or an object (one record);
   * '' or absent = the document itself. JSON Lines: each line is a document.
   */
  recordsPath?: string;
  fields: MappedField[];
}

/** Limits of a mapping and of the list a scenario holds (a scenario file is user input). */
export const MAX_MAPPINGS = 50;
export const MAX_MAPPED_FIELDS = 300;
const MAX_TEXT = 200;
const MAX_SOURCE = 500;

/** A mapping that does not validate: `field` names the first offending field, as the scenario validator does. */
export class MappingError extends Error {
  constructor(
    readonly field: string,
    readonly problem: string,
  ) {
    super(`${field}: ${problem}`);
  }
}

function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 39)}…` : value);
  if (Array.isArray(value)) return 'a list';
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  return typeof value === 'object' ? 'an object' : String(value);
}

function text(value: unknown, field: string, max: number, { nonEmpty = true } = {}): string {
  if (typeof value !== 'string' || (nonEmpty && value.trim() === '')) {
    throw new MappingError(field, `must be ${nonEmpty ? 'a non-empty ' : ''}text, got ${show(value)}`);
  }
  if (value.length > max) throw new MappingError(field, `must be at most ${max} characters, got ${value.length}`);
  return value;
}

/** A records path: text, possibly empty. */
function pathText(value: unknown, field: string): string {
  return text(value, field, MAX_SOURCE, { nonEmpty: false });
}

const THROUGHPUT_TARGETS: readonly MappingTarget[] = ['requestsPerSecond', 'outputTokensPerSecond'];

/**
 * Checks one mapping and returns it normalised (default units filled in). Fields it does not know are kept,
 * as everywhere in a scenario. Throws MappingError naming the first bad field (`mappings[0].fields[2].unit`).
 */
export function validateMapping(value: unknown, field: string): ColumnMapping {
  if (!isObject(value)) throw new MappingError(field, `must be an object, got ${show(value)}`);
  const id = text(value['id'], `${field}.id`, MAX_TEXT);
  const name = text(value['name'], `${field}.name`, MAX_TEXT);
  const appliesTo = text(value['appliesTo'], `${field}.appliesTo`, MAX_TEXT);
  const format = value['format'];
  if (format !== 'csv' && format !== 'json') {
    throw new MappingError(`${field}.format`, `must be one of ${MAPPING_FORMATS.join(', ')}, got ${show(format)}`);
  }
  const rawPath = value['recordsPath'];
  const recordsPath = rawPath === undefined ? undefined : pathText(rawPath, `${field}.recordsPath`);
  if (recordsPath !== undefined && recordsPath !== '' && format === 'csv') {
    throw new MappingError(`${field}.recordsPath`, 'applies to JSON only (a CSV row is a record)');
  }
  const rawFields = value['fields'];
  if (!Array.isArray(rawFields)) throw new MappingError(`${field}.fields`, `must be a list, got ${show(rawFields)}`);
  if (rawFields.length > MAX_MAPPED_FIELDS) {
    throw new MappingError(`${field}.fields`, `must hold at most ${MAX_MAPPED_FIELDS} fields, got ${rawFields.length}`);
  }
  const fields: MappedField[] = [];
  const used = new Map<MappingTarget, number>();
  rawFields.forEach((raw, i) => {
    const where = `${field}.fields[${i}]`;
    const mapped = validateField(raw, where);
    const earlier = used.get(mapped.target);
    if (earlier !== undefined) {
      throw new MappingError(`${where}.target`, `${mapped.target} is already filled by fields[${earlier}]`);
    }
    used.set(mapped.target, i);
    fields.push(mapped);
  });
  const canDerive = used.has('requestCount') && used.has('durationS');
  if (!THROUGHPUT_TARGETS.some((t) => used.has(t)) && !canDerive) {
    throw new MappingError(
      `${field}.fields`,
      'must map requestsPerSecond or outputTokensPerSecond (or requestCount and durationS): ' +
        'every point needs a throughput',
    );
  }
  const path = recordsPath === undefined ? {} : { recordsPath };
  const known: ColumnMapping = { id, name, appliesTo, format, ...path, fields };
  const unknown = Object.fromEntries(Object.entries(value).filter(([key]) => !(key in known) && key !== '__proto__'));
  return { ...unknown, ...known };
}

function validateField(raw: unknown, where: string): MappedField {
  if (!isObject(raw)) throw new MappingError(where, `must be an object, got ${show(raw)}`);
  const source = text(raw['source'], `${where}.source`, MAX_SOURCE);
  const target = raw['target'];
  if (!isMappingTarget(target)) {
    const examples = `load.concurrency, requestsPerSecond or ttftMs.p99 (stats: ${STATS.join(', ')})`;
    throw new MappingError(`${where}.target`, `must be a metric such as ${examples}, got ${show(target)}`);
  }
  const units = unitsFor(target);
  const unit = raw['unit'];
  if (units.length === 0) {
    if (unit !== undefined) {
      throw new MappingError(`${where}.unit`, `${target} is text and takes no unit, got ${show(unit)}`);
    }
    return { source, target };
  }
  const only = units.length === 1 ? units[0] : undefined;
  if (unit === undefined && only !== undefined) return { source, target, unit: only };
  if (typeof unit !== 'string' || !(units as readonly string[]).includes(unit)) {
    throw new MappingError(`${where}.unit`, `${target} needs a unit among ${units.join(', ')}, got ${show(unit)}`);
  }
  return { source, target, unit: unit as MappingUnit };
}

/** A list of mappings (the scenario's `mappings`): each checked, ids unique, at most MAX_MAPPINGS. */
export function validateMappings(value: unknown, field: string): ColumnMapping[] {
  if (!Array.isArray(value)) throw new MappingError(field, `must be a list, got ${show(value)}`);
  if (value.length > MAX_MAPPINGS) {
    throw new MappingError(field, `must hold at most ${MAX_MAPPINGS} mappings, got ${value.length}`);
  }
  const ids = new Set<string>();
  return value.map((raw, i) => {
    const mapping = validateMapping(raw, `${field}[${i}]`);
    if (ids.has(mapping.id)) throw new MappingError(`${field}[${i}].id`, `"${mapping.id}" is used twice`);
    ids.add(mapping.id);
    return mapping;
  });
}

/** A mapping checked without throwing, for forms. */
export type MappingCheck = { ok: true; mapping: ColumnMapping } | { ok: false; field: string; message: string };

export function checkMapping(value: unknown): MappingCheck {
  try {
    return { ok: true, mapping: validateMapping(value, 'mapping') };
  } catch (error) {
    if (error instanceof MappingError) return { ok: false, field: error.field, message: error.message };
    throw error;
  }
}

/** The list with `mapping` first (the newest is tried first: it was made for files the others did not read). */
export function withMapping(mappings: readonly ColumnMapping[] | undefined, mapping: ColumnMapping): ColumnMapping[] {
  return [mapping, ...(mappings ?? []).filter((m) => m.id !== mapping.id)];
}

/**
 * True for a refusal a mapping can fix: a file no parser recognised (an unknown CSV or JSON layout), or one a
 * mapping read and refused. These are the messages `parseFile` writes.
 */
export function offersMapping(reason: string): boolean {
  return /^(?:unknown format|a JSON document of unknown layout|column mapping ")/.test(reason);
}

/** True when `appliesTo` selects this path (see ColumnMapping.appliesTo). */
export function pathMatches(pattern: string, path: string): boolean {
  const normalisedPath = path.replace(/\\/g, '/');
  const wanted = pattern.trim().replace(/\\/g, '/');
  if (wanted === '') return false;
  if (!/[*?]/.test(wanted)) return normalisedPath.toLowerCase().includes(wanted.toLowerCase());
  const subject = wanted.includes('/') ? normalisedPath : (normalisedPath.split('/').pop() ?? normalisedPath);
  return globToRegExp(wanted).test(subject);
}

function globToRegExp(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i] ?? '';
    if (ch === '*' && glob[i + 1] === '*') {
      source += '.*';
      i++;
      if (glob[i + 1] === '/') i++; // `**/` also matches no folder at all
    } else if (ch === '*') source += '[^/]*';
    else if (ch === '?') source += '[^/]';
    else source += ch.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  // A pattern with folders may match the end of a longer path (`run/*.json` matches `sweep/run/a.json`).
  return new RegExp(`${glob.includes('/') ? '(?:^|/)' : '^'}${source}$`, 'i');
}
