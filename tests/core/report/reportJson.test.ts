/**
 * The headless report (docs/cli.md §JSON output) and its CSV form (§CSV output): field names are the contract.
 * Series A meets the default SLA (TTFT avg ≤ 250 ms) at concurrency 8; series B cannot. Numbers worked out below.
 */
import { describe, expect, it } from 'vitest';
import { resolveSeries } from '../../../src/core/analysis/series.ts';
import { flatten, recordsToCsv, reportCsv } from '../../../src/core/report/reportCsv.ts';
import { buildReport } from '../../../src/core/report/reportJson.ts';
import { computeSeriesResult } from '../../../src/core/report/seriesResult.ts';
import { defaultScenario } from '../../../src/core/scenario/defaults.ts';
import { point } from '../helpers.ts';

const errors = [{ file: 'x.txt', reason: 'not a result' }];
const skipped = [{ file: 'notes.md', reason: 'notes' }];

/** A: 10 req/s, 2,000 tok/s, ISL 1,000, OSL 200 at c8; B: TTFT 300 ms at c4. Default: 200 req/s, 1 GPU each. */
function report(options: { comparableWorkloads?: boolean } = {}) {
  const scenario = defaultScenario();
  const a = point({
    concurrency: 8,
    seriesKey: 'a',
    seriesName: 'A',
    ttftMs: { avg: 100 },
    e2eMs: { avg: 4000 },
    requestsPerSecond: 10,
    outputTokensPerSecond: 2000,
    inputTokens: { avg: 1000 },
    outputTokens: { avg: 200 },
    notes: ['From file.', 'Second note.'],
  });
  const b = point({ concurrency: 4, seriesKey: 'b', seriesName: 'B', ttftMs: { avg: 300 } });
  const results = resolveSeries([a, b], scenario).map((s) => computeSeriesResult(s, scenario));
  return buildReport(results, errors, skipped, options);
}

const NO_CLOUD = 'no cloud $/GPU-hour is set for this hardware';

