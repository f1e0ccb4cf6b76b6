/**
 * Reading a file through a ColumnMapping: its records (CSV rows under the header, up to the first blank line;
 * JSON items at `recordsPath`), the columns a person can map (with a sample value each), and the runs.
 * Each record is one run: runPath `<path>#<record number>`, one series per file, split by the `series` column.
 */
import { isObject } from '../../collections.ts';
import type { Distribution } from '../../model/benchmark.ts';
import { looksLikeScenario } from '../../scenario/migrations.ts';
import { loadFromPath } from '../loadFromPath.ts';
import { emptyRun, requireThroughput } from '../runs.ts';
import { csvRows, parseNumberCell, truncate } from '../text.ts';
import type { BenchmarkParser, ParseOutcome, ParsedRun, SniffedFile } from '../types.ts';
import { ParseFailure } from '../types.ts';
import { checkedNumber } from '../units.ts';
import type { ColumnMapping, MappedDistribution, MappedField, MappingFormat, TargetQuantity } from './mapping.ts';
import { MAPPED_SCALARS, UNIT_LABELS, convertToTarget, isConverted, pathMatches, targetQuantity } from './mapping.ts';

/** The layout a file has for a mapping: CSV text, or JSON (one document or JSON Lines); else none. */
export function mappingFormatOf(file: SniffedFile): MappingFormat | undefined {
  if (file.json !== undefined || file.jsonLines !== undefined) return 'json';
  if (file.jsonError !== undefined || file.firstLine === '') return undefined;
  return 'csv';
}

/** The first mapping that applies to the file (path pattern and format), as a parser; undefined when none does. */
export function mappedParserFor(
  file: SniffedFile,
  mappings: readonly ColumnMapping[] | undefined,
): BenchmarkParser | undefined {
  if (!mappings || mappings.length === 0 || looksLikeScenario(file.json)) return undefined;
  const format = mappingFormatOf(file);
  const mapping = mappings.find((m) => m.format === format && pathMatches(m.appliesTo, file.path));
  return mapping ? mappedParser(mapping) : undefined;
}

export function mappedParser(mapping: ColumnMapping): BenchmarkParser {
  return {
    id: `mapped-${mapping.format}`,
    label: `column mapping "${mapping.name}"`,
    detect: (file) => mappingFormatOf(file) === mapping.format,
    parse: (file) => parseWithMapping(file, mapping),
  };
}

/** One record: reads a source (CSV header or JSON path); `where` names it in messages ("line 3"). */
interface SourceRecord {
  where: string;
  get(source: string): unknown;
}

/** A file's records and the sources (CSV headers, JSON leaf paths) they have. */
interface Records {
  records: SourceRecord[];
  sources: string[];
}

/** The records of a file as a mapping of this format and records path sees them. Throws ParseFailure. */
export function mappedRecords(file: SniffedFile, format: MappingFormat, recordsPath = ''): Records {
  if (mappingFormatOf(file) !== format) throw new ParseFailure(`the file is not ${format === 'csv' ? 'CSV' : 'JSON'}`);
  return format === 'csv' ? csvRecords(file.text) : jsonRecords(file, recordsPath);
}

/** The header line's separator: a comma, else a tab, semicolon or `|` (papaparse guesses poorly on short files). */
function delimiterOf(text: string): string {
  const header = /^\s*(.*)/.exec(text)?.[1] ?? '';
  if (header.includes(',')) return ',';
  return ['\t', ';', '|'].find((d) => header.includes(d)) ?? ',';
}

function csvRecords(text: string): Records {
  const rows = csvRows(text, delimiterOf(text));
  const start = rows.findIndex((row) => row.some((cell) => cell !== ''));
  const header = rows[start] ?? [];
  if (start < 0 || header.length < 2) throw new ParseFailure('no header row with at least two columns');
  const column = new Map<string, number>();
  header.forEach((name, i) => {
    if (!column.has(name)) column.set(name, i); // a repeated header: the first one counts
  });
  const records: SourceRecord[] = [];
  for (let i = start + 1; i < rows.length; i++) {
    const row = rows[i] ?? [];
    if (row.every((cell) => cell === '')) break; // a blank line ends the table (another block may follow)
    const line = i + 1;
    const get = (source: string) => {
      const at = column.get(source);
      return at === undefined ? undefined : (row[at] ?? '');
    };
    records.push({ where: `line ${line}`, get });
  }
  return { records, sources: header.filter((h) => h !== '') };
}

