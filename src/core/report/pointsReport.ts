/**
 * The normalised points as records (docs/cli.md "Points output"): what the chart plots, one record per load
 * level, whatever tool wrote the file. The CLI prints them (`tco --points`, JSON or CSV) and the page's
 * "Download points CSV" writes the same CSV, so any tool's files can be turned into one table.
 */
import type { ResolvedSeries } from '../analysis/series.ts';
import type { Distribution, LoadPoint, Stat, ToolId } from '../model/benchmark.ts';
import { STATS, compareStats } from '../model/benchmark.ts';
import type { SlaConstraint, SlaMetric } from '../model/scenario.ts';
import type { PreparedSla } from '../analysis/goodput.ts';
import { pointGoodput, prepareSla } from '../analysis/goodput.ts';
import { SLA_METRIC_FIELD, slaMetricValue } from '../analysis/metrics.ts';
import type { Cell } from '../export/csvTables.ts';
import { toCsv } from '../export/csvTables.ts';

export interface PointRecord {
  /** The series (configuration) name, as the page shows it. */
  series: string;
  seriesKey: string;
  sources: string[];
  tool: ToolId;
  /** Layouts of the files merged into this point, e.g. `aiperf-json`; several when a run's JSON and CSV merged. */
  format: string;
  toolVersion: string | null;
  concurrency: number | null;
  /** The offered rate of an open-loop run; the measured one is `requestsPerSecond`. */
  requestRate: number | null;
  /** An open-loop run with no rate limit (`request_rate: inf`). */
  saturation: boolean;
  /** Where the load level came from: the file, its folder or file name, or the user. */
  loadFrom: 'file' | 'path' | 'user';
  gpusPerInstance: number;
  requestsPerSecond: number | null;
  outputTokensPerSecond: number | null;
  inputTokensPerSecond: number | null;
  ttftMs: Distribution;
  ttstMs: Distribution;
  itlMs: Distribution;
  tpotMs: Distribution;
  e2eMs: Distribution;
  outputTokensPerSecondPerUser: Distribution;
  tpsPerUserDefinition: string | null;
  /** Mean input and output sequence lengths, tokens. */
  inputTokens: number | null;
  outputTokens: number | null;
  requestCount: number | null;
  errorCount: number | null;
  durationS: number | null;
  /** Good requests/s as the file reports it (the tool's own thresholds). */
  goodputRequestsPerSecond: number | null;
  /**
   * Goodput against the scenario's SLA, from per-request data (docs/method.md §Goodput rule): the share of good
   * requests (failed ones counted) and good requests/s. Null without per-request data or without SLA constraints.
   */
  slaGoodput: { percent: number; requestsPerSecond: number | null } | null;
  model: string | null;
  framework: string | null;
  dataset: string | null;
  configuration: Record<string, string>;
  /** Fields computed rather than read from the file. */
  derived: string[];
  notes: string[];
}

/**
 * A latency distribution as the file printed it, completed with the usual statistics computed from the point's
 * per-request data (when it has some).
 */
function withRecords(point: LoadPoint, metric: SlaMetric): Distribution {
  const printed = point[SLA_METRIC_FIELD[metric]];
  if (point.requests === undefined) return printed;
  const out: Distribution = { ...printed };
  for (const stat of STATS) {
    const value = slaMetricValue(point, metric, stat);
    if (value !== undefined) out[stat] = value;
  }
  return out;
}

function slaGoodput(point: LoadPoint, prepared: PreparedSla | undefined): PointRecord['slaGoodput'] {
  if (prepared === undefined || prepared.bounds.length === 0) return null;
  const g = pointGoodput(point, prepared);
  return g.known ? { percent: g.percent, requestsPerSecond: g.requestsPerSecond ?? null } : null;
}