describe('buildReport', () => {
  it('reports the operating point, sizing and every cost of a series that meets the SLA', () => {
    const [a] = report().series;
    expect(a).toMatchObject({
      name: 'A',
      sources: ['c8r/profile_export_genai_perf.json'],
      gpusPerInstance: 1,
      hardware: 'dgx-h100',
      meetsSla: true,
      reason: null,
      operatingPoint: {
        concurrency: 8,
        requestRate: null,
        requestsPerSecond: 10,
        outputTokensPerSecond: 2000,
        ttftMs: { avg: 100 },
        itlMs: {},
        tpotMs: {},
        e2eMs: { avg: 4000 },
        outputTokensPerSecondPerUser: {},
        inputTokens: 1000,
        outputTokens: 200,
        interpolated: false,
        sources: ['c8r/profile_export_genai_perf.json'],
      },
      // 200 / 10 = 20 instances of 1 GPU; ceil(20 / 8) = 3 servers (exact 2.5)
      sizing: { capacityPerInstance: 10, instancesExact: 20, instances: 20, gpus: 20, serversExact: 2.5, servers: 3 },
      unavailable: {
        'cost.cloudYearUsd': NO_CLOUD,
        'cost.cloudPer1kRequestsUsd': NO_CLOUD,
        'cost.cloudPer1MTokensUsd': NO_CLOUD,
        'cost.breakEvenMonthsVsCloud': NO_CLOUD,
      },
      notes: ['From file.', 'Second note.'],
      workload: { model: null, meanInputTokens: 1000, meanOutputTokens: 200 },
    });
    const cost = a!.cost!;
    // 3 × 119,000 = 357,000 a year; 2.5 × 119,000 = 297,500; capex 3 × 320,000; lifetime × 4 years
    expect(cost).toMatchObject({
      serverYearUsd: 119_000,
      fleetYearUsd: 357_000,
      fleetYearExactUsd: 297_500,
      capexUsd: 960_000,
      lifetimeUsd: 1_428_000,
    });
    // 357,000 / (20 × 10 × 31,536,000) × 1000 = 0.0566020; exact: 119,000 / (10 × 8 × 31,536,000) × 1000 = 0.0471683
    expect(cost.costPer1kRequestsUsd).toBeCloseTo(0.056602, 6);
    expect(cost.costPer1kRequestsExactUsd).toBeCloseTo(0.0471683, 7);
    // per 1M: 0.0566020 × 1000 / 1,200 = 0.0471683; reference (1,000 × 1 + 200 × 3) / 1000 = 1.6:
    // input 0.0566020 / 1.6 = 0.0353762, output × 3 = 0.1061287
    expect(cost.costPer1MTokensUsd).toBeCloseTo(0.0471683, 7);
    expect(cost.costPer1MInputTokensUsd).toBeCloseTo(0.0353762, 7);
    expect(cost.costPer1MOutputTokensUsd).toBeCloseTo(0.1061287, 7);
    // 357,000 / (20 × 2,000 × 31,536,000 / 1e6) = 357,000 / 1,261,440 = 0.2830099
    expect(cost.costPer1MOutputTokensOnlyUsd).toBeCloseTo(0.2830099, 7);
    // average = peak (ratio 1): 200 req/s, the fleet's 20 × 10, so the demand cost equals the capacity cost
    expect(cost.demandCostPer1kRequestsUsd).toBeCloseTo(0.056602, 6);
    expect(cost.demandCostPer1MTokensUsd).toBeCloseTo(0.0471683, 7);
    // API: 200 × 31,536,000 × 1.6 / 1000 = 10,091,520 a year
    expect(cost).toMatchObject({
      cloudYearUsd: null,
      cloudPer1kRequestsUsd: null,
      cloudPer1MTokensUsd: null,
      breakEvenMonthsVsCloud: null,
    });
    expect(cost).toMatchObject({ apiPer1kRequestsUsd: 1.6, apiYearUsd: 10_091_520, cheapestOption: 'onPrem' });
  });

  it('reports why a series has no sizing, with nothing else', () => {
    expect(report().series[1]).toEqual({
      name: 'B',
      sources: ['c4r/profile_export_genai_perf.json'],
      gpusPerInstance: 1,
      hardware: 'dgx-h100',
      meetsSla: false,
      reason: 'cannot meet the SLA: even at the lowest load (concurrency 4) TTFT avg ≤ 250 ms but measured 300',
      operatingPoint: null,
      sizing: null,
      cost: null,
      unavailable: {},
      notes: [],
      workload: { model: null, meanInputTokens: null, meanOutputTokens: null },
    });
  });

  it('names the cheapest series per workload, and passes the refused and skipped files through', () => {
    const r = report();
    // A (ISL 1,000, OSL 200) and B (lengths unknown) serve different workloads: no cheapest across both.
    expect(r.cheapest).toBeNull();
    expect(r.cheapestByWorkload).toEqual([
      { workload: 'model not named in the files · ISL ≈ 1,000 · OSL ≈ 200 tokens', series: ['A'], cheapest: 'A' },
      { workload: 'model not named in the files · ISL unknown · OSL unknown tokens', series: ['B'], cheapest: null },
    ]);
    // Declared comparable: one group of both, and A is the cheapest of all.
    const comparable = report({ comparableWorkloads: true });
    expect(comparable.cheapest).toBe('A');
    expect(comparable.cheapestByWorkload).toEqual([
      { workload: 'all configurations, declared comparable', series: ['A', 'B'], cheapest: 'A' },
    ]);
    expect(r.errors).toEqual(errors);
    expect(r.skipped).toEqual(skipped);
    expect(r.skipped).not.toBe(skipped); // a copy
    expect(buildReport([], [], []).cheapest).toBeNull();
  });

  it("marks an estimated operating point as interpolated and lists the notes of the series before the point's", () => {
    const scenario = defaultScenario();
    scenario.interpolate = true;
    scenario.demand = { ...scenario.demand, unit: 'concurrentRequests', peak: 30 };
    scenario.sla = [{ metric: 'e2e', stat: 'avg', bound: 2000 }];
    const rates = [
      point({ requestRate: 2, requestsPerSecond: 2, e2eMs: { avg: 1000 } }),
      point({ requestRate: 4, requestsPerSecond: 4, e2eMs: { avg: 3000 } }),
    ];
    const [series] = resolveSeries(rates, scenario);
    const r = buildReport([computeSeriesResult(series!, scenario)], [], []).series[0]!;
    expect(r.operatingPoint?.interpolated).toBe(true);
    expect(r.operatingPoint?.requestRate).toBe(3); // half way from 2/s to 4/s
    expect(r.notes).toEqual([
      "Capacity in concurrent requests derived by Little's law: requests/s × mean E2E latency.",
      'Estimate: interpolated 50.0% of the way from request rate 2/s to request rate 4/s, where E2E latency avg ≤ 2,' +
        '000 ms is reached.',
    ]);
  });
});

describe('flatten', () => {
  it('turns nested objects into dotted keys, keeps scalars, joins lists, writes null for nothing', () => {
    const flat = flatten({
      a: { b: 1, c: { d: 'x' } },
      list: [1, 'two', { three: 3 }],
      yes: true,
      none: null,
      gone: undefined,
      f: () => 1,
    });
    expect([...flat]).toEqual([
      ['a.b', 1],
      ['a.c.d', 'x'],
      ['list', '1; two; {"three":3}'],
      ['yes', true],
      ['none', null],
      ['gone', null],
    ]);
    expect([...flatten(5, 'top')]).toEqual([['top', 5]]);
  });
});

