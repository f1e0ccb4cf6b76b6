/**
 * Costs (docs/method.md §Server year cost to §Break-even and cheapest option), every expected number worked out by
 * hand in the comments. Each figure is computed inside its test, never in a describe block: mutation testing
 * switches a mutant on only while tests run, so a value computed while the file is collected never sees it.
 */
import { describe, expect, it } from 'vitest';
import type { SeriesResult } from '../../../src/core/report/seriesResult.ts';
import { cheapestSeriesKey } from '../../../src/core/report/seriesResult.ts';
import { sizeDeployment } from '../../../src/core/sizing/sizeDeployment.ts';
import type { CostInput, ThroughputAtOperatingPoint } from '../../../src/core/tco/tco.ts';
import { HOURS_PER_YEAR, SECONDS_PER_YEAR, computeCosts, serverYearCost } from '../../../src/core/tco/tco.ts';
import { hardware } from '../helpers.ts';

const api = { usdPer1MInputTokens: 1, usdPer1MOutputTokens: 3 };
const NO_LENGTHS = 'the mean input and output lengths at the operating point are unknown (type them for the series)';
const NO_RPS = 'the operating point has no request throughput';
const NO_AVERAGE = 'the average traffic in requests/s is unknown';
const NO_INSTANCES = 'no instances are needed for this demand';

describe('serverYearCost (docs/method.md §Server year cost)', () => {
  it("prices NVIDIA's example server with the licence per GPU", () => {
    // 320,000 / 4 + 4,500 × 8 + 3,000 = 80,000 + 36,000 + 3,000 = 119,000
    expect(serverYearCost(hardware())).toEqual({ depreciationUsd: 80_000, licenceUsd: 36_000, hostingUsd: 3_000, powerUsd: 0, totalUsd: 119_000 });
  });

  it('charges the licence once per server when its basis is perServer', () => {
    // 80,000 + 4,500 + 3,000 = 87,500
    expect(serverYearCost(hardware({ licence: { usdPerYear: 4_500, basis: 'perServer' } })).totalUsd).toBe(87_500);
  });

  it('adds power as kW × PUE × 8760 h × $/kWh', () => {
    // 10.2 kW × 1.3 × 8760 × 0.1 = 11,615.76
    const cost = serverYearCost(hardware({ power: { serverKw: 10.2, pue: 1.3, usdPerKwh: 0.1 } }));
    expect(cost.powerUsd).toBeCloseTo(11_615.76, 6);
    expect(cost.totalUsd).toBeCloseTo(130_615.76, 6);
  });
});

// Operating point: 7.5 req/s and 3,750 output tok/s per TP2 instance, ISL 1000, OSL 500; peak 100 req/s.
// Sizing: 100 / 7.5 = 13.33 → 14 instances, 28 GPUs, ceil(14 / 4) = 4 servers (exact 13.33 × 2 / 8 = 3.33).
const sizing = () => sizeDeployment({ demand: { peak: 100, headroomPercent: 0, spareInstances: 0 }, capacityPerInstance: 7.5, gpusPerInstance: 2, gpusPerServer: 8 });
const throughput: ThroughputAtOperatingPoint = { requestsPerSecond: 7.5, outputTokensPerSecond: 3_750, meanInputTokens: 1000, meanOutputTokens: 500 };
/** The worked example's costs at 50 req/s average traffic, with any input replaced. */
const costsWith = (input: Partial<CostInput> = {}, through: Partial<ThroughputAtOperatingPoint> = {}) =>
  computeCosts({ sizing: sizing(), hardware: hardware(), throughput: { ...throughput, ...through }, api, uptime: 1, averageRequestsPerSecond: 50, ...input });

