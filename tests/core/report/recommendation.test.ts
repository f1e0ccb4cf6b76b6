/**
 * Ranking within a workload, the reasons for each gap, ties and "nothing meets the SLA" on the real NIM sweep
 * (NVIDIA GenAI-Perf, Llama-3-8B, concurrency 1–250). Every expected number is worked out in the comments from
 * the files' values: at TTFT avg ≤ 250 ms the operating point is concurrency 10, 11.378172536970691 req/s.
 */
import { describe, expect, it } from 'vitest';
import { resolveSeries } from '../../../src/core/analysis/series.ts';
import type { LoadPoint } from '../../../src/core/model/benchmark.ts';
import type { Scenario, SlaConstraint } from '../../../src/core/model/scenario.ts';
import { buildLoadPoints } from '../../../src/core/parsers/ingest.ts';
import { cheapestKeys, decide, describeGap } from '../../../src/core/report/recommendation.ts';
import type { DecisionContext } from '../../../src/core/report/recommendation.ts';
import { computeSeriesResult } from '../../../src/core/report/seriesResult.ts';
import { groupWorkloads } from '../../../src/core/report/workloads.ts';
import { defaultScenario } from '../../../src/core/scenario/defaults.ts';
import { displayBound, relaxations } from '../../../src/core/sensitivity/relaxation.ts';
import { nimRuns } from '../../store/nimRuns.ts';

const nim = buildLoadPoints(nimRuns()).points;
/** The NIM sweep as a configuration of its own key. */
const as = (key: string, patch: Partial<LoadPoint> = {}): LoadPoint[] =>
  nim.map((p) => ({ ...p, ...patch, id: `${key}/${p.id}`, seriesKey: key, seriesName: key }));

function decideFor(
  points: LoadPoint[],
  changes: Partial<Scenario> = {},
  metric: DecisionContext['metric'] = 'fleetYearUsd',
) {
  const scenario = { ...defaultScenario(), ...changes };
  const series = resolveSeries(points, scenario);
  const results = series.map((s) => computeSeriesResult(s, scenario));
  const ctx: DecisionContext = { metric, sla: scenario.sla, demand: scenario.demand, currency: 'USD' };
  return { decisions: decide(groupWorkloads(series, scenario.comparableWorkloads), results, series, ctx), ctx };
}

