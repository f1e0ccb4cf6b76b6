import { describe, expect, it } from 'vitest';
import type { SeriesWorkload } from '../../../src/core/report/workloads.ts';
import {
  describeTools,
  describeWorkload,
  groupWorkloads,
  sameWorkload,
  seriesWorkload,
} from '../../../src/core/report/workloads.ts';
import { resolveSeries } from '../../../src/core/analysis/series.ts';
import { defaultScenario } from '../../../src/core/scenario/defaults.ts';
import { point } from '../helpers.ts';

const w = (model: string | undefined, isl: number | undefined, osl: number | undefined): SeriesWorkload => ({
  model,
  meanInputTokens: isl,
  meanOutputTokens: osl,
  lengthsFromTarget: false,
  tools: ['genai-perf'],
});

describe('sameWorkload: same model, ISL and OSL within ±10 % of the larger', () => {
  it('accepts lengths up to 10 % apart and refuses more', () => {
    expect(sameWorkload(w('m', 200, 100), w('m', 220, 110))).toBe(true); // 20 ≤ 22, 10 ≤ 11
    expect(sameWorkload(w('m', 200, 100), w('m', 200, 112))).toBe(false); // 12 > 11.2
    expect(sameWorkload(w('m', 2000, 200), w('m', 200, 59))).toBe(false); // the example
  });

  it('compares models without case; unknown matches only unknown', () => {
    expect(sameWorkload(w('Meta/Llama3-8B', 200, 58), w('meta/llama3-8b', 200, 58))).toBe(true);
    expect(sameWorkload(w('a', 200, 58), w('b', 200, 58))).toBe(false);
    expect(sameWorkload(w(undefined, 200, 58), w(undefined, 200, 58))).toBe(true);
    expect(sameWorkload(w('a', 200, 58), w(undefined, 200, 58))).toBe(false);
    expect(sameWorkload(w('a', undefined, undefined), w('a', undefined, undefined))).toBe(true);
    expect(sameWorkload(w('a', 200, 58), w('a', undefined, 58))).toBe(false);
  });
});

describe('seriesWorkload', () => {
  it('averages the measured means over the load levels, else the configured targets', () => {
    const measured = [
      point({ concurrency: 1, inputTokens: { avg: 190 }, outputTokens: { avg: 50 } }),
      point({ concurrency: 2, inputTokens: { avg: 210 }, outputTokens: { avg: 70 } }),
    ];
    expect(seriesWorkload({ points: measured })).toMatchObject({
      meanInputTokens: 200,
      meanOutputTokens: 60,
      lengthsFromTarget: false,
      tools: ['genai-perf'],
    });
    const targeted = [
      point({ concurrency: 1, metadata: { model: 'm', targetInputTokens: 2000, targetOutputTokens: 200 } }),
    ];
    const t = seriesWorkload({ points: targeted });
    expect(t).toMatchObject({ model: 'm', meanInputTokens: 2000, meanOutputTokens: 200, lengthsFromTarget: true });
    expect(describeWorkload(t)).toBe('m · ISL ≈ 2,000 · OSL ≈ 200 tokens (configured)');
    expect(describeWorkload(w(undefined, undefined, 58))).toBe(
      'model not named in the files · ISL unknown · OSL ≈ 58 tokens',
    );
  });
});

describe('groupWorkloads', () => {
  const points = [
    point({ id: 'a1', concurrency: 1, seriesKey: 'a', inputTokens: { avg: 2000 }, outputTokens: { avg: 200 } }),
    point({ id: 'b1', concurrency: 1, seriesKey: 'b', inputTokens: { avg: 200 }, outputTokens: { avg: 59 } }),
    point({ id: 'c1', concurrency: 1, seriesKey: 'c', inputTokens: { avg: 1900 }, outputTokens: { avg: 210 } }),
  ];
  const series = resolveSeries(points, defaultScenario());

  it('puts each series with the first group it matches, in series order', () => {
    expect(groupWorkloads(series).map((g) => g.seriesKeys)).toEqual([['a', 'c'], ['b']]);
  });

  it('makes one group of all when they are declared comparable', () => {
    const [all] = groupWorkloads(series, true);
    expect(all?.seriesKeys).toEqual(['a', 'b', 'c']);
    expect(all?.label).toBe('all configurations, declared comparable');
  });
});

describe('workload edges', () => {
  it('accepts lengths exactly 10 % of the larger apart', () => {
    // 100 and 90: |100 − 90| = 10 = 0.1 × 100 (and more than 0.1 × 90 = 9).
    expect(sameWorkload(w('m', 100, 58), w('m', 90, 58))).toBe(true);
    expect(sameWorkload(w('m', 200, 100), w('m', 200, 90))).toBe(true);
    expect(sameWorkload(w('m', 100, 58), w('m', 89, 58))).toBe(false);
  });

  it('takes the model from the first level that names one', () => {
    const points = [point({ concurrency: 1 }), point({ concurrency: 2, metadata: { model: 'm' } })];
    expect(seriesWorkload({ points }).model).toBe('m');
  });

  it('says the lengths are configured when either one comes from a target', () => {
    const islTarget = point({ concurrency: 1, outputTokens: { avg: 58 }, metadata: { targetInputTokens: 200 } });
    expect(seriesWorkload({ points: [islTarget] }).lengthsFromTarget).toBe(true);
    const oslTarget = point({ concurrency: 1, inputTokens: { avg: 200 }, metadata: { targetOutputTokens: 58 } });
    expect(seriesWorkload({ points: [oslTarget] }).lengthsFromTarget).toBe(true);
    const measured = point({ concurrency: 1, inputTokens: { avg: 200 }, outputTokens: { avg: 58 } });
    expect(seriesWorkload({ points: [measured] }).lengthsFromTarget).toBe(false);
    // Neither measured nor configured: unknown, not "configured".
    expect(seriesWorkload({ points: [point({ concurrency: 1 })] }).lengthsFromTarget).toBe(false);
  });

  it('names the tools of a series as people know them', () => {
    const tools = describeTools({ ...w('m', 1, 1), tools: ['genai-perf', 'vllm'] });
    expect(tools).toBe('NVIDIA GenAI-Perf + vLLM bench serve');
  });

  it('keeps the workload label of a single configuration declared comparable', () => {
    const only = point({ concurrency: 1, inputTokens: { avg: 200 }, outputTokens: { avg: 58 } });
    const one = resolveSeries([only], defaultScenario());
    expect(groupWorkloads(one, true)[0]?.label).toBe('model not named in the files · ISL ≈ 200 · OSL ≈ 58 tokens');
  });
});