describe('recordsToCsv', () => {
  it('puts the leading headers first, then other keys in first-seen order, blanks for missing cells', () => {
    const rows = [
      new Map<string, string | number | null>([
        ['b', 2],
        ['z', 'last'],
      ]),
      new Map<string, string | number | null>([
        ['y', 1],
        ['a', null],
      ]),
    ];
    expect(recordsToCsv(rows, ['a', 'b'])).toBe('a,b,z,y\r\n,2,last,\r\n,,,1');
    expect(recordsToCsv(rows)).toBe('b,z,y,a\r\n2,last,,\r\n,,1,');
  });
});

describe('reportCsv', () => {
  it('writes one row per series under the fixed columns, operating-point stats and notes after them', () => {
    const [header, a, b] = reportCsv(report()).split('\r\n');
    const columns = header!.split(',');
    expect(columns.slice(0, 13)).toEqual([
      'name',
      'sources',
      'gpusPerInstance',
      'hardware',
      'meetsSla',
      'reason',
      'operatingPoint.concurrency',
      'operatingPoint.requestRate',
      'operatingPoint.requestsPerSecond',
      'operatingPoint.outputTokensPerSecond',
      'operatingPoint.inputTokens',
      'operatingPoint.outputTokens',
      'operatingPoint.interpolated',
    ]);
    expect(columns.slice(13, 19)).toEqual(
      ['capacityPerInstance', 'instancesExact', 'instances', 'gpus', 'serversExact', 'servers'].map(
        (k) => `sizing.${k}`,
      ),
    );
    expect(columns.slice(19, 39)).toEqual(
      [
        'serverYearUsd',
        'fleetYearUsd',
        'fleetYearExactUsd',
        'capexUsd',
        'lifetimeUsd',
        'costPer1kRequestsUsd',
        'costPer1kRequestsExactUsd',
        'costPer1MTokensUsd',
        'costPer1MInputTokensUsd',
        'costPer1MOutputTokensUsd',
        'costPer1MOutputTokensOnlyUsd',
        'demandCostPer1kRequestsUsd',
        'demandCostPer1MTokensUsd',
        'cloudYearUsd',
        'cloudPer1kRequestsUsd',
        'cloudPer1MTokensUsd',
        'breakEvenMonthsVsCloud',
        'apiPer1kRequestsUsd',
        'apiYearUsd',
        'cheapestOption',
      ].map((k) => `cost.${k}`),
    );
    // Then what only some series have, in first-seen order; `unavailable` stays in the JSON only.
    expect(columns.slice(39)).toEqual([
      'workload.model',
      'workload.meanInputTokens',
      'workload.meanOutputTokens',
      'operatingPoint.ttftMs.avg',
      'operatingPoint.e2eMs.avg',
      'operatingPoint.sources',
      'notes',
    ]);
    const cells = a!.split(',');
    expect(cells.slice(0, 13)).toEqual([
      'A',
      'c8r/profile_export_genai_perf.json',
      '1',
      'dgx-h100',
      'true',
      '',
      '8',
      '',
      '10',
      '2000',
      '1000',
      '200',
      'false',
    ]);
    expect(cells.slice(13, 24)).toEqual([
      '10',
      '20',
      '20',
      '20',
      '2.5',
      '3',
      '119000',
      '357000',
      '297500',
      '960000',
      '1428000',
    ]);
    expect(cells.slice(-9)).toEqual([
      '10091520',
      'onPrem',
      '', // no model named
      '1000',
      '200',
      '100',
      '4000',
      'c8r/profile_export_genai_perf.json',
      'From file. Second note.',
    ]);
    expect(b).toBe(
      'B,c4r/profile_export_genai_perf.json,1,dgx-h100,false,' +
        'cannot meet the SLA: even at the lowest load (concurrency 4) TTFT avg ≤ 250 ms but measured 300' +
        ','.repeat(40),
    );
  });
});

describe('buildReport on a tie', () => {
  it('names no cheapest when the best two cost the same', () => {
    // Two identical configurations: 200 ÷ 10 = 20 instances → 3 servers → $357,000 each.
    const scenario = defaultScenario();
    const level = (key: string) =>
      point({ concurrency: 8, seriesKey: key, seriesName: key, ttftMs: { avg: 100 }, requestsPerSecond: 10 });
    const results = resolveSeries([level('x'), level('y')], scenario).map((s) => computeSeriesResult(s, scenario));
    const r = buildReport(results, [], []);
    expect(r.cheapestByWorkload.map((w) => [w.series, w.cheapest])).toEqual([[['x', 'y'], null]]);
    expect(r.cheapest).toBeNull();
  });
});