describe('computeCosts (docs/method.md §Fleet cost, §Unit costs)', () => {
  it('uses a 365-day year', () => {
    expect(SECONDS_PER_YEAR).toBe(365 * 24 * 3600);
    expect(HOURS_PER_YEAR).toBe(365 * 24);
  });

  it('computes the fleet: 4 servers × $119,000, exact 3.333 servers, capex and lifetime', () => {
    const costs = costsWith();
    expect(costs.fleetYearUsd).toBe(476_000); // 4 × 119,000
    expect(costs.fleetYearExactUsd).toBeCloseTo(396_666.6667, 3); // 3.3333… × 119,000
    expect(costs.capexUsd).toBe(1_280_000); // 4 × 320,000
    expect(costs.lifetimeUsd).toBe(1_904_000); // 476,000 × 4 years
  });

  it('computes cost per 1K requests on the rounded fleet and on the exact per-server chain', () => {
    const costs = costsWith();
    // 476,000 / (14 instances × 7.5 req/s × 31,536,000 s) × 1000 = 476,000 / 3,311,280,000 × 1000 = 0.143751…
    expect(costs.costPer1kRequestsUsd.value).toBeCloseTo(0.143751057, 8);
    // one server serves 7.5 × 8/2 = 30 req/s: 119,000 / (30 × 31,536,000) × 1000 = 0.125782…
    expect(costs.costPer1kRequestsExactUsd.value).toBeCloseTo(0.125782175, 8);
  });

  it('turns cost per 1K requests into cost per 1M tokens and splits it by the API price ratio', () => {
    const costs = costsWith();
    // per 1M tokens = 0.143751… × 1000 / (1000 + 500) = 0.095834…
    expect(costs.costPer1MTokensUsd.value).toBeCloseTo(0.095834038, 8);
    // reference per 1K requests = (1000 × $1 + 500 × $3) / 1000 = $2.5
    expect(costs.apiPer1kRequestsUsd.value).toBeCloseTo(2.5, 12);
    // input = $1 × 0.143751 / 2.5 = 0.0575004; output = $3 × 0.143751 / 2.5 = 0.1725013
    expect(costs.costPer1MInputTokensUsd.value).toBeCloseTo(0.057500423, 8);
    expect(costs.costPer1MOutputTokensUsd.value).toBeCloseTo(0.172501268, 8);
    // DLI check: ISL × in + OSL × out = cost per 1K requests × 1000
    expect(1000 * (costs.costPer1MInputTokensUsd.value ?? 0) + 500 * (costs.costPer1MOutputTokensUsd.value ?? 0)).toBeCloseTo(143.751057, 5);
  });

  it('charges everything to output tokens for the output-only figure', () => {
    // 476,000 / (14 × 3,750 tok/s × 31,536,000 s / 1e6) = 476,000 / 1,655,640 = 0.287502…
    expect(costsWith().costPer1MOutputTokensOnlyUsd.value).toBeCloseTo(0.287502114, 8);
  });

  it('prices the expected (average) traffic, idle capacity included', () => {
    const costs = costsWith();
    // 476,000 / (50 req/s × 31,536,000) × 1000 = 0.301877…; per 1M tokens: × 1000 / 1500 = 0.201251…
    expect(costs.demandCostPer1kRequestsUsd.value).toBeCloseTo(0.301877219, 8);
    expect(costs.demandCostPer1MTokensUsd.value).toBeCloseTo(0.201251479, 8);
    // API at the average traffic: 50 × 31,536,000 × $2.5 / 1000 = $3,942,000 a year
    expect(costs.apiYearUsd.value).toBeCloseTo(3_942_000, 6);
  });

  it('says why cloud figures are missing when no $/GPU-hour is set, and on-prem is then the cheapest', () => {
    const costs = costsWith();
    expect(costs.cloudYearUsd).toEqual({ value: null, reason: 'no cloud $/GPU-hour is set for this hardware' });
    expect(costs.cloudPer1kRequestsUsd).toEqual({ value: null, reason: 'no cloud $/GPU-hour is set for this hardware' });
    expect(costs.cloudPer1MTokensUsd.value).toBeNull();
    expect(costs.breakEvenMonthsVsCloud).toEqual({ value: null, reason: 'no cloud $/GPU-hour is set for this hardware' });
    expect(costs.cheapestOption).toBe('onPrem'); // $476,000 on-prem < $3,942,000 API
  });

  it('rents 28 GPUs in the cloud and finds the break-even month of buying', () => {
    const withCloud = costsWith({ hardware: hardware({ cloudUsdPerGpuHour: 4 }) });
    // 28 GPUs × $4 × 8760 h = $981,120 a year
    expect(withCloud.cloudYearUsd.value).toBeCloseTo(981_120, 6);
    // cloud per 1K = 981,120 / (14 × 7.5 × 31,536,000) × 1000 = 0.296296…; per 1M tokens × 1000 / 1500 = 0.197530…
    expect(withCloud.cloudPer1kRequestsUsd.value).toBeCloseTo(0.296296296, 8);
    expect(withCloud.cloudPer1MTokensUsd.value).toBeCloseTo(0.197530864, 8);
    // running cost of owned servers = 476,000 − 4 × 320,000 / 4 = 156,000 a year
    // break-even = 1,280,000 / ((981,120 − 156,000) / 12) = 1,280,000 / 68,760 = 18.6155… months
    expect(withCloud.breakEvenMonthsVsCloud.value).toBeCloseTo(18.615474, 5);
  });

  it('never pays back when renting costs exactly the running cost of owned servers', () => {
    // Hosting 25,320: running cost = 4 × (36,000 licence + 25,320 hosting) = 245,280 = 28 GPUs × $1 × 8760 h.
    const even = costsWith({ hardware: hardware({ hostingUsdPerServerYear: 25_320, cloudUsdPerGpuHour: 1 }) });
    expect(even.cloudYearUsd.value).toBe(245_280);
    expect(even.breakEvenMonthsVsCloud).toEqual({ value: null, reason: 'renting costs no more per year than running owned servers, so buying never pays back' });
  });

  it('scales unit costs by 1/uptime', () => {
    const half = costsWith({ uptime: 0.5, hardware: hardware({ cloudUsdPerGpuHour: 4 }) });
    // Twice the uptime-1 figures: 2 × 0.143751… = 0.287502…; exact chain 2 × 0.125782… = 0.251564…;
    // output-only 2 × 0.287502… = 0.575004…; cloud 981,120 / (14 × 7.5 × S × 0.5) × 1000 = 0.592592…
    expect(half.costPer1kRequestsUsd.value).toBeCloseTo(0.287502114, 8);
    expect(half.costPer1kRequestsExactUsd.value).toBeCloseTo(0.25156435, 8);
    expect(half.costPer1MOutputTokensOnlyUsd.value).toBeCloseTo(0.575004228, 8);
    expect(half.cloudPer1kRequestsUsd.value).toBeCloseTo(0.592592593, 8);
    // The demand cost divides by the average traffic over the whole year: uptime does not change it.
    expect(half.demandCostPer1kRequestsUsd.value).toBeCloseTo(0.301877219, 8);
  });

  it('returns reasons, never NaN, when the operating point lacks a throughput or lengths', () => {
    const bare = costsWith(
      { averageRequestsPerSecond: undefined },
      { requestsPerSecond: undefined, outputTokensPerSecond: undefined, meanInputTokens: undefined, meanOutputTokens: undefined },
    );
    expect(bare.costPer1kRequestsUsd).toEqual({ value: null, reason: NO_RPS });
    expect(bare.costPer1kRequestsExactUsd).toEqual({ value: null, reason: NO_RPS });
    expect(bare.costPer1MTokensUsd).toEqual({ value: null, reason: NO_RPS });
    expect(bare.costPer1MOutputTokensOnlyUsd).toEqual({ value: null, reason: 'the operating point has no output token throughput' });
    expect(bare.apiPer1kRequestsUsd).toEqual({ value: null, reason: NO_LENGTHS });
    expect(bare.demandCostPer1kRequestsUsd).toEqual({ value: null, reason: NO_AVERAGE });
    expect(bare.fleetYearUsd).toBe(476_000);
  });

  it('keeps the missing throughput as the reason of every figure built on cost per 1K requests', () => {
    // Lengths known, requests/s not: the token figures cannot exist, and they say why (not "0").
    const costs = costsWith({ hardware: hardware({ cloudUsdPerGpuHour: 4 }) }, { requestsPerSecond: undefined });
    for (const figure of ['costPer1MTokensUsd', 'costPer1MInputTokensUsd', 'costPer1MOutputTokensUsd', 'cloudPer1kRequestsUsd'] as const) {
      expect(costs[figure], figure).toEqual({ value: null, reason: NO_RPS });
    }
    expect(costs.apiPer1kRequestsUsd.value).toBeCloseTo(2.5, 12); // the API price needs lengths only
  });

  it('treats an infinite or NaN throughput as no throughput', () => {
    for (const bad of [Number.POSITIVE_INFINITY, Number.NaN, 0, -1]) {
      const costs = costsWith({}, { requestsPerSecond: bad, outputTokensPerSecond: bad });
      expect(costs.costPer1kRequestsUsd, String(bad)).toEqual({ value: null, reason: NO_RPS });
      expect(costs.costPer1kRequestsExactUsd, String(bad)).toEqual({ value: null, reason: NO_RPS });
      expect(costs.costPer1MOutputTokensOnlyUsd.value, String(bad)).toBeNull();
    }
  });

  it('needs a positive input length and a non-negative output length for per-token figures', () => {
    // ISL 0: no request shape to price; OSL −1 is not a length. Neither gives a reference price.
    for (const lengths of [{ meanInputTokens: 0 }, { meanOutputTokens: -1 }, { meanOutputTokens: undefined }]) {
      const costs = costsWith({}, lengths);
      expect(costs.costPer1MTokensUsd, JSON.stringify(lengths)).toEqual({ value: null, reason: NO_LENGTHS });
      expect(costs.apiPer1kRequestsUsd, JSON.stringify(lengths)).toEqual({ value: null, reason: NO_LENGTHS });
      expect(costs.costPer1MInputTokensUsd, JSON.stringify(lengths)).toEqual({ value: null, reason: NO_LENGTHS });
      expect(costs.apiYearUsd, JSON.stringify(lengths)).toEqual({ value: null, reason: NO_LENGTHS });
    }
    // OSL 0 is a length: 0.143751… × 1000 / 1000 = 0.143751…; reference (1000 × $1 + 0) / 1000 = $1.
    const noOutput = costsWith({}, { meanOutputTokens: 0 });
    expect(noOutput.costPer1MTokensUsd.value).toBeCloseTo(0.143751057, 8);
    expect(noOutput.apiPer1kRequestsUsd.value).toBe(1);
  });

  it('cannot split by the API price ratio when both reference prices are zero', () => {
    const costs = costsWith({ api: { usdPer1MInputTokens: 0, usdPer1MOutputTokens: 0 } });
    expect(costs.costPer1MInputTokensUsd.value).toBeNull();
    expect(costs.costPer1MInputTokensUsd.reason).toMatch(/^the API reference price of this request shape is zero/);
  });

  it('has no per-instance figures when no instance is needed (zero demand)', () => {
    const none = sizeDeployment({ demand: { peak: 0, headroomPercent: 0, spareInstances: 0 }, capacityPerInstance: 7.5, gpusPerInstance: 2, gpusPerServer: 8 });
    const costs = costsWith({ sizing: none, averageRequestsPerSecond: 0 });
    expect(costs.fleetYearUsd).toBe(0);
    expect(costs.costPer1kRequestsUsd).toEqual({ value: null, reason: NO_INSTANCES });
    expect(costs.costPer1MOutputTokensOnlyUsd).toEqual({ value: null, reason: NO_INSTANCES });
    expect(costs.demandCostPer1kRequestsUsd).toEqual({ value: null, reason: NO_AVERAGE });
  });
});

