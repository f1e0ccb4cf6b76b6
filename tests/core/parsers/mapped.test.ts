/**
 * The generic mapper: files no built-in parser reads, read through a user's column mapping. The inputs are
 * built inline (no tool writes them); every expected number is worked out by hand from the cells.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ColumnMapping } from '../../../src/core/parsers/mapped/mapping.ts';
import {
  MappingError,
  checkMapping,
  pathMatches,
  validateMapping,
  validateMappings,
} from '../../../src/core/parsers/mapped/mapping.ts';
import { mappableColumns, valueAt } from '../../../src/core/parsers/mapped/readMapped.ts';
import { ingestFiles } from '../../../src/core/parsers/ingest.ts';
import { parseFile, sniff } from '../../../src/core/parsers/registry.ts';
import type { ParsedRun } from '../../../src/core/parsers/types.ts';

/** Latencies in seconds, completions per minute, two configurations in one sheet. */
const LAB_CSV = [
  'config,users,ttft_s,p99_e2e_latency_s,completed_per_min,output_tok_per_s,duration_min_col',
  'a100,1,0.125,2.5,30,100,',
  'a100,4,0.25,3.75,90,350,',
  'h100,4,0.0625,1.5,120,480,',
  '',
  'totals,,,,240,930,',
].join('\n');

const LAB_MAPPING: ColumnMapping = {
  id: 'lab',
  name: 'lab sheet',
  appliesTo: 'results*.csv',
  format: 'csv',
  fields: [
    { source: 'config', target: 'series' },
    { source: 'users', target: 'load.concurrency', unit: 'count' },
    { source: 'ttft_s', target: 'ttftMs.avg', unit: 's' },
    { source: 'p99_e2e_latency_s', target: 'e2eMs.p99', unit: 's' },
    { source: 'completed_per_min', target: 'requestsPerSecond', unit: '/min' },
    { source: 'output_tok_per_s', target: 'outputTokensPerSecond', unit: '/s' },
  ],
};

/** Nested records under `runs`, a key holding a dot, string-typed counts, microsecond ITL. */
const NESTED_JSON = JSON.stringify({
  tool: 'in-house',
  runs: [
    {
      setup: { concurrency: 8 },
      model: 'llama-70b',
      metrics: {
        ttft: { p50: 0.2, p99: 0.45 },
        'e2e.mean_ms': 1234.5,
        itl_us: 21500,
        throughput: { requests_per_s: 3.2, output_tokens_per_s: 640 },
      },
      counts: { ok: 96, failed: '2' },
    },
    {
      setup: { concurrency: 16 },
      model: 'llama-70b',
      metrics: {
        ttft: { p50: 0.35, p99: null },
        'e2e.mean_ms': 2001,
        itl_us: 30250,
        throughput: { requests_per_s: 5.5, output_tokens_per_s: 1100 },
      },
      counts: { ok: 190, failed: '0' },
    },
  ],
});

const NESTED_MAPPING: ColumnMapping = {
  id: 'nested',
  name: 'in-house runner',
  appliesTo: 'inhouse',
  format: 'json',
  recordsPath: 'runs',
  fields: [
    { source: 'setup.concurrency', target: 'load.concurrency', unit: 'count' },
    { source: 'model', target: 'model' },
    { source: 'metrics.ttft.p50', target: 'ttftMs.p50', unit: 's' },
    { source: 'metrics.ttft.p99', target: 'ttftMs.p99', unit: 's' },
    { source: 'metrics.e2e.mean_ms', target: 'e2eMs.avg', unit: 'ms' },
    { source: 'metrics.itl_us', target: 'itlMs.avg', unit: 'us' },
    { source: 'metrics.throughput.requests_per_s', target: 'requestsPerSecond', unit: '/s' },
    { source: 'metrics.throughput.output_tokens_per_s', target: 'outputTokensPerSecond', unit: '/s' },
    { source: 'counts.ok', target: 'requestCount', unit: 'count' },
    { source: 'counts.failed', target: 'errorCount', unit: 'count' },
  ],
};

function runsOf(path: string, text: string, mappings: ColumnMapping[]): ParsedRun[] {
  const outcome = parseFile({ path, text }, { mappings });
  if (outcome.kind !== 'runs') throw new Error(`expected runs, got ${JSON.stringify(outcome)}`);
  return outcome.runs;
}

