/**
 * The headless report (docs/cli.md §JSON output): field names are the contract. Numbers are plain JSON
 * numbers at full precision; anything not computable is `null`, with the reason under `unavailable`.
 */
import type { Distribution, FileError } from '../model/benchmark.ts';
import type { Maybe } from '../tco/tco.ts';
import { rankResults } from './recommendation.ts';
import type { SeriesResult } from './seriesResult.ts';
import { groupWorkloads, seriesWorkload } from './workloads.ts';

export interface ReportOperatingPoint {
  concurrency: number | null;
  requestRate: number | null;
  requestsPerSecond: number | null;
  outputTokensPerSecond: number | null;
  ttftMs: Distribution;
  itlMs: Distribution;
  tpotMs: Distribution;
  e2eMs: Distribution;
  outputTokensPerSecondPerUser: Distribution;
  inputTokens: number | null;
  outputTokens: number | null;
  interpolated: boolean;
  sources: string[];
}

export interface ReportSizing {
  capacityPerInstance: number;
  instancesExact: number;
  instances: number;
  gpus: number;
  serversExact: number;
  servers: number;
}

export interface ReportCost {
  serverYearUsd: number;
  fleetYearUsd: number;
  fleetYearExactUsd: number;
  capexUsd: number;
  lifetimeUsd: number;
  costPer1kRequestsUsd: number | null;
  costPer1kRequestsExactUsd: number | null;
  costPer1MTokensUsd: number | null;
  costPer1MInputTokensUsd: number | null;
  costPer1MOutputTokensUsd: number | null;
  costPer1MOutputTokensOnlyUsd: number | null;
  demandCostPer1kRequestsUsd: number | null;
  demandCostPer1MTokensUsd: number | null;
  cloudYearUsd: number | null;
  cloudPer1kRequestsUsd: number | null;
  cloudPer1MTokensUsd: number | null;
  breakEvenMonthsVsCloud: number | null;
  apiPer1kRequestsUsd: number | null;
  apiYearUsd: number | null;
  cheapestOption: 'onPrem' | 'cloud' | 'api';
}

export interface ReportSeries {
  name: string;
  sources: string[];
  gpusPerInstance: number;
  hardware: string;
  meetsSla: boolean;
  /** Why the series has no sizing or cost, or null. */
  reason: string | null;
  operatingPoint: ReportOperatingPoint | null;
  sizing: ReportSizing | null;
  cost: ReportCost | null;
  /** field → why it is null. */
  unavailable: Record<string, string>;
  notes: string[];
  /** What the series serves: compared (cheapest) only with series of the same workload. */
  workload: { model: string | null; meanInputTokens: number | null; meanOutputTokens: number | null };
}

export interface Report {
  series: ReportSeries[];
  /**
   * Name of the series with the lowest yearly fleet cost (then cost per 1K requests), or null: on a full tie,
   * when nothing is priced, or when the series serve more than one workload (then see `cheapestByWorkload`).
   */
  cheapest: string | null;
  /** Per workload (same model, mean ISL and OSL within ±10 %): its series and its cheapest, as above. */
  cheapestByWorkload: Array<{ workload: string; series: string[]; cheapest: string | null }>;
  errors: FileError[];
  skipped: FileError[];
}

export function buildReport(
  results: readonly SeriesResult[],
  errors: readonly FileError[],
  skipped: readonly FileError[],
  options: { comparableWorkloads?: boolean } = {},
): Report {
  const groups = groupWorkloads(
    results.map((r) => r.series),
    options.comparableWorkloads ?? false,
  );
  const cheapestByWorkload = groups.map((group) => {
    const { ranked } = rankResults(
      results.filter((r) => group.seriesKeys.includes(r.series.key)),
      'fleetYearUsd',
    );
    const tie = ranked.length > 1 && ranked[1]!.rank === ranked[0]!.rank;
    const names = results.filter((r) => group.seriesKeys.includes(r.series.key)).map((r) => r.series.name);
    return { workload: group.label, series: names, cheapest: tie ? null : (ranked[0]?.result.series.name ?? null) };
  });
  return {
    series: results.map(reportSeries),
    cheapest: cheapestByWorkload.length === 1 ? (cheapestByWorkload[0]?.cheapest ?? null) : null,
    cheapestByWorkload,
    errors: [...errors],
    skipped: [...skipped],
  };
}

