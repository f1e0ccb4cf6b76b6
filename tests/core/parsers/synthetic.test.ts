/**
 * The generated fixtures (tests/fixtures/synthetic, written by tests/fixtures/generate.ts) through the real
 * ingest path: three deployment sweeps + a request-rate sweep in the newer GenAI-Perf layout, and hostile
 * files that must each give one clear per-file error without taking the good files down.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Distribution, LoadPoint } from '../../../src/core/model/benchmark.ts';
import { STATS } from '../../../src/core/model/benchmark.ts';
import { ingestFiles } from '../../../src/core/parsers/ingest.ts';
import type { InputFile } from '../../../src/core/parsers/types.ts';
import type { HostileFile, RunSummary } from '../../fixtures/generate.ts';
import {
  CONCURRENCIES,
  CONFIGS,
  CSV_ROWS,
  HOSTILE_FILES,
  ISL,
  MODEL_NAME,
  OSL,
  RATE_CONFIG_NAME,
  RATE_FOLDER,
  REQUEST_RATES,
  RUN_PREFIX,
  SYNTHETIC_DIR,
  configByName,
  formatPyFixed2,
  generateFixtures,
  simulateRun,
  summaryPath,
} from '../../fixtures/generate.ts';

// ─── helpers ───

/** Every file under `dir` (README excluded unless asked), path relative to `dir` with `/`, sorted. */
function listFiles(dir: string, includeReadme = false): string[] {
  const out: string[] = [];
  const walk = (current: string) => {
    for (const name of readdirSync(current)) {
      const full = join(current, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.push(relative(dir, full).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.filter((p) => includeReadme || p !== 'README.md').sort();
}

/** Reads a fixture as the app does (UTF-8 text), with its path relative to the synthetic folder. */
function readFixture(path: string): InputFile {
  return { path, text: readFileSync(join(SYNTHETIC_DIR, ...path.split('/')), 'utf8') };
}

function readFixtures(filter: (path: string) => boolean): InputFile[] {
  return listFiles(SYNTHETIC_DIR).filter(filter).map(readFixture);
}

function digestTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const path of listFiles(dir, true)) {
    out[path] = createHash('sha256')
      .update(readFileSync(join(dir, ...path.split('/'))))
      .digest('hex');
  }
  return out;
}

type Json = Record<string, unknown>;

function readJson(path: string): Json {
  return JSON.parse(readFixture(path).text) as Json;
}

function metric(doc: Json, key: string): Json {
  const value = doc[key];
  if (typeof value !== 'object' || value === null) throw new Error(`${key} missing from the fixture`);
  return value as Json;
}

/** The stats of a JSON metric object the way the parser keeps them (only the known stats, unit dropped). */
function jsonDistribution(doc: Json, key: string): Distribution {
  const out: Distribution = {};
  const source = metric(doc, key);
  for (const stat of STATS) {
    const value = source[stat];
    if (typeof value === 'number') out[stat] = value;
  }
  return out;
}

/** What a GenAI-Perf CSV cell holds for a value: Python's `f"{v:,.2f}"`, read back as a number. */
function csvValue(value: number): number {
  return Number(formatPyFixed2(value).replace(/,/g, ''));
}

const DISTRIBUTIONS: ReadonlyArray<
  [
    'ttftMs' | 'ttstMs' | 'itlMs' | 'e2eMs' | 'outputTokensPerSecondPerUser' | 'inputTokens' | 'outputTokens',
    keyof RunSummary,
  ]
> = [
  ['ttftMs', 'time_to_first_token'],
  ['ttstMs', 'time_to_second_token'],
  ['itlMs', 'inter_token_latency'],
  ['e2eMs', 'request_latency'],
  ['outputTokensPerSecondPerUser', 'output_token_throughput_per_user'],
  ['inputTokens', 'input_sequence_length'],
  ['outputTokens', 'output_sequence_length'],
];

/** The CSV's stats (it has no std) of a summary metric, each rounded as the CSV writes it. */
function csvDistribution(summary: RunSummary, key: keyof RunSummary): Distribution {
  const block = summary[key] as unknown as Record<string, number>;
  const out: Distribution = {};
  for (const stat of ['avg', 'min', 'max', 'p99', 'p95', 'p90', 'p75', 'p50', 'p25', 'p10', 'p5', 'p1'] as const) {
    const value = block[stat];
    if (value !== undefined) out[stat] = csvValue(value);
  }
  return out;
}

function seriesOf(points: readonly LoadPoint[]): Map<string, LoadPoint[]> {
  const series = new Map<string, LoadPoint[]>();
  for (const point of points) {
    const list = series.get(point.seriesKey);
    if (list) list.push(point);
    else series.set(point.seriesKey, [point]);
  }
  return series;
}

function byId(points: readonly LoadPoint[]): LoadPoint[] {
  return [...points].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

const isGood = (path: string) => path.startsWith('genai-perf/');
const isHostile = (path: string) => path.startsWith('hostile/');
const concurrencyFamily = (config: string) => `genai-perf/${config}/artifacts/${RUN_PREFIX}-{load}`;
const RATE_FAMILY = `genai-perf/${RATE_FOLDER}/artifacts/${RUN_PREFIX}-{load}`;

// ─── the generator ───

describe('synthetic fixture generator', () => {
  const temps: string[] = [];
  afterAll(() => {
    for (const dir of temps) rmSync(dir, { recursive: true, force: true });
  });

  it('writes byte-identical output on every run, identical to the committed fixtures', () => {
    const first = mkdtempSync(join(tmpdir(), 'synthetic-a-'));
    const second = mkdtempSync(join(tmpdir(), 'synthetic-b-'));
    temps.push(first, second);
    generateFixtures(first);
    generateFixtures(second);
    const digest = digestTree(first);
    expect(Object.keys(digest).length).toBeGreaterThan(60);
    expect(digestTree(second)).toEqual(digest);
    // A difference here means the generator changed without `npm run fixtures:generate`, or a file was hand-edited.
    expect(digestTree(SYNTHETIC_DIR)).toEqual(digest);
  });

  it('wipes a folder it generated before, and refuses to wipe anything else', () => {
    const dir = mkdtempSync(join(tmpdir(), 'synthetic-c-'));
    temps.push(dir);
    generateFixtures(dir);
    generateFixtures(dir); // its own output: wiped and rewritten
    expect(listFiles(dir, true)).toEqual(listFiles(SYNTHETIC_DIR, true));
    const foreign = mkdtempSync(join(tmpdir(), 'synthetic-d-'));
    temps.push(foreign);
    generateFixtures(join(foreign, 'fresh')); // a folder that does not exist yet is fine
    expect(() => generateFixtures(foreign)).toThrow(/refusing to wipe/);
  });

  it('keeps the committed fixtures small (< 400 KB)', () => {
    const total = listFiles(SYNTHETIC_DIR, true).reduce(
      (sum, path) => sum + statSync(join(SYNTHETIC_DIR, ...path.split('/'))).size,
      0,
    );
    expect(total).toBeLessThan(400_000);
  });

  it('formats numbers like Python f"{v:,.2f}" (ties to even on the exact binary value, thousands separators)', () => {
    expect(formatPyFixed2(0)).toBe('0.00');
    expect(formatPyFixed2(1234.5678)).toBe('1,234.57');
    expect(formatPyFixed2(1234567.891)).toBe('1,234,567.89');
    expect(formatPyFixed2(999.995)).toBe('1,000.00'); // 999.995 is stored as 999.99500000000000454…
    expect(formatPyFixed2(2.675)).toBe('2.67'); // stored as 2.67499999999999982236431605997495353221893310546875
    expect(formatPyFixed2(0.125)).toBe('0.12'); // an exact tie: Python rounds to even, JS toFixed would give 0.13
    expect(formatPyFixed2(0.375)).toBe('0.38');
    expect(formatPyFixed2(200.125)).toBe('200.12');
    expect(formatPyFixed2(1000.625, false)).toBe('1000.62');
  });

  it('intended curves: saturating throughput, queueing TTFT, slowly growing ITL, E2E = TTFT + ITL·(OSL−1)', () => {
    const at = (name: string, concurrency: number) => simulateRun(configByName(name), { concurrency }).summary;
    for (const config of CONFIGS) {
      const runs = CONCURRENCIES.map((c) => at(config.name, c));
      runs.forEach((run, i) => {
        const previous = runs[i - 1];
        if (previous) expect(run.request_throughput.avg).toBeGreaterThan(previous.request_throughput.avg * 0.97);
        const e2e = run.time_to_first_token.avg + run.inter_token_latency.avg * (run.output_sequence_length.avg - 1);
        expect(Math.abs(run.request_latency.avg - e2e) / e2e).toBeLessThan(0.01);
        expect(Math.abs(run.input_sequence_length.avg - ISL)).toBeLessThan(1);
        expect(Math.abs(run.output_sequence_length.avg - OSL)).toBeLessThan(1);
      });
      const [c1, c128, c256] = [at(config.name, 1), at(config.name, 128), at(config.name, 256)];
      expect(c256.request_throughput.avg / c128.request_throughput.avg).toBeLessThan(1.15); // saturated
      expect(c256.time_to_first_token.avg).toBeGreaterThan(10 * c1.time_to_first_token.avg); // queueing
      expect(c256.inter_token_latency.avg).toBeLessThan(2.5 * c1.inter_token_latency.avg); // ITL grows slowly
    }
    for (const c of CONCURRENCIES) {
      expect(at('llama3-8b-h100-tp2', c).inter_token_latency.avg).toBeLessThan(
        at('llama3-8b-h100-tp1', c).inter_token_latency.avg,
      );
    }
    const peak = (name: string) => at(name, 256).request_throughput.avg;
    expect(peak('llama3-8b-h100-tp2')).toBeGreaterThan(peak('llama3-8b-h100-tp1')); // more per instance…
    expect(peak('llama3-8b-h100-tp2') / 2).toBeLessThan(peak('llama3-8b-h100-tp1')); // …less per GPU
    expect(peak('llama3-8b-h200-tp1')).toBeGreaterThan(peak('llama3-8b-h100-tp1'));
  });
});

// ─── the good sweeps ───

describe('synthetic GenAI-Perf sweeps through ingestFiles', () => {
  const good = ingestFiles(readFixtures(isGood));
  const series = seriesOf(good.points);

  it('reads every good file without an error or a skip', () => {
    expect(good.errors).toEqual([]);
    expect(good.skipped).toEqual([]);
    expect(readFixtures(isGood)).toHaveLength(CONFIGS.length * CONCURRENCIES.length * 2 + REQUEST_RATES.length);
    expect(good.points).toHaveLength(CONFIGS.length * CONCURRENCIES.length + REQUEST_RATES.length);
  });

  it('makes one series per deployment configuration plus the request-rate series', () => {
    expect([...series.keys()].sort()).toEqual([...CONFIGS.map((c) => concurrencyFamily(c.name)), RATE_FAMILY].sort());
    for (const config of CONFIGS) {
      const points = series.get(concurrencyFamily(config.name)) ?? [];
      expect(points).toHaveLength(CONCURRENCIES.length);
      expect(new Set(points.map((p) => p.seriesName))).toEqual(new Set([`${config.name} / ${RUN_PREFIX}`]));
    }
  });

  it.each(CONFIGS.map((c) => [c.name]))(
    '%s: 9 points whose concurrency is the one in the run folder name, from the JSON',
    (name) => {
      const points = series.get(concurrencyFamily(name)) ?? [];
      expect(points.map((p) => p.load.concurrency).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual([...CONCURRENCIES]);
      for (const point of points) {
        for (const source of point.sources) {
          const folder = /-concurrency(\d+)\//.exec(source.path)?.[1];
          expect(Number(folder)).toBe(point.load.concurrency);
        }
        // from perf_analyzer.stimulus
        expect(point.load).toEqual({ concurrency: point.load.concurrency, origin: 'file' });
        expect(point.metadata.model).toBe(MODEL_NAME);
        expect(point.tpsPerUserDefinition).toBe('inverse-itl');
      }
    },
  );

  it('merges the CSV and JSON of one run into one point with two sources', () => {
    for (const config of CONFIGS) {
      for (const concurrency of CONCURRENCIES) {
        const json = summaryPath(config.name, { concurrency }, 'json');
        const csv = summaryPath(config.name, { concurrency }, 'csv');
        const matching = good.points.filter((p) => p.sources.some((s) => s.path === json || s.path === csv));
        expect(matching).toHaveLength(1);
        const sources = matching[0]?.sources ?? [];
        expect(sources).toHaveLength(2);
        expect(sources.map((s) => [s.path, s.format]).sort()).toEqual([
          [csv, 'genai-perf-csv'],
          [json, 'genai-perf-json'],
        ]);
      }
    }
  });

  it('takes values from the JSON at full precision: exactly what the generator wrote', () => {
    for (const config of CONFIGS) {
      for (const concurrency of CONCURRENCIES) {
        const jsonPath = summaryPath(config.name, { concurrency }, 'json');
        const point = good.points.find((p) => p.sources.some((s) => s.path === jsonPath));
        if (!point) throw new Error(`no point for ${jsonPath}`);
        const doc = readJson(jsonPath);
        const simulated = simulateRun(config, { concurrency }).summary;
        for (const [field, key] of DISTRIBUTIONS) {
          const expected = jsonDistribution(doc, key);
          expect(Object.keys(expected)).toHaveLength(12); // avg, min, max and nine percentiles (std is not a stat)
          expect(point[field], `${jsonPath} ${key}`).toStrictEqual(expected);
          expect(expected.avg).toBe(simulated[key].avg as number); // the file holds the model's numbers
          expect(expected.p99).toBe((simulated[key] as unknown as Record<string, number>)['p99']);
        }
        expect(point.requestsPerSecond).toBe(metric(doc, 'request_throughput')['avg']);
        expect(point.requestsPerSecond).toBe(simulated.request_throughput.avg);
        expect(point.outputTokensPerSecond).toBe(metric(doc, 'output_token_throughput')['avg']);
        expect(point.outputTokensPerSecond).toBe(simulated.output_token_throughput.avg);
        expect(point.requestCount).toBe(metric(doc, 'request_count')['avg']);
        // Full precision, not the CSV's two decimals.
        expect(point.ttftMs.avg).not.toBe(csvValue(point.ttftMs.avg ?? 0));
        expect(point.e2eMs.p50).not.toBe(csvValue(point.e2eMs.p50 ?? 0));
      }
    }
  });

  it('reads the request-rate sweep (CSV only) with its rate from the folder name', () => {
    const points = (series.get(RATE_FAMILY) ?? [])
      .slice()
      .sort((a, b) => (a.load.requestRate ?? 0) - (b.load.requestRate ?? 0));
    expect(points.map((p) => p.load)).toEqual(REQUEST_RATES.map((requestRate) => ({ requestRate, origin: 'path' })));
    const rateConfig = configByName(RATE_CONFIG_NAME);
    for (const point of points) {
      const requestRate = point.load.requestRate ?? 0;
      expect(point.sources).toEqual([
        { path: summaryPath(RATE_FOLDER, { requestRate }, 'csv'), tool: 'genai-perf', format: 'genai-perf-csv' },
      ]);
      expect(point.notes.some((n) => /read from the path/.test(n))).toBe(true);
      const simulated = simulateRun(rateConfig, { requestRate }).summary;
      for (const [field, key] of DISTRIBUTIONS)
        expect(point[field], `${point.id} ${key}`).toStrictEqual(csvDistribution(simulated, key));
      expect(point.requestsPerSecond).toBe(csvValue(simulated.request_throughput.avg));
      expect(point.outputTokensPerSecond).toBe(csvValue(simulated.output_token_throughput.avg));
    }
  });

  it('parses thousands-separated CSV values exactly (CSV alone vs the JSON rounded to 2 decimals)', () => {
    const csvPath = summaryPath('llama3-8b-h100-tp1', { concurrency: 256 }, 'csv');
    const jsonPath = summaryPath('llama3-8b-h100-tp1', { concurrency: 256 }, 'json');
    const csvText = readFixture(csvPath).text;
    expect(csvText).toMatch(/^Metric,avg,min,max,p99,p95,p90,p75,p50,p25,p10,p5,p1\r\n/);
    expect(csvText).toMatch(/^Time To First Token \(ms\),"\d{1,3}(?:,\d{3})+\.\d\d",/m);
    expect(csvText).toMatch(/^Output Token Throughput \(tokens\/sec\),"\d{1,3}(?:,\d{3})+\.\d\d"\r$/m);
    expect(csvText).toMatch(/^Metric,GPU,avg,/m); // the telemetry block the parser must skip

    const result = ingestFiles([readFixture(csvPath)]);
    expect(result.errors).toEqual([]);
    expect(result.points).toHaveLength(1);
    const point = result.points[0];
    if (!point) throw new Error('no point');
    expect(point.load).toEqual({ concurrency: 256, origin: 'path' });
    const doc = readJson(jsonPath);
    expect(point.ttftMs.avg).toBeGreaterThan(1000);
    expect(point.e2eMs.min).toBeGreaterThan(1000);
    for (const [field, key] of DISTRIBUTIONS) {
      const json = jsonDistribution(doc, key);
      const expected: Distribution = {};
      for (const [stat, value] of Object.entries(json)) expected[stat as keyof Distribution] = csvValue(value);
      expect(point[field], key).toStrictEqual(expected);
    }
    expect(point.outputTokensPerSecond).toBeGreaterThan(1000);
    expect(point.outputTokensPerSecond).toBe(csvValue(metric(doc, 'output_token_throughput')['avg'] as number));
    expect(point.requestsPerSecond).toBe(csvValue(metric(doc, 'request_throughput')['avg'] as number));
    expect(point.requestCount).toBe(metric(doc, 'request_count')['avg']);
  });

  it('reads every concurrency CSV alone as the JSON rounded to 2 decimals, load from the folder name', () => {
    const result = ingestFiles(readFixtures((p) => isGood(p) && p.endsWith('.csv') && !p.includes(RATE_FOLDER)));
    expect(result.errors).toEqual([]);
    expect(result.points).toHaveLength(CONFIGS.length * CONCURRENCIES.length);
    for (const point of result.points) {
      const csvPath = point.sources[0]?.path ?? '';
      const doc = readJson(csvPath.replace(/\.csv$/, '.json'));
      expect(point.load.origin).toBe('path');
      expect(point.load.concurrency).toBe(Number(/-concurrency(\d+)\//.exec(csvPath)?.[1]));
      for (const [field, key] of DISTRIBUTIONS) {
        const expected: Distribution = {};
        for (const [stat, value] of Object.entries(jsonDistribution(doc, key)))
          expected[stat as keyof Distribution] = csvValue(value);
        expect(point[field], `${csvPath} ${key}`).toStrictEqual(expected);
      }
    }
    // Every distribution row the generator writes was compared above (none silently dropped by the parser).
    expect(CSV_ROWS.map(([, key]) => key).sort()).toEqual(DISTRIBUTIONS.map(([, key]) => key).sort());
  });
});

// ─── the hostile files ───

/** Distinctive parts of the reason each hostile file must get. */
const HOSTILE_REASONS: Record<HostileFile, RegExp[]> = {
  'binary.bin': [/binary/i],
  'deep-nesting.json': [/nested more than 128 levels deep/],
  'empty.json': [/empty/i],
  'formula.csv': [/required metric missing/i, /throughput/i],
  'huge-numbers.csv': [/finite/i, /1e400/],
  'missing-load.csv': [/load level missing/i],
  'nan-values.json': [/not a number|expected a number|negative/i, /NaN|-3\.25/],
  'proto-pollution.json': [/load level missing/i],
  'truncated.json': [/invalid JSON/i, /truncated/i],
  'unknown-unit.json': [/unit/i, /fortnights/],
  'whitespace.csv': [/empty/i],
  // AIPerf summary CSVs are read now: this one states no load level, and neither does its name.
  'wrong-tool-aiperf.csv': [/load level missing/i],
  'vllm-all-failed.json': [/vLLM bench serve/, /completed is 0/],
};

describe('hostile synthetic files through ingestFiles', () => {
  const hostilePaths = HOSTILE_FILES.map((name) => `hostile/${name}`);

  it('are exactly the files the generator lists', () => {
    expect(listFiles(SYNTHETIC_DIR).filter(isHostile)).toEqual([...hostilePaths].sort());
    expect(readFixture('hostile/empty.json').text).toBe('');
    expect(readFixture('hostile/deep-nesting.json').text).toMatch(/^\[{100000}\]{100000}$/);
    expect(readFixture('hostile/binary.bin').text).toContain('\u0000');
  });

  it.each(HOSTILE_FILES.map((name) => [name]))(
    '%s alone: one error naming the file with a specific reason, no point',
    (name) => {
      const path = `hostile/${name}`;
      const result = ingestFiles([readFixture(path)]);
      expect(result.points).toEqual([]);
      expect(result.skipped).toEqual([]);
      expect(result.errors).toHaveLength(1);
      const error = result.errors[0];
      expect(error?.file).toBe(path);
      for (const pattern of HOSTILE_REASONS[name]) expect(error?.reason).toMatch(pattern);
    },
  );

  it('loaded with the good files: one error per hostile file, the good points all still there and unchanged', () => {
    // Hostile first, so a file that broke the loop would take the good ones with it.
    const files = [...readFixtures(isHostile), ...readFixtures(isGood)];
    const mixed = ingestFiles(files);
    const goodOnly = ingestFiles(readFixtures(isGood));

    for (const path of hostilePaths) {
      const errors = mixed.errors.filter((e) => e.file === path);
      expect(errors, path).toHaveLength(1);
      const name = path.slice('hostile/'.length) as HostileFile;
      for (const pattern of HOSTILE_REASONS[name]) expect(errors[0]?.reason, path).toMatch(pattern);
    }
    expect(mixed.errors).toHaveLength(hostilePaths.length);
    expect(mixed.skipped).toEqual([]);
    expect(mixed.points.some((p) => p.sources.some((s) => isHostile(s.path)))).toBe(false);
    expect(byId(mixed.points)).toEqual(byId(goodOnly.points));
    expect(seriesOf(mixed.points).size).toBe(CONFIGS.length + 1);
  });

  it('does not pollute Object.prototype, and takes no load level from a __proto__ key', () => {
    const result = ingestFiles([readFixture('hostile/proto-pollution.json')]);
    expect(result.points).toEqual([]);
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(({} as Record<string, unknown>)['concurrency']).toBeUndefined();
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
    expect(typeof {}.constructor).toBe('function');
    // The file really carries the hostile keys as its own JSON properties.
    const doc = readJson('hostile/proto-pollution.json');
    expect(Object.prototype.hasOwnProperty.call(metric(doc, 'time_to_first_token'), '__proto__')).toBe(true);
    expect(Object.prototype.hasOwnProperty.call(metric(doc, 'input_config'), '__proto__')).toBe(true);
  });
});
