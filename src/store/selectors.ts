/**
 * Derived state: each selector is input selectors plus one core function, memoised on the inputs'
 * identities with a size-1 cache. Components read results only through these.
 */
import { effectiveView, projectSeries, chartParetoFront } from '../core/analysis/projection.ts';
import type { ChartSeries } from '../core/analysis/projection.ts';
import { resolveSeries } from '../core/analysis/series.ts';
import type { ResolvedSeries } from '../core/analysis/series.ts';
import type { FileError, LoadPoint } from '../core/model/benchmark.ts';
import type { SlaConstraint, SlaMetric } from '../core/model/scenario.ts';
import { SLA_METRICS } from '../core/model/scenario.ts';
import type { Stat } from '../core/model/benchmark.ts';
import { STATS } from '../core/model/benchmark.ts';
import { loadValue, slaMetricValue } from '../core/analysis/metrics.ts';
import { loadLabel } from '../core/analysis/projection.ts';
import type { PointGoodput } from '../core/analysis/goodput.ts';
import { pointGoodput, prepareSla } from '../core/analysis/goodput.ts';
import { feasibilityStatus, goodputStatus } from '../core/analysis/feasibility.ts';
import type { Feasibility } from '../core/analysis/feasibility.ts';
import { buildLoadPoints } from '../core/parsers/buildPoints.ts';
import { sensitivity } from '../core/sensitivity/sensitivity.ts';
import { computeSeriesResult } from '../core/report/seriesResult.ts';
import type { SeriesResult } from '../core/report/seriesResult.ts';
import { cheapestKeys, decide } from '../core/report/recommendation.ts';
import type { WorkloadDecision } from '../core/report/recommendation.ts';
import { groupWorkloads, seriesWorkload } from '../core/report/workloads.ts';
import { describeLoad } from '../core/analysis/metrics.ts';
import type { ConversionBasis } from '../core/sizing/demandConversion.ts';
import type { AppState } from './appStore.ts';
import { selectorFactory } from './memo.ts';

const createSelector = selectorFactory<AppState>();

const selectRuns = (s: AppState) => s.runs;
const selectEmbedded = (s: AppState) => s.embeddedPoints;
const selectSettings = (s: AppState) => s.settings;
const selectSla = (s: AppState) => s.settings.sla;
const selectDraft = (s: AppState) => s.slaDraft;
const selectSeriesSettings = (s: AppState) => s.settings.series;
const selectDefaults = (s: AppState) => s.settings.defaults;
const selectHardware = (s: AppState) => s.settings.hardware;
const selectDemand = (s: AppState) => s.settings.demand;
const selectApi = (s: AppState) => s.settings.apiReference;
const selectUptime = (s: AppState) => s.settings.uptime;
const selectInterpolate = (s: AppState) => s.settings.interpolate;
export const selectSlaRule = (s: AppState) => s.settings.slaRule;
/** The chart view as the user set it (`logXAuto` unresolved). */
export const selectRawView = (s: AppState) => s.settings.view;
const selectComparable = (s: AppState) => s.settings.comparableWorkloads ?? false;
const selectRankBy = (s: AppState) => s.settings.rankBy ?? 'fleetYearUsd';
const selectCurrency = (s: AppState) => s.settings.currency;

const selectBuilt = createSelector([selectRuns], (runs) => buildLoadPoints(runs));

/** Every loaded point: embedded ones first, then those built from parsed runs. */
export const selectPoints = createSelector([selectEmbedded, selectBuilt], (embedded, built): LoadPoint[] => (embedded.length === 0 ? built.points : [...embedded, ...built.points]));

/** Files that could not be used. */
export const selectLoadErrors = (s: AppState): FileError[] => s.loadErrors;

/** Runs whose load level neither the file nor its path gives (known only after merging): the user is asked. */
export const selectUnresolvedRuns = createSelector([selectBuilt], (built) => built.unresolved);

/** All series, hidden ones included (the series list shows them). */
export const selectAllSeries = createSelector([selectPoints, selectSeriesSettings, selectDefaults, selectHardware], (points, series, defaults, hardware): ResolvedSeries[] =>
  resolveSeries(points, { series, defaults, hardware }),
);

export const selectVisibleSeries = createSelector([selectAllSeries], (all) => all.filter((s) => !s.hidden));

/** The chart view as drawn: log x picked from the data while `logXAuto` holds (projection.ts effectiveView). */
export const selectView = createSelector([selectRawView, selectVisibleSeries], (view, series) =>
  effectiveView(view, series),
);

