/**
 * Each kind of reason the recommendation gives, and the ranking rules behind it, on one-level configurations
 * whose sizing and costs are easy to work out by hand. Every configuration below has one load level (TTFT avg
 * 100 ms, within the default SLA TTFT avg ≤ 250 ms), so its operating point is that level and its capacity per
 * instance is the level's requests/s (or output tokens/s for a demand in tokens).
 *
 * The example server: $320,000 over 4 years + $4,500 × 8 GPUs licence + $3,000 hosting = $119,000 a year, 8 GPUs,
 * i.e. $14,875 per GPU-year. Other servers below cost only their price, over one year.
 */
import { describe, expect, it } from 'vitest';
import { resolveSeries } from '../../../src/core/analysis/series.ts';
import type { LoadPoint } from '../../../src/core/model/benchmark.ts';
import type { HardwareProfile, Scenario } from '../../../src/core/model/scenario.ts';
import type { DecisionContext, Factor, WorkloadDecision } from '../../../src/core/report/recommendation.ts';
import {
  cheapestKeys,
  costFactors,
  decide,
  decideWorkload,
  describeFactor,
  describeGap,
  rankResults,
} from '../../../src/core/report/recommendation.ts';
import { computeSeriesResult } from '../../../src/core/report/seriesResult.ts';
import type { WorkloadGroup } from '../../../src/core/report/workloads.ts';
import { groupWorkloads } from '../../../src/core/report/workloads.ts';
import { defaultScenario } from '../../../src/core/scenario/defaults.ts';
import { hardware, point } from '../helpers.ts';

const S = 31_536_000; // seconds in a year

/** A server costing `usdPerYear` a year (its price over one year, no licence, no hosting). */
function server(id: string, usdPerYear: number, gpusPerServer = 8): HardwareProfile {
  return hardware({
    id,
    name: id,
    serverPriceUsd: usdPerYear,
    depreciationYears: 1,
    gpusPerServer,
    licence: { usdPerYear: 0, basis: 'perGpu' },
    hostingUsdPerServerYear: 0,
  });
}

interface Config {
  key: string;
  rps: number;
  hw?: HardwareProfile;
  gpusPerInstance?: number;
  level?: Partial<LoadPoint>;
}

/** One load level per configuration; ISL 200 and OSL 200 unless the level says otherwise. */
function levelOf(c: Config): LoadPoint {
  return point({
    id: `${c.key}/c8`,
    seriesKey: c.key,
    seriesName: c.key,
    concurrency: 8,
    ttftMs: { avg: 100 },
    requestsPerSecond: c.rps,
    inputTokens: { avg: 200 },
    outputTokens: { avg: 200 },
    ...c.level,
  });
}

type Metric = DecisionContext['metric'];

function run(configs: Config[], edit: (s: Scenario) => void = () => undefined, metric: Metric = 'fleetYearUsd') {
  const scenario = defaultScenario();
  for (const c of configs) {
    if (c.hw) scenario.hardware.push(c.hw);
    const hw = c.hw ? { hardware: c.hw.id } : {};
    scenario.series.push({ match: c.key, gpusPerInstance: c.gpusPerInstance ?? 1, ...hw });
  }
  edit(scenario);
  const series = resolveSeries(configs.map(levelOf), scenario);
  const results = series.map((s) => computeSeriesResult(s, scenario));
  const ctx: DecisionContext = { metric, sla: scenario.sla, demand: scenario.demand, currency: 'USD' };
  const decisions = decide(groupWorkloads(series, scenario.comparableWorkloads), results, series, ctx);
  const byKey = (key: string) => results.find((r) => r.series.key === key)!;
  return { decisions, results, series, ctx, byKey, scenario };
}

function why(decisions: WorkloadDecision[]): string {
  expect(decisions).toHaveLength(1);
  return decisions[0]!.verdict.why;
}