function reasonOf(path: string, text: string, mappings: ColumnMapping[]): string {
  const outcome = parseFile({ path, text }, { mappings });
  if (outcome.kind !== 'error') throw new Error(`expected an error, got ${outcome.kind}`);
  return outcome.reason;
}

describe('a CSV read through a mapping', () => {
  it('converts seconds to ms and per-minute counts to per second, one run per row up to the blank line', () => {
    const runs = runsOf('lab/results.csv', LAB_CSV, [LAB_MAPPING]);
    expect(runs).toHaveLength(3);
    const [first, second, third] = runs as [ParsedRun, ParsedRun, ParsedRun];
    expect(first.runPath).toBe('lab/results.csv#1');
    expect(first.source).toEqual({ path: 'lab/results.csv', tool: 'mapped', format: 'mapped-csv' });
    expect(first.load).toEqual({ concurrency: 1 });
    expect(first.ttftMs).toEqual({ avg: 125 }); // 0.125 s
    expect(first.e2eMs).toEqual({ p99: 2500 }); // 2.5 s
    expect(first.requestsPerSecond).toBe(0.5); // 30 per minute
    expect(first.outputTokensPerSecond).toBe(100);
    expect(second.ttftMs).toEqual({ avg: 250 });
    expect(second.e2eMs).toEqual({ p99: 3750 });
    expect(second.requestsPerSecond).toBe(1.5); // 90 / 60
    expect(third.ttftMs).toEqual({ avg: 62.5 });
    expect(third.requestsPerSecond).toBe(2); // 120 / 60
    // A statistic the sheet lacks is absent, never 0.
    expect(third.itlMs).toEqual({});
    expect(third.requestCount).toBeUndefined();
    expect(first.notes).toContain(
      'Converted: ttft_s (s → ms), p99_e2e_latency_s (s → ms), completed_per_min (per min → per s).',
    );
  });

  // "results" is a generic folder or file name, left out of series names.
  it('forms one series per value of the series column, named after the folder and file', () => {
    const { points, errors } = ingestFiles([{ path: 'lab/results.csv', text: LAB_CSV }], { mappings: [LAB_MAPPING] });
    expect(errors).toEqual([]);
    const bySeries = new Map<string, number[]>();
    for (const p of points)
      bySeries.set(p.seriesName, [...(bySeries.get(p.seriesName) ?? []), p.load.concurrency ?? 0]);
    expect(Object.fromEntries(bySeries)).toEqual({ 'lab / a100': [1, 4], 'lab / h100': [4] });
    const h100 = points.find((p) => p.seriesName === 'lab / h100');
    expect(h100?.requestsPerSecond).toBe(2);
    expect(h100?.metadata.configuration).toEqual({ series: 'h100' });
  });

  it('is used only when no built-in parser claims the file and the pattern matches', () => {
    expect(reasonOf('lab/other.csv', LAB_CSV, [LAB_MAPPING])).toMatch(
      /^unknown format \(first line: "config,users,ttft_s/,
    );
    const genaiPerfCsv =
      'Metric,avg,min,max,p99,p95,p90,p75,p50,p25\nTime To First Token (ms),120,1,1,1,1,1,1,1,1\n\n' +
      'Metric,Value\nRequest Throughput (per sec),4\n';
    const everything = { ...LAB_MAPPING, appliesTo: '**' };
    expect(runsOf('c8/profile_export_genai_perf.csv', genaiPerfCsv, [everything])[0]?.source.tool).toBe('genai-perf');
    // A JSON mapping does not read a CSV file, even when its pattern matches.
    expect(reasonOf('lab/results.csv', LAB_CSV, [{ ...NESTED_MAPPING, appliesTo: 'results' }])).toMatch(
      /^unknown format/,
    );
  });

  it('refuses the file, naming the cell, when a mapped value is not a number', () => {
    const bad = LAB_CSV.replace('0.25,3.75', '0.25 s,3.75');
    expect(reasonOf('results.csv', bad, [LAB_MAPPING])).toBe(
      'column mapping "lab sheet": line 3, ttft_s: "0.25 s" is not a number',
    );
  });

  it('refuses the file when a mapped column is not in it, listing the columns it has', () => {
    const renamed = LAB_CSV.replace('ttft_s', 'ttft');
    expect(reasonOf('results.csv', renamed, [LAB_MAPPING])).toBe(
      'column mapping "lab sheet": column "ttft_s" not in the file (it has config, users, ttft, ' +
        'p99_e2e_latency_s, completed_per_min, output_tok_per_s, duration_min_col)',
    );
  });

  it('refuses a row without a throughput, naming its line', () => {
    const gap = LAB_CSV.replace('h100,4,0.0625,1.5,120,480', 'h100,4,0.0625,1.5,,');
    expect(reasonOf('results.csv', gap, [LAB_MAPPING])).toBe(
      'column mapping "lab sheet": line 4: required metric missing: ' +
        'neither request throughput nor output token throughput is present',
    );
  });

  it('derives requests/s from a count and a duration when no throughput column is mapped, and says so', () => {
    const csv = 'n,done,took_ms\n2,50,20000\n';
    const mapping: ColumnMapping = {
      id: 'd',
      name: 'derive',
      appliesTo: 'x.csv',
      format: 'csv',
      fields: [
        { source: 'n', target: 'load.concurrency' },
        { source: 'done', target: 'requestCount' },
        { source: 'took_ms', target: 'durationS', unit: 'ms' },
      ],
    };
    const [run] = runsOf('x.csv', csv, [validateMapping(mapping, 'mapping')]);
    expect(run?.durationS).toBe(20); // 20000 ms
    expect(run?.requestsPerSecond).toBe(2.5); // 50 / 20
    expect(run?.derived).toEqual(['requestsPerSecond']);
  });

  it('reads tab- and semicolon-separated sheets', () => {
    const mapping = validateMapping(
      {
        id: 't',
        name: 'tabs',
        appliesTo: 'a.tsv',
        format: 'csv',
        fields: [
          { source: 'users', target: 'load.concurrency' },
          { source: 'rps', target: 'requestsPerSecond', unit: '/s' },
        ],
      },
      'mapping',
    );
    expect(
      runsOf('a.tsv', 'users\trps\n2\t1.5\n4\t2.5\n', [mapping]).map((r) => [r.load?.concurrency, r.requestsPerSecond]),
    ).toEqual([
      [2, 1.5],
      [4, 2.5],
    ]);
    expect(runsOf('a.tsv', 'users;rps\n2;1.5\n', [mapping]).map((r) => r.requestsPerSecond)).toEqual([1.5]);
  });

  it('reads an "inf" request rate as a saturation run, inventing no rate', () => {
    const csv = 'rate,rps\n2,1.9\ninf,7.5\n';
    const mapping = validateMapping(
      {
        id: 'r',
        name: 'rates',
        appliesTo: 'r.csv',
        format: 'csv',
        fields: [
          { source: 'rate', target: 'load.requestRate', unit: '/s' },
          { source: 'rps', target: 'requestsPerSecond', unit: '/s' },
        ],
      },
      'mapping',
    );
    expect(runsOf('r.csv', csv, [mapping]).map((r) => r.load)).toEqual([{ requestRate: 2 }, { saturation: true }]);
  });
});

describe('a JSON file read through a mapping', () => {
  it('reads nested records by dotted paths, keys with dots included, with units converted', () => {
    const runs = runsOf('inhouse/report.json', NESTED_JSON, [NESTED_MAPPING]);
    expect(runs).toHaveLength(2);
    const [c8, c16] = runs as [ParsedRun, ParsedRun];
    expect(c8.source.format).toBe('mapped-json');
    expect(c8.load).toEqual({ concurrency: 8 });
    expect(c8.metadata.model).toBe('llama-70b');
    expect(c8.ttftMs).toEqual({ p50: 200, p99: 450 }); // 0.2 s, 0.45 s
    expect(c8.e2eMs).toEqual({ avg: 1234.5 });
    expect(c8.itlMs).toEqual({ avg: 21.5 }); // 21500 µs
    expect(c8.requestsPerSecond).toBe(3.2);
    expect(c8.outputTokensPerSecond).toBe(640);
    expect(c8.requestCount).toBe(96);
    expect(c8.errorCount).toBe(2); // the string "2"
    // null is "not reported": the stat is absent.
    expect(c16.ttftMs).toEqual({ p50: 350 });
    expect(c16.itlMs).toEqual({ avg: 30.25 });
    expect(c16.errorCount).toBe(0);
  });

  it('reads JSON Lines, one document per line', () => {
    const lines = JSON.parse(NESTED_JSON)
      .runs.map((r: unknown) => JSON.stringify(r))
      .join('\n');
    const mapping = { ...NESTED_MAPPING, recordsPath: '' };
    expect(runsOf('inhouse/report.jsonl', lines, [mapping]).map((r) => r.requestsPerSecond)).toEqual([3.2, 5.5]);
  });

  it('reads one record per file and takes the load level from the folder when the mapping has none', () => {
    const record = (rps: number) => JSON.stringify({ summary: { rps, ttft_ms: 40 } });
    const mapping = validateMapping(
      {
        id: 's',
        name: 'single',
        appliesTo: 'summary.json',
        format: 'json',
        recordsPath: 'summary',
        fields: [
          { source: 'rps', target: 'requestsPerSecond', unit: '/s' },
          { source: 'ttft_ms', target: 'ttftMs.avg', unit: 'ms' },
        ],
      },
      'mapping',
    );
    const { points, errors } = ingestFiles(
      [
        { path: 'sweep/conc4/summary.json', text: record(1.5) },
        { path: 'sweep/conc8/summary.json', text: record(2.75) },
      ],
      { mappings: [mapping] },
    );
    expect(errors).toEqual([]);
    expect(points.map((p) => [p.seriesName, p.load.concurrency, p.load.origin, p.requestsPerSecond])).toEqual([
      ['sweep / summary', 4, 'path', 1.5],
      ['sweep / summary', 8, 'path', 2.75],
    ]);
  });

  it('refuses a records path that is not in the file', () => {
    expect(reasonOf('inhouse/report.json', NESTED_JSON, [{ ...NESTED_MAPPING, recordsPath: 'results' }])).toBe(
      'column mapping "in-house runner": the file: the records path "results" is not in it',
    );
  });

  it('lists the leaf paths of the records with a sample each, for the dialog', () => {
    const columns = mappableColumns(sniff({ path: 'r.json', text: NESTED_JSON }), 'json', 'runs');
    expect(columns.slice(0, 4)).toEqual([
      { source: 'setup.concurrency', sample: '8' },
      { source: 'model', sample: 'llama-70b' },
      { source: 'metrics.ttft.p50', sample: '0.2' },
      { source: 'metrics.ttft.p99', sample: '0.45' },
    ]);
    expect(columns.map((c) => c.source)).toContain('metrics.e2e.mean_ms');
  });

  it('finds values by dotted path through lists and keys holding dots', () => {
    expect(valueAt({ a: [{ b: 1 }, { b: 2 }] }, 'a.1.b')).toBe(2);
    expect(valueAt({ 'x.y': { z: 3 } }, 'x.y.z')).toBe(3);
    expect(valueAt({ a: 1 }, 'a.b')).toBeUndefined();
  });
});

describe('mapping validation', () => {
  const problem = (change: (m: Record<string, unknown>) => void): string => {
    const mapping = structuredClone(LAB_MAPPING) as unknown as Record<string, unknown>;
    change(mapping);
    const result = checkMapping(mapping);
    return result.ok ? 'ok' : result.message;
  };
  const fields = (m: Record<string, unknown>) => m['fields'] as Array<Record<string, unknown>>;

  it('accepts a complete mapping and fills in the one unit of counts', () => {
    expect(problem(() => undefined)).toBe('ok');
    const { fields: checked } = validateMapping(
      {
        ...LAB_MAPPING,
        fields: [
          { source: 'users', target: 'load.concurrency' },
          { source: 'rps', target: 'requestsPerSecond', unit: '/s' },
        ],
      },
      'm',
    );
    expect(checked[0]).toEqual({ source: 'users', target: 'load.concurrency', unit: 'count' });
  });

  it('names the first bad field', () => {
    expect(problem((m) => delete m['name'])).toBe('mapping.name: must be a non-empty text, got nothing');
    expect(problem((m) => (m['format'] = 'xlsx'))).toBe('mapping.format: must be one of csv, json, got "xlsx"');
    expect(problem((m) => (m['recordsPath'] = 'rows'))).toBe(
      'mapping.recordsPath: applies to JSON only (a CSV row is a record)',
    );
    expect(problem((m) => delete fields(m)[2]!['unit'])).toBe(
      'mapping.fields[2].unit: ttftMs.avg needs a unit among ns, us, ms, s, got nothing',
    );
    expect(problem((m) => (fields(m)[4]!['unit'] = 's'))).toBe(
      'mapping.fields[4].unit: requestsPerSecond needs a unit among /s, /min, got "s"',
    );
    expect(problem((m) => (fields(m)[0]!['unit'] = 'count'))).toBe(
      'mapping.fields[0].unit: series is text and takes no unit, got "count"',
    );
    expect(problem((m) => (fields(m)[2]!['target'] = 'ttftMs.p42'))).toMatch(
      /^mapping\.fields\[2\]\.target: must be a metric such as load\.concurrency, requestsPerSecond or ttftMs\.p99 /,
    );
    expect(problem((m) => (fields(m)[3]!['target'] = 'ttftMs.avg'))).toBe(
      'mapping.fields[3].target: ttftMs.avg is already filled by fields[2]',
    );
    expect(problem((m) => (m['fields'] = fields(m).slice(0, 4)))).toBe(
      'mapping.fields: must map requestsPerSecond or outputTokensPerSecond (or requestCount and durationS): ' +
        'every point needs a throughput',
    );
  });

  it('checks a list: unique ids, at most 50', () => {
    expect(() => validateMappings([LAB_MAPPING, LAB_MAPPING], 'mappings')).toThrow(
      new MappingError('mappings[1].id', '"lab" is used twice'),
    );
    expect(() =>
      validateMappings(
        Array.from({ length: 51 }, (_, i) => ({ ...LAB_MAPPING, id: `m${i}` })),
        'mappings',
      ),
    ).toThrow('mappings: must hold at most 50 mappings, got 51');
  });
});

describe('which files a mapping applies to', () => {
  it('matches text contained in the path, or a glob on the file name (on the path when it holds a /)', () => {
    expect(pathMatches('lab-results', 'runs/lab-results-2024.csv')).toBe(true);
    expect(pathMatches('LAB', 'runs/lab.csv')).toBe(true);
    expect(pathMatches('results_*.csv', 'sweep/results_c16.csv')).toBe(true);
    expect(pathMatches('results_*.csv', 'sweep/results_c16.json')).toBe(false);
    expect(pathMatches('run?.json', 'a/run7.json')).toBe(true);
    expect(pathMatches('sweep/*/summary.json', 'lab/sweep/c8/summary.json')).toBe(true);
    expect(pathMatches('sweep/*/summary.json', 'sweep/c8/deeper/summary.json')).toBe(false);
    expect(pathMatches('sweep/**/summary.json', 'sweep/c8/deeper/summary.json')).toBe(true);
    expect(pathMatches('**/summary.json', 'summary.json')).toBe(true);
  });
});

describe('the mapper never throws out of parseFile (fuzz)', () => {
  const catchAll = [
    { ...LAB_MAPPING, appliesTo: '**' },
    { ...NESTED_MAPPING, appliesTo: '**' },
  ];
  // A reason of its own, never the registry's catch-all for an exception a parser did not mean to throw.
  const outcomeOf = (text: string) => {
    const outcome = parseFile({ path: 'any/file.txt', text }, { mappings: catchAll });
    if (outcome.kind === 'error' && outcome.reason.includes('could not be read (')) return `bug: ${outcome.reason}`;
    if (
      outcome.kind === 'runs' &&
      outcome.runs.some((r) => !Number.isFinite(r.requestsPerSecond ?? r.outputTokensPerSecond))
    )
      return 'bug: no throughput';
    return outcome.kind;
  };

  it('on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) => ['runs', 'error', 'skipped'].includes(outcomeOf(text))),
    );
  });

  it('on the sheet and the JSON with cells replaced, cut short or retyped', () => {
    const cell = fc.oneof(
      fc.constant(''),
      fc.constant('NaN'),
      fc.constant('-1'),
      fc.constant('1e400'),
      fc.string({ maxLength: 6 }),
      fc.double().map(String),
    );
    fc.assert(
      fc.property(fc.nat(LAB_CSV.length), cell, fc.nat(LAB_CSV.length), (at, text, cut) => {
        const mutated = (LAB_CSV.slice(0, at) + text + LAB_CSV.slice(at)).slice(0, Math.max(cut, 1));
        return ['runs', 'error'].includes(outcomeOf(mutated));
      }),
    );
    const value = fc.oneof(
      fc.constant(null),
      fc.string({ maxLength: 5 }),
      fc.double(),
      fc.boolean(),
      fc.constant({}),
      fc.constant([]),
    );
    fc.assert(
      fc.property(
        fc.nat(1),
        fc.constantFrom('setup', 'metrics', 'counts', 'model'),
        value,
        (index, key, replacement) => {
          const doc = JSON.parse(NESTED_JSON) as { runs: Array<Record<string, unknown>> };
          doc.runs[index]![key] = replacement;
          return ['runs', 'error'].includes(outcomeOf(JSON.stringify(doc)));
        },
      ),
    );
  });
});
