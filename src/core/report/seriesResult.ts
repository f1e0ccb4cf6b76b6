/**
 * The whole chain for one series: operating point → sizing → costs (docs/method.md). Every quantity that
 * cannot be computed carries the reason instead of a number.
 */
import type { OperatingPointResult } from '../analysis/operatingPoint.ts';
import { derivedConstraintNotes } from '../analysis/metrics.ts';
import { pickOperatingPoint } from '../analysis/operatingPoint.ts';
import type { ResolvedSeries } from '../analysis/series.ts';
import { resolveSeries } from '../analysis/series.ts';
import type { LoadPoint } from '../model/benchmark.ts';
import type { HardwareProfile, Scenario, SlaConstraint } from '../model/scenario.ts';
import type { Sizing } from '../sizing/sizeDeployment.ts';
import { sizeDeployment } from '../sizing/sizeDeployment.ts';
import type { Costs } from '../tco/tco.ts';
import { computeCosts } from '../tco/tco.ts';

/** The scenario fields an operating point depends on: the SLA, how it is applied, and the capacity's unit. */
export type PickScenario = Pick<Scenario, 'sla' | 'interpolate'> &
  Partial<Pick<Scenario, 'slaRule'>> & {
    demand: Pick<Scenario['demand'], 'unit'>;
  };

/**
 * The scenario fields sizing and costs depend on, once the operating point is known: the demand, the server types'
 * prices (joined here by the series' hardware id), the hosted API's prices and the uptime.
 */
export type CostScenario = Pick<Scenario, 'demand' | 'apiReference' | 'uptime' | 'hardware'> & {
  /** The constrained metrics and statistics (bounds are not needed here): a verdict on a derived value says so. */
  sla?: readonly Pick<SlaConstraint, 'metric' | 'stat'>[];
};

/** Everything the per-series chain depends on (so callers can memoise on exactly these). */
export type ResultScenario = PickScenario & CostScenario;

export interface SeriesResult {
  series: ResolvedSeries;
  /** The server type the series runs on, with the prices the costs were computed from. */
  hardware: HardwareProfile;
  pick: OperatingPointResult;
  sizing: Sizing | null;
  costs: Costs | null;
  /** Mean request shape used for token costs, and whether it came from the configured target. */
  meanInputTokens: number | undefined;
  meanOutputTokens: number | undefined;
  /** Why sizing/costs are missing, when they are. */
  reason: string | null;
  notes: string[];
}

/** The series' operating point: depends on its points and the SLA only, never on prices (operatingPoint.ts). */
export function seriesOperatingPoint(
  series: Pick<ResolvedSeries, 'points'>,
  scenario: PickScenario,
): OperatingPointResult {
  const options = { interpolate: scenario.interpolate, ...(scenario.slaRule ? { rule: scenario.slaRule } : {}) };
  return pickOperatingPoint(series.points, scenario.sla, scenario.demand.unit, options);
}

/** The server type of a series: its hardware id looked up among the scenario's (resolveSeries gives only these). */
export function hardwareOf(
  series: Pick<ResolvedSeries, 'hardwareId'>,
  hardware: readonly HardwareProfile[],
): HardwareProfile {
  const profile = hardware.find((h) => h.id === series.hardwareId);
  if (!profile) throw new Error(`no server type "${series.hardwareId}" among the scenario's`);
  return profile;
}

/** The whole chain for one series: operating point → sizing → costs. */
export function computeSeriesResult(series: ResolvedSeries, scenario: ResultScenario): SeriesResult {
  return resultAtOperatingPoint(series, seriesOperatingPoint(series, scenario), scenario);
}