function jsonRecords(file: SniffedFile, recordsPath: string): Records {
  const documents = file.jsonLines ?? [file.json];
  const items = documents.flatMap((doc, d) => {
    const at = valueAt(doc, recordsPath);
    const where = file.jsonLines ? `line ${d + 1}` : 'the file';
    if (at === undefined) throw new ParseFailure(`${where}: the records path "${recordsPath}" is not in it`);
    if (Array.isArray(at)) return at;
    if (isObject(at)) return [at];
    throw new ParseFailure(`${where}: "${recordsPath}" holds ${typeof at}, not a list or an object of records`);
  });
  const records = items.map((item, i): SourceRecord => ({
    where: `record ${i + 1}`,
    get: (path) => valueAt(item, path),
  }));
  const sources = [...new Set(items.slice(0, 50).flatMap((item) => leafPaths(item)))];
  return { records, sources };
}

/**
 * The value at a dotted path (`metrics.ttft.p50`, `results.0.rps`), or undefined. A key that itself holds dots
 * (`"ttft.mean"`) is found too: at each level the longest key the path starts with is tried first.
 */
export function valueAt(value: unknown, path: string): unknown {
  if (path === '') return value;
  if (typeof value !== 'object' || value === null) return undefined;
  const container = value as Record<string, unknown>;
  if (Object.hasOwn(container, path)) return container[path];
  for (let dot = path.lastIndexOf('.'); dot > 0; dot = path.lastIndexOf('.', dot - 1)) {
    const head = path.slice(0, dot);
    if (Object.hasOwn(container, head)) {
      const found = valueAt(container[head], path.slice(dot + 1));
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

const MAX_LEAVES = 1000;
const MAX_DEPTH = 8;

/** Dotted paths of the scalar values inside a record (objects and lists walked, at most MAX_LEAVES). */
function leafPaths(value: unknown, prefix = '', depth = 0, out: string[] = []): string[] {
  if (out.length >= MAX_LEAVES) return out;
  if (typeof value === 'object' && value !== null && depth < MAX_DEPTH) {
    for (const [key, inner] of Object.entries(value)) {
      leafPaths(inner, prefix === '' ? key : `${prefix}.${key}`, depth + 1, out);
    }
  } else if (prefix !== '' && (typeof value !== 'object' || value === null)) out.push(prefix);
  return out;
}

export interface MappableColumn {
  source: string;
  /** The first non-empty value of the column, as text (shortened). */
  sample: string;
}

/** The columns (CSV headers or JSON leaf paths) a person can map, with a sample value each. Throws ParseFailure. */
export function mappableColumns(file: SniffedFile, format: MappingFormat, recordsPath = ''): MappableColumn[] {
  const { records, sources } = mappedRecords(file, format, recordsPath);
  return sources.map((source) => {
    const sample = records
      .slice(0, 50)
      .map((r) => r.get(source))
      .find((v) => v !== undefined && v !== null && v !== '');
    if (sample === undefined) return { source, sample: '' };
    return { source, sample: truncate(typeof sample === 'string' ? sample : JSON.stringify(sample), 40) };
  });
}

/** Reads the file with the mapping: one run per record that has any mapped value. Throws ParseFailure. */
export function parseWithMapping(file: SniffedFile, mapping: ColumnMapping): ParseOutcome {
  const { records, sources } = mappedRecords(file, mapping.format, mapping.recordsPath);
  const inFile = (source: string) => sources.includes(source) || records.some((r) => r.get(source) !== undefined);
  const missing = mapping.fields.filter((f) => !inFile(f.source));
  if (missing.length > 0) {
    const names = missing.map((f) => `"${truncate(f.source, 40)}"`).join(', ');
    const has = truncate(sources.join(', '), 200);
    throw new ParseFailure(`${missing.length === 1 ? 'column' : 'columns'} ${names} not in the file (it has ${has})`);
  }
  const hasLoad = mapping.fields.some((f) => f.target.startsWith('load.'));
  // With the load in a column the file is the sweep; without, its folder names the load (`c8/result.json`).
  const family = stripExtension(hasLoad ? file.path : loadFromPath(file.path).familyPath);
  const notes = mappingNotes(mapping);
  const runs: ParsedRun[] = [];
  records.forEach((record, i) => {
    const run = readRecord(file, mapping, record, i + 1);
    if (run === undefined) return;
    const series = run.metadata.configuration?.['series'];
    run.familyPath = series === undefined ? family : `${family}/${series}`;
    run.notes.push(...notes);
    runs.push(run);
  });
  if (runs.length === 0) {
    throw new ParseFailure(`none of the ${records.length} records has a value in the mapped columns`);
  }
  return { kind: 'runs', runs };
}

function readRecord(
  file: SniffedFile,
  mapping: ColumnMapping,
  record: SourceRecord,
  index: number,
): ParsedRun | undefined {
  const source = { path: file.path, tool: 'mapped', format: `mapped-${mapping.format}` } as const;
  const run = emptyRun(`${file.path}#${index}`, source);
  const load: Load = {};
  let filled = false;
  for (const field of mapping.fields) {
    const raw = record.get(field.source);
    const where = `${record.where}, ${truncate(field.source, 60)}`;
    if (targetQuantity(field.target) === 'text') {
      const value = textValue(raw);
      if (value === undefined) continue;
      if (field.target === 'model') run.metadata.model = value;
      else run.metadata.configuration = { ...run.metadata.configuration, series: value };
      filled = true;
      continue;
    }
    if (field.target === 'load.requestRate' && typeof raw === 'string' && /^\s*(?:inf|infinity)\s*$/i.test(raw)) {
      load.saturation = true; // an open-loop run with no rate limit: no offered rate is invented
      filled = true;
      continue;
    }
    const number = numberValue(raw, where);
    if (number === undefined) continue;
    filled = true;
    assign(run, load, field, convertToTarget(field.target, field.unit, number), where);
  }
  if (!filled) return undefined;
  if (load.concurrency !== undefined || load.requestRate !== undefined || load.saturation) run.load = load;
  const { requestCount, durationS } = run;
  if (run.requestsPerSecond === undefined && requestCount !== undefined && durationS !== undefined && durationS > 0) {
    run.requestsPerSecond = requestCount / durationS;
    run.derived.push('requestsPerSecond');
    run.notes.push('Requests/s derived as request count ÷ duration: the mapping has no throughput column.');
  }
  try {
    requireThroughput(run);
  } catch (error) {
    throw new ParseFailure(`${record.where}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return run;
}

type Load = { concurrency?: number; requestRate?: number; saturation?: boolean };

function assign(run: ParsedRun, load: Load, field: MappedField, value: number, where: string): void {
  const target = field.target;
  if (target === 'load.concurrency' || target === 'load.requestRate') {
    if (value <= 0) throw new ParseFailure(`${where}: a load level must be more than 0, got ${value}`);
    load[target === 'load.concurrency' ? 'concurrency' : 'requestRate'] = value;
  } else if ((MAPPED_SCALARS as readonly string[]).includes(target)) {
    run[target as (typeof MAPPED_SCALARS)[number]] = value;
  } else {
    const [distribution, stat] = splitTarget(target);
    const dist: Distribution = run[distribution];
    dist[stat] = value;
  }
}

function splitTarget(target: string): [MappedDistribution, keyof Distribution] {
  const dot = target.indexOf('.');
  return [target.slice(0, dot) as MappedDistribution, target.slice(dot + 1) as keyof Distribution];
}

/** A JSON number, or a numeric text cell (`"2,156.03"`, string-typed JSON numbers); empty and null are absent. */
function numberValue(raw: unknown, where: string): number | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw === 'string') return parseNumberCell(raw, where);
  return checkedNumber(raw, where);
}

function textValue(raw: unknown): string | undefined {
  if (typeof raw === 'string') return raw.trim() === '' ? undefined : raw.trim();
  if (typeof raw === 'number' || typeof raw === 'boolean') return String(raw);
  return undefined;
}

/** The unit each kind of target is stored in, for the notes. */
const TARGET_UNIT: Readonly<Record<TargetQuantity, string>> = {
  latency: 'ms',
  duration: 's',
  rate: 'per s',
  tokens: 'tokens',
  count: 'count',
  text: '',
};

/** What the mapping read, in words, with every unit converted. */
function mappingNotes(mapping: ColumnMapping): string[] {
  const converted = mapping.fields
    .filter((f) => isConverted(f.target, f.unit))
    .map((f) => `${f.source} (${UNIT_LABELS[f.unit ?? 'ms']} → ${TARGET_UNIT[targetQuantity(f.target)]})`);
  const read = `Read with the column mapping "${mapping.name}" (${mapping.fields.length} mapped).`;
  return converted.length > 0 ? [read, `Converted: ${converted.join(', ')}.`] : [read];
}

function stripExtension(path: string): string {
  return path.replace(/\.(?:csv|tsv|txt|jsonl?|ndjson)$/i, '');
}