describe('the reason the best wins, per kind of factor', () => {
  it('a higher capacity per GPU, in the demand unit (output tokens/s)', () => {
    // 40,000 tok/s ÷ 2,000 tok/s = 20 instances. tp1: 20 GPUs → 3 servers = $357,000. tp2 (2 GPUs an instance):
    // 40 GPUs → 5 servers = $595,000. Capacity per GPU 2,000 vs 1,000 → ×2; rounding 3 ÷ 2.5 = 1.2 vs 5 ÷ 5 = 1.
    const level = { outputTokensPerSecond: 2000 };
    const { decisions, ctx } = run(
      [
        { key: 'tp1', rps: 10, level },
        { key: 'tp2', rps: 10, level, gpusPerInstance: 2 },
      ],
      (s) => (s.demand = { ...s.demand, unit: 'outputTokensPerSecond', peak: 40_000 }),
    );
    expect(why(decisions)).toBe('2× the output tokens/s per GPU of tp2 at TTFT avg ≤ 250 ms');
    const second = decisions[0]!.ranked[1]!;
    expect(describeGap(second, 'tp1', ctx)).toBe(
      '+$238,000 a year (+67 %) vs tp1: output tokens/s per GPU under the SLA: 1,000 vs 2,000 (+100 % cost); ' +
        'rounding up to whole servers: 1× vs 1.2× the exact need (−17 % cost)',
    );
    // The best row has no gap: it is the best.
    expect(decisions[0]!.ranked[0]!.vsBest).toBeNull();
    expect(describeGap(decisions[0]!.ranked[0]!, 'tp1', ctx)).toBe('best cost per year of this workload');
  });

  it('cheaper servers per GPU, even when the other serves more per GPU (the first factor in its favour)', () => {
    // a: 200 ÷ 10 = 20 instances → 3 servers × $119,000 = $357,000. c: 200 ÷ 60 = 3.33 → 4 instances → 1 server of
    // $500,000. Factors of c against a, biggest first: capacity per GPU 10 ÷ 60 = 0.167 (ln 1.79), server cost per
    // GPU-year $62,500 ÷ $14,875 = 4.20 (ln 1.44), rounding (1 ÷ 0.4167 = 2.4) ÷ (3 ÷ 2.5 = 1.2) = 2 (ln 0.69).
    // Product 0.167 × 4.20 × 2 = 1.40 = $500,000 ÷ $357,000. The first factor above 1 is the server cost:
    // 1 − 1 ÷ 4.20 = 76 % less.
    const { decisions, ctx } = run([
      { key: 'c', rps: 60, hw: server('dear', 500_000) },
      { key: 'a', rps: 10 },
    ]);
    expect(why(decisions)).toBe("its servers cost 76 % less per GPU-year than c's ($14,875 vs $62,500)");
    const [best, second] = decisions[0]!.ranked;
    expect(best!.result.series.key).toBe('a');
    expect(second!.vsBest?.factors.map((f) => f.kind)).toEqual(['capacityPerGpu', 'serverCostPerGpu', 'rounding']);
    expect(describeGap(second!, 'a', ctx)).toBe(
      '+$143,000 a year (+40 %) vs a: requests/s per GPU under the SLA: 60 vs 10 (−83 % cost); ' +
        'server cost per GPU-year: $62,500 vs $14,875 (+320 % cost); ' +
        'rounding up to whole servers: 2.4× vs 1.2× the exact need (+100 % cost)',
    );
  });

  it('orders factors by their effect, not by their kind', () => {
    // c: 200 ÷ 20 = 10 instances → 2 servers × $500,000 = $1,000,000 against a's $357,000. Server cost per GPU
    // 4.20 (ln 1.44) comes before capacity per GPU 10 ÷ 20 = 0.5 (ln 0.69) and rounding (2 ÷ 1.25) ÷ 1.2 = 1.33.
    const { decisions } = run([
      { key: 'a', rps: 10 },
      { key: 'c', rps: 20, hw: server('dear', 500_000) },
    ]);
    const factors = decisions[0]!.ranked[1]!.vsBest!.factors;
    expect(factors.map((f) => f.kind)).toEqual(['serverCostPerGpu', 'capacityPerGpu', 'rounding']);
    expect(factors[0]!.effect).toBeCloseTo(62_500 / 14_875, 12);
    expect(factors[0]!.candidate).toBe(62_500);
    expect(factors[0]!.best).toBe(14_875);
    expect(factors[1]!.effect).toBe(0.5);
    expect(factors[2]!.effect).toBeCloseTo(1.6 / 1.2, 12);
  });

  it('less rounding up to whole servers', () => {
    // r16 has 16-GPU servers at $238,000 ($14,875 per GPU, as a's). 200 ÷ 10.5 = 19.05 → 20 instances → 2 servers
    // = $476,000 (exact 19.05 ÷ 16 = 1.19 servers: rounding 2 ÷ 1.19 = 1.68); a: $357,000, rounding 1.2. Factors:
    // rounding 1.68 ÷ 1.2 = 1.4, capacity per GPU 10 ÷ 10.5 = 0.952. 1.4 × 0.952 = 1.333 = 476 ÷ 357.
    const { decisions } = run([
      { key: 'a', rps: 10 },
      { key: 'r16', rps: 10.5, hw: server('sixteen', 238_000, 16) },
    ]);
    expect(why(decisions)).toBe('less rounding up to whole servers than r16 (1.2× vs 1.68× the exact need)');
  });

  it('fewer servers added for spare instances', () => {
    // 16 spare instances (two servers' worth). a: 20 + 16 = 36 instances → 5 servers = $595,000; without spares
    // 3 servers: spares 5 ÷ 3 = 1.667. g ($200,000 servers): 200 ÷ 25 = 8 + 16 = 24 instances → 3 servers =
    // $600,000; without spares 1: spares 3. Factors of g: capacity 10 ÷ 25 = 0.4 (ln 0.92), spares 3 ÷ 1.667 = 1.8
    // (ln 0.59), server cost $25,000 ÷ $14,875 = 1.68 (ln 0.52), rounding 1 ÷ 1.2 = 0.833. Product 1.0084 =
    // 600,000 ÷ 595,000. The first factor above 1 is the spares.
    const { decisions } = run(
      [
        { key: 'g', rps: 25, hw: server('mid', 200_000) },
        { key: 'a', rps: 10 },
      ],
      (s) => (s.demand = { ...s.demand, spareInstances: 16 }),
    );
    expect(why(decisions)).toBe('its spare instances add fewer servers than those of g');
    const spares = decisions[0]!.ranked[1]!.vsBest!.factors.find((f) => f.kind === 'spares')!;
    expect(spares.candidate).toBe(3);
    expect(spares.best).toBeCloseTo(5 / 3, 12);
  });

  it('fuller servers, per 1K requests', () => {
    // Demand 105 req/s. b: 105 ÷ 10 = 10.5 → 11 instances → 2 servers ($238,000); GPU slots per GPU used
    // 16 ÷ 11 = 1.4545. p: 105 ÷ 12 = 8.75 → 9 instances → 2 servers; 16 ÷ 9 = 1.7778. Per 1K requests:
    // b 238,000 ÷ (11 × 10 × S) × 1000 = $0.068608; p 238,000 ÷ (9 × 12 × S) × 1000 = $0.069879 (+1.85 %).
    // Factors of p: packing 1.7778 ÷ 1.4545 = 1.2222 (ln 0.20), requests/s per GPU 10 ÷ 12 = 0.8333 (ln 0.18).
    const { decisions, ctx } = run(
      [
        { key: 'p', rps: 12 },
        { key: 'b', rps: 10 },
      ],
      (s) => (s.demand = { ...s.demand, peak: 105 }),
      'costPer1kRequestsUsd',
    );
    expect(why(decisions)).toBe('it fills its servers better than p (1.45 vs 1.78 GPU slots bought per GPU used)');
    const [best, second] = decisions[0]!.ranked;
    expect(best!.value).toBeCloseTo((238_000 / (110 * S)) * 1000, 15);
    expect(second!.value).toBeCloseTo((238_000 / (108 * S)) * 1000, 15);
    // Difference 0.069879 − 0.068608 = $0.001271 (4 significant digits); ratio 110 ÷ 108 = 1.0185 → +2 %.
    expect(describeGap(second!, 'b', ctx)).toBe(
      '+$0.001271 per 1K requests (+2 %) vs b: GPU slots bought per GPU used: 1.78 vs 1.45 (+22 % cost); ' +
        'requests/s per GPU under the SLA: 12 vs 10 (−17 % cost)',
    );
  });

  it('more tokens per request, per 1M tokens', () => {
    // Same servers, same requests/s: the same cost per 1K requests. long sends 300 + 200 = 500 tokens a request,
    // short 100 + 100 = 200: short costs 500 ÷ 200 = 2.5× as much per 1M tokens.
    const { decisions, ctx } = run(
      [
        { key: 'short', rps: 10, level: { inputTokens: { avg: 100 }, outputTokens: { avg: 100 } } },
        { key: 'long', rps: 10, level: { inputTokens: { avg: 300 }, outputTokens: { avg: 200 } } },
      ],
      (s) => (s.comparableWorkloads = true),
      'costPer1MTokensUsd',
    );
    expect(why(decisions)).toBe(
      'more tokens per request than short (500 vs 200), so each token carries less of the cost',
    );
    const second = decisions[0]!.ranked[1]!;
    expect(second.vsBest?.ratio).toBeCloseTo(2.5, 12);
    expect(describeGap(second, 'long', ctx)).toMatch(
      /^\+\$[0-9.]+ per 1M tokens \(\+150 %\) vs long: tokens per request \(ISL \+ OSL\): 200 vs 500 \(\+150 % cost\)$/,
    );
  });

  it('writes a capacity ratio of 10 or more whole, from 1.1 with one decimal', () => {
    // slow: 200 ÷ 0.8 = 250 instances → 32 servers; 10 ÷ 0.8 = 12.5× the requests/s per GPU → "13×".
    const slow = run([
      { key: 'a', rps: 10 },
      { key: 'slow', rps: 0.8 },
    ]);
    expect(why(slow.decisions)).toBe('13× the requests/s per GPU of slow at TTFT avg ≤ 250 ms');
    // eight: 200 ÷ 8 = 25 instances → 4 servers; 10 ÷ 8 = 1.25× → "1.3×" (rounding 1.28 ÷ 1.2 = 1.07 is smaller).
    const eight = run([
      { key: 'a', rps: 10 },
      { key: 'eight', rps: 8 },
    ]);
    expect(why(eight.decisions)).toBe('1.3× the requests/s per GPU of eight at TTFT avg ≤ 250 ms');
  });

  it('names every constraint of the SLA when the best is the only one to meet it', () => {
    const { decisions } = run([{ key: 'a', rps: 10, level: { e2eMs: { avg: 900 } } }], (s) =>
      s.sla.push({ metric: 'e2e', stat: 'avg', bound: 1000 }),
    );
    expect(why(decisions)).toBe(
      'the only configuration of this workload that meets TTFT avg ≤ 250 ms and E2E latency avg ≤ 1,000 ms',
    );
  });
});