describe('the hosted API bill and the cheapest option (docs/method.md §Break-even and cheapest option)', () => {
  it('bills no traffic at $0, even when the request shape is unknown', () => {
    const costs = costsWith({ averageRequestsPerSecond: 0 }, { meanInputTokens: undefined });
    expect(costs.apiYearUsd).toEqual({ value: 0 });
  });

  it('says the bill is unknown when the average traffic is unknown or not finite', () => {
    expect(costsWith({ averageRequestsPerSecond: undefined }).apiYearUsd).toEqual({ value: null, reason: NO_AVERAGE });
    expect(costsWith({ averageRequestsPerSecond: Number.POSITIVE_INFINITY }).apiYearUsd).toEqual({ value: null, reason: NO_AVERAGE });
  });

  it('picks the cloud when renting is the lowest yearly bill', () => {
    // Cloud 28 GPUs × $1 × 8760 h = $245,280 < on-prem $476,000 < API $3,942,000.
    expect(costsWith({ hardware: hardware({ cloudUsdPerGpuHour: 1 }) }).cheapestOption).toBe('cloud');
  });

  it('picks the hosted API when its bill is the lowest', () => {
    // API at 1 req/s: 31,536,000 × $2.5 / 1000 = $78,840 < on-prem $476,000 < cloud $981,120.
    expect(costsWith({ averageRequestsPerSecond: 1, hardware: hardware({ cloudUsdPerGpuHour: 4 }) }).cheapestOption).toBe('api');
    // Without a cloud price the API still wins against on-prem.
    expect(costsWith({ averageRequestsPerSecond: 1 }).cheapestOption).toBe('api');
  });

  it('skips options without a bill: unknown cloud and API leave on-prem', () => {
    expect(costsWith({ averageRequestsPerSecond: undefined }).cheapestOption).toBe('onPrem');
  });

  it('keeps the earlier option on a tie (on-prem, then cloud, then API)', () => {
    // Zero demand: no servers, so on-prem is $0, and the API bills $0; cloud rents 0 GPUs × $4 × 8760 h = $0 too.
    const none = sizeDeployment({ demand: { peak: 0, headroomPercent: 0, spareInstances: 0 }, capacityPerInstance: 7.5, gpusPerInstance: 2, gpusPerServer: 8 });
    expect(costsWith({ sizing: none, averageRequestsPerSecond: 0 }).cheapestOption).toBe('onPrem');
    expect(costsWith({ sizing: none, averageRequestsPerSecond: 0, hardware: hardware({ cloudUsdPerGpuHour: 4 }) }).cheapestOption).toBe('onPrem');
  });
});

describe('cheapestSeriesKey', () => {
  const result = (key: string, fleetYearUsd: number, per1k: number | null) =>
    ({ series: { key }, costs: { fleetYearUsd, costPer1kRequestsUsd: per1k === null ? { value: null, reason: 'x' } : { value: per1k } } }) as unknown as SeriesResult;

  it('picks the lowest fleet cost, then the lower cost per 1K requests, and no one on a full tie', () => {
    expect(cheapestSeriesKey([result('a', 357_000, 0.05), result('b', 288_000, 0.04)])).toBe('b');
    expect(cheapestSeriesKey([result('a', 238_000, 0.037), result('b', 238_000, 0.033)])).toBe('b');
    expect(cheapestSeriesKey([result('a', 0, null), result('b', 0, null)])).toBeNull(); // zero demand
    expect(cheapestSeriesKey([])).toBeNull();
  });
});