describe('ranking within one workload, and why', () => {
  // tp1: 200 req/s ÷ 11.378 = 17.577 instances → 18 → ceil(18 ÷ 8) = 3 servers × $119,000 = $357,000 a year.
  // tp2: the same runs at 2 GPUs per instance → 18 instances, 36 GPUs → ceil(18 ÷ 4) = 5 servers = $595,000.
  const tp = [...as('tp1'), ...as('tp2')];
  const settings = {
    series: [
      { match: 'tp1', gpusPerInstance: 1 },
      { match: 'tp2', gpusPerInstance: 2 },
    ],
  };

  it('recommends the cheaper per year and says why in one line', () => {
    const { decisions } = decideFor(tp, settings);
    expect(decisions).toHaveLength(1);
    const v = decisions[0]!.verdict;
    expect(v.kind).toBe('recommended');
    if (v.kind !== 'recommended') return;
    expect(v.best.result.series.key).toBe('tp1');
    expect(v.best.value).toBe(357_000);
    expect(v.why).toBe('2× the requests/s per GPU of tp2 at TTFT avg ≤ 250 ms');
  });

  it('explains the gap as factors whose product is the cost ratio', () => {
    const { decisions, ctx } = decideFor(tp, settings);
    const second = decisions[0]!.ranked[1]!;
    expect(second.rank).toBe(2);
    expect(second.vsBest?.difference).toBe(238_000); // 595,000 − 357,000
    expect(second.vsBest?.ratio).toBeCloseTo(5 / 3, 12); // 595,000 ÷ 357,000
    // Capacity per GPU halves (11.378 → 5.689 req/s): ×2. Rounding: 5 servers for 4.394 exact vs 3 for 2.197,
    // i.e. (5 ÷ 4.394) ÷ (3 ÷ 2.197) = 5/6. Server cost per GPU-year is the same: no factor. 2 × 5/6 = 5/3.
    expect(second.vsBest?.factors.map((f) => [f.kind, f.effect])).toEqual([
      ['capacityPerGpu', 2],
      ['rounding', expect.closeTo(5 / 6, 12) as unknown as number],
    ]);
    expect(describeGap(second, 'tp1', ctx)).toBe(
      '+$238,000 a year (+67 %) vs tp1: requests/s per GPU under the SLA: 5.69 vs 11.38 (+100 % cost); ' +
        'rounding up to whole servers: 1.14× vs 1.37× the exact need (−17 % cost)',
    );
  });

  it('ranks by cost per 1K requests with GPU slots bought per GPU used as a factor', () => {
    const { decisions } = decideFor(tp, settings, 'costPer1kRequestsUsd');
    const [best, second] = decisions[0]!.ranked;
    // $357,000 ÷ (18 × 11.378 req/s × 31,536,000 s) × 1000 = $0.05527; tp2: $595,000 ÷ (same) × 1000 = $0.09212
    expect(best!.value).toBeCloseTo(0.0552733, 6);
    expect(second!.value).toBeCloseTo(0.0921222, 6);
    // Packing: 3 × 8 slots ÷ 18 GPUs = 1.333 vs 5 × 8 ÷ 36 = 1.111 → 0.8333; requests/s per GPU ×2.
    expect(second!.vsBest?.factors.map((f) => [f.kind, Number(f.effect.toFixed(4))])).toEqual([
      ['requestsPerGpu', 2],
      ['packing', 0.8333],
    ]);
  });

  it('on equal yearly cost, names the tie-breaker and explains by its factors', () => {
    // b serves 2 % fewer requests/s: 200 ÷ (11.378 × 0.98) = 17.94 → still 18 instances, 3 servers, $357,000;
    // but per 1K requests it costs 1 ÷ 0.98 more: 1.0204× the requests/s per GPU for a.
    const slower = as('b').map((p) => ({ ...p, requestsPerSecond: (p.requestsPerSecond ?? 0) * 0.98 }));
    const { decisions } = decideFor([...as('a'), ...slower]);
    const v = decisions[0]!.verdict;
    expect(v.kind === 'recommended' && v.why).toBe(
      'same cost per year as b, lower cost per 1K requests: 1.02× the requests/s per GPU of b at TTFT avg ≤ 250 ms',
    );
  });

  it('names no winner on a full tie, and says what they cost', () => {
    const { decisions } = decideFor([...as('a'), ...as('b')]);
    const v = decisions[0]!.verdict;
    expect(v.kind).toBe('tie');
    expect(v.kind === 'tie' && v.why).toBe('a and b cost the same ($357,000 a year, $0.05527 per 1K requests)');
    expect(cheapestKeys(decisions).size).toBe(0);
  });

  it('says the peak is zero when every fleet is empty', () => {
    const { decisions } = decideFor([...as('a'), ...as('b')], { demand: { ...defaultScenario().demand, peak: 0 } });
    const v = decisions[0]!.verdict;
    expect(v.kind === 'tie' && v.why).toBe(
      'the peak demand is 0: no servers are needed, so there is nothing to choose between',
    );
  });
});

describe('a statistic the files do not report', () => {
  it('says the SLA cannot be checked, naming what the files have, instead of "nothing meets"', () => {
    // The NIM sweep reports TTFT avg, p25…p99, min and max, but no p1.
    const { decisions } = decideFor(as('tp1'), { sla: [{ metric: 'ttft', stat: 'p1', bound: 1000 }] });
    const v = decisions[0]!.verdict;
    expect(v.kind).toBe('none');
    if (v.kind !== 'none') return;
    expect(v.relaxations).toEqual([]);
    expect(v.why).toBe(
      "the SLA cannot be checked on this workload's files: TTFT p1 is not in the files " +
        '(they report avg, min, max, p25, p50, p75, p90, p95, p99)',
    );
  });
});

