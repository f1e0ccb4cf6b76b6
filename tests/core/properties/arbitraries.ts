/**
 * Shared fast-check arbitraries for the property tests of the pure core: plausible benchmark points
 * (finite, non-negative, some statistics missing), SLA sets, demands, hardware profiles and scenarios.
 *
 * Values are drawn half the time from small integer grids so that ties (equal loads, equal metric values,
 * a value exactly on its bound) come up often, and half the time from continuous ranges.
 */
import fc from 'fast-check';
import type { Distribution, LoadPoint, Stat } from '../../../src/core/model/benchmark.ts';
import type {
  ApiReference,
  Demand,
  DemandUnit,
  HardwareProfile,
  Scenario,
  SeriesSettings,
  SlaConstraint,
  SlaMetric,
} from '../../../src/core/model/scenario.ts';
import { DEMAND_UNITS, SLA_METRICS } from '../../../src/core/model/scenario.ts';

/** The statistics points and constraints use here: a small set, so a constraint's stat is usually present. */
export const STAT_SUBSET = ['avg', 'p50', 'p90', 'p99'] as const satisfies readonly Stat[];

/** A plausible range per SLA metric (ms for latencies, tokens/s for per-user speed). */
export const METRIC_RANGE: Readonly<Record<SlaMetric, { min: number; max: number }>> = {
  ttft: { min: 5, max: 5_000 },
  itl: { min: 1, max: 200 },
  tpot: { min: 1, max: 200 },
  e2e: { min: 100, max: 60_000 },
  tpsPerUser: { min: 1, max: 300 },
};

/** Latencies must stay at or below their bound; tokens/s per user at or above (docs/method.md §Feasibility). */
export function isUpperBound(metric: SlaMetric): boolean {
  return metric !== 'tpsPerUser';
}

/**
 * A finite number in [min, max]: from a coarse grid of 20 steps (so collisions happen) or continuous.
 * Never NaN, never infinite, never -0, never below 1e-9 in magnitude except 0.
 */
export function plausible(min: number, max: number): fc.Arbitrary<number> {
  return fc.oneof(
    fc.integer({ min: 0, max: 20 }).map((k) => min + ((max - min) * k) / 20),
    // Snap sub-1e-9 values (subnormals included) to 0: they are not plausible measurements or prices.
    fc.double({ min, max, noNaN: true, noDefaultInfinity: true }).map((v) => (Math.abs(v) < 1e-9 ? 0 : v)),
  );
}

/**
 * A distribution over STAT_SUBSET where each stat is missing with probability 1/missingFreq
 * (never missing when missingFreq is null).
 */
export function distribution(min: number, max: number, missingFreq: number | null = 7): fc.Arbitrary<Distribution> {
  const maybe =
    missingFreq === null ? plausible(min, max) : fc.option(plausible(min, max), { freq: missingFreq, nil: undefined });
  return fc.tuple(...STAT_SUBSET.map(() => maybe)).map((values) => {
    const out: Distribution = {};
    STAT_SUBSET.forEach((stat, i) => {
      const v = values[i];
      if (v !== undefined) out[stat] = v;
    });
    return out;
  });
}

/** The per-point measurements, before a load level and ids are attached. */
interface RawPoint {
  ttftMs: Distribution;
  itlMs: Distribution;
  e2eMs: Distribution;
  tps: Distribution;
  inputTokens: Distribution;
  outputTokens: Distribution;
  outputTokensPerSecond: number | undefined;
  requestsPerSecond: number | undefined;
  inputTokensPerSecond: number | undefined;
  load: number;
}

const optional = <T>(arb: fc.Arbitrary<T>, freq = 8): fc.Arbitrary<T | undefined> =>
  fc.option(arb, { freq, nil: undefined });

