/**
 * The chain for one series (docs/method.md): demand cost with its unit conversion, the per-1M-tokens breakdown text,
 * and a demand of zero. Every expected number is worked out by hand in the comments.
 */
import { describe, expect, it } from 'vitest';
import { resolveSeries } from '../../../src/core/analysis/series.ts';
import type { LoadPoint } from '../../../src/core/model/benchmark.ts';
import type { Scenario } from '../../../src/core/model/scenario.ts';
import type { SeriesResult } from '../../../src/core/report/seriesResult.ts';
import {
  cheapestSeriesKey,
  computeResults,
  computeSeriesResult,
  resultAtOperatingPoint,
  seriesOperatingPoint,
} from '../../../src/core/report/seriesResult.ts';
import { buildRequestSamples } from '../../../src/core/model/requestSamples.ts';
import { defaultScenario } from '../../../src/core/scenario/defaults.ts';
import { explainResult } from '../../../src/core/tco/breakdown.ts';
import { point } from '../helpers.ts';
import { buildReport } from '../../../src/core/report/reportJson.ts';
import { reportCsv } from '../../../src/core/report/reportCsv.ts';

const S = 31_536_000;
// One level: 10 req/s, 2,000 output tokens/s (OSL 200), ISL 1,000, TTFT 100 ms.
const only = point({
  concurrency: 8,
  ttftMs: { avg: 100 },
  requestsPerSecond: 10,
  outputTokensPerSecond: 2000,
  inputTokens: { avg: 1000 },
  outputTokens: { avg: 200 },
});

function resultFor(demand: Partial<Scenario['demand']>, edit: (scenario: Scenario) => void = () => undefined) {
  const scenario = defaultScenario();
  scenario.demand = { ...scenario.demand, ...demand };
  edit(scenario);
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
    expect(lines.costPer1MTokensUsd).toBe(
      '$0.0566 per 1K requests × 1000 ÷ (1,000 input + 200 output tokens) = $0.04717',
    );
  });
});

describe('why a series has no sizing', () => {
  it('says whether the SLA fails or cannot be checked with these files', () => {
    const failing = resultFor({}, (s) => (s.sla = [{ metric: 'ttft', stat: 'avg', bound: 50 }])).result;
    expect(failing.reason).toBe(
      'cannot meet the SLA: even at the lowest load (concurrency 8) TTFT avg ≤ 50 ms but measured 100',
    );
    const unknown = resultFor({}, (s) => (s.sla = [{ metric: 'ttft', stat: 'p95', bound: 500 }])).result;
    expect(unknown.reason).toBe('SLA not checkable: TTFT p95 is not in the files (they report avg)');
    expect(unknown).toMatchObject({
      sizing: null,
      costs: null,
      meanInputTokens: undefined,
      meanOutputTokens: undefined,
      notes: [],
    });
  });

  it('refuses to size on a capacity of zero', () => {
    const scenario = defaultScenario();
    const [series] = resolveSeries([point({ concurrency: 1, ttftMs: { avg: 100 }, requestsPerSecond: 0 })], scenario);
    const result = computeSeriesResult(series!, scenario);
    expect(result.reason).toBe('the capacity at the operating point is 0, so no number of instances serves the demand');
    expect(result.sizing).toBeNull();
  });
});

