/**
 * Reading one number off a point for a metric and stat (docs/method.md §Metrics and units, §Chart).
 */
import type { LoadPoint, Stat } from '../model/benchmark.ts';
import type { DemandUnit, SlaConstraint, SlaMetric, YAxis } from '../model/scenario.ts';
import type { RequestSamples, SampleField } from '../model/requestSamples.ts';
import { columnStat } from '../model/requestSamples.ts';

export interface MetricInfo {
  label: string;
  unit: string;
  /** Latencies must stay at or below their bound; tokens/s per user at or above. */
  direction: 'upper' | 'lower';
}

export const SLA_METRIC_INFO: Readonly<Record<SlaMetric, MetricInfo>> = {
  ttft: { label: 'TTFT', unit: 'ms', direction: 'upper' },
  itl: { label: 'ITL', unit: 'ms', direction: 'upper' },
  tpot: { label: 'TPOT', unit: 'ms', direction: 'upper' },
  e2e: { label: 'E2E latency', unit: 'ms', direction: 'upper' },
  tpsPerUser: { label: 'Tokens/s per user', unit: 'tokens/s', direction: 'lower' },
};

/** The distribution (and per-request column) each SLA metric reads. */
export const SLA_METRIC_FIELD = {
  ttft: 'ttftMs',
  itl: 'itlMs',
  tpot: 'tpotMs',
  e2e: 'e2eMs',
  tpsPerUser: 'outputTokensPerSecondPerUser',
} as const satisfies Record<SlaMetric, SampleField>;

/**
 * The point's value of `metric` at `stat`: as the file reported it, else computed from the point's per-request data
 * (any percentile), else undefined. A statistic is not computed from per-request values defined otherwise than the
 * summary statistics the point already shows for that metric (RequestSamples.differsFromSummary).
 */
export function slaMetricValue(point: LoadPoint, metric: SlaMetric, stat: Stat): number | undefined {
  const field = SLA_METRIC_FIELD[metric];
  const value = point[field][stat];
  if (value !== undefined || point.requests === undefined) return value;
  return sampleStat(point.requests, field, stat);
}

/**
 * When the point's `metric` at `stat` is derived rather than measured, how (docs/method.md §Metrics and units):
 * tokens/s per user avg as mean output tokens ÷ mean E2E, for files that report no per-user distribution.
 */
export function derivedValueNote(point: LoadPoint, metric: SlaMetric, stat: Stat): string | undefined {
  if (metric === 'tpsPerUser' && stat === 'avg' && point.tpsPerUserDefinition === 'derived-mean-ratio') {
    return 'derived: mean output tokens ÷ mean E2E';
  }
  return undefined;
}

/**
 * One note per SLA constraint that some of `points` can only answer with a derived value, so that a verdict on it
 * says so (a tool's own per-user average, the mean of per-request ratios, reads higher than the ratio of means).
 */
export function derivedConstraintNotes(
  points: readonly LoadPoint[],
  sla: readonly Pick<SlaConstraint, 'metric' | 'stat'>[],
): string[] {
  return sla.flatMap((c) => {
    const note = points.map((p) => derivedValueNote(p, c.metric, c.stat)).find((n) => n !== undefined);
    const info = SLA_METRIC_INFO[c.metric];
    if (note === undefined) return [];
    return [
      `${info.label} ${c.stat} is checked on a derived value (${note}): the file reports no per-user distribution.`,
    ];
  });
}

/** A statistic computed from per-request data, unless the point's statistics of that field come from elsewhere. */
export function sampleStat(samples: RequestSamples, field: SampleField, stat: Stat): number | undefined {
  const column = samples.columns[field];
  if (column === undefined || samples.differsFromSummary.includes(field)) return undefined;
  return columnStat(column, stat);
}

/**
 * The load generator's setting as one number (concurrency first), for ordering points along a sweep.
 * A saturation run (no rate limit) sorts after every finite level.
 */
export function loadValue(point: LoadPoint): number {
  return point.load.concurrency ?? point.load.requestRate ?? (point.load.saturation ? Number.POSITIVE_INFINITY : 0);
}

/**
 * Throughput on the chart's y axis. "Per instance" is the measured value; "per GPU" divides it by the
 * series' GPUs per instance (docs/method.md §Metrics and units).
 */
export function yAxisValue(point: LoadPoint, y: YAxis, gpusPerInstance: number): number | undefined {
  switch (y) {
    case 'requestsPerSecond':
      return point.requestsPerSecond;
    case 'outputTokensPerSecond':
      return point.outputTokensPerSecond;
    case 'requestsPerSecondPerGpu':
      return point.requestsPerSecond === undefined ? undefined : point.requestsPerSecond / gpusPerInstance;
    case 'outputTokensPerSecondPerGpu':
      return point.outputTokensPerSecond === undefined ? undefined : point.outputTokensPerSecond / gpusPerInstance;
  }
}

export interface Capacity {
  /** Per instance, in the demand's unit. */
  value: number;
  /** True when computed (Little's law) rather than measured. */
  derived: boolean;
}

/**
 * What one instance serves at this point, in the demand's unit (docs/method.md §Operating point): requests/s, output
 * tokens/s, or concurrent requests. For a request-rate run, concurrency ≈ requests/s × mean E2E (s).
 */
export function capacityOf(point: LoadPoint, unit: DemandUnit): Capacity | undefined {
  switch (unit) {
    case 'requestsPerSecond':
      return point.requestsPerSecond === undefined ? undefined : { value: point.requestsPerSecond, derived: false };
    case 'outputTokensPerSecond':
      return point.outputTokensPerSecond === undefined
        ? undefined
        : { value: point.outputTokensPerSecond, derived: false };
    case 'concurrentRequests': {
      if (point.load.concurrency !== undefined) return { value: point.load.concurrency, derived: false };
      const e2e = point.e2eMs.avg;
      if (point.requestsPerSecond === undefined || e2e === undefined) return undefined;
      return { value: (point.requestsPerSecond * e2e) / 1000, derived: true };
    }
  }
}

export function describeLoad(point: LoadPoint): string {
  if (point.load.concurrency !== undefined) return `concurrency ${formatLoadValue(point.load.concurrency)}`;
  if (point.load.requestRate !== undefined) return `request rate ${formatLoadValue(point.load.requestRate)}/s`;
  if (point.load.saturation) return 'unlimited request rate (saturation)';
  return 'unknown load';
}

/** A load level as written in labels: whole numbers as they are, others to at most two decimals (2.5, 30.12). */
export function formatLoadValue(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(2).replace(/\.?0+$/, '');
}

/** How each tool's tokens/s per user was defined (docs/method.md §Metrics and units), in words for labels. */
export const TPS_PER_USER_DEFINITION_LABELS = {
  'osl-over-e2e': 'output tokens ÷ E2E',
  'inverse-itl': '1 ÷ ITL (excludes TTFT, reads higher)',
  'derived-mean-ratio': 'mean output tokens ÷ mean E2E (derived)',
} as const;