describe('ties and tie-breakers', () => {
  it('on equal cost per 1K requests, the yearly cost decides and its factors explain', () => {
    // a: 20 instances, 3 servers = $357,000; per 1K = 357,000 ÷ (20 × 10 × S) × 1000 = 1785 × 1000 ÷ S.
    // b ($428,400 servers): 200 ÷ 60 = 3.33 → 4 instances → 1 server = $428,400; per 1K = 428,400 ÷ (4 × 60 × S)
    // × 1000 = 1785 × 1000 ÷ S: the same. The yearly cost decides: a. Its factors against b (per year): capacity
    // 10 ÷ 60 = 0.167 (ln 1.79), server cost per GPU $53,550 ÷ $14,875 = 3.6 (ln 1.28), rounding 2.4 ÷ 1.2 = 2.
    // The first factor above 1 is the server cost: 1 − 1 ÷ 3.6 = 72 % less.
    const { decisions } = run(
      [
        { key: 'b', rps: 60, hw: server('b-server', 428_400) },
        { key: 'a', rps: 10 },
      ],
      () => undefined,
      'costPer1kRequestsUsd',
    );
    const [best, second] = decisions[0]!.ranked;
    expect(best!.result.series.key).toBe('a');
    expect(second!.rank).toBe(2);
    expect(best!.value).toBeCloseTo((1785 * 1000) / S, 15);
    expect(second!.value).toBeCloseTo((1785 * 1000) / S, 15);
    expect(why(decisions)).toBe(
      "same cost per 1K requests as b, lower cost per year: its servers cost 72 % less per GPU-year than b's " +
        '($14,875 vs $53,550)',
    );
  });

  it('treats costs equal up to rounding noise as equal', () => {
    // 0.1 + 0.2 req/s is 0.30000000000000004, one unit in the last place above 0.3: 200 ÷ 0.3 = 666.7 → 667
    // instances → 84 servers for both; the costs per 1K requests differ only in the last bits, so they tie.
    const { decisions } = run(
      [
        { key: 'x', rps: 0.1 + 0.2 },
        { key: 'y', rps: 0.3 },
      ],
      () => undefined,
      'costPer1kRequestsUsd',
    );
    const [first, second] = decisions[0]!.ranked;
    expect(first!.value).not.toBe(second!.value);
    expect(second!.rank).toBe(1);
    expect(decisions[0]!.verdict.kind).toBe('tie');
  });

  it('treats yearly costs equal up to rounding noise as equal, however large', () => {
    // Servers priced 0.1 + 0.2 million (300,000.00000000006) and 300,000: three each for 200 ÷ 10 = 20
    // instances, $900,000 a year give or take 1e-10: a tie, not a winner by rounding noise.
    const { decisions } = run([
      { key: 'x', rps: 10, hw: server('noisy', (0.1 + 0.2) * 1e6) },
      { key: 'y', rps: 10, hw: server('round', 300_000) },
    ]);
    const [first, second] = decisions[0]!.ranked;
    expect(first!.value).not.toBe(second!.value);
    expect(first!.value).toBeCloseTo(900_000, 6);
    expect(decisions[0]!.verdict.kind).toBe('tie');
  });

  it('lists only the tied configurations, not a dearer third', () => {
    // a and b: $357,000 each; c: 200 ÷ 8 = 25 instances → 4 servers = $476,000.
    const { decisions, ctx } = run([
      { key: 'a', rps: 10 },
      { key: 'b', rps: 10 },
      { key: 'c', rps: 8 },
    ]);
    const v = decisions[0]!.verdict;
    expect(v.kind === 'tie' && v.tied.map((e) => e.result.series.key)).toEqual(['a', 'b']);
    // $357,000 ÷ (20 × 10 × S) × 1000 = $0.05660.
    expect(v.why).toBe('a and b cost the same ($357,000 a year, $0.0566 per 1K requests)');
    expect(describeGap(decisions[0]!.ranked[1]!, 'a', ctx)).toBe('same cost per year as a');
  });

  it('without a factor above 0.5 %, says how much lower the best is', () => {
    // Demand 199: a 19.9 → 20 instances, b 199 ÷ 9.96 = 19.98 → 20, both 3 servers. b's servers cost 0.4 % more
    // ($119,476 a year: $321,904 ÷ 4 + $39,000) and it serves 0.4 % fewer requests/s per GPU (10 ÷ 9.96). Per 1K
    // requests b is 1.004 × 1.004016 = 1.008032× a's: 1 − 1 ÷ 1.008032 = 0.797 % below, with no factor above
    // 0.5 % to name (below 1, three significant digits).
    const { decisions } = run(
      [
        { key: 'a', rps: 10 },
        { key: 'b', rps: 9.96, hw: hardware({ id: 'b-server', serverPriceUsd: 321_904 }) },
      ],
      (s) => (s.demand = { ...s.demand, peak: 199 }),
      'costPer1kRequestsUsd',
    );
    const second = decisions[0]!.ranked[1]!;
    expect(second.vsBest?.factors).toEqual([]);
    expect(second.vsBest?.ratio).toBeCloseTo(1.004 * (10 / 9.96), 12);
    expect(why(decisions)).toBe('0.797 % below b on cost per 1K requests');
  });

  it('keeps a ratio of Infinity, not NaN, against a best of zero', () => {
    const { decisions } = run(
      [
        { key: 'a', rps: 10 },
        { key: 'b', rps: 10 },
      ],
      (s) => (s.demand = { ...s.demand, peak: 0 }),
    );
    expect(decisions[0]!.ranked[1]!.vsBest).toEqual({ ratio: Infinity, difference: 0, factors: [] });
  });
});