/** Sizing and costs at an operating point already picked (the cost step: prices enter here and only here). */
export function resultAtOperatingPoint(
  series: ResolvedSeries,
  pick: OperatingPointResult,
  scenario: CostScenario,
): SeriesResult {
  const hardware = hardwareOf(series, scenario.hardware);
  const none = { sizing: null, costs: null, meanInputTokens: undefined, meanOutputTokens: undefined };
  // A verdict on a derived value says so, whether the SLA is met or not (the same notes in the table, JSON and CSV).
  const derivedNotes = derivedConstraintNotes(series.points, scenario.sla ?? []);
  const base = { series, hardware, pick, ...none, notes: derivedNotes };
  if (!pick.meetsSla)
    return { ...base, reason: `${pick.notInFiles ? 'SLA not checkable' : 'cannot meet the SLA'}: ${pick.reason}` };

  const { point, capacity } = pick.operatingPoint;
  if (!(capacity.value > 0))
    return { ...base, reason: 'the capacity at the operating point is 0, so no number of instances serves the demand' };
  const notes: string[] = [...derivedNotes];
  if (capacity.derived)
    notes.push("Capacity in concurrent requests derived by Little's law: requests/s × mean E2E latency.");

  const sizing = sizeDeployment({
    demand: scenario.demand,
    capacityPerInstance: capacity.value,
    gpusPerInstance: series.gpusPerInstance,
    gpusPerServer: hardware.gpusPerServer,
  });

  const meanInputTokens = meanTokens(
    'input',
    point.inputTokens.avg,
    series.typedInputTokens,
    point.metadata.targetInputTokens,
    notes,
  );
  const meanOutputTokens = meanTokens(
    'output',
    point.outputTokens.avg,
    series.typedOutputTokens,
    point.metadata.targetOutputTokens,
    notes,
  );

  // Average traffic in requests/s: the demand's average in its own unit, converted at the operating point's
  // ratio of requests/s to capacity (1 for requests/s, 1/OSL-ish for tokens/s, 1/latency for concurrency).
  const averageDemand = scenario.demand.peak * scenario.demand.averageToPeak;
  const averageRequestsPerSecond =
    point.requestsPerSecond === undefined ? undefined : (averageDemand * point.requestsPerSecond) / capacity.value;

  const costs = computeCosts({
    sizing,
    hardware,
    throughput: {
      requestsPerSecond: point.requestsPerSecond,
      outputTokensPerSecond: point.outputTokensPerSecond,
      meanInputTokens,
      meanOutputTokens,
    },
    api: scenario.apiReference,
    uptime: scenario.uptime,
    averageRequestsPerSecond,
  });
  return { series, hardware, pick, sizing, costs, meanInputTokens, meanOutputTokens, reason: null, notes };
}

/**
 * The mean sequence length the per-token costs use: measured at the operating point, else typed by the user for
 * the series, else the length the benchmark was configured to send. Which one is said in `notes`.
 */
function meanTokens(
  kind: 'input' | 'output',
  measured: number | undefined,
  typed: number | undefined,
  configured: number | undefined,
  notes: string[],
): number | undefined {
  if (measured !== undefined) return measured;
  if (typed !== undefined) {
    notes.push(`Mean ${kind} length ${typed} tokens as typed for this series: the file has no measured mean.`);
    return typed;
  }
  if (configured !== undefined) {
    notes.push(
      `Mean ${kind} length taken from the configured ${kind === 'input' ? 'ISL' : 'OSL'}: ` +
        'the file has no measured mean.',
    );
  }
  return configured;
}

/** Every visible series' result, in series order. */
export function computeResults(points: readonly LoadPoint[], scenario: Scenario): SeriesResult[] {
  return resolveSeries(points, scenario)
    .filter((s) => !s.hidden)
    .map((s) => computeSeriesResult(s, scenario));
}

/**
 * The series with the lowest yearly fleet cost for the same demand; at equal fleet cost, the lower capacity
 * cost per 1K requests. Null when nothing can be sized, or when the best two cannot be told apart (zero
 * demand: every fleet is empty), so no badge is handed out at random.
 */
export function cheapestSeriesKey(results: readonly SeriesResult[]): string | null {
  const priced = results
    .filter((r) => r.costs !== null)
    .map((r) => ({
      key: r.series.key,
      fleet: r.costs?.fleetYearUsd ?? Infinity,
      perRequest: r.costs?.costPer1kRequestsUsd.value ?? Infinity,
    }))
    .sort((a, b) => a.fleet - b.fleet || a.perRequest - b.perRequest);
  const [best, second] = priced;
  if (!best) return null;
  if (second && second.fleet === best.fleet && second.perRequest === best.perRequest) return null;
  return best.key;
}
