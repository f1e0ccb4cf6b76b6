/**
 * The report as CSV (docs/cli.md §CSV output): one row per series, fields flattened to dotted header names
 * (`sizing.servers`, `cost.fleetYearUsd`, `operatingPoint.ttftMs.p99`). Lists are joined with "; ".
 * Cells that a spreadsheet would run as a formula are escaped (export/csvTables.ts); numbers stay numbers.
 */
import { toCsv } from '../export/csvTables.ts';
import type { Report } from './reportJson.ts';

type Cell = string | number | boolean | null;

/** Flattens nested objects into `prefix.key` → value; arrays of scalars become one "; "-joined cell. */
export function flatten(value: unknown, prefix = '', out: Map<string, Cell> = new Map()): Map<string, Cell> {
  if (value === null || value === undefined) {
    out.set(prefix, null);
  } else if (Array.isArray(value)) {
    out.set(prefix, value.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))).join('; '));
  } else if (typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) flatten(inner, prefix === '' ? key : `${prefix}.${key}`, out);
  } else if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') {
    out.set(prefix, value);
  }
  return out;
}

/** Rows of flat records → CSV text; headers are the leading ones, then the union of keys in first-seen order. */
export function recordsToCsv(
  records: ReadonlyArray<Map<string, Cell>>,
  leadingHeaders: readonly string[] = [],
): string {
  const headers: string[] = [...leadingHeaders];
  const seen = new Set<string>(leadingHeaders);
  for (const record of records) {
    for (const key of record.keys()) {
      if (!seen.has(key)) {
        seen.add(key);
        headers.push(key);
      }
    }
  }
  return toCsv(
    headers,
    records.map((r) => headers.map((h) => r.get(h) ?? null)),
  );
}

/** Column order of the fixed fields, so a series without sizing still has every column (empty). */
const SIZING_FIELDS = [
  'capacityPerInstance',
  'instancesExact',
  'instances',
  'gpus',
  'serversExact',
  'servers',
] as const;
const COST_FIELDS = [
  'serverYearUsd',
  'fleetYearUsd',
  'fleetYearExactUsd',
  'capexUsd',
  'lifetimeUsd',
  'costPer1kRequestsUsd',
  'costPer1kRequestsExactUsd',
  'costPer1MTokensUsd',
  'costPer1MInputTokensUsd',
  'costPer1MOutputTokensUsd',
  'costPer1MOutputTokensOnlyUsd',
  'demandCostPer1kRequestsUsd',
  'demandCostPer1MTokensUsd',
  'cloudYearUsd',
  'cloudPer1kRequestsUsd',
  'cloudPer1MTokensUsd',
  'breakEvenMonthsVsCloud',
  'apiPer1kRequestsUsd',
  'apiYearUsd',
  'cheapestOption',
] as const;
const POINT_FIELDS = [
  'concurrency',
  'requestRate',
  'requestsPerSecond',
  'outputTokensPerSecond',
  'inputTokens',
  'outputTokens',
  'interpolated',
] as const;

export function reportCsv(report: Report): string {
  const leading = [
    ...['name', 'sources', 'gpusPerInstance', 'hardware', 'meetsSla', 'reason'],
    ...POINT_FIELDS.map((k) => `operatingPoint.${k}`),
    ...SIZING_FIELDS.map((k) => `sizing.${k}`),
    ...COST_FIELDS.map((k) => `cost.${k}`),
  ];
  const rows = report.series.map(({ unavailable: _reasons, operatingPoint, sizing, cost, notes, ...rest }) => {
    // `unavailable` is a map of reasons, not one value per series: it stays in the JSON output only.
    const row = flatten(rest);
    if (operatingPoint) flatten(operatingPoint, 'operatingPoint', row);
    if (sizing) flatten(sizing, 'sizing', row);
    if (cost) flatten(cost, 'cost', row);
    row.set('notes', notes.join(' '));
    return row;
  });
  return recordsToCsv(rows, leading);
}