describe('ranking', () => {
  it('sorts by the chosen metric, then by the yearly cost, whatever the input order', () => {
    // wide: 200 ÷ 75 = 2.67 → 3 instances → 1 server of $400,000; per 1K 400,000 ÷ (3 × 75 × S) × 1000 =
    // 1777.8 × 1000 ÷ S. a: $357,000 and 357,000 ÷ (20 × 10) = 1785 × 1000 ÷ S. Per year a is cheaper; per 1K
    // requests wide is (its three instances serve 225 req/s for the 200 asked).
    const configs = [
      { key: 'wide', rps: 75, hw: server('wide-server', 400_000) },
      { key: 'a', rps: 10 },
    ];
    const perYear = run(configs);
    expect(perYear.decisions[0]!.ranked.map((e) => e.result.series.key)).toEqual(['a', 'wide']);
    const per1k = run(configs, () => undefined, 'costPer1kRequestsUsd');
    expect(per1k.decisions[0]!.ranked.map((e) => [e.result.series.key, e.rank])).toEqual([
      ['wide', 1],
      ['a', 2],
    ]);
    expect(per1k.decisions[0]!.ranked[0]!.value).toBeCloseTo((400_000 / (225 * S)) * 1000, 15);
  });

  it('puts the results without a value for the metric apart, and only those', () => {
    // fails: TTFT 300 ms > 250 ms at its only level, so it has no costs.
    const { results } = run([
      { key: 'a', rps: 10 },
      { key: 'fails', rps: 10, level: { ttftMs: { avg: 300 } } },
    ]);
    const { ranked, unranked } = rankResults(results, 'fleetYearUsd');
    expect(ranked.map((e) => e.result.series.key)).toEqual(['a']);
    expect(unranked.map((r) => r.series.key)).toEqual(['fails']);
  });

  it('finds no factors for a result that was not sized', () => {
    const { byKey } = run([
      { key: 'a', rps: 10 },
      { key: 'fails', rps: 10, level: { ttftMs: { avg: 300 } } },
      { key: 'idle', rps: 0 },
    ]);
    // idle meets the SLA but serves 0 requests/s: no sizing, no costs.
    expect(byKey('idle').pick.meetsSla).toBe(true);
    expect(byKey('idle').sizing).toBeNull();
    for (const other of ['fails', 'idle']) {
      expect(costFactors(byKey(other), byKey('a'), 'fleetYearUsd')).toEqual([]);
      expect(costFactors(byKey('a'), byKey(other), 'fleetYearUsd')).toEqual([]);
    }
  });

  it('skips a factor that is zero on either side (free servers)', () => {
    // free: servers at $0 a year. Server cost per GPU is 0 for it, so there is no ratio to show; the rounding is
    // the same (3 servers for 2.5 exact), the capacity the same.
    const { byKey } = run([
      { key: 'a', rps: 10 },
      { key: 'free', rps: 10, hw: server('free-server', 0) },
    ]);
    expect(costFactors(byKey('a'), byKey('free'), 'fleetYearUsd')).toEqual([]);
    expect(costFactors(byKey('free'), byKey('a'), 'fleetYearUsd')).toEqual([]);
  });

  it('hands the Cheapest badge to the recommended configuration of a workload with more than one', () => {
    const { decisions } = run([
      { key: 'a', rps: 10 },
      { key: 'eight', rps: 8 },
    ]);
    expect([...cheapestKeys(decisions)]).toEqual(['a']);
  });
});

