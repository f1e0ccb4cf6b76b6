/**
 * The tables users take into a spreadsheet (docs/architecture.md §Exports): the sizing & cost table (one row per
 * series, units in the headers, exact and rounded counts, every cost figure, the assumptions in trailing columns).
 * The normalised points table is `report/pointsReport.ts`. Written with papaparse; cells a spreadsheet would run
 * as a formula are escaped, numbers stay numbers.
 */
import Papa from 'papaparse';
import type { Scenario } from '../model/scenario.ts';
import type { SeriesResult } from '../report/seriesResult.ts';
import { assumptionColumns } from './assumptions.ts';

export type Cell = string | number | boolean | null;

/**
 * Text cells starting with = + - @ tab, CR or NUL are prefixed with ' (OWASP's CSV-injection list; papaparse's
 * default misses NUL). Only strings are touched: a negative number stays a number.
 */
export const FORMULA_TRIGGER = /^[=+\-@\t\r\0]/;

export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly Cell[]>): string {
  return Papa.unparse(
    { fields: [...header], data: rows.map((r) => [...r]) },
    { escapeFormulae: FORMULA_TRIGGER, newline: '\r\n' },
  );
}

const RESULT_COLUMNS: ReadonlyArray<[string, (r: SeriesResult) => Cell]> = [
  ['configuration', (r) => r.series.name],
  ['hardware', (r) => r.hardware.name],
  ['GPUs per instance', (r) => r.series.gpusPerInstance],
  ['meets SLA', (r) => r.pick.meetsSla],
  ['reason', (r) => r.reason],
  [
    'operating point: concurrency',
    (r) => (r.pick.meetsSla ? (r.pick.operatingPoint.point.load.concurrency ?? null) : null),
  ],
  [
    'operating point: request rate (req/s)',
    (r) => (r.pick.meetsSla ? (r.pick.operatingPoint.point.load.requestRate ?? null) : null),
  ],
  ['operating point is an estimate', (r) => (r.pick.meetsSla ? r.pick.operatingPoint.interpolated : null)],
  ['capacity per instance (demand unit)', (r) => r.sizing?.capacityPerInstance ?? null],
  [
    'throughput per instance (req/s)',
    (r) => (r.pick.meetsSla ? (r.pick.operatingPoint.point.requestsPerSecond ?? null) : null),
  ],
  [
    'output throughput per instance (tok/s)',
    (r) => (r.pick.meetsSla ? (r.pick.operatingPoint.point.outputTokensPerSecond ?? null) : null),
  ],
  ['mean input tokens', (r) => r.meanInputTokens ?? null],
  ['mean output tokens', (r) => r.meanOutputTokens ?? null],
  ['instances (exact)', (r) => r.sizing?.instancesExact ?? null],
  ['instances', (r) => r.sizing?.instances ?? null],
  ['GPUs', (r) => r.sizing?.gpus ?? null],
  ['servers (exact)', (r) => r.sizing?.serversExact ?? null],
  ['servers', (r) => r.sizing?.servers ?? null],
  ['server cost per year (USD)', (r) => r.costs?.serverYear.totalUsd ?? null],
  ['fleet cost per year (USD)', (r) => r.costs?.fleetYearUsd ?? null],
  ['fleet cost per year, exact servers (USD)', (r) => r.costs?.fleetYearExactUsd ?? null],
  ['capex (USD)', (r) => r.costs?.capexUsd ?? null],
  ['cost per 1K requests (USD)', (r) => r.costs?.costPer1kRequestsUsd.value ?? null],
  ['cost per 1M tokens (USD)', (r) => r.costs?.costPer1MTokensUsd.value ?? null],
  ['cost per 1M input tokens (USD)', (r) => r.costs?.costPer1MInputTokensUsd.value ?? null],
  ['cost per 1M output tokens (USD)', (r) => r.costs?.costPer1MOutputTokensUsd.value ?? null],
  ['cost per 1M output tokens, all cost on output (USD)', (r) => r.costs?.costPer1MOutputTokensOnlyUsd.value ?? null],
  ['demand cost per 1K requests (USD)', (r) => r.costs?.demandCostPer1kRequestsUsd.value ?? null],
  ['demand cost per 1M tokens (USD)', (r) => r.costs?.demandCostPer1MTokensUsd.value ?? null],
  ['cloud rental per year (USD)', (r) => r.costs?.cloudYearUsd.value ?? null],
  ['hosted API per year at average traffic (USD)', (r) => r.costs?.apiYearUsd.value ?? null],
  ['break-even vs cloud (months)', (r) => r.costs?.breakEvenMonthsVsCloud.value ?? null],
  ['cheapest option', (r) => r.costs?.cheapestOption ?? null],
  ['server price (USD)', (r) => r.hardware.serverPriceUsd],
  ['GPUs per server', (r) => r.hardware.gpusPerServer],
  ['depreciation (years)', (r) => r.hardware.depreciationYears],
  ['licence (USD per year)', (r) => r.hardware.licence.usdPerYear],
  ['licence basis', (r) => r.hardware.licence.basis],
  ['hosting (USD per server-year)', (r) => r.hardware.hostingUsdPerServerYear],
  ['power (kW per server)', (r) => r.hardware.power?.serverKw ?? null],
  ['PUE', (r) => r.hardware.power?.pue ?? null],
  ['electricity (USD per kWh)', (r) => r.hardware.power?.usdPerKwh ?? null],
  ['cloud (USD per GPU-hour)', (r) => r.hardware.cloudUsdPerGpuHour],
];

export function resultsCsv(results: readonly SeriesResult[], settings: Omit<Scenario, 'points'>): string {
  const assumptions = assumptionColumns(settings);
  // Amounts are in the scenario's currency: the headers say which.
  const header = [...RESULT_COLUMNS.map(([name]) => name), ...assumptions.map(([name]) => name)].map((name) =>
    name.replaceAll('USD', settings.currency),
  );
  const rows = results.map((r) => [
    ...RESULT_COLUMNS.map(([, get]) => get(r)),
    ...assumptions.map(([, value]) => value),
  ]);
  return toCsv(header, rows);
}
