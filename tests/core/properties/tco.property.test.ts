/**
 * Costs (docs/method.md §Server year cost to §Unit costs): linear in each price, additive across price components,
 * and the input/output split that reproduces the cost per 1k requests (the DLI notebook equation). Also the whole
 * chain (computeSeriesResult → buildReport): never NaN or Infinity, and every null says why.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ApiReference, HardwareProfile } from '../../../src/core/model/scenario.ts';
import type { Sizing } from '../../../src/core/sizing/sizeDeployment.ts';
import { sizeDeployment } from '../../../src/core/sizing/sizeDeployment.ts';
import type { CostInput, Costs, ThroughputAtOperatingPoint } from '../../../src/core/tco/tco.ts';
import { computeCosts } from '../../../src/core/tco/tco.ts';
import type { FileError } from '../../../src/core/model/benchmark.ts';
import { buildReport } from '../../../src/core/report/reportJson.ts';
import { computeResults } from '../../../src/core/report/seriesResult.ts';
import {
  apiReference,
  gpuCount,
  hardwareProfile,
  plausible,
  relClose,
  scenarioWithPoints,
  uptime,
} from './arbitraries.ts';

const RUNS = { numRuns: 200 };
const REL = 1e-9;

const COMPONENTS = ['serverPriceUsd', 'licenceUsdPerYear', 'hostingUsdPerServerYear', 'usdPerKwh'] as const;
type Component = (typeof COMPONENTS)[number];
type Prices = Record<Component, number>;

const ZERO: Prices = { serverPriceUsd: 0, licenceUsdPerYear: 0, hostingUsdPerServerYear: 0, usdPerKwh: 0 };

/** The hardware with its four price components replaced (power drawn so that usdPerKwh matters). */
function priced(base: HardwareProfile, power: { serverKw: number; pue: number }, p: Prices): HardwareProfile {
  return {
    ...base,
    serverPriceUsd: p.serverPriceUsd,
    licence: { ...base.licence, usdPerYear: p.licenceUsdPerYear },
    hostingUsdPerServerYear: p.hostingUsdPerServerYear,
    power: { ...power, usdPerKwh: p.usdPerKwh },
  };
}

const only = (component: Component, value: number): Prices => ({ ...ZERO, [component]: value });

/** The three figures whose linearity is checked; null ones fail the test (inputs are chosen so all exist). */
function figures(costs: Costs): { fleetYearUsd: number; costPer1kRequestsUsd: number; costPer1MTokensUsd: number } {
  const per1k = costs.costPer1kRequestsUsd.value;
  const per1M = costs.costPer1MTokensUsd.value;
  expect(per1k, costs.costPer1kRequestsUsd.reason).not.toBeNull();
  expect(per1M, costs.costPer1MTokensUsd.reason).not.toBeNull();
  return {
    fleetYearUsd: costs.fleetYearUsd,
    costPer1kRequestsUsd: per1k ?? Number.NaN,
    costPer1MTokensUsd: per1M ?? Number.NaN,
  };
}

/** A cost set-up where every unit cost exists: peak > 0, positive throughput and lengths. */
const setup = fc
  .record({
    hardware: hardwareProfile('hw'),
    power: fc.record({ serverKw: plausible(0.5, 15), pue: plausible(1, 2) }),
    gpusPerInstance: gpuCount,
    peak: plausible(1, 100_000),
    headroomPercent: plausible(0, 100),
    spareInstances: fc.integer({ min: 0, max: 2 }),
    capacity: plausible(0.5, 50_000),
    throughput: fc.record({
      requestsPerSecond: plausible(0.01, 200),
      outputTokensPerSecond: plausible(1, 50_000),
      meanInputTokens: plausible(1, 8_000),
      meanOutputTokens: plausible(0, 4_000),
    }),
    api: apiReference,
    uptime,
    averageRequestsPerSecond: plausible(0.01, 1_000),
  })
  .map((r) => {
    const sizing: Sizing = sizeDeployment({
      demand: { peak: r.peak, headroomPercent: r.headroomPercent, spareInstances: r.spareInstances },
      capacityPerInstance: r.capacity,
      gpusPerInstance: r.gpusPerInstance,
      gpusPerServer: r.hardware.gpusPerServer,
    });
    const throughput: ThroughputAtOperatingPoint = r.throughput;
    return { ...r, sizing, throughput };
  });

type Setup = typeof setup extends fc.Arbitrary<infer T> ? T : never;