describe('no recommendation', () => {
  it('says why the metric cannot be computed when the configurations are sized but the metric is not', () => {
    // fails (first) meets nothing; nolen is sized but has no token lengths, so no cost per 1M tokens.
    const noLengths = { inputTokens: {}, outputTokens: {} };
    const { decisions } = run(
      [
        { key: 'fails', rps: 10, level: { ...noLengths, ttftMs: { avg: 300 } } },
        { key: 'nolen', rps: 10, level: noLengths },
      ],
      () => undefined,
      'costPer1MTokensUsd',
    );
    const v = decisions[0]!.verdict;
    expect(v).toEqual({
      kind: 'none',
      why:
        'the cost per 1M tokens cannot be computed: the mean input and output lengths at the operating point are ' +
        'unknown (type them for the series)',
      relaxations: [],
      binding: undefined,
    });
  });

  it('looks for a relaxation when nothing meets the SLA, whatever the metric', () => {
    const fails = { key: 'fails', rps: 10, level: { ttftMs: { avg: 300 } } };
    const { decisions } = run([fails], () => undefined, 'costPer1kRequestsUsd');
    // TTFT avg ≤ 250 ms → ≤ 300 ms (+20 %) lets the only level qualify.
    expect(why(decisions)).toBe(
      'nothing meets the SLA; the binding constraint is TTFT avg ≤ 250 ms → ≤ 300 ms (+20 %): ' +
        'fails then qualifies at concurrency 8',
    );
  });

  it('relaxes only the configurations of the workload', () => {
    // Two workloads: short (OSL 100) fails TTFT ≤ 250 at 300 ms; long (OSL 200) meets it. The relaxation for the
    // short workload is about short alone.
    const { decisions } = run([
      { key: 'short', rps: 10, level: { ttftMs: { avg: 300 }, outputTokens: { avg: 100 } } },
      { key: 'long', rps: 10, level: { ttftMs: { avg: 100 } } },
    ]);
    expect(decisions).toHaveLength(2);
    const short = decisions.find((d) => d.group.seriesKeys.includes('short'))!;
    expect(short.verdict.kind === 'none' && short.verdict.relaxations.map((r) => r.needed?.bound)).toEqual([300]);
  });

  it('names each missing statistic once when no file can be checked', () => {
    // a reports TTFT avg only, b TTFT p50 only; the SLA asks for TTFT p1.
    const { decisions } = run(
      [
        { key: 'a', rps: 10 },
        { key: 'b', rps: 10, level: { ttftMs: { p50: 100 } } },
      ],
      (s) => (s.sla = [{ metric: 'ttft', stat: 'p1', bound: 1000 }]),
    );
    expect(why(decisions)).toBe(
      "the SLA cannot be checked on this workload's files: TTFT p1 is not in the files (they report avg); " +
        'TTFT p1 is not in the files (they report p50)',
    );
  });

  it('with no configuration in the workload, nothing meets and nothing can be relaxed', () => {
    const { series, ctx } = run([{ key: 'a', rps: 10 }]);
    const workload = {} as WorkloadGroup['workload'];
    const group: WorkloadGroup = { id: 'nobody', label: 'empty', workload, seriesKeys: ['nobody'] };
    const d = decideWorkload(group, [], series, ctx);
    expect(d.verdict.why).toBe('nothing meets the SLA, and relaxing any one constraint alone is not enough');
    // One entry per constraint, none of which a relaxation can satisfy (no configuration to qualify).
    expect(d.verdict.kind === 'none' && d.verdict.relaxations.map((r) => r.needed)).toEqual([null]);
  });
});

