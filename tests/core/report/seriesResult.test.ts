/**
 * The chain for one series (docs/method.md): demand cost with its unit conversion, the per-1M-tokens breakdown text,
 * and a demand of zero. Every expected number is worked out by hand in the comments.
 */
import { describe, expect, it } from 'vitest';
import { resolveSeries } from '../../../src/core/analysis/series.ts';
import { computeSeriesResult } from '../../../src/core/report/seriesResult.ts';
import { defaultScenario } from '../../../src/core/scenario/defaults.ts';
import { explainResult } from '../../../src/core/tco/breakdown.ts';
import { point } from '../helpers.ts';

const S = 31_536_000;
// One level: 10 req/s, 2,000 output tokens/s (OSL 200), ISL 1,000, TTFT 100 ms.
const only = point({ concurrency: 8, ttftMs: { avg: 100 }, requestsPerSecond: 10, outputTokensPerSecond: 2000, inputTokens: { avg: 1000 }, outputTokens: { avg: 200 } });

function resultFor(demand: Partial<ReturnType<typeof defaultScenario>['demand']>) {
  const scenario = defaultScenario();
  scenario.demand = { ...scenario.demand, ...demand };
  const [series] = resolveSeries([only], scenario);
  return { result: computeSeriesResult(series!, scenario), scenario };
}

describe('demand cost', () => {
  it('converts an average in output tokens/s to requests/s at the operating point', () => {
    // Peak 40,000 tok/s ÷ 2,000 per instance = 20 instances → 3 servers → $357,000 a year.
    // Average = 40,000 × 0.5 = 20,000 tok/s = 20,000 × (10 req/s ÷ 2,000 tok/s) = 100 req/s.
    const { result } = resultFor({ unit: 'outputTokensPerSecond', peak: 40_000, averageToPeak: 0.5 });
    expect(result.sizing?.instances).toBe(20);
    expect(result.costs?.fleetYearUsd).toBe(357_000);
    expect(result.costs?.demandCostPer1kRequestsUsd.value).toBeCloseTo((357_000 / (100 * S)) * 1000, 15);
    // Per 1M tokens: per 1K × 1000 ÷ 1,200 tokens.
    expect(result.costs?.demandCostPer1MTokensUsd.value).toBeCloseTo(((357_000 / (100 * S)) * 1000 * 1000) / 1200, 15);
  });

  it('prices zero demand on the hosted API at zero, not unknown', () => {
    const { result } = resultFor({ unit: 'requestsPerSecond', peak: 0 });
    expect(result.sizing?.instances).toBe(0);
    expect(result.costs?.apiYearUsd).toEqual({ value: 0 });
    expect(result.costs?.cheapestOption).toBe('onPrem'); // $0 on-prem (no servers) ties $0 API: the first option stays
  });
});

describe('breakdown', () => {
  it('shows per 1M tokens as per 1K requests × 1000 ÷ (ISL + OSL), with the two lengths added', () => {
    const { result, scenario } = resultFor({ unit: 'requestsPerSecond', peak: 200 });
    const lines = explainResult(result, scenario);
    // 200 ÷ 10 = 20 instances → 3 servers → $357,000; per 1K = 357,000 ÷ (20 × 10 × S) × 1000 = $0.0566;
    // per 1M = 0.0566 × 1000 ÷ 1,200 = $0.04717.
    expect(lines.costPer1MTokensUsd).toBe('$0.0566 per 1K requests × 1000 ÷ (1,000 input + 200 output tokens) = $0.04717');
  });
});
