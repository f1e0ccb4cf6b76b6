/**
 * Everything the user chooses (docs/scenario.md). A scenario plus the loaded points reproduces a view.
 */
import type { ColumnMapping } from '../parsers/mapped/mapping.ts';
import type { LoadPoint, Stat } from './benchmark.ts';

export const SLA_METRICS = ['ttft', 'itl', 'tpot', 'e2e', 'tpsPerUser'] as const;
/**
 * `ttft`, `itl`, `tpot`, `e2e` are latencies (upper bounds, ms); `tpsPerUser` is output tokens/s per user
 * (lower bound).
 */
export type SlaMetric = (typeof SLA_METRICS)[number];

export interface SlaConstraint {
  metric: SlaMetric;
  stat: Stat;
  /** ms for latencies (value must be ≤ bound); tokens/s for `tpsPerUser` (value must be ≥ bound). */
  bound: number;
}

/**
 * How a load level qualifies (docs/method.md §Feasibility, §Goodput rule):
 * - `statistic`: every constraint holds on the point's statistic (its avg, p99 …), the default;
 * - `goodput`: at least `minPercent` % of the level's requests (failed ones counted, as not good) each meet every
 *   constraint on their own values. Needs per-request data; a level without it is unknown, never feasible.
 */
export type SlaRule = { kind: 'statistic' } | { kind: 'goodput'; minPercent: number };
export const SLA_RULE_KINDS = ['statistic', 'goodput'] as const;

export const DEMAND_UNITS = ['requestsPerSecond', 'concurrentRequests', 'outputTokensPerSecond'] as const;
export type DemandUnit = (typeof DEMAND_UNITS)[number];

export interface Demand {
  unit: DemandUnit;
  /** Planned peak, in `unit`. */
  peak: number;
  /** Extra capacity on top of the peak, percent (20 → size for 1.2 × peak). */
  headroomPercent: number;
  /** Instances added after rounding (N+k redundancy). */
  spareInstances: number;
  /** Average traffic ÷ peak traffic, in (0, 1]: used for the demand-based cost (docs/method.md §Demand cost). */
  averageToPeak: number;
}

export const LICENCE_BASES = ['perGpu', 'perServer'] as const;
export type LicenceBasis = (typeof LICENCE_BASES)[number];

export interface PowerCost {
  /** Average electrical draw of one server, kW. */
  serverKw: number;
  /** Power usage effectiveness of the facility (≥ 1). */
  pue: number;
  usdPerKwh: number;
}

/** A server type and its prices. Presets are examples to edit, never quotes. */
export interface HardwareProfile {
  id: string;
  name: string;
  serverPriceUsd: number;
  gpusPerServer: number;
  depreciationYears: number;
  licence: { usdPerYear: number; basis: LicenceBasis };
  hostingUsdPerServerYear: number;
  power: PowerCost | null;
  cloudUsdPerGpuHour: number | null;
}

/** A hosted API's list prices, used for the input/output split and as an alternative. */
export interface ApiReference {
  usdPer1MInputTokens: number;
  usdPer1MOutputTokens: number;
}

export const Y_AXES = [
  'requestsPerSecond',
  'requestsPerSecondPerGpu',
  'outputTokensPerSecond',
  'outputTokensPerSecondPerGpu',
] as const;
export type YAxis = (typeof Y_AXES)[number];

export interface ChartView {
  x: { metric: SlaMetric; stat: Stat };
  y: YAxis;
  logX: boolean;
  /**
   * Pick linear or log for the x axis from the data (log when the plotted values span more than 20×) until
   * the user ticks or unticks "Log x"; then `logX` rules. Absent = false (files saved before it kept `logX`).
   */
  logXAuto?: boolean;
}

/**
 * The cost configurations are ranked by (within one workload); ties fall back to fleet cost, then cost per 1K
 * requests.
 */
export const RANK_METRICS = ['fleetYearUsd', 'costPer1kRequestsUsd', 'costPer1MTokensUsd'] as const;
export type RankMetric = (typeof RANK_METRICS)[number];

/** Per-series settings; `match` selects series whose name or a source path contains it (first entry wins). */
export interface SeriesSettings {
  match: string;
  name?: string;
  gpusPerInstance?: number;
  hardware?: string;
  hidden?: boolean;
  /** Merge: the matched series joins the series with this key (one configuration measured in two folders). */
  mergeInto?: string;
  /**
   * Mean input / output tokens per request, typed by the user for files that do not report them (e.g.
   * `genai-perf analyze` CSVs): used for the per-token costs when the operating point has no measured mean.
   */
  inputTokens?: number;
  outputTokens?: number;
}

/** A LoadPoint embedded in a scenario file, tagged with the series it belongs to. */
export type EmbeddedPoint = LoadPoint & { series: string };

export interface Scenario {
  format: 'llm-tco-scenario';
  version: 1;
  sla: SlaConstraint[];
  /** Default `{kind: "statistic"}`. */
  slaRule: SlaRule;
  demand: Demand;
  hardware: HardwareProfile[];
  apiReference: ApiReference;
  /**
   * ISO 4217 code of every amount (prices and results), USD by default. Amounts are plain numbers in this
   * currency; field names say `Usd` as docs/scenario.md names them.
   */
  currency: string;
  defaults: { gpusPerInstance: number; hardware: string };
  series: SeriesSettings[];
  /** Fraction of the year the fleet serves traffic, in (0, 1]. */
  uptime: number;
  /** Estimate the operating point between measured load levels (docs/method.md §Interpolation); off by default. */
  interpolate: boolean;
  view: ChartView;
  /** The user's column mappings for files no built-in parser reads (absent when there are none). */
  mappings?: ColumnMapping[];
  points: EmbeddedPoint[];
  /**
   * Compare every configuration with every other, as one workload, even when their models or mean ISL/OSL
   * differ (by default only configurations of the same model with ISL and OSL within ±10 % are compared).
   * Absent = false.
   */
  comparableWorkloads?: boolean;
  /** The cost the ranking, the Cheapest badge and the recommendation go by. Absent = `fleetYearUsd`. */
  rankBy?: RankMetric;
}
// Fields a scenario file has that this version does not know are kept on the object as they were
// (validateScenario copies them through) and ignored; they are deliberately not in the type.