describe('each factor in words', () => {
  const demand = { unit: 'concurrentRequests' as const, peak: 1, headroomPercent: 0, spareInstances: 0 };
  const ctx = { demand, currency: 'USD' };
  const f = (kind: Factor['kind'], effect: number, candidate: number, best: number): string =>
    describeFactor({ kind, effect, candidate, best }, ctx);

  it('writes the two values, candidate first, and the effect on the cost', () => {
    expect(f('capacityPerGpu', 1.25, 8, 10)).toBe('concurrent requests per GPU under the SLA: 8 vs 10 (+25 % cost)');
    expect(f('requestsPerGpu', 0.8, 12.5, 10)).toBe('requests/s per GPU under the SLA: 12.5 vs 10 (−20 % cost)');
    expect(f('serverCostPerGpu', 2, 29_750, 14_875)).toBe('server cost per GPU-year: $29,750 vs $14,875 (+100 % cost)');
    expect(f('rounding', 1.5, 1.8, 1.2)).toBe('rounding up to whole servers: 1.8× vs 1.2× the exact need (+50 % cost)');
    expect(f('spares', 1.5, 3, 2)).toBe('servers added for spare instances: 3× vs 2× (+50 % cost)');
    expect(f('packing', 1.1, 1.32, 1.2)).toBe('GPU slots bought per GPU used: 1.32 vs 1.2 (+10 % cost)');
    expect(f('tokensPerRequest', 2, 200, 400)).toBe('tokens per request (ISL + OSL): 200 vs 400 (+100 % cost)');
  });
});
