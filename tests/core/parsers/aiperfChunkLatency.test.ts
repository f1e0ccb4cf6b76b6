/**
 * AIPerf's `inter_chunk_latency` in its summaries (aiperf `aiperf/metrics/types/inter_chunk_latency_metric.py`: every
 * gap between consecutive streamed chunks, pooled over the requests). Beside AIPerf's own `inter_token_latency`
 * (= TPOT), which stays the ITL, it is quoted in a note; alone, it is the ITL. Figures read off the real files.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFile } from '../../../src/core/parsers/registry.ts';
import type { ParsedRun } from '../../../src/core/parsers/types.ts';

const ROOT = join(import.meta.dirname, '../../fixtures/real/aiperf');
const QWEN = 'qwen3.6-nvfp4-rtx5090-chatbot-c2.aiperf-0.10.0.profile_export_aiperf.json';
const EARLY_CSV = 'gpt-oss-20b-concurrency100-aiperf-early-oct2025.profile_export_aiperf.csv';

function run(path: string, text: string): ParsedRun {
  const outcome = parseFile({ path, text });
  if (outcome.kind !== 'runs') throw new Error(outcome.reason);
  expect(outcome.runs).toHaveLength(1);
  return outcome.runs[0]!;
}

const chunkNote = (r: ParsedRun) => r.notes.filter((n) => /inter-chunk latency/.test(n));

describe('AIPerf inter_chunk_latency', () => {
  it("beside inter_token_latency (AIPerf 0.10 JSON): ITL stays AIPerf's, the chunk gaps are quoted in a note", () => {
    const r = run(QWEN, readFileSync(join(ROOT, QWEN), 'utf8'));
    expect(r.itlMs.avg).toBe(5.7172900482935685);
    expect(r.itlMs.p99).toBe(8.610303992499984);
    expect(r.tpotMs).toEqual(r.itlMs);
    expect(chunkNote(r)).toEqual([
      "AIPerf's inter-chunk latency (every gap between streamed chunks, pooled over the requests, as vLLM's ITL; " +
        "not used as ITL, which is AIPerf's per-request figure): avg 5.68 ms, p50 5.30 ms, p99 7.01 ms, max 169.08 ms.",
    ]);
  });

  it('beside Inter Token Latency (early AIPerf CSV): the same, from its rows', () => {
    const r = run(EARLY_CSV, readFileSync(join(ROOT, EARLY_CSV), 'utf8'));
    expect(r.itlMs.p99).toBe(33.73);
    expect(chunkNote(r)).toEqual([
      "AIPerf's inter-chunk latency (every gap between streamed chunks, pooled over the requests, as vLLM's ITL; " +
        "not used as ITL, which is AIPerf's per-request figure): " +
        'avg 27.76 ms, p50 22.67 ms, p99 140.53 ms, max 164.62 ms.',
    ]);
  });

  it('without inter_token_latency: the chunk gaps are the ITL, and there is no TPOT', () => {
    // AIPerf writes no inter_token_latency when no request has two output tokens (inter_token_latency_metric.py
    // raises NoMetricValue), and so no output_token_throughput_per_user (it requires ITL): built from the real file.
    const doc = JSON.parse(readFileSync(join(ROOT, QWEN), 'utf8')) as Record<string, unknown>;
    delete doc['inter_token_latency'];
    delete doc['output_token_throughput_per_user'];
    const r = run(QWEN, JSON.stringify(doc));
    expect(r.itlMs.avg).toBe(5.67774653072356);
    expect(r.itlMs.p50).toBe(5.304379456404478);
    expect(r.itlMs.max).toBe(169.078352);
    expect(r.tpotMs).toEqual({});
    expect(chunkNote(r)).toEqual([
      "ITL is AIPerf's inter-chunk latency: every gap between streamed chunks, pooled over the requests, " +
        "as vLLM's ITL (the file has no inter_token_latency); it is not TPOT.",
    ]);
    expect(r.notes.some((n) => n.includes('the same as TPOT'))).toBe(false);
  });
});
