/**
 * vLLM `--save-detailed` per-request arrays (seconds) inside a result whose aggregates are ms: built by
 * tests/fixtures/perRequestSynthetic.ts from the real vLLM 0.25.1 sweep result and vllm/benchmarks/serve.py, whose
 * aggregates are vLLM's formulas over the arrays. The per-request statistics must agree with those aggregates.
 */
import { describe, expect, it } from 'vitest';
import { pointGoodput, prepareSla } from '../../../src/core/analysis/goodput.ts';
import { slaMetricValue } from '../../../src/core/analysis/metrics.ts';
import { ingestFiles } from '../../../src/core/parsers/ingest.ts';
import { parseFile } from '../../../src/core/parsers/registry.ts';
import type { ParsedRun } from '../../../src/core/parsers/types.ts';
import { vllmDetailedResult } from '../../fixtures/perRequestSynthetic.ts';

const PATH = 'sweep/SERVE--max_num_seqs=4-BENCH--max_concurrency=2-num_prompts=40/run=0.json';

function run(doc: Record<string, unknown>): ParsedRun {
  const outcome = parseFile({ path: PATH, text: JSON.stringify(doc) });
  if (outcome.kind !== 'runs') throw new Error(outcome.reason);
  return outcome.runs[0]!;
}

describe('vLLM --save-detailed', () => {
  const doc = vllmDetailedResult({ requests: 40, failEvery: 10 });
  const ms = (key: string) => doc[key] as number;

  it('keeps the printed statistics and reads 40 requests, 4 failed, from seconds', () => {
    const r = run(doc);
    expect(r.ttftMs).toEqual({ avg: ms('mean_ttft_ms'), p50: ms('median_ttft_ms'), p99: ms('p99_ttft_ms') });
    expect(r.requests?.count).toBe(40);
    expect(r.errorCount).toBe(4);
    expect(r.requests?.okCount).toBe(36);
    expect(r.notes.some((n) => n.includes('in seconds'))).toBe(true);
  });

  it('per-request TTFT, TPOT and E2E are vLLM’s: the file’s median and p99 come out of the samples', () => {
    const samples = run(doc).requests!;
    const ttft = samples.columns.ttftMs!;
    // The same numbers in seconds × 1000 per value rather than per statistic: equal to 1e-9 ms.
    const p = (field: 'ttftMs' | 'tpotMs' | 'e2eMs', q: number) => {
      const point = ingestFiles([{ path: PATH, text: JSON.stringify(doc) }]).points[0]!;
      return slaMetricValue(
        { ...point, [field]: {} },
        field === 'ttftMs' ? 'ttft' : field === 'tpotMs' ? 'tpot' : 'e2e',
        `p${q}`,
      );
    };
    expect(ttft.sorted.length).toBe(36);
    expect(p('ttftMs', 50)).toBeCloseTo(ms('median_ttft_ms'), 9);
    expect(p('ttftMs', 99)).toBeCloseTo(ms('p99_ttft_ms'), 9);
    expect(p('tpotMs', 99)).toBeCloseTo(ms('p99_tpot_ms'), 9);
    expect(p('e2eMs', 50)).toBeCloseTo(ms('median_e2el_ms'), 9);
    expect(ttft.sum / 36).toBeCloseTo(ms('mean_ttft_ms'), 9);
  });

  it('adds what the aggregates lack (p99.9, tokens/s per user) but not percentiles of the pooled ITL', () => {
    const point = ingestFiles([{ path: PATH, text: JSON.stringify(doc) }]).points[0]!;
    expect(point.ttftMs.p99).toBe(ms('p99_ttft_ms'));
    expect(slaMetricValue(point, 'ttft', 'p99.9')).toBeGreaterThan(ms('p99_ttft_ms'));
    expect(point.itlMs.p99).toBe(ms('p99_itl_ms'));
    expect(slaMetricValue(point, 'itl', 'p99.9')).toBeUndefined();
    expect(point.tpsPerUserDefinition).toBe('osl-over-e2e');
    expect(point.outputTokensPerSecondPerUser.avg).toBeGreaterThan(0);
    // Goodput still counts each request's mean gap; failed requests are never good.
    const g = pointGoodput(point, prepareSla([{ metric: 'itl', stat: 'p99', bound: 1000 }]));
    expect(g).toMatchObject({ known: true, good: 36, total: 40 });
  });

  it('without latencies (older vLLM), E2E is TTFT + the gaps, and failures are the zero TTFTs', () => {
    const { latencies: _l, errors: _e, ...older } = doc;
    const samples = run(older).requests!;
    expect(samples.okCount).toBe(36);
    const i = samples.columns.e2eMs!.order[0]!;
    const gaps = (doc['itls'] as number[][])[i]!;
    expect(samples.columns.e2eMs!.values[i]).toBeCloseTo(
      ((doc['ttfts'] as number[])[i]! + gaps.reduce((s, g) => s + g, 0)) * 1000,
      9,
    );
  });

  it('refuses arrays of different lengths', () => {
    const outcome = parseFile({ path: PATH, text: JSON.stringify({ ...doc, output_lens: [1, 2] }) });
    expect(outcome).toMatchObject({ kind: 'error' });
    expect(outcome.kind === 'error' && outcome.reason).toContain('output_lens has 2 entries for 40 requests');
  });
});
