/**
 * "How was this computed" (explainResult): each line is the formula with the scenario's numbers, worked out by hand
 * below, so a reviewer can redo the arithmetic. Results are computed inside each test (see tco.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { resolveSeries } from '../../../src/core/analysis/series.ts';
import type { LoadPoint } from '../../../src/core/model/benchmark.ts';
import type { Scenario } from '../../../src/core/model/scenario.ts';
import { computeSeriesResult } from '../../../src/core/report/seriesResult.ts';
import type { SeriesResult } from '../../../src/core/report/seriesResult.ts';
import { defaultScenario } from '../../../src/core/scenario/defaults.ts';
import { explainResult } from '../../../src/core/tco/breakdown.ts';
import { point } from '../helpers.ts';

function resultFor(
  points: LoadPoint[],
  edit: (scenario: Scenario) => void,
): { result: SeriesResult; scenario: Scenario } {
  const scenario = defaultScenario();
  edit(scenario);
  const [series] = resolveSeries(points, scenario);
  return { result: computeSeriesResult(series!, scenario), scenario };
}

/**
 * One measured level (concurrency 8: 10 req/s, 2,000 output tok/s, ISL 1,000, OSL 200) on TP2; peak 200 req/s,
 * 10 % headroom, 1 spare, average half the peak; the example server with 10 kW power and $2.50/GPU-hour cloud.
 */
function everyLine() {
  const only = point({
    concurrency: 8,
    ttftMs: { avg: 100 },
    requestsPerSecond: 10,
    outputTokensPerSecond: 2000,
    inputTokens: { avg: 1000 },
    outputTokens: { avg: 200 },
  });
  return resultFor([only], (scenario) => {
    scenario.demand = {
      unit: 'requestsPerSecond',
      peak: 200,
      headroomPercent: 10,
      spareInstances: 1,
      averageToPeak: 0.5,
    };
    scenario.hardware[0] = {
      ...scenario.hardware[0]!,
      power: { serverKw: 10, pue: 1.5, usdPerKwh: 0.1 },
      cloudUsdPerGpuHour: 2.5,
    };
    scenario.defaults.gpusPerInstance = 2;
  });
}