function costsFor(s: Setup, prices: Prices, api: ApiReference = s.api): Costs {
  const input: CostInput = {
    sizing: s.sizing,
    hardware: priced(s.hardware, s.power, prices),
    throughput: s.throughput,
    api,
    uptime: s.uptime,
    averageRequestsPerSecond: s.averageRequestsPerSecond,
  };
  return computeCosts(input);
}

const positivePrices: fc.Arbitrary<Prices> = fc.record({
  serverPriceUsd: plausible(1_000, 1_000_000),
  licenceUsdPerYear: plausible(1, 10_000),
  hostingUsdPerServerYear: plausible(1, 50_000),
  usdPerKwh: plausible(0.01, 0.5),
});

describe('computeCosts: linear in each price', () => {
  it('with the other prices at zero, a price of 0 costs 0', () => {
    fc.assert(
      fc.property(setup, (s) => {
        const f = figures(costsFor(s, ZERO));
        expect(f.fleetYearUsd).toBe(0);
        expect(f.costPer1kRequestsUsd).toBe(0);
        expect(f.costPer1MTokensUsd).toBe(0);
      }),
      RUNS,
    );
  });

  it.each(COMPONENTS)(
    'doubling %s alone doubles fleetYearUsd, costPer1kRequestsUsd and costPer1MTokensUsd',
    (component) => {
      fc.assert(
        fc.property(setup, positivePrices, (s, prices) => {
          const p = prices[component];
          const once = figures(costsFor(s, only(component, p)));
          const twice = figures(costsFor(s, only(component, 2 * p)));
          expect(once.fleetYearUsd).toBeGreaterThan(0);
          for (const key of ['fleetYearUsd', 'costPer1kRequestsUsd', 'costPer1MTokensUsd'] as const) {
            expect(
              relClose(twice[key], 2 * once[key], REL),
              `${key}: f(2p) = ${twice[key]}, 2 f(p) = ${2 * once[key]}`,
            ).toBe(true);
          }
        }),
        RUNS,
      );
    },
  );

  it('is additive across the four price components', () => {
    fc.assert(
      fc.property(setup, positivePrices, (s, prices) => {
        const all = figures(costsFor(s, prices));
        const parts = COMPONENTS.map((c) => figures(costsFor(s, only(c, prices[c]))));
        for (const key of ['fleetYearUsd', 'costPer1kRequestsUsd', 'costPer1MTokensUsd'] as const) {
          const sum = parts.reduce((acc, part) => acc + part[key], 0);
          expect(relClose(all[key], sum, REL), `${key}: all = ${all[key]}, sum of parts = ${sum}`).toBe(true);
        }
      }),
      RUNS,
    );
  });
});

describe('computeCosts: input/output split', () => {
  const pricedApi: fc.Arbitrary<ApiReference> = fc
    .record({ usdPer1MInputTokens: plausible(0, 20), usdPer1MOutputTokens: plausible(0, 60) })
    .filter((a) => a.usdPer1MInputTokens > 0 || a.usdPer1MOutputTokens > 0);

  it('ISL × in + OSL × out = costPer1kRequests × 1000, and in / out = pIn / pOut', () => {
    fc.assert(
      fc.property(setup, positivePrices, pricedApi, (s, prices, api) => {
        const isl = s.throughput.meanInputTokens ?? Number.NaN;
        const osl = s.throughput.meanOutputTokens ?? Number.NaN;
        // The split needs a non-zero API price for this request shape (OSL may be 0).
        fc.pre(isl * api.usdPer1MInputTokens + osl * api.usdPer1MOutputTokens > 0);
        const costs = costsFor(s, prices, api);
        const per1k = costs.costPer1kRequestsUsd.value;
        const costIn = costs.costPer1MInputTokensUsd.value;
        const costOut = costs.costPer1MOutputTokensUsd.value;
        expect(per1k).not.toBeNull();
        expect(costIn, costs.costPer1MInputTokensUsd.reason).not.toBeNull();
        expect(costOut, costs.costPer1MOutputTokensUsd.reason).not.toBeNull();
        if (per1k === null || costIn === null || costOut === null) return;
        expect(
          relClose(isl * costIn + osl * costOut, per1k * 1000, REL),
          `ISL×in + OSL×out = ${isl * costIn + osl * costOut}, 1000 × per1k = ${per1k * 1000}`,
        ).toBe(true);
        // in / out = pIn / pOut, written without division so that a zero price is allowed.
        expect(relClose(costIn * api.usdPer1MOutputTokens, costOut * api.usdPer1MInputTokens, REL)).toBe(true);
        expect(costIn).toBeGreaterThanOrEqual(0);
        expect(costOut).toBeGreaterThanOrEqual(0);
      }),
      RUNS,
    );
  });

  it('with both reference prices at zero there is no split, and the reason says so', () => {
    fc.assert(
      fc.property(setup, positivePrices, (s, prices) => {
        const costs = costsFor(s, prices, { usdPer1MInputTokens: 0, usdPer1MOutputTokens: 0 });
        for (const m of [costs.costPer1MInputTokensUsd, costs.costPer1MOutputTokensUsd]) {
          expect(m.value).toBeNull();
          expect(typeof m.reason === 'string' && m.reason.length > 0).toBe(true);
        }
      }),
      RUNS,
    );
  });
});

