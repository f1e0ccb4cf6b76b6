/**
 * A first guess at a mapping for a file, for the mapping dialog to start from (the user confirms it): where the
 * JSON records are, and which column is which metric from its name (`ttft_ms` → TTFT avg in ms, `Request
 * Throughput (per sec)` → requests/s, `p99_e2e_latency_s` → E2E p99 in s, `concurrency` → the load level).
 */
import { isObject } from '../../collections.ts';
import type { Stat } from '../../model/benchmark.ts';
import { isStat } from '../../model/benchmark.ts';
import { loadFromPath } from '../loadFromPath.ts';
import { baseName } from '../text.ts';
import type { SniffedFile } from '../types.ts';
import type { ColumnMapping, MappedDistribution, MappedField, MappingTarget, MappingUnit } from './mapping.ts';
import { mappableColumns, mappingFormatOf } from './readMapped.ts';

/** The dialog's starting point for this file; undefined when the file is neither CSV nor JSON. */
export function proposeMapping(file: SniffedFile, id: string): ColumnMapping | undefined {
  const format = mappingFormatOf(file);
  if (format === undefined) return undefined;
  const recordsPath = format === 'json' ? proposeRecordsPath(file) : undefined;
  let sources: string[];
  try {
    sources = mappableColumns(file, format, recordsPath).map((c) => c.source);
  } catch {
    sources = [];
  }
  return {
    id,
    name: baseName(file.path).replace(/\.[^.]+$/, '') || 'mapping',
    appliesTo: proposeAppliesTo(file.path),
    format,
    ...(recordsPath !== undefined ? { recordsPath } : {}),
    fields: proposeFields(sources),
  };
}

/** The file name; in a sweep (`run_c16.json`) its numbers become `*` so the other load levels' files match too. */
export function proposeAppliesTo(path: string): string {
  const name = baseName(path);
  const load = loadFromPath(name);
  return load.concurrency !== undefined || load.requestRate !== undefined ? name.replace(/\d+(?:\.\d+)?/g, '*') : name;
}

/** JSON: the largest list of objects within three levels (`benchmarks`, `results.runs`), else the document. */
export function proposeRecordsPath(file: SniffedFile): string {
  if (file.jsonLines !== undefined || !isObject(file.json)) return '';
  let best = { path: '', size: 0 };
  const visit = (value: unknown, path: string, depth: number) => {
    if (Array.isArray(value)) {
      if (value.length > best.size && value.some(isObject)) best = { path, size: value.length };
      return;
    }
    if (!isObject(value) || depth > 3) return;
    for (const [key, inner] of Object.entries(value)) visit(inner, path === '' ? key : `${path}.${key}`, depth + 1);
  };
  visit(file.json, '', 0);
  return best.path;
}

/** One guess per column, each target taken by the first column that names it. */
export function proposeFields(sources: readonly string[]): MappedField[] {
  const taken = new Set<MappingTarget>();
  const fields: MappedField[] = [];
  for (const source of sources) {
    const guess = guessField(source);
    if (guess === undefined || taken.has(guess.target)) continue;
    taken.add(guess.target);
    fields.push({ source, ...guess });
  }
  return fields;
}

/** The words of a column name: camelCase and separators split, lower case, `p99_9` kept as `p99.9`. */
function wordsOf(source: string): string[] {
  return source
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/(\d)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .replace(/µ/g, 'u')
    .replace(/(\d)[._](\d)/g, '$1.$2')
    .replace(/[^a-z0-9.]+|\.(?!\d)|(?<!\d)\./g, ' ')
    .split(' ')
    .filter((w) => w !== '');
}