const rawPoint = (loadKind: 'concurrency' | 'requestRate', slaMissingFreq: number | null): fc.Arbitrary<RawPoint> =>
  fc.record({
    ttftMs: distribution(METRIC_RANGE.ttft.min, METRIC_RANGE.ttft.max, slaMissingFreq),
    itlMs: distribution(METRIC_RANGE.itl.min, METRIC_RANGE.itl.max, slaMissingFreq),
    e2eMs: distribution(METRIC_RANGE.e2e.min, METRIC_RANGE.e2e.max, slaMissingFreq),
    tps: distribution(METRIC_RANGE.tpsPerUser.min, METRIC_RANGE.tpsPerUser.max, slaMissingFreq),
    inputTokens: distribution(1, 8_000, 5),
    outputTokens: distribution(0, 4_000, 5),
    outputTokensPerSecond: optional(
      fc.oneof({ weight: 1, arbitrary: fc.constant(0) }, { weight: 15, arbitrary: plausible(1, 50_000) }),
    ),
    requestsPerSecond: optional(
      fc.oneof({ weight: 1, arbitrary: fc.constant(0) }, { weight: 15, arbitrary: plausible(0.01, 200) }),
    ),
    inputTokensPerSecond: optional(plausible(0, 200_000), 3),
    load: loadKind === 'concurrency' ? fc.integer({ min: 1, max: 64 }) : plausible(0.1, 100),
  });

export interface PointOptions {
  seriesKey: string;
  loadKind: 'concurrency' | 'requestRate';
  index: number;
  targetInputTokens: number | undefined;
  targetOutputTokens: number | undefined;
}

function buildPoint(raw: RawPoint, o: PointOptions): LoadPoint {
  const point: LoadPoint = {
    id: `${o.seriesKey}/${o.loadKind}-${raw.load}#${o.index}`,
    sources: [
      {
        path: `runs/${o.seriesKey}/${o.loadKind}${raw.load}/profile_export_genai_perf.json`,
        tool: 'genai-perf',
        format: 'genai-perf-json',
      },
    ],
    seriesKey: o.seriesKey,
    seriesName: `series ${o.seriesKey}`,
    load:
      o.loadKind === 'concurrency'
        ? { concurrency: raw.load, origin: 'file' }
        : { requestRate: raw.load, origin: 'path' },
    metadata: {},
    ttftMs: { ...raw.ttftMs },
    ttstMs: {},
    itlMs: { ...raw.itlMs },
    tpotMs: {},
    e2eMs: { ...raw.e2eMs },
    outputTokensPerSecondPerUser: { ...raw.tps },
    inputTokens: { ...raw.inputTokens },
    outputTokens: { ...raw.outputTokens },
    notes: [],
    derived: [],
  };
  if (o.targetInputTokens !== undefined) point.metadata.targetInputTokens = o.targetInputTokens;
  if (o.targetOutputTokens !== undefined) point.metadata.targetOutputTokens = o.targetOutputTokens;
  if (raw.outputTokensPerSecond !== undefined) point.outputTokensPerSecond = raw.outputTokensPerSecond;
  if (raw.requestsPerSecond !== undefined) point.requestsPerSecond = raw.requestsPerSecond;
  if (raw.inputTokensPerSecond !== undefined) point.inputTokensPerSecond = raw.inputTokensPerSecond;
  return point;
}

/**
 * Reorders each metric's values across the points so that they follow a realistic sweep: latencies and
 * throughput rise with load, tokens/s per user falls. Only values are moved; which stats are missing stays.
 */