export function pointRecord(
  point: LoadPoint,
  series: Pick<ResolvedSeries, 'name' | 'key' | 'gpusPerInstance'>,
  prepared?: PreparedSla,
): PointRecord {
  const first = point.sources[0];
  return {
    series: series.name,
    seriesKey: series.key,
    sources: point.sources.map((s) => s.path),
    tool: first?.tool ?? 'mapped',
    format: [...new Set(point.sources.map((s) => s.format))].join('+'),
    toolVersion: first?.toolVersion ?? null,
    concurrency: point.load.concurrency ?? null,
    requestRate: point.load.requestRate ?? null,
    saturation: point.load.saturation === true,
    loadFrom: point.load.origin,
    gpusPerInstance: series.gpusPerInstance,
    requestsPerSecond: point.requestsPerSecond ?? null,
    outputTokensPerSecond: point.outputTokensPerSecond ?? null,
    inputTokensPerSecond: point.inputTokensPerSecond ?? null,
    ttftMs: withRecords(point, 'ttft'),
    ttstMs: point.ttstMs,
    itlMs: withRecords(point, 'itl'),
    tpotMs: withRecords(point, 'tpot'),
    e2eMs: withRecords(point, 'e2e'),
    outputTokensPerSecondPerUser: point.outputTokensPerSecondPerUser,
    tpsPerUserDefinition: point.tpsPerUserDefinition ?? null,
    inputTokens: point.inputTokens.avg ?? null,
    outputTokens: point.outputTokens.avg ?? null,
    requestCount: point.requestCount ?? null,
    errorCount: point.errorCount ?? null,
    durationS: point.durationS ?? null,
    goodputRequestsPerSecond: point.goodputRequestsPerSecond ?? null,
    slaGoodput: slaGoodput(point, prepared),
    model: point.metadata.model ?? null,
    framework: point.metadata.framework ?? point.metadata.backend ?? null,
    dataset: point.metadata.dataset ?? null,
    configuration: { ...point.metadata.configuration },
    derived: [...point.derived],
    notes: [...point.notes],
  };
}

/** Every point of the given series, in series order and load order; goodput against `sla` where it can be had. */
export function pointRecords(series: readonly ResolvedSeries[], sla: readonly SlaConstraint[] = []): PointRecord[] {
  const prepared = prepareSla(sla);
  return series.flatMap((s) => s.points.map((p) => pointRecord(p, s, prepared)));
}

const DISTRIBUTION_COLUMNS = ['ttftMs', 'ttstMs', 'itlMs', 'tpotMs', 'e2eMs', 'outputTokensPerSecondPerUser'] as const;
const LEADING_COLUMNS = [
  'series',
  'tool',
  'format',
  'concurrency',
  'requestRate',
  'saturation',
  'loadFrom',
  'gpusPerInstance',
  'requestsPerSecond',
  'outputTokensPerSecond',
  'inputTokensPerSecond',
] as const;
const TRAILING_COLUMNS = [
  'inputTokens',
  'outputTokens',
  'requestCount',
  'errorCount',
  'durationS',
  'goodputRequestsPerSecond',
  'tpsPerUserDefinition',
  'model',
  'framework',
  'dataset',
] as const;

/**
 * The records as CSV, headers named like the JSON fields: `ttftMs.p99` for a statistic (a column only for the
 * stats some point has), per-GPU throughputs beside the measured ones, `configuration` as `key=value; …`,
 * lists joined with `; `. Text cells are escaped against formula injection (see `toCsv`).
 */
export function pointsCsv(records: readonly PointRecord[]): string {
  const statColumns = DISTRIBUTION_COLUMNS.flatMap((field) =>
    [...new Set(records.flatMap((r) => Object.keys(r[field]) as Stat[]))]
      .sort(compareStats)
      .map((stat) => ({ field, stat })),
  );
  const header = [
    ...LEADING_COLUMNS,
    'requestsPerSecondPerGpu',
    'outputTokensPerSecondPerGpu',
    ...statColumns.map((c) => `${c.field}.${c.stat}`),
    ...TRAILING_COLUMNS,
    'slaGoodput.percent',
    'slaGoodput.requestsPerSecond',
    'configuration',
    'derived',
    'sources',
    'notes',
  ];
  const perGpu = (value: number | null, gpus: number) => (value === null ? null : value / gpus);
  const rows = records.map((r): Cell[] => [
    ...LEADING_COLUMNS.map((key) => r[key]),
    perGpu(r.requestsPerSecond, r.gpusPerInstance),
    perGpu(r.outputTokensPerSecond, r.gpusPerInstance),
    ...statColumns.map((c) => r[c.field][c.stat] ?? null),
    ...TRAILING_COLUMNS.map((key) => r[key]),
    r.slaGoodput?.percent ?? null,
    r.slaGoodput?.requestsPerSecond ?? null,
    Object.entries(r.configuration)
      .map(([k, v]) => `${k}=${v}`)
      .join('; '),
    r.derived.join('; '),
    r.sources.join('; '),
    r.notes.join(' '),
  ]);
  return toCsv(header, rows);
}