/** The guess for one column name, or undefined when nothing obvious fits. */
export function guessField(source: string): Omit<MappedField, 'source'> | undefined {
  const words = wordsOf(source);
  const text = ` ${words.join(' ')} `;
  const has = (...phrases: string[]) => phrases.some((p) => text.includes(` ${p} `));
  const only = (...phrases: string[]) => phrases.includes(words.join(' '));
  const rate: MappingUnit = has('min', 'minute', 'per minute', 'rpm') ? '/min' : '/s';
  const stat = statOf(words);
  if (has('std', 'stdev', 'stddev', 'variance')) return undefined; // a spread, not a statistic of STATS

  if (only('model', 'model id', 'model name')) return { target: 'model' };
  if (only('config', 'configuration', 'config name', 'name', 'label', 'series', 'setup', 'deployment')) {
    return { target: 'series' };
  }
  if (has('concurrency', 'concurrent', 'users', 'vus', 'conc')) return { target: 'load.concurrency', unit: 'count' };
  if (has('request rate', 'req rate', 'qps', 'target rate', 'offered rate') || only('rate')) {
    return { target: 'load.requestRate', unit: rate };
  }

  const latency = latencyOf(has);
  if (latency !== undefined) return { target: `${latency}.${stat}`, unit: timeUnitOf(has, 'ms') };
  const perSecond = has('throughput', 'per s', 'per sec', 'per second', 's', 'sec', 'tps', 'rps', 'per min', 'rpm');
  const tokens = has('tokens', 'token', 'tok', 'tps');
  if (has('per user', 'user') && tokens) return { target: `outputTokensPerSecondPerUser.${stat}`, unit: rate };
  if (perSecond) {
    if (has('total')) return undefined; // input + output tokens: neither target
    if (has('input', 'prompt') && (tokens || has('throughput'))) return { target: 'inputTokensPerSecond', unit: rate };
    if (tokens || has('output', 'generation')) return { target: 'outputTokensPerSecond', unit: rate };
    const requests = has('request', 'requests', 'req', 'rps', 'rpm', 'completed');
    if (requests) return { target: 'requestsPerSecond', unit: rate };
  }
  const length = has('tokens', 'token', 'length', 'len', 'isl', 'osl');
  if (length && has('input', 'prompt', 'isl')) return { target: `inputTokens.${stat}`, unit: 'tokens' };
  const output = has('output', 'completion', 'generated', 'osl');
  if (length && output) return { target: `outputTokens.${stat}`, unit: 'tokens' };
  if (has('errors', 'error', 'failed', 'failures')) return { target: 'errorCount', unit: 'count' };
  if (has('duration', 'elapsed', 'benchmark time')) return { target: 'durationS', unit: timeUnitOf(has, 's') };
  const count = has('completed', 'successful', 'request count', 'num requests', 'requests');
  if (count) return { target: 'requestCount', unit: 'count' };
  return undefined;
}

function latencyOf(has: (...phrases: string[]) => boolean): MappedDistribution | undefined {
  if (has('ttft', 'time to first token', 'first token')) return 'ttftMs';
  if (has('itl', 'inter token', 'intertoken', 'inter token latency')) return 'itlMs';
  if (has('tpot', 'time per output token')) return 'tpotMs';
  if (has('e2e', 'end to end', 'latency', 'e2el')) return 'e2eMs';
  return undefined;
}

function statOf(words: readonly string[]): Stat {
  for (const word of words) {
    const percentile = /^(?:p|q)(\d+(?:\.\d+)?)$/.exec(word) ?? /^(\d+(?:\.\d+)?)(?:th|st|nd|rd)$/.exec(word);
    const stat = percentile ? `p${percentile[1]}` : undefined;
    if (isStat(stat)) return stat;
    if (word === 'median') return 'p50';
    if (word === 'min' || word === 'minimum') return 'min';
    if (word === 'max' || word === 'maximum') return 'max';
  }
  return 'avg';
}

function timeUnitOf(has: (...phrases: string[]) => boolean, fallback: MappingUnit): MappingUnit {
  if (has('ns', 'nanoseconds')) return 'ns';
  if (has('us', 'microseconds')) return 'us';
  if (has('ms', 'msec', 'milliseconds')) return 'ms';
  if (has('s', 'sec', 'secs', 'seconds')) return 's';
  return fallback;
}