function asSweep(points: LoadPoint[]): LoadPoint[] {
  const load = (p: LoadPoint): number => p.load.concurrency ?? p.load.requestRate ?? 0;
  const sorted = [...points].sort((a, b) => load(a) - load(b));
  const spread = (get: (p: LoadPoint) => Distribution, rising: boolean): void => {
    for (const stat of STAT_SUBSET) {
      const holders = sorted.filter((p) => get(p)[stat] !== undefined);
      const values = holders.map((p) => get(p)[stat] ?? 0).sort((a, b) => (rising ? a - b : b - a));
      holders.forEach((p, i) => {
        get(p)[stat] = values[i] ?? 0;
      });
    }
  };
  spread((p) => p.ttftMs, true);
  spread((p) => p.itlMs, true);
  spread((p) => p.e2eMs, true);
  spread((p) => p.outputTokensPerSecondPerUser, false);
  for (const key of ['requestsPerSecond', 'outputTokensPerSecond'] as const) {
    const holders = sorted.filter((p) => p[key] !== undefined);
    const values = holders.map((p) => p[key] ?? 0).sort((a, b) => a - b);
    holders.forEach((p, i) => {
      p[key] = values[i] ?? 0;
    });
  }
  return points;
}

export interface SeriesOptions {
  seriesKey?: string;
  minPoints?: number;
  maxPoints?: number;
  /** When true, every point reports every STAT_SUBSET stat of TTFT, ITL, E2E and tokens/s per user. */
  completeStats?: boolean;
  /**
   * `sweep`: metrics monotone in load as in a real sweep (latency and throughput rise, tokens/s per user
   * falls); `arbitrary`: no relation to load; `mixed` (default): either, half the time each.
   */
  shape?: 'sweep' | 'arbitrary' | 'mixed';
}

/**
 * The points of one series (one deployment configuration): `minPoints`–`maxPoints` load levels of one kind
 * (concurrency or request rate), in random order, duplicates of a load level possible.
 */
export function seriesPoints(options: SeriesOptions = {}): fc.Arbitrary<LoadPoint[]> {
  const { seriesKey = 's0', minPoints = 0, maxPoints = 8, completeStats = false, shape = 'mixed' } = options;
  return fc
    .record({
      loadKind: fc.constantFrom('concurrency' as const, 'requestRate' as const),
      targetInputTokens: optional(fc.integer({ min: 1, max: 8_000 }), 2),
      targetOutputTokens: optional(fc.integer({ min: 1, max: 4_000 }), 2),
      // Half the series look like real sweeps (metrics monotone in load), half are arbitrary.
      sweep: shape === 'mixed' ? fc.boolean() : fc.constant(shape === 'sweep'),
    })
    .chain(({ loadKind, targetInputTokens, targetOutputTokens, sweep }) =>
      fc
        .array(rawPoint(loadKind, completeStats ? null : 7), { minLength: minPoints, maxLength: maxPoints })
        .map((raws) => {
          const points = raws.map((raw, index) =>
            buildPoint(raw, { seriesKey, loadKind, index, targetInputTokens, targetOutputTokens }),
          );
          return sweep ? asSweep(points) : points;
        }),
    );
}

export const slaConstraint: fc.Arbitrary<SlaConstraint> = fc.constantFrom(...SLA_METRICS).chain((metric) =>
  fc.record({
    metric: fc.constant(metric),
    stat: fc.constantFrom<Stat>(...STAT_SUBSET),
    // Bounds are > 0 (validateScenario) and in the same range as the measured values.
    bound: plausible(METRIC_RANGE[metric].min, METRIC_RANGE[metric].max),
  }),
);

/** 0–3 constraints; the same metric may appear twice (with different stats or bounds). */
export const slaSet: fc.Arbitrary<SlaConstraint[]> = fc.array(slaConstraint, { minLength: 0, maxLength: 3 });

/** What to do with one constraint of an SLA set when loosening it. */
export interface LoosenOp {
  kind: 'keep' | 'loosen' | 'remove';
  /** For `loosen`: how far, in (0, 1]. */
  amount: number;
}

export const loosenOps: fc.Arbitrary<LoosenOp[]> = fc.array(
  fc.record({
    kind: fc.constantFrom<LoosenOp['kind']>('keep', 'loosen', 'loosen', 'remove'),
    amount: fc.oneof(fc.constantFrom(0.5, 1), fc.double({ min: 1e-6, max: 1, noNaN: true })),
  }),
  { minLength: 3, maxLength: 3 },
);