/** The SLA in force: the committed one with the dragged bound previewed in place. */
export const selectEffectiveSla = createSelector([selectSla, selectDraft], (sla, draft): SlaConstraint[] =>
  draft === null ? sla : sla.map((c, i) => (i === draft.index ? { ...c, bound: draft.bound } : c)),
);

/**
 * A series' result from the previous computation, reused when nothing it depends on changed: the same series,
 * demand, prices, uptime and interpolation, and the same measured operating point (or the same reason it has
 * none). A dragged SLA moves few operating points per frame; the rows of the others then need no re-render.
 */
let lastResults: { inputs: readonly unknown[]; byKey: Map<string, SeriesResult> } = { inputs: [], byKey: new Map() };
function unchanged(previous: SeriesResult, next: SeriesResult): boolean {
  if (previous.series !== next.series || previous.pick.meetsSla !== next.pick.meetsSla) return false;
  if (!previous.pick.meetsSla || !next.pick.meetsSla) return previous.reason === next.reason;
  const [a, b] = [previous.pick.operatingPoint, next.pick.operatingPoint];
  return !a.interpolated && !b.interpolated && a.point === b.point && a.capacity.value === b.capacity.value;
}

export const selectResults = createSelector(
  [selectVisibleSeries, selectEffectiveSla, selectDemand, selectApi, selectUptime, selectInterpolate, selectSlaRule],
  (series, sla, demand, apiReference, uptime, interpolate, slaRule): SeriesResult[] => {
    const inputs = [demand, apiReference, uptime, interpolate, slaRule];
    const reusable = inputs.every((v, i) => Object.is(v, lastResults.inputs[i]));
    const results = series.map((s) => {
      const next = computeSeriesResult(s, { sla, demand, apiReference, uptime, interpolate, slaRule });
      const previous = reusable ? lastResults.byKey.get(s.key) : undefined;
      return previous && unchanged(previous, next) ? previous : next;
    });
    lastResults = { inputs, byKey: new Map(results.map((r) => [r.series.key, r])) };
    return results;
  },
);

/** Each visible series' workload (model, mean ISL/OSL, tools), by key. */
export const selectSeriesWorkloads = createSelector([selectVisibleSeries], (series) =>
  new Map(series.map((s) => [s.key, seriesWorkload(s)])),
);

/** Whether any loaded point has per-request data (the goodput rule and chart need it). */
export const selectHasRequests = createSelector([selectPoints], (points) => points.some((p) => p.requests !== undefined));

export interface SeriesGoodput {
  key: string;
  name: string;
  /** One entry per load level with per-request data, in load order. */
  points: Array<{ pointId: string; load: number; loadLabel: string; goodput: PointGoodput }>;
}

/**
 * Goodput of every visible point with per-request data against the SLA in force (the dragged bound included):
 * recomputed on each drag frame, a binary search per point (docs/method.md §Goodput rule).
 */
export const selectGoodput = createSelector([selectVisibleSeries, selectEffectiveSla], (series, sla): SeriesGoodput[] => {
  const prepared = prepareSla(sla);
  return series
    .map((s) => ({
      key: s.key,
      name: s.name,
      points: s.points
        .filter((p) => p.requests !== undefined)
        .map((p) => ({ pointId: p.id, load: loadValue(p), loadLabel: loadLabel(p), goodput: pointGoodput(p, prepared) })),
    }))
    .filter((s) => s.points.length > 0);
});


/** Configurations grouped by workload (same model and ISL/OSL within ±10 %, or all when declared comparable). */
export const selectWorkloadGroups = createSelector([selectVisibleSeries, selectComparable], (series, comparable) =>
  groupWorkloads(series, comparable),
);

/** Per workload: the ranking by the chosen cost and the recommendation (or why there is none). */
export const selectDecisions = createSelector(
  [selectWorkloadGroups, selectResults, selectVisibleSeries, selectRankBy, selectEffectiveSla, selectDemand, selectCurrency],
  (groups, results, series, metric, sla, demand, currency): WorkloadDecision[] =>
    decide(groups, results, series, { metric, sla, demand, currency }),
);

/** The configurations that get the Cheapest badge: the best of each workload that has more than one. */
export const selectCheapestKeys = createSelector([selectDecisions], (decisions) => cheapestKeys(decisions));

/**
 * The figures a demand is converted between units with: the recommended configuration's operating point (else
 * the first that meets the SLA): its mean OSL and mean E2E latency. Without any operating point, the first
 * configuration's mean OSL only (concurrency then cannot be converted).
 */