describe('mean request lengths for the per-token costs', () => {
  const bare = (metadata: LoadPoint['metadata']) =>
    point({ concurrency: 8, ttftMs: { avg: 100 }, requestsPerSecond: 10, metadata });

  it('uses the measured means and says nothing', () => {
    const { result } = resultFor({});
    expect([result.meanInputTokens, result.meanOutputTokens]).toEqual([1000, 200]);
    expect(result.notes).toEqual([]);
  });

  it('prefers the measured mean to a typed one', () => {
    const scenario = defaultScenario();
    scenario.series = [{ match: 'series', inputTokens: 700 }];
    const [series] = resolveSeries([only], scenario);
    expect(computeSeriesResult(series!, scenario).meanInputTokens).toBe(1000);
  });

  it('takes the lengths typed for the series, and says so', () => {
    const scenario = defaultScenario();
    scenario.series = [{ match: 'series', inputTokens: 700, outputTokens: 150 }];
    const [series] = resolveSeries([bare({ targetInputTokens: 512, targetOutputTokens: 128 })], scenario);
    const result = computeSeriesResult(series!, scenario);
    expect([result.meanInputTokens, result.meanOutputTokens]).toEqual([700, 150]);
    expect(result.notes).toEqual([
      'Mean input length 700 tokens as typed for this series: the file has no measured mean.',
      'Mean output length 150 tokens as typed for this series: the file has no measured mean.',
    ]);
  });

  it('falls back to the configured ISL and OSL, and says so', () => {
    const scenario = defaultScenario();
    const [series] = resolveSeries([bare({ targetInputTokens: 512, targetOutputTokens: 128 })], scenario);
    const result = computeSeriesResult(series!, scenario);
    expect([result.meanInputTokens, result.meanOutputTokens]).toEqual([512, 128]);
    expect(result.notes).toEqual([
      'Mean input length taken from the configured ISL: the file has no measured mean.',
      'Mean output length taken from the configured OSL: the file has no measured mean.',
    ]);
    // 10 req/s: 200 / 10 = 20 instances, 3 servers, $357,000; per 1K = 357,000 / (20 × 10 × S) × 1000;
    // per 1M tokens over 512 + 128 = 640 tokens.
    expect(result.costs?.costPer1MTokensUsd.value).toBeCloseTo(((357_000 / (200 * S)) * 1000 * 1000) / 640, 15);
  });

  it('leaves the lengths unknown when nothing gives them', () => {
    const scenario = defaultScenario();
    const [series] = resolveSeries([bare({})], scenario);
    const result = computeSeriesResult(series!, scenario);
    expect([result.meanInputTokens, result.meanOutputTokens]).toEqual([undefined, undefined]);
    expect(result.notes).toEqual([]);
  });
});

describe('computeResults', () => {
  it('leaves hidden series out, keeping the order of the others', () => {
    const scenario = defaultScenario();
    scenario.series = [{ match: 'b', hidden: true }];
    const points = ['a', 'b', 'c'].map((key) =>
      point({ concurrency: 1, seriesKey: key, seriesName: key, ttftMs: { avg: 100 }, requestsPerSecond: 10 }),
    );
    expect(computeResults(points, scenario).map((r) => r.series.key)).toEqual(['a', 'c']);
  });
});

describe('cheapestSeriesKey', () => {
  it('ranks by the yearly fleet cost first', () => {
    // a: 200 / 10 = 20 instances → 3 servers → $357,000; b: 200 / 8 = 25 instances → ceil(25 / 8) = 4 → $476,000.
    const a = point({ concurrency: 1, seriesKey: 'a', ttftMs: { avg: 100 }, requestsPerSecond: 10 });
    const b = point({ concurrency: 1, seriesKey: 'b', ttftMs: { avg: 100 }, requestsPerSecond: 8 });
    const results = computeResults([a, b], defaultScenario());
    expect(results.map((r) => r.costs?.fleetYearUsd)).toEqual([357_000, 476_000]);
    expect(cheapestSeriesKey(results)).toBe('a');
    // The cost per 1K requests only breaks ties: x is cheaper per year although dearer per request.
    const made = (key: string, fleetYearUsd: number, per1k: number) =>
      ({ series: { key }, costs: { fleetYearUsd, costPer1kRequestsUsd: { value: per1k } } }) as unknown as SeriesResult;
    expect(cheapestSeriesKey([made('y', 200, 0.1), made('x', 100, 0.5)])).toBe('x');
    // Equal cost per 1K requests but different fleets is no tie.
    expect(cheapestSeriesKey([made('y', 200, 0.1), made('x', 100, 0.1)])).toBe('x');
  });
});