function reportSeries(result: SeriesResult): ReportSeries {
  const { series, pick, sizing, costs } = result;
  const unavailable: Record<string, string> = {};
  const op = pick.meetsSla ? pick.operatingPoint : null;
  const maybe = (field: string, value: Maybe): number | null => {
    if (value.value === null) unavailable[`cost.${field}`] = value.reason;
    return value.value;
  };
  const point = op?.point;
  const workload = seriesWorkload(series);
  return {
    name: series.name,
    sources: series.sources,
    gpusPerInstance: series.gpusPerInstance,
    hardware: series.hardwareId,
    meetsSla: pick.meetsSla,
    reason: result.reason,
    operatingPoint: point
      ? {
          concurrency: point.load.concurrency ?? null,
          requestRate: point.load.requestRate ?? null,
          requestsPerSecond: point.requestsPerSecond ?? null,
          outputTokensPerSecond: point.outputTokensPerSecond ?? null,
          ttftMs: point.ttftMs,
          itlMs: point.itlMs,
          tpotMs: point.tpotMs,
          e2eMs: point.e2eMs,
          outputTokensPerSecondPerUser: point.outputTokensPerSecondPerUser,
          inputTokens: result.meanInputTokens ?? null,
          outputTokens: result.meanOutputTokens ?? null,
          interpolated: op?.interpolated ?? false,
          sources: point.sources.map((s) => s.path),
        }
      : null,
    sizing: sizing
      ? {
          capacityPerInstance: sizing.capacityPerInstance,
          instancesExact: sizing.instancesExact,
          instances: sizing.instances,
          gpus: sizing.gpus,
          serversExact: sizing.serversExact,
          servers: sizing.servers,
        }
      : null,
    cost: costs
      ? {
          serverYearUsd: costs.serverYear.totalUsd,
          fleetYearUsd: costs.fleetYearUsd,
          fleetYearExactUsd: costs.fleetYearExactUsd,
          capexUsd: costs.capexUsd,
          lifetimeUsd: costs.lifetimeUsd,
          costPer1kRequestsUsd: maybe('costPer1kRequestsUsd', costs.costPer1kRequestsUsd),
          costPer1kRequestsExactUsd: maybe('costPer1kRequestsExactUsd', costs.costPer1kRequestsExactUsd),
          costPer1MTokensUsd: maybe('costPer1MTokensUsd', costs.costPer1MTokensUsd),
          costPer1MInputTokensUsd: maybe('costPer1MInputTokensUsd', costs.costPer1MInputTokensUsd),
          costPer1MOutputTokensUsd: maybe('costPer1MOutputTokensUsd', costs.costPer1MOutputTokensUsd),
          costPer1MOutputTokensOnlyUsd: maybe('costPer1MOutputTokensOnlyUsd', costs.costPer1MOutputTokensOnlyUsd),
          demandCostPer1kRequestsUsd: maybe('demandCostPer1kRequestsUsd', costs.demandCostPer1kRequestsUsd),
          demandCostPer1MTokensUsd: maybe('demandCostPer1MTokensUsd', costs.demandCostPer1MTokensUsd),
          cloudYearUsd: maybe('cloudYearUsd', costs.cloudYearUsd),
          cloudPer1kRequestsUsd: maybe('cloudPer1kRequestsUsd', costs.cloudPer1kRequestsUsd),
          cloudPer1MTokensUsd: maybe('cloudPer1MTokensUsd', costs.cloudPer1MTokensUsd),
          breakEvenMonthsVsCloud: maybe('breakEvenMonthsVsCloud', costs.breakEvenMonthsVsCloud),
          apiPer1kRequestsUsd: maybe('apiPer1kRequestsUsd', costs.apiPer1kRequestsUsd),
          apiYearUsd: maybe('apiYearUsd', costs.apiYearUsd),
          cheapestOption: costs.cheapestOption,
        }
      : null,
    unavailable,
    notes: [...result.notes, ...(point?.notes ?? [])],
    workload: {
      model: workload.model ?? null,
      meanInputTokens: workload.meanInputTokens ?? null,
      meanOutputTokens: workload.meanOutputTokens ?? null,
    },
  };
}
