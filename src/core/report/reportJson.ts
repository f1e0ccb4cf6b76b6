/**
 * The headless report (docs/cli.md §JSON output): field names are the contract. Numbers are plain JSON
 * numbers at full precision; anything not computable is `null`, with the reason under `unavailable`.
 */
import type { Distribution, FileError } from '../model/benchmark.ts';
import type { Maybe } from '../tco/tco.ts';
import type { SeriesResult } from './seriesResult.ts';
import { cheapestSeriesKey } from './seriesResult.ts';

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
}

export interface Report {
  series: ReportSeries[];
  /** Name of the series with the lowest yearly fleet cost, or null. */
  cheapest: string | null;
  errors: FileError[];
  skipped: FileError[];
}

export function buildReport(results: readonly SeriesResult[], errors: readonly FileError[], skipped: readonly FileError[]): Report {
  const cheapestKey = cheapestSeriesKey(results);
  return {
    series: results.map(reportSeries),
    cheapest: results.find((r) => r.series.key === cheapestKey)?.series.name ?? null,
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
  return {
    name: series.name,
    sources: series.sources,
    gpusPerInstance: series.gpusPerInstance,
    hardware: series.hardware.id,
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
  };
}