describe('a verdict on a derived value says so', () => {
  // The file has no per-user distribution: tokens/s per user avg = mean OSL 200 ÷ mean E2E 8 s = 25 tokens/s.
  const derived = point({
    concurrency: 8,
    e2eMs: { avg: 8000 },
    requestsPerSecond: 1,
    outputTokensPerSecond: 200,
    inputTokens: { avg: 1000 },
    outputTokens: { avg: 200 },
    outputTokensPerSecondPerUser: { avg: 25 },
    tpsPerUserDefinition: 'derived-mean-ratio',
    derived: ['outputTokensPerSecondPerUser'],
  });
  const NOTE =
    'Tokens/s per user avg is checked on a derived value (derived: mean output tokens ÷ mean E2E): ' +
    'the file reports no per-user distribution.';

  function derivedResult(bound: number) {
    const scenario = defaultScenario();
    scenario.sla = [{ metric: 'tpsPerUser', stat: 'avg', bound }];
    const [series] = resolveSeries([derived], scenario);
    return computeSeriesResult(series!, scenario);
  }

  it('beside a met SLA (25 ≥ 20) and beside a failed one (25 < 30), in the same words', () => {
    const met = derivedResult(20);
    expect(met.pick.meetsSla).toBe(true);
    expect(met.notes).toContain(NOTE);
    const failed = derivedResult(30);
    expect(failed.pick.meetsSla).toBe(false);
    expect(failed.notes).toEqual([NOTE]);
  });

  it('says nothing when the tool reported the per-user speed, or when the constraint is on another metric', () => {
    const scenario = defaultScenario();
    scenario.sla = [{ metric: 'tpsPerUser', stat: 'avg', bound: 20 }];
    const measured = { ...derived, tpsPerUserDefinition: 'osl-over-e2e' as const, derived: [] };
    const [series] = resolveSeries([measured], scenario);
    expect(computeSeriesResult(series!, scenario).notes).not.toContain(NOTE);
    scenario.sla = [{ metric: 'e2e', stat: 'avg', bound: 9000 }];
    const [other] = resolveSeries([derived], scenario);
    expect(computeSeriesResult(other!, scenario).notes).toEqual([]);
  });

  it('the JSON and the CSV of one run give the same verdict and the same note', () => {
    const result = derivedResult(20);
    const report = buildReport([result], [], []);
    expect(report.series[0]?.meetsSla).toBe(true);
    expect(report.series[0]?.notes).toContain(NOTE);
    const [header, row] = reportCsv(report).split('\r\n');
    const columns = header!.split(',');
    expect(columns.indexOf('meetsSla')).toBeGreaterThanOrEqual(0);
    expect(row).toContain(NOTE);
    expect(row!.split(',')[columns.indexOf('meetsSla')]).toBe('true');
  });
});

describe('prices joined at the cost step', () => {
  it('sizes and prices with the server type the series names by id', () => {
    const scenario = defaultScenario();
    scenario.hardware.push({ ...scenario.hardware[0]!, id: 'half', gpusPerServer: 4, serverPriceUsd: 160_000 });
    scenario.series = [{ match: 'series', hardware: 'half' }];
    const [series] = resolveSeries([only], scenario);
    expect(series!.hardwareId).toBe('half');
    const result = computeSeriesResult(series!, scenario);
    expect(result.hardware.id).toBe('half');
    // 200 req/s ÷ 10 = 20 instances of 1 GPU → 5 four-GPU servers × (40,000 + 18,000 licence + 3,000 hosting).
    expect(result.sizing?.servers).toBe(5);
    expect(result.costs?.fleetYearUsd).toBe(305_000);
  });

  it('prices an operating point already picked without picking it again', () => {
    const scenario = defaultScenario();
    const [series] = resolveSeries([only], scenario);
    const pick = seriesOperatingPoint(series!, scenario);
    const dearer = [{ ...scenario.hardware[0]!, serverPriceUsd: 640_000 }];
    const result = resultAtOperatingPoint(series!, pick, { ...scenario, hardware: dearer });
    expect(result.pick).toBe(pick);
    // 20 instances → 3 eight-GPU servers × (160,000 + 36,000 + 3,000) = $597,000.
    expect(result.costs?.fleetYearUsd).toBe(597_000);
  });

  it('refuses a series whose server type is not among the scenario’s', () => {
    const scenario = defaultScenario();
    const [series] = resolveSeries([only], scenario);
    expect(() => computeSeriesResult({ ...series!, hardwareId: 'gone' }, scenario)).toThrow(
      'no server type "gone" among the scenario\'s',
    );
  });
});

