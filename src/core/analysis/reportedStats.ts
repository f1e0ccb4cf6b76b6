/**
 * Which statistics the loaded files report, and the statistic to use when the one asked for is in none of them.
 * Tools differ: `genai-perf analyze` writes only p99, older SGLang files only medians. A limit on TTFT avg over
 * such files could never be checked; moving it to the statistic the files have keeps the question answerable,
 * and the user is told (docs/decisions.md "Statistics the files do not report").
 */
import type { LoadPoint, Stat } from '../model/benchmark.ts';
import { STATS, statPosition } from '../model/benchmark.ts';
import type { ChartView, SlaConstraint, SlaMetric } from '../model/scenario.ts';
import { SLA_METRIC_FIELD, SLA_METRIC_INFO, slaMetricValue } from './metrics.ts';

/**
 * The statistics of `metric` that at least one point reports: the usual ones (STATS, also when computed from
 * per-request data) and any other percentile a file wrote.
 */
export function reportedStats(points: readonly LoadPoint[], metric: SlaMetric): Set<Stat> {
  const found = new Set<Stat>();
  for (const point of points) {
    for (const stat of STATS) if (slaMetricValue(point, metric, stat) !== undefined) found.add(stat);
    for (const stat of Object.keys(point[SLA_METRIC_FIELD[metric]]) as Stat[]) found.add(stat);
  }
  return found;
}

/**
 * The reported statistic nearest to `wanted` on the distribution; on a tie the higher one (the stricter reading
 * of a latency). `wanted` itself when it is reported, undefined when nothing is.
 */
export function nearestReportedStat(wanted: Stat, reported: ReadonlySet<Stat>): Stat | undefined {
  if (reported.has(wanted)) return wanted;
  let best: Stat | undefined;
  for (const stat of reported) {
    if (best === undefined) {
      best = stat;
      continue;
    }
    const distance = Math.abs(statPosition(stat) - statPosition(wanted));
    const bestDistance = Math.abs(statPosition(best) - statPosition(wanted));
    if (distance < bestDistance || (distance === bestDistance && statPosition(stat) > statPosition(best))) best = stat;
  }
  return best;
}

export interface StatAdaptation {
  sla: SlaConstraint[];
  view: ChartView;
  /** One sentence per change, for the user. */
  changes: string[];
}

/**
 * Moves each SLA constraint, and the chart's x statistic, whose statistic no loaded point reports to the nearest
 * statistic they do report (the bound is kept). Null when nothing needs to move (or nothing is loaded).
 */
export function adaptToReportedStats(
  sla: readonly SlaConstraint[],
  view: ChartView,
  points: readonly LoadPoint[],
): StatAdaptation | null {
  if (points.length === 0) return null;
  const changes: string[] = [];
  const cache = new Map<SlaMetric, Set<Stat>>();
  const reported = (metric: SlaMetric) => {
    let stats = cache.get(metric);
    if (stats === undefined) cache.set(metric, (stats = reportedStats(points, metric)));
    return stats;
  };
  const nextSla = sla.map((constraint) => {
    const stat = nearestReportedStat(constraint.stat, reported(constraint.metric));
    if (stat === undefined || stat === constraint.stat) return constraint;
    // Two constraints may land on one statistic: keep them both (the stricter one binds), the user sees both.
    const label = SLA_METRIC_INFO[constraint.metric].label;
    changes.push(
      `${label} ${constraint.stat} is not in the loaded files: ` +
        `the limit now applies to ${label} ${stat}, which they report.`,
    );
    return { ...constraint, stat };
  });
  const xStat = nearestReportedStat(view.x.stat, reported(view.x.metric));
  const nextView = xStat === undefined || xStat === view.x.stat ? view : { ...view, x: { ...view.x, stat: xStat } };
  if (changes.length === 0 && nextView === view) return null;
  return { sla: nextSla, view: nextView, changes };
}