/**
 * A looser SLA: latency bounds raised, tokens/s-per-user bounds lowered (staying > 0), or constraints
 * removed. Each feasible point stays feasible under the result.
 */
export function loosen(sla: readonly SlaConstraint[], ops: readonly LoosenOp[]): SlaConstraint[] {
  const out: SlaConstraint[] = [];
  sla.forEach((c, i) => {
    const op = ops[i] ?? { kind: 'keep', amount: 0 };
    if (op.kind === 'remove') return;
    if (op.kind === 'keep') {
      out.push({ ...c });
      return;
    }
    const bound = isUpperBound(c.metric) ? c.bound * (1 + 3 * op.amount) : c.bound * (1 - 0.999 * op.amount);
    out.push({ ...c, bound });
  });
  return out;
}

export const demandUnit: fc.Arbitrary<DemandUnit> = fc.constantFrom(...DEMAND_UNITS);

/** Demands as validateScenario accepts them: peak ≥ 0, headroom 0–1000 %, spare ≥ 0, average/peak in (0, 1]. */
export const demand: fc.Arbitrary<Demand> = fc.record({
  unit: demandUnit,
  peak: fc.oneof({ weight: 1, arbitrary: fc.constant(0) }, { weight: 12, arbitrary: plausible(0.5, 100_000) }),
  headroomPercent: fc.oneof(fc.constantFrom(0, 10, 20, 50), plausible(0, 1_000)),
  spareInstances: fc.integer({ min: 0, max: 3 }),
  averageToPeak: fc.oneof(fc.constant(1), fc.double({ min: 0.01, max: 1, noNaN: true })),
});

export const gpuCount: fc.Arbitrary<number> = fc.oneof(fc.constantFrom(1, 2, 4, 8), fc.integer({ min: 1, max: 16 }));

const money = (max: number): fc.Arbitrary<number> =>
  fc.oneof({ weight: 1, arbitrary: fc.constant(0) }, { weight: 6, arbitrary: plausible(0, max) });

/** Hardware profiles as validateScenario accepts them (non-negative prices, pue 1–5, depreciation in (0, 50]). */
export function hardwareProfile(id = 'hw0'): fc.Arbitrary<HardwareProfile> {
  return fc.record({
    id: fc.constant(id),
    name: fc.constant(`hardware ${id}`),
    serverPriceUsd: money(1_000_000),
    gpusPerServer: gpuCount,
    depreciationYears: fc.oneof(fc.constantFrom(3, 4, 5), fc.double({ min: 0.5, max: 10, noNaN: true })),
    licence: fc.record({ usdPerYear: money(10_000), basis: fc.constantFrom('perGpu' as const, 'perServer' as const) }),
    hostingUsdPerServerYear: money(50_000),
    power: fc.option(fc.record({ serverKw: plausible(0, 15), pue: plausible(1, 2), usdPerKwh: money(0.5) }), {
      nil: null,
      freq: 3,
    }),
    cloudUsdPerGpuHour: fc.option(money(10), { nil: null, freq: 3 }),
  });
}

export const apiReference: fc.Arbitrary<ApiReference> = fc.record({
  usdPer1MInputTokens: money(20),
  usdPer1MOutputTokens: money(60),
});

/** Uptime fraction in (0, 1]. */
export const uptime: fc.Arbitrary<number> = fc.oneof(fc.constant(1), fc.double({ min: 0.05, max: 1, noNaN: true }));

