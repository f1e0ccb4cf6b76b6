import { describe, expect, it } from 'vitest';
import { sizeDeployment } from '../../../src/core/sizing/sizeDeployment.ts';
import { SECONDS_PER_YEAR, computeCosts, serverYearCost } from '../../../src/core/tco/tco.ts';
import type { SeriesResult } from '../../../src/core/report/seriesResult.ts';
import { hardware } from '../helpers.ts';

const S = 31_536_000;
const api = { usdPer1MInputTokens: 1, usdPer1MOutputTokens: 3 };

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

describe('computeCosts (docs/method.md §Fleet cost, §Unit costs)', () => {
  // Operating point: 7.5 req/s and 3,750 output tok/s per TP2 instance, ISL 1000, OSL 500; peak 100 req/s.
  const sizing = sizeDeployment({ demand: { peak: 100, headroomPercent: 0, spareInstances: 0 }, capacityPerInstance: 7.5, gpusPerInstance: 2, gpusPerServer: 8 });
  const throughput = { requestsPerSecond: 7.5, outputTokensPerSecond: 3_750, meanInputTokens: 1000, meanOutputTokens: 500 };
  const costs = computeCosts({ sizing, hardware: hardware(), throughput, api, uptime: 1, averageRequestsPerSecond: 50 });

  it('uses a 365-day year', () => {
    expect(SECONDS_PER_YEAR).toBe(365 * 24 * 3600);
  });

  it('computes the fleet: 4 servers × $119,000, exact 3.333 servers, capex and lifetime', () => {
    expect(costs.fleetYearUsd).toBe(476_000); // 4 × 119,000
    expect(costs.fleetYearExactUsd).toBeCloseTo(396_666.6667, 3); // 3.3333… × 119,000
    expect(costs.capexUsd).toBe(1_280_000); // 4 × 320,000
    expect(costs.lifetimeUsd).toBe(1_904_000); // 476,000 × 4 years
  });

  it('computes cost per 1K requests on the rounded fleet and on the exact per-server chain', () => {
    // 476,000 / (14 instances × 7.5 req/s × 31,536,000 s) × 1000 = 476,000 / 3,311,280,000 × 1000 = 0.143751…
    expect(costs.costPer1kRequestsUsd.value).toBeCloseTo(476_000 / (14 * 7.5 * S) * 1000, 12);
    expect(costs.costPer1kRequestsUsd.value).toBeCloseTo(0.143751057, 8);
    // one server serves 7.5 × 8/2 = 30 req/s: 119,000 / (30 × 31,536,000) × 1000 = 0.125782…
    expect(costs.costPer1kRequestsExactUsd.value).toBeCloseTo(0.125782175, 8);
  });

  it('turns cost per 1K requests into cost per 1M tokens and splits it by the API price ratio', () => {
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
    expect(costs.costPer1MOutputTokensOnlyUsd.value).toBeCloseTo(0.287502114, 8);
  });

  it('prices the expected (average) traffic, idle capacity included', () => {
    // 476,000 / (50 req/s × 31,536,000) × 1000 = 0.301877…; per 1M tokens: × 1000 / 1500
    expect(costs.demandCostPer1kRequestsUsd.value).toBeCloseTo(476_000 / (50 * S) * 1000, 12);
    expect(costs.demandCostPer1MTokensUsd.value).toBeCloseTo((476_000 / (50 * S)) * 1000 * (1000 / 1500), 12);
    // API at the average traffic: 50 × 31,536,000 × $2.5 / 1000 = $3,942,000 a year
    expect(costs.apiYearUsd.value).toBeCloseTo(3_942_000, 6);
  });

  it('says why cloud figures are missing when no $/GPU-hour is set, and on-prem is then the cheapest', () => {
    expect(costs.cloudYearUsd).toEqual({ value: null, reason: 'no cloud $/GPU-hour is set for this hardware' });
    expect(costs.breakEvenMonthsVsCloud.value).toBeNull();
    expect(costs.cheapestOption).toBe('onPrem');
  });

  it('rents 28 GPUs in the cloud and finds the break-even month of buying', () => {
    const withCloud = computeCosts({ sizing, hardware: hardware({ cloudUsdPerGpuHour: 4 }), throughput, api, uptime: 1, averageRequestsPerSecond: 50 });
    // 28 GPUs × $4 × 8760 h = $981,120 a year
    expect(withCloud.cloudYearUsd.value).toBeCloseTo(981_120, 6);
    // cloud per 1K = 981,120 / (14 × 7.5 × S) × 1000
    expect(withCloud.cloudPer1kRequestsUsd.value).toBeCloseTo((981_120 / (14 * 7.5 * S)) * 1000, 12);
    // running cost of owned servers = 476,000 − 4 × 320,000 / 4 = 156,000 a year
    // break-even = 1,280,000 / ((981,120 − 156,000) / 12) = 1,280,000 / 68,760 = 18.6155… months
    expect(withCloud.breakEvenMonthsVsCloud.value).toBeCloseTo(18.615474, 5);
  });

  it('scales unit costs by 1/uptime', () => {
    const half = computeCosts({ sizing, hardware: hardware(), throughput, api, uptime: 0.5, averageRequestsPerSecond: 50 });
    expect(half.costPer1kRequestsUsd.value).toBeCloseTo(2 * (costs.costPer1kRequestsUsd.value ?? 0), 12);
  });

  it('returns reasons, never NaN, when the operating point lacks a throughput or lengths', () => {
    const bare = computeCosts({
      sizing,
      hardware: hardware(),
      throughput: { requestsPerSecond: undefined, outputTokensPerSecond: undefined, meanInputTokens: undefined, meanOutputTokens: undefined },
      api,
      uptime: 1,
      averageRequestsPerSecond: undefined,
    });
    expect(bare.costPer1kRequestsUsd).toEqual({ value: null, reason: 'the operating point has no request throughput' });
    expect(bare.costPer1MTokensUsd.value).toBeNull();
    expect(bare.costPer1MOutputTokensOnlyUsd.reason).toMatch(/output token throughput/);
    expect(bare.fleetYearUsd).toBe(476_000);
  });
});

describe('cheapestSeriesKey', () => {
  const result = (key: string, fleetYearUsd: number, per1k: number | null) =>
    ({ series: { key }, costs: { fleetYearUsd, costPer1kRequestsUsd: per1k === null ? { value: null, reason: 'x' } : { value: per1k } } }) as unknown as SeriesResult;

  it('picks the lowest fleet cost, then the lower cost per 1K requests, and no one on a full tie', async () => {
    const { cheapestSeriesKey } = await import('../../../src/core/report/seriesResult.ts');
    expect(cheapestSeriesKey([result('a', 357_000, 0.05), result('b', 288_000, 0.04)])).toBe('b');
    expect(cheapestSeriesKey([result('a', 238_000, 0.037), result('b', 238_000, 0.033)])).toBe('b');
    expect(cheapestSeriesKey([result('a', 0, null), result('b', 0, null)])).toBeNull(); // zero demand
    expect(cheapestSeriesKey([])).toBeNull();
  });
});