describe('the scenario options reach the operating point', () => {
  // c1: TTFT 100 ms at 10 req/s; c2: TTFT 300 ms at 20 req/s. TTFT avg ≤ 200 ms is crossed half-way:
  // interpolated capacity 10 + 0.5 × (20 − 10) = 15 req/s; without interpolation, c1's 10 req/s.
  const levels = [
    point({ concurrency: 1, ttftMs: { avg: 100 }, requestsPerSecond: 10 }),
    point({ concurrency: 2, ttftMs: { avg: 300 }, requestsPerSecond: 20 }),
  ];

  it('interpolates between load levels when the scenario asks for it', () => {
    const scenario = defaultScenario();
    scenario.sla = [{ metric: 'ttft', stat: 'avg', bound: 200 }];
    scenario.interpolate = true;
    const [series] = resolveSeries(levels, scenario);
    const result = computeSeriesResult(series!, scenario);
    expect(result.pick.meetsSla && result.pick.operatingPoint.capacity.value).toBe(15);
    // 200 ÷ 15 = 13.33 → 14 instances.
    expect(result.sizing?.instances).toBe(14);
    scenario.interpolate = false;
    const measured = computeSeriesResult(series!, scenario);
    expect(measured.pick.meetsSla && measured.pick.operatingPoint.capacity.value).toBe(10);
  });
});

describe('the goodput rule reaches the operating point', () => {
  it('picks the level with enough good requests, not the one whose average passes', () => {
    // c1: TTFT 100–130 ms, every request good at ≤ 500 ms; c8: 150, 160, 170, 900, 950 ms, 3 of 5 good (60 %),
    // average 466 ms ≤ 500. By the statistic the operating point is c8 (9 req/s); by 95 % good requests, c1 (2).
    const fast = buildRequestSamples({ ok: [true, true, true, true], columns: { ttftMs: [100, 110, 120, 130] } });
    const mixedTtfts = [150, 160, 170, 900, 950];
    const mixed = buildRequestSamples({ ok: mixedTtfts.map(() => true), columns: { ttftMs: mixedTtfts } });
    const levels = [
      point({ concurrency: 1, requestsPerSecond: 2, ttftMs: { avg: 115 }, requests: fast }),
      point({ concurrency: 8, requestsPerSecond: 9, ttftMs: { avg: 466 }, requests: mixed }),
    ];
    const scenario = defaultScenario();
    scenario.sla = [{ metric: 'ttft', stat: 'avg', bound: 500 }];
    const [series] = resolveSeries(levels, scenario);
    const statistic = computeSeriesResult(series!, scenario);
    expect(statistic.pick.meetsSla && statistic.pick.operatingPoint.capacity.value).toBe(9);
    scenario.slaRule = { kind: 'goodput', minPercent: 95 };
    const goodput = computeSeriesResult(series!, scenario);
    expect(goodput.pick.meetsSla && goodput.pick.operatingPoint.capacity.value).toBe(2);
  });
});

describe('cheapestSeriesKey without a priced series', () => {
  it('names none when nothing could be sized', () => {
    const failing = point({ concurrency: 1, seriesKey: 'f', ttftMs: { avg: 900 }, requestsPerSecond: 10 });
    const results = computeResults([failing], defaultScenario());
    expect(results[0]!.costs).toBeNull();
    expect(cheapestSeriesKey(results)).toBeNull();
  });
});