/** A whole scenario with 1–3 hardware profiles, 0–2 per-series settings, and the points of 1–3 series. */
export const scenarioWithPoints: fc.Arbitrary<{ scenario: Scenario; points: LoadPoint[] }> = fc
  .record({
    hardware: fc
      .tuple(hardwareProfile('hw0'), fc.array(hardwareProfile('hw1'), { maxLength: 1 }))
      .map(([a, rest]) => [a, ...rest]),
    seriesCount: fc.integer({ min: 1, max: 3 }),
    sla: slaSet,
    demand,
    apiReference,
    uptime,
    interpolate: fc.boolean(),
    defaultGpus: gpuCount,
    settings: fc.array(
      fc.record({
        match: fc.constantFrom('s0', 's1', 's2'),
        gpusPerInstance: optional(gpuCount, 2),
        hardware: optional(fc.constantFrom('hw0', 'hw1', 'missing'), 2),
        hidden: optional(fc.boolean(), 2),
      }),
      { maxLength: 2 },
    ),
  })
  .chain((r) =>
    fc
      .tuple(
        ...Array.from({ length: r.seriesCount }, (_, i) =>
          seriesPoints({ seriesKey: `s${i}`, minPoints: 1, maxPoints: 6 }),
        ),
      )
      .map((groups) => {
        const series = r.settings.map((s): SeriesSettings => {
          const out: SeriesSettings = { match: s.match };
          if (s.gpusPerInstance !== undefined) out.gpusPerInstance = s.gpusPerInstance;
          if (s.hardware !== undefined) out.hardware = s.hardware;
          if (s.hidden !== undefined) out.hidden = s.hidden;
          return out;
        });
        const scenario: Scenario = {
          format: 'llm-tco-scenario',
          version: 1,
          sla: r.sla,
          slaRule: { kind: 'statistic' },
          demand: r.demand,
          hardware: r.hardware,
          apiReference: r.apiReference,
          currency: 'USD',
          defaults: { gpusPerInstance: r.defaultGpus, hardware: 'hw0' },
          series,
          uptime: r.uptime,
          interpolate: r.interpolate,
          view: { x: { metric: 'ttft', stat: 'avg' }, y: 'requestsPerSecondPerGpu', logX: false },
          points: [],
        };
        return { scenario, points: groups.flat() };
      }),
  );

/**
 * The value of a constraint's metric and stat on a point, read straight from the LoadPoint fields
 * (independent of the core's own accessor).
 */
export function metricOf(point: LoadPoint, metric: SlaMetric, stat: Stat): number | undefined {
  const dist = {
    ttft: point.ttftMs,
    itl: point.itlMs,
    tpot: point.tpotMs,
    e2e: point.e2eMs,
    tpsPerUser: point.outputTokensPerSecondPerUser,
  }[metric];
  return dist[stat];
}

/** Does `value` meet the constraint, allowing a relative slack `rel` (0 = exact)? */
export function meets(value: number, c: SlaConstraint, rel = 0): boolean {
  const slack = rel * Math.max(Math.abs(value), Math.abs(c.bound));
  return isUpperBound(c.metric) ? value <= c.bound + slack : value >= c.bound - slack;
}

/** Oracle for docs/method.md §Feasibility: every constraint present on the point and met (exactly). */
export function feasibleOracle(point: LoadPoint, sla: readonly SlaConstraint[]): boolean {
  return sla.every((c) => {
    const v = metricOf(point, c.metric, c.stat);
    return v !== undefined && meets(v, c);
  });
}

/** Oracle for docs/method.md §Operating point: capacity per instance in the demand's unit (Little's law for rates). */
export function capacityOracle(point: LoadPoint, unit: DemandUnit): number | undefined {
  if (unit === 'requestsPerSecond') return point.requestsPerSecond;
  if (unit === 'outputTokensPerSecond') return point.outputTokensPerSecond;
  if (point.load.concurrency !== undefined) return point.load.concurrency;
  const e2e = point.e2eMs.avg;
  return point.requestsPerSecond === undefined || e2e === undefined
    ? undefined
    : (point.requestsPerSecond * e2e) / 1000;
}

/** |actual − expected| ≤ rel × max(|actual|, |expected|), or both within `abs` of each other. */
export function relClose(actual: number, expected: number, rel = 1e-9, abs = 1e-12): boolean {
  return Math.abs(actual - expected) <= Math.max(abs, rel * Math.max(Math.abs(actual), Math.abs(expected)));
}
