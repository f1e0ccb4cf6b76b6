/**
 * Every real GenAI-Perf fixture (tests/fixtures/real/genai-perf, see SOURCES.md) through the parsers.
 * The CSV of each run must agree with its JSON to the CSV's two decimals; the JSON values must come through
 * at full precision in ms; CSV + JSON of one run are one point.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestFiles } from '../../../src/core/parsers/ingest.ts';
import { parseFile } from '../../../src/core/parsers/registry.ts';
import type { ParsedRun } from '../../../src/core/parsers/types.ts';

const ROOT = join(import.meta.dirname, '../../fixtures/real/genai-perf');
const SWEEP = 'nim-llama3-8b-sweep-c1-250';
const LEVELS = [1, 2, 5, 10, 50, 100, 250];

function read(relative: string) {
  return { path: relative, text: readFileSync(join(ROOT, relative), 'utf8') };
}
function runs(relative: string): ParsedRun[] {
  const outcome = parseFile(read(relative));
  if (outcome.kind !== 'runs')
    throw new Error(`${relative}: ${outcome.kind} ${'reason' in outcome ? outcome.reason : ''}`);
  return outcome.runs;
}
const stem = (c: number) => `${SWEEP}/meta_llama3-8b-instruct-openai-chat-concurrency${c}`;
type JsonMetric = Record<string, number | string>;

describe.each(LEVELS)('NIM sweep, concurrency %i', (concurrency) => {
  const json = JSON.parse(
    readFileSync(join(ROOT, `${stem(concurrency)}.profile_export_genai_perf.json`), 'utf8'),
  ) as Record<string, JsonMetric> & {
    input_config: { concurrency: number };
  };
  const fromJson = runs(`${stem(concurrency)}.profile_export_genai_perf.json`)[0]!;
  const fromCsv = runs(`${stem(concurrency)}.profile_export_genai_perf.csv`)[0]!;

  it('reads the JSON at full precision, with the load level from input_config', () => {
    expect(fromJson.load).toEqual({ concurrency: json.input_config.concurrency });
    expect(fromJson.load?.concurrency).toBe(concurrency);
    for (const [key, target] of [
      ['time_to_first_token', 'ttftMs'],
      ['inter_token_latency', 'itlMs'],
      ['request_latency', 'e2eMs'],
    ] as const) {
      expect(json[key]!['unit']).toBe('ms');
      for (const stat of ['avg', 'min', 'max', 'p25', 'p50', 'p75', 'p90', 'p95', 'p99'] as const) {
        expect(fromJson[target][stat]).toBe(json[key]![stat]);
      }
    }
    expect(fromJson.requestsPerSecond).toBe(json['request_throughput']!['avg']);
    expect(fromJson.outputTokensPerSecond).toBe(json['output_token_throughput']!['avg']);
    expect(fromJson.outputTokens.avg).toBe(json['output_sequence_length']!['avg']);
    expect(fromJson.inputTokens.avg).toBe(json['input_sequence_length']!['avg']);
    expect(fromJson.outputTokensPerSecondPerUser.avg).toBe(json['output_token_throughput_per_request']!['avg']);
    expect(fromJson.tpsPerUserDefinition).toBe('osl-over-e2e');
    expect(fromJson.metadata).toEqual({
      model: 'meta/llama3-8b-instruct',
      backend: 'tensorrtllm',
      endpointType: 'chat',
      targetInputTokens: 200,
      targetOutputTokens: 50,
    });
  });

  it('reads the CSV (quoted thousands, Metric/Value block) to the same values at two decimals', () => {
    expect(fromCsv.load).toBeNull(); // the CSV does not carry the load level
    // GenAI-Perf writes f"{v:,.2f}" (Python rounds half to even), so the CSV is within half a cent of the JSON.
    const withinTwoDecimals = (csv: number | undefined, json: number | undefined) => {
      expect(csv).toBeDefined();
      expect(Math.abs((csv ?? NaN) - (json ?? NaN))).toBeLessThanOrEqual(0.005 + 1e-9);
    };
    for (const target of ['ttftMs', 'itlMs', 'e2eMs', 'outputTokens', 'inputTokens'] as const) {
      for (const stat of ['avg', 'min', 'max', 'p25', 'p50', 'p75', 'p90', 'p95', 'p99'] as const) {
        withinTwoDecimals(fromCsv[target][stat], fromJson[target][stat]);
      }
    }
    withinTwoDecimals(fromCsv.requestsPerSecond, fromJson.requestsPerSecond);
    withinTwoDecimals(fromCsv.outputTokensPerSecond, fromJson.outputTokensPerSecond);
  });

  it('run keys of the CSV and the JSON are the same, so ingest merges them', () => {
    expect(fromCsv.runPath).toBe(fromJson.runPath);
    expect(fromJson.runPath).toBe(stem(concurrency));
  });
});

describe('NIM sweep folder as a whole', () => {
  const files = readdirSync(join(ROOT, SWEEP)).map((f) => read(`${SWEEP}/${f}`));
  const result = ingestFiles(files);

  it('gives one series of seven points, each from its CSV and JSON', () => {
    expect(result.errors).toEqual([]);
    expect(result.points).toHaveLength(7);
    expect(new Set(result.points.map((p) => p.seriesKey)).size).toBe(1);
    expect(result.points.map((p) => p.load.concurrency).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(LEVELS);
    for (const p of result.points) {
      // The concurrency-1 run also left its raw per-request export: one point, three files.
      const raw = p.load.concurrency === 1 ? ['genai-perf-raw'] : [];
      expect(p.sources.map((s) => s.format)).toEqual(['genai-perf-json', 'genai-perf-csv', ...raw]);
      expect(p.load.origin).toBe('file');
    }
    expect(result.points[0]?.seriesName).toBe('nim-llama3-8b-sweep-c1-250 / meta_llama3-8b-instruct-openai-chat');
  });

  it('reads the raw per-request export into the point of its run (tests/core/parsers/perRequestReal.test.ts)', () => {
    expect(result.skipped).toEqual([]);
    expect(result.points.find((p) => p.load.concurrency === 1)?.requests?.count).toBe(53);
  });

  it('recovers the load level from the path when only the CSVs are loaded', () => {
    const csvOnly = ingestFiles(files.filter((f) => f.path.endsWith('.csv')));
    expect(csvOnly.errors).toEqual([]);
    expect(csvOnly.points.map((p) => p.load.concurrency).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(LEVELS);
    expect(csvOnly.points.every((p) => p.load.origin === 'path')).toBe(true);
    // The old CSV has no per-user distribution: only its avg is derived, and labelled so.
    const c10 = csvOnly.points.find((p) => p.load.concurrency === 10)!;
    // mean OSL / mean E2E: 58.67 tokens / 0.87852 s (CSV values)
    expect(c10.outputTokensPerSecondPerUser).toEqual({ avg: 58.67 / (878.52 / 1000) });
    expect(c10.tpsPerUserDefinition).toBe('derived-mean-ratio');
  });
});

describe('genai-perf analyze export', () => {
  const parsed = runs('gpt2-analyze-sweep.analyze_export_genai_perf.csv');

  it('reads one run per row of the first block and ignores the telemetry block', () => {
    expect(parsed).toHaveLength(5);
    const first = parsed[0]!;
    // gpt2_run_config_3,32,200,175,184.43,30.90,3406.24,125.98,1134.92,10.12
    expect(first.load).toEqual({ concurrency: 32 });
    expect(first.ttftMs).toEqual({ p99: 184.43 });
    expect(first.itlMs).toEqual({ p99: 30.9 });
    expect(first.e2eMs).toEqual({ p99: 3406.24 });
    expect(first.outputTokens).toEqual({ p99: 125.98 });
    expect(first.outputTokensPerSecond).toBe(1134.92);
    expect(first.requestsPerSecond).toBe(10.12);
    expect(first.metadata.targetInputTokens).toBe(200);
  });

  it('keeps all rows in one series and flags their shared load level', () => {
    const result = ingestFiles([read('gpt2-analyze-sweep.analyze_export_genai_perf.csv')]);
    expect(result.points).toHaveLength(5);
    expect(new Set(result.points.map((p) => p.seriesKey)).size).toBe(1);
    expect(result.points[0]?.seriesName).toBe('gpt2-analyze-sweep');
    expect(result.points.every((p) => p.notes.some((n) => n.startsWith('Duplicate load level: 5 runs')))).toBe(true);
  });
});