describe('explainResult (docs/method.md)', () => {
  it('writes every figure of a measured operating point as its formula', () => {
    const { result, scenario } = everyLine();
    expect(explainResult(result, scenario)).toEqual({
      operatingPoint: 'Highest-capacity load level meeting every SLA: concurrency 8 → 10 req/s per instance',
      // 200 × 1.1 / 10 = 22 (a hair above in floating point, forgiven) + 1 spare = 23
      instances: '200 req/s × (1 + 10% headroom) ÷ 10 req/s per instance = 22 → rounded up 22 + 1 spare = 23 instances',
      gpus: '23 instances × 2 GPUs per instance = 46 GPUs',
      // 8 / 2 = 4 instances per server: ceil(23 / 4) = 6; exact 22 × 2 / 8 = 5.5
      servers: 'ceil(23 instances ÷ 4 instances per 8-GPU server) = 6 servers (exact: 22 × 2 ÷ 8 = 5.5)',
      // 80,000 + 4,500 × 8 + 3,000 + 10 × 1.5 × 8760 × 0.1 (13,140) = 132,140
      serverYearUsd:
        '$320,000 ÷ 4 years + $4,500 licence × 8 GPUs + $3,000 hosting + 10 kW × 1.5 PUE × 8760 h × $0.1/kWh = $132,' +
        '140 per server-year',
      fleetYearUsd: '6 servers × $132,140 = $792,840 per year',
      // 792,840 / (23 × 10 × 31,536,000) × 1000 = 0.109308
      costPer1kRequestsUsd: '$792,840 ÷ (23 instances × 10 req/s × 31,536,000 s × 100% uptime) × 1000 = $0.1093',
      // 0.109308 × 1000 / 1,200 = 0.091090
      costPer1MTokensUsd: '$0.1093 per 1K requests × 1000 ÷ (1,000 input + 200 output tokens) = $0.09109',
      // reference (1,000 × 1 + 200 × 3) / 1000 = 1.6; input 1 × 0.109308 / 1.6 = 0.068317; output × 3 = 0.204952
      costPer1MInputTokensUsd:
        '$1.00 × $0.1093 ÷ $1.60 = $0.06832 (reference $1.60 per 1K requests = (1,000 × $1.00 + 200 × $3.00) ÷ 1000)',
      costPer1MOutputTokensUsd:
        '$3.00 × $0.1093 ÷ $1.60 = $0.205 (reference $1.60 per 1K requests = (1,000 × $1.00 + 200 × $3.00) ÷ 1000)',
      // 792,840 / (23 × 2,000 × 31,536,000 / 1e6) = 792,840 / 1,450,656 = 0.546539
      costPer1MOutputTokensOnlyUsd:
        '$792,840 ÷ (23 × 2,000 output tok/s × 31,536,000 s × 100% uptime ÷ 1,000,000) = $0.5465',
      // average 100 req/s: 792,840 / (100 × 31,536,000) × 1000 = 0.251408; × 1000 / 1,200 = 0.209507
      demandCostPer1MTokensUsd:
        'At the expected average (50% of peak): $0.2514 per 1K requests → $0.2095 per 1M tokens',
      cloudYearUsd: '46 GPUs × $2.50/GPU-hour × 8760 h = $1,007,400 per year',
    });
  });

  it("writes an estimate, Little's law, instances spanning servers and a per-server licence", () => {
    // Request rate 2/s: 2 req/s, E2E 1,000 ms; 4/s: 4 req/s, E2E 3,000 ms. E2E avg ≤ 2,000 ms is reached half way:
    // rate 3/s, 3 req/s, 2,000 ms → 3 × 2 s = 6 concurrent requests per instance.
    const rates = [
      point({ requestRate: 2, requestsPerSecond: 2, e2eMs: { avg: 1000 } }),
      point({ requestRate: 4, requestsPerSecond: 4, e2eMs: { avg: 3000 } }),
    ];
    const { result, scenario } = resultFor(rates, (s) => {
      s.sla = [{ metric: 'e2e', stat: 'avg', bound: 2000 }];
      s.interpolate = true;
      s.uptime = 0.9;
      s.demand = { unit: 'concurrentRequests', peak: 30, headroomPercent: 0, spareInstances: 0, averageToPeak: 1 };
      s.hardware[0] = { ...s.hardware[0]!, licence: { usdPerYear: 4_500, basis: 'perServer' } };
      s.defaults.gpusPerInstance = 16;
    });
    // 30 / 6 = 5 instances × 16 GPUs = 80 GPUs; ceil(16 / 8) = 2 servers each → 10 servers.
    // 80,000 + 4,500 + 3,000 = 87,500 a server; 875,000 a year; 875,000 / (5 × 3 × 31,536,000 × 0.9) × 1000 = 2.0553.
    expect(explainResult(result, scenario)).toEqual({
      operatingPoint:
        "Estimated between measured levels at request rate 3/s → 6 concurrent requests per instance (Little's law: " +
        'req/s × mean E2E)',
      instances:
        '30 concurrent requests × (1 + 0% headroom) ÷ 6 concurrent requests per instance = 5 → rounded up 5 + 0 ' +
        'spare = 5 instances',
      gpus: '5 instances × 16 GPUs per instance = 80 GPUs',
      servers: '5 instances × ceil(16 ÷ 8) servers each = 10 servers',
      serverYearUsd: '$320,000 ÷ 4 years + $4,500 licence + $3,000 hosting = $87,500 per server-year',
      fleetYearUsd: '10 servers × $87,500 = $875,000 per year',
      costPer1kRequestsUsd: '$875,000 ÷ (5 instances × 3 req/s × 31,536,000 s × 90% uptime) × 1000 = $2.06',
    });
  });

  it('writes one GPU in the singular and output tokens/s as tok/s', () => {
    const only = point({ concurrency: 4, ttftMs: { avg: 100 }, outputTokensPerSecond: 1500 });
    const { result, scenario } = resultFor([only], (s) => {
      s.demand = { unit: 'outputTokensPerSecond', peak: 6000, headroomPercent: 0, spareInstances: 0, averageToPeak: 1 };
    });
    const lines = explainResult(result, scenario);
    // 6,000 / 1,500 = 4 instances of 1 GPU; ceil(4 / 8) = 1 server
    expect(lines.operatingPoint).toBe(
      'Highest-capacity load level meeting every SLA: concurrency 4 → 1,500 tok/s per instance',
    );
    expect(lines.gpus).toBe('4 instances × 1 GPU per instance = 4 GPUs');
    expect(lines.servers).toMatch(
      /^ceil\(4 instances ÷ 8 instances per 8-GPU server\) = 1 server.* \(exact: 4 × 1 ÷ 8 = 0\.5\)$/,
    );
    // No requests/s: no cost per 1K requests, hence no per-token line either; the output-only figure remains.
    expect(Object.keys(lines)).toEqual([
      'operatingPoint',
      'instances',
      'gpus',
      'servers',
      'serverYearUsd',
      'fleetYearUsd',
      'costPer1MOutputTokensOnlyUsd',
    ]);
  });

  it('explains nothing for a series that cannot meet the SLA or has nothing to size', () => {
    const { result, scenario } = everyLine();
    const failing = resultFor(result.series.points, (s) => (s.sla = [{ metric: 'ttft', stat: 'avg', bound: 50 }]));
    expect(explainResult(failing.result, failing.scenario)).toEqual({});
    const zeroCapacity = resultFor(
      [point({ concurrency: 1, ttftMs: { avg: 100 }, requestsPerSecond: 0 })],
      () => undefined,
    );
    expect(zeroCapacity.result.sizing).toBeNull();
    expect(explainResult(zeroCapacity.result, zeroCapacity.scenario)).toEqual({});
    expect(explainResult({ ...result, costs: null }, scenario)).toEqual({});
    expect(explainResult({ ...result, sizing: null }, scenario)).toEqual({});
    expect(explainResult({ ...result, pick: { meetsSla: false, reason: 'x', notInFiles: false } }, scenario)).toEqual(
      {},
    );
  });

  it('keeps instances of exactly one server on the per-server formula', () => {
    // TP8 on 8-GPU servers: 8 / 8 = 1 instance per server, ceil(23 / 1) = 23 servers; exact 22 × 8 / 8 = 22.
    const { result, scenario } = everyLine();
    const tp8 = resultFor(result.series.points, (s) => {
      Object.assign(s, { demand: scenario.demand, hardware: scenario.hardware });
      s.defaults.gpusPerInstance = 8;
    });
    expect(explainResult(tp8.result, tp8.scenario).servers).toBe(
      'ceil(23 instances ÷ 1 instances per 8-GPU server) = 23 servers (exact: 22 × 8 ÷ 8 = 22)',
    );
  });

  it('has no unit-cost lines when no instance is needed (zero demand)', () => {
    const { result, scenario } = everyLine();
    const idle = resultFor(result.series.points, (s) => {
      Object.assign(s, { hardware: scenario.hardware, defaults: scenario.defaults });
      s.demand = { ...scenario.demand, peak: 0, spareInstances: 0 };
    });
    const lines = explainResult(idle.result, idle.scenario);
    expect(Object.keys(lines)).toEqual([
      'operatingPoint',
      'instances',
      'gpus',
      'servers',
      'serverYearUsd',
      'fleetYearUsd',
      'cloudYearUsd',
    ]);
    expect(lines.cloudYearUsd).toBe('0 GPUs × $2.50/GPU-hour × 8760 h = $0.00 per year');
  });

  it('leaves out the split by API price when the reference prices are zero, and keeps the rest', () => {
    const { result, scenario } = everyLine();
    const free = resultFor(result.series.points, (s) => {
      Object.assign(s, { demand: scenario.demand, hardware: scenario.hardware, defaults: scenario.defaults });
      s.apiReference = { usdPer1MInputTokens: 0, usdPer1MOutputTokens: 0 };
    });
    const lines = explainResult(free.result, free.scenario);
    expect(lines.costPer1MInputTokensUsd).toBeUndefined();
    expect(lines.costPer1MOutputTokensUsd).toBeUndefined();
    expect(lines.costPer1MTokensUsd).toBe(
      '$0.1093 per 1K requests × 1000 ÷ (1,000 input + 200 output tokens) = $0.09109',
    );
  });

  it('never prints a formula with a missing number in it', () => {
    // A result whose figures exist but whose inputs are not all given: each line needing a missing input is left out.
    const { result, scenario } = everyLine();
    const costs = result.costs!;
    const withoutLengths = explainResult(
      { ...result, meanInputTokens: undefined, meanOutputTokens: undefined },
      scenario,
    );
    expect(withoutLengths.costPer1MTokensUsd).toBeUndefined();
    expect(withoutLengths.costPer1MInputTokensUsd).toBeUndefined();
    const withoutInput = explainResult({ ...result, meanInputTokens: undefined }, scenario);
    expect(withoutInput.costPer1MTokensUsd).toBeUndefined();
    expect(withoutInput.costPer1MInputTokensUsd).toBeUndefined();
    expect(withoutInput.costPer1MOutputTokensUsd).toBeUndefined();
    const withoutOutput = explainResult({ ...result, meanOutputTokens: undefined }, scenario);
    expect(withoutOutput.costPer1MTokensUsd).toBeUndefined();
    expect(withoutOutput.costPer1MOutputTokensUsd).toBeUndefined();
    const withoutPer1k = explainResult(
      { ...result, costs: { ...costs, costPer1kRequestsUsd: { value: null, reason: 'x' } } },
      scenario,
    );
    expect(Object.keys(withoutPer1k)).not.toContain('costPer1MTokensUsd');
    expect(Object.keys(withoutPer1k)).not.toContain('costPer1MInputTokensUsd');
    expect(Object.keys(withoutPer1k)).not.toContain('costPer1kRequestsUsd');
    const op = result.pick.meetsSla ? result.pick.operatingPoint : undefined;
    const { requestsPerSecond: _rps, outputTokensPerSecond: _otps, ...withoutThroughput } = op!.point;
    const bare = { ...op!, point: withoutThroughput };
    const lines = explainResult({ ...result, pick: { meetsSla: true, operatingPoint: bare } }, scenario);
    expect(lines.costPer1kRequestsUsd).toBeUndefined();
    expect(lines.costPer1MOutputTokensOnlyUsd).toBeUndefined();
    const withoutDemandPer1k = explainResult(
      { ...result, costs: { ...costs, demandCostPer1kRequestsUsd: { value: null, reason: 'x' } } },
      scenario,
    );
    expect(withoutDemandPer1k.demandCostPer1MTokensUsd).toBeUndefined();
    const withoutCloudPrice = explainResult(
      { ...result, hardware: { ...result.hardware, cloudUsdPerGpuHour: null } },
      scenario,
    );
    expect(withoutCloudPrice.cloudYearUsd).toBeUndefined();
    const withoutCloudYear = explainResult(
      { ...result, costs: { ...costs, cloudYearUsd: { value: null, reason: 'x' } } },
      scenario,
    );
    expect(withoutCloudYear.cloudYearUsd).toBeUndefined();
    for (const line of Object.values(explainResult(result, scenario))) expect(line).not.toContain('—');
  });
});