export const selectDemandConversionBasis = createSelector(
  [selectDecisions, selectResults, selectVisibleSeries],
  (decisions, results, series): ConversionBasis | null => {
    const recommended = decisions.map((d) => d.verdict).find((v) => v.kind === 'recommended');
    const result = recommended?.kind === 'recommended' ? recommended.best.result : results.find((r) => r.pick.meetsSla);
    if (result?.pick.meetsSla) {
      const point = result.pick.operatingPoint.point;
      const source = `${result.series.name} at ${describeLoad(point)}`;
      return { meanOutputTokens: result.meanOutputTokens, meanE2eMs: point.e2eMs.avg, source };
    }
    const first = series[0];
    if (!first) return null;
    const source = `${first.name} (no load level meets the SLA, so no operating point)`;
    return { meanOutputTokens: seriesWorkload(first).meanOutputTokens, meanE2eMs: undefined, source };
  },
);

/**
 * Each point's verdict under the committed SLA: the chart draws failing points hollow. It follows a dragged line
 * on release, not every frame (the shaded region shows the limit being dragged): a thousand markers redrawn per
 * frame would break the drag's frame budget.
 */
export const selectPointStatuses = createSelector([selectPoints, selectSla, selectSlaRule], (points, sla, rule): Map<string, Feasibility['status']> => {
  if (rule.kind === 'statistic') return new Map(points.map((p) => [p.id, feasibilityStatus(p, sla)]));
  const prepared = prepareSla(sla);
  return new Map(points.map((p) => [p.id, goodputStatus(p, prepared, rule.minPercent)]));
});

/**
 * Chart lines, each point with its verdict under the committed SLA (markers are hollow when it fails): a drag
 * does not rebuild them; its release does, once.
 */
export const selectChartSeries = createSelector(
  [selectVisibleSeries, selectView, selectPointStatuses],
  (series, view, statuses): ChartSeries[] =>
    series.map((s) => {
      const projected = projectSeries(s, view);
      for (const p of projected.points) {
        const status = statuses.get(p.pointId);
        if (status !== undefined) p.status = status;
      }
      return projected;
    }),
);

export const selectParetoFront = createSelector([selectChartSeries, selectView], (series, view) => chartParetoFront(series, view));

export { selectSettings };


const selectCommittedResultsWhileDragging = createSelector(
  [selectVisibleSeries, selectSla, selectDemand, selectApi, selectUptime, selectInterpolate, selectSlaRule],
  (series, sla, demand, apiReference, uptime, interpolate, slaRule): SeriesResult[] =>
    series.map((s) => computeSeriesResult(s, { sla, demand, apiReference, uptime, interpolate, slaRule })),
);

/** The results under the committed SLA: the same as selectResults except while a line is dragged. */
export const selectCommittedResults = (s: AppState): SeriesResult[] =>
  s.slaDraft === null ? selectResults(s) : selectCommittedResultsWhileDragging(s);

/** Points by id, for tooltips. */
export const selectPointsById = createSelector([selectPoints], (points): Map<string, LoadPoint> => new Map(points.map((p) => [p.id, p])));

/**
 * Cost as a function of the SLA bound (docs/method.md §Sensitivity), for the constraint drawn on the chart (else
 * the first).
 * Built from the committed SLA, not the draft: the sweep covers every bound already, so a drag only moves the
 * marker and never re-runs the ~100 × series recomputations.
 */
export const selectSensitivity = createSelector(
  [selectVisibleSeries, selectSla, selectView, selectDemand, selectApi, selectUptime, selectInterpolate, selectSlaRule],
  (series, sla, view, demand, apiReference, uptime, interpolate, slaRule) => {
    const drawn = sla.findIndex((c) => c.metric === view.x.metric && c.stat === view.x.stat);
    const index = drawn >= 0 ? drawn : 0;
    return sensitivity(series, { sla, demand, apiReference, uptime, interpolate, slaRule }, index, 100);
  },
);

/** The tokens/s-per-user definitions among the visible points: more than one means the numbers are not alike. */
export const selectTpsDefinitions = createSelector([selectVisibleSeries], (series) => [
  ...new Set(series.flatMap((s) => s.points.map((p) => p.tpsPerUserDefinition)).filter((d) => d !== undefined)),
]);

/** For each SLA metric, the statistics the visible points report (the menus mark the others). */
export const selectAvailableStats = createSelector([selectVisibleSeries], (series): Record<SlaMetric, Set<Stat>> => {
  const available: Record<SlaMetric, Set<Stat>> = { ttft: new Set(), itl: new Set(), tpot: new Set(), e2e: new Set(), tpsPerUser: new Set() };
  for (const s of series) {
    for (const p of s.points) {
      for (const metric of SLA_METRICS) for (const stat of STATS) if (slaMetricValue(p, metric, stat) !== undefined) available[metric].add(stat);
    }
  }
  return available;
});