describe('nothing meets the SLA', () => {
  // TTFT avg ≤ 100 ms holds at concurrency 1, 2, 5 (24.6, 35.0, 79.3 ms) but E2E avg ≤ 500 ms nowhere
  // (669.575 ms at concurrency 1 is the lowest).
  const sla: SlaConstraint[] = [
    { metric: 'ttft', stat: 'avg', bound: 100 },
    { metric: 'e2e', stat: 'avg', bound: 500 },
  ];

  it('finds the binding constraint and the bound that would let a load level qualify', () => {
    const { decisions } = decideFor(as('tp1'), { sla });
    const v = decisions[0]!.verdict;
    expect(v.kind).toBe('none');
    if (v.kind !== 'none') return;
    // Relaxing TTFT alone cannot help (E2E still fails everywhere); relaxing E2E to 669.575 ms admits concurrency 1.
    expect(v.relaxations.map((r) => r.needed?.bound ?? null)).toEqual([null, 669.575185735849]);
    expect(v.binding?.constraintIndex).toBe(1);
    // Shown rounded up (so typing it really qualifies): 670 ms, (670 − 500) ÷ 500 = +34 %.
    expect(v.why).toBe(
      'nothing meets the SLA; the binding constraint is E2E latency avg ≤ 500 ms → ≤ 670 ms (+34 %): ' +
        'tp1 then qualifies at concurrency 1',
    );
  });

  it('measures each constraint with the others held as they are', () => {
    const list = relaxations(
      resolveSeries(as('tp1'), defaultScenario()),
      [
        { metric: 'ttft', stat: 'avg', bound: 10 },
        { metric: 'e2e', stat: 'avg', bound: 1000 },
      ],
      'requestsPerSecond',
    );
    // E2E ≤ 1000 ms holds up to concurrency 10 (878.5 ms); TTFT must rise to the lowest TTFT there, 24.624 ms.
    expect(list[0]!.needed?.bound).toBe(24.62418879245283);
    expect(list[0]!.relativeChange).toBeCloseTo(1.462418879245283, 12);
    // E2E alone: TTFT ≤ 10 ms holds nowhere.
    expect(list[1]!.needed).toBeNull();
  });

  it('rounds a needed bound the way that still admits the level', () => {
    expect(displayBound(24.62418879245283, { metric: 'ttft' })).toBe(24.7); // upper bound: up
    expect(displayBound(24.62418879245283, { metric: 'tpsPerUser' })).toBe(24.6); // lower bound: down
    expect(displayBound(24.6, { metric: 'ttft' })).toBe(24.6); // binary noise is not a digit
    expect(displayBound(1019.6901196972727, { metric: 'ttft' })).toBe(1020);
  });
});

describe('workloads', () => {
  it('ranks only within a workload: the NIM sweep (OSL ≈ 58) and a 200/200 one get an answer each, no Cheapest', () => {
    const long = as('long', { outputTokens: { avg: 200 } });
    const { decisions } = decideFor([...as('short'), ...long]);
    expect(decisions.map((d) => d.group.seriesKeys)).toEqual([['short'], ['long']]);
    expect(decisions[0]!.group.label).toBe('meta/llama3-8b-instruct · ISL ≈ 200 · OSL ≈ 58 tokens');
    expect(decisions[1]!.group.label).toBe('meta/llama3-8b-instruct · ISL ≈ 200 · OSL ≈ 200 tokens');
    expect(decisions.map((d) => d.verdict.kind === 'recommended' && d.verdict.why)).toEqual([
      'the only configuration of this workload that meets TTFT avg ≤ 250 ms',
      'the only configuration of this workload that meets TTFT avg ≤ 250 ms',
    ]);
    expect(cheapestKeys(decisions).size).toBe(0);
  });

  it('compares across workloads once the user declares them comparable', () => {
    const long = as('long', { outputTokens: { avg: 200 } });
    const { decisions } = decideFor([...as('short'), ...long], { comparableWorkloads: true });
    expect(decisions).toHaveLength(1);
    expect(decisions[0]!.group.label).toBe('all configurations, declared comparable');
    expect(decisions[0]!.verdict.kind).toBe('tie'); // same servers, same cost per year and per 1K requests
  });
});