/** Every number anywhere in `value` that is NaN or ±Infinity, with its path. */
function nonFiniteNumbers(value: unknown, path = '$', seen = new Set<object>()): string[] {
  if (typeof value === 'number') return Number.isFinite(value) ? [] : [`${path} = ${value}`];
  if (typeof value !== 'object' || value === null || seen.has(value)) return [];
  seen.add(value);
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  return entries.flatMap(([key, v]) => nonFiniteNumbers(v, `${path}.${key}`, seen));
}

const fileErrors: fc.Arbitrary<FileError[]> = fc.array(
  fc.record({ file: fc.constantFrom('a.json', 'runs/b.csv'), reason: fc.constantFrom('not JSON', 'unknown format') }),
  { maxLength: 2 },
);

describe('computeSeriesResult / buildReport: the whole chain', () => {
  it('never produces NaN or Infinity, and every null comes with a reason', () => {
    fc.assert(
      fc.property(scenarioWithPoints, fileErrors, fileErrors, ({ scenario, points }, errors, skipped) => {
        const results = computeResults(points, scenario);
        expect(nonFiniteNumbers(results, 'results')).toEqual([]);
        const report = buildReport(results, errors, skipped);
        expect(nonFiniteNumbers(report, 'report')).toEqual([]);

        // Per workload, no "cheapest" only when nothing is priced, or when the best two cannot be told apart (a full
        // tie); across several workloads none at all.
        for (const w of report.cheapestByWorkload) {
          const priced = report.series
            .filter((s) => w.series.includes(s.name) && s.cost !== null)
            .map((s) => [s.cost?.fleetYearUsd ?? Infinity, s.cost?.costPer1kRequestsUsd ?? Infinity] as const)
            .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
          // Equal means equal up to floating-point noise (1e-9 relative), as the ranking reads it (docs/decisions.md).
          const same = (x: number, y: number) =>
            x === y || Math.abs(x - y) <= 1e-9 * Math.max(Math.abs(x), Math.abs(y));
          const fullTie = priced.length > 1 && same(priced[0]![0], priced[1]![0]) && same(priced[0]![1], priced[1]![1]);
          expect(w.cheapest === null).toBe(priced.length === 0 || fullTie);
        }
        if (report.cheapestByWorkload.length !== 1) expect(report.cheapest).toBeNull();
        else expect(report.cheapest).toBe(report.cheapestByWorkload[0]!.cheapest);
        for (const [i, s] of report.series.entries()) {
          const where = `report.series[${i}] (${s.name})`;
          const hasReason = typeof s.reason === 'string' && s.reason.length > 0;
          // A missing section is explained by the series' reason.
          if (s.operatingPoint === null || s.sizing === null || s.cost === null)
            expect(hasReason, `${where}: null section without a reason`).toBe(true);
          expect(s.operatingPoint === null, `${where}: operatingPoint is present exactly when the SLA is met`).toBe(
            !s.meetsSla,
          );
          if (s.operatingPoint !== null) {
            expect(
              s.operatingPoint.concurrency !== null || s.operatingPoint.requestRate !== null,
              `${where}: no load level`,
            ).toBe(true);
          }
          // Every null cost figure has its reason under `unavailable`, and every reason names a null figure.
          if (s.cost !== null) {
            for (const [field, value] of Object.entries(s.cost)) {
              if (value !== null) continue;
              const reason = s.unavailable[`cost.${field}`];
              expect(
                typeof reason === 'string' && reason.length > 0,
                `${where}: cost.${field} is null without a reason`,
              ).toBe(true);
            }
          }
          for (const [key, reason] of Object.entries(s.unavailable)) {
            expect(reason.length, `${where}: empty reason for ${key}`).toBeGreaterThan(0);
            const field = key.startsWith('cost.') ? key.slice('cost.'.length) : undefined;
            const value =
              s.cost !== null && field !== undefined
                ? (s.cost as unknown as Record<string, unknown>)[field]
                : undefined;
            expect(value, `${where}: unavailable names ${key}, which is not a null cost figure`).toBeNull();
          }
        }
      }),
      RUNS,
    );
  });
});
