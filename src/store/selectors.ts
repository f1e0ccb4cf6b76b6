/**
 * Derived state: each selector is input selectors plus one core function, memoised on the inputs' identities with
 * a size-1 cache that belongs to the store it reads (memo.ts). Components read results only through these.
 *
 * What depends on what (docs/architecture.md §Store): the operating points and the sensitivity sweep read each
 * visible series' points (`selectSeriesPoints`) and the SLA; chart lines and the Pareto front its points, GPUs per
 * instance (`selectSeriesData`), the view and the committed SLA's verdicts; never names or prices. Demand size,
 * server, power, cloud and API prices enter at the cost step only (`selectResults`, `selectSensitivity`), so editing a
 * price recomputes costs and nothing else.
 */
import { chartParetoFront, drawnConstraint, effectiveView, projectSeries } from '../core/analysis/projection.ts';
import type { ChartSeries, ProjectedSeries } from '../core/analysis/projection.ts';
import { resolveSeries } from '../core/analysis/series.ts';
import type { ResolvedSeries } from '../core/analysis/series.ts';
import type { OperatingPointResult } from '../core/analysis/operatingPoint.ts';
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
import { sensitivityCosts, sensitivitySweep } from '../core/sensitivity/sensitivity.ts';
import { hardwareOf, resultAtOperatingPoint, seriesOperatingPoint } from '../core/report/seriesResult.ts';
import type { SeriesResult } from '../core/report/seriesResult.ts';
import { cheapestKeys, decide } from '../core/report/recommendation.ts';
import type { WorkloadDecision } from '../core/report/recommendation.ts';
import { groupWorkloads, seriesWorkload } from '../core/report/workloads.ts';
import { describeLoad } from '../core/analysis/metrics.ts';
import type { ConversionBasis } from '../core/sizing/demandConversion.ts';
import type { AppState } from './appStore.ts';
import { memoizeLast, reuseUnchanged, sameFields, sameItems, selectorFactory } from './memo.ts';

const { createSelector, createStatefulSelector } = selectorFactory<AppState>();

const selectRuns = (s: AppState) => s.runs;
const selectEmbedded = (s: AppState) => s.embeddedPoints;
const selectSettings = (s: AppState) => s.settings;
const selectSla = (s: AppState) => s.settings.sla;
const selectDraft = (s: AppState) => s.slaDraft;
const selectSeriesSettings = (s: AppState) => s.settings.series;
const selectDefaults = (s: AppState) => s.settings.defaults;
const selectHardware = (s: AppState) => s.settings.hardware;
const selectDemand = (s: AppState) => s.settings.demand;
const selectDemandUnit = (s: AppState) => s.settings.demand.unit;
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

/** The constrained metric|stat pairs, without bounds: kept while a bound moves (what the cost step's notes need). */
export const selectConstrainedKey = (s: AppState) => s.settings.sla.map((c) => `${c.metric}|${c.stat}`).join(',');
const selectConstrained = createSelector([selectConstrainedKey], (key) =>
  key === ''
    ? []
    : key.split(',').map((pair) => {
        const [metric, stat] = pair.split('|') as [SlaConstraint['metric'], SlaConstraint['stat']];
        return { metric, stat };
      }),
);

/** Every loaded point: embedded ones first, then those built from parsed runs. */
export const selectPoints = createSelector([selectEmbedded, selectBuilt], (embedded, built): LoadPoint[] =>
  embedded.length === 0 ? built.points : [...embedded, ...built.points],
);

/** Files that could not be used. */
export const selectLoadErrors = (s: AppState): FileError[] => s.loadErrors;

/** Runs whose load level neither the file nor its path gives (known only after merging): the user is asked. */
export const selectUnresolvedRuns = createSelector([selectBuilt], (built) => built.unresolved);

/** The server types' ids (what resolving series reads of them): kept while only their prices change. */
const selectHardwareIds = createSelector([selectHardware], (hardware) => hardware.map((h) => ({ id: h.id })), {
  equal: (a, b) => a.length === b.length && a.every((h, i) => h.id === b[i]?.id),
});

/**
 * All series, hidden ones included (the series list shows them). A series that did not change keeps its object,
 * and one that did keeps the arrays (points, sources) that did not: renaming a series changes its name only.
 */
export const selectAllSeries = createStatefulSelector(
  [selectPoints, selectSeriesSettings, selectDefaults, selectHardwareIds],
  () => {
    let previous = new Map<string, ResolvedSeries>();
    return (points, series, defaults, hardware): ResolvedSeries[] => {
      const resolved = resolveSeries(points, { series, defaults, hardware });
      const next = resolved.map((s) => reuseUnchanged(previous.get(s.key), s));
      previous = new Map(next.map((s) => [s.key, s]));
      return next;
    };
  },
  { equal: sameItems },
);

export const selectVisibleSeries = createSelector([selectAllSeries], (all) => all.filter((s) => !s.hidden), {
  equal: sameItems,
});

/** What the operating points and the sensitivity sweep read of a visible series: its points. */
export type SeriesPoints = Pick<ResolvedSeries, 'key' | 'points'>;
/** What a chart line reads of a visible series: its points and GPUs per instance (the per-GPU axes). */
export type SeriesData = Pick<ResolvedSeries, 'key' | 'points' | 'gpusPerInstance'>;

/** A list of parts of the visible series, each kept while its fields are (so a rename or a price edit keeps it). */
function visibleSeriesParts<T extends { key: string }>(part: (series: ResolvedSeries) => T) {
  return createStatefulSelector(
    [selectVisibleSeries],
    () => {
      let previous = new Map<string, T>();
      return (series): T[] => {
        const next = series.map((s) => reuseUnchanged(previous.get(s.key), part(s)));
        previous = new Map(next.map((s) => [s.key, s]));
        return next;
      };
    },
    { equal: sameItems },
  );
}

export const selectSeriesPoints = visibleSeriesParts(({ key, points }): SeriesPoints => ({ key, points }));
export const selectSeriesData = visibleSeriesParts(({ key, points, gpusPerInstance }): SeriesData => ({
  key,
  points,
  gpusPerInstance,
}));

/** The chart view as drawn: log x picked from the data while `logXAuto` holds (projection.ts effectiveView). */
export const selectView = createSelector([selectRawView, selectSeriesPoints], (view, series) =>
  effectiveView(view, series),
);

/** The SLA in force: the committed one with the dragged bound previewed in place. */
export const selectEffectiveSla = createSelector([selectSla, selectDraft], (sla, draft): SlaConstraint[] =>
  draft === null ? sla : sla.map((c, i) => (i === draft.index ? { ...c, bound: draft.bound } : c)),
);

/** The same operating point: the same measured level at the same capacity, or the same reason there is none. */
function samePick(a: OperatingPointResult, b: OperatingPointResult): boolean {
  if (!a.meetsSla || !b.meetsSla) {
    return !a.meetsSla && !b.meetsSla && a.reason === b.reason && a.notInFiles === b.notInFiles;
  }
  const [x, y] = [a.operatingPoint, b.operatingPoint];
  return !x.interpolated && !y.interpolated && x.point === y.point && sameFields(x.capacity, y.capacity);
}

/**
 * Each visible series' operating point under an SLA, by series key. A series whose operating point did not move
 * keeps the previous object, so a drag that moves few of them re-renders few result rows.
 */
function operatingPointsUnder(selectSlaInForce: (s: AppState) => SlaConstraint[]) {
  return createStatefulSelector(
    [selectSeriesPoints, selectSlaInForce, selectDemandUnit, selectInterpolate, selectSlaRule],
    () => {
      let previous = new Map<string, OperatingPointResult>();
      return (series, sla, unit, interpolate, slaRule): Map<string, OperatingPointResult> => {
        const next = new Map(
          series.map((s) => {
            const pick = seriesOperatingPoint(s, { sla, demand: { unit }, interpolate, slaRule });
            const before = previous.get(s.key);
            return [s.key, before !== undefined && samePick(before, pick) ? before : pick] as const;
          }),
        );
        previous = next;
        return next;
      };
    },
  );
}

/** Operating points under the SLA in force (a dragged bound included). */
export const selectOperatingPoints = operatingPointsUnder(selectEffectiveSla);
/** Operating points under the committed SLA (the same as selectOperatingPoints except while a line is dragged). */
const selectCommittedOperatingPoints = operatingPointsUnder(selectSla);

/**
 * The cost step: each visible series' sizing and costs at its operating point, with the demand, its server type's
 * prices, the API's prices and the uptime. Memoised per series on exactly those, so an edit re-creates only the
 * rows it changes.
 */
function resultsAt(selectPicks: (s: AppState) => Map<string, OperatingPointResult>) {
  return createStatefulSelector(
    [selectVisibleSeries, selectPicks, selectDemand, selectHardware, selectApi, selectUptime, selectConstrained],
    () => {
      const perSeries = new Map<string, ReturnType<typeof memoizeLast<CostInputs, SeriesResult>>>();
      return (series, picks, demand, hardware, apiReference, uptime, constrained): SeriesResult[] =>
        series.flatMap((s) => {
          const pick = picks.get(s.key);
          if (pick === undefined) return [];
          let compute = perSeries.get(s.key);
          if (compute === undefined) {
            compute = memoizeLast(costStep);
            perSeries.set(s.key, compute);
          }
          return [compute(s, pick, demand, hardwareOf(s, hardware), apiReference, uptime, constrained)];
        });
    },
    { equal: sameItems },
  );
}

type CostInputs = [
  ResolvedSeries,
  OperatingPointResult,
  AppState['settings']['demand'],
  AppState['settings']['hardware'][number],
  AppState['settings']['apiReference'],
  number,
  Array<Pick<SlaConstraint, 'metric' | 'stat'>>,
];
const costStep = (...[series, pick, demand, profile, apiReference, uptime, sla]: CostInputs): SeriesResult =>
  resultAtOperatingPoint(series, pick, { demand, hardware: [profile], apiReference, uptime, sla });

/** Every visible series' result under the SLA in force. */
export const selectResults = resultsAt(selectOperatingPoints);

const selectCommittedResultsWhileDragging = resultsAt(selectCommittedOperatingPoints);

/** The results under the committed SLA: the same as selectResults except while a line is dragged. */
export const selectCommittedResults = (s: AppState): SeriesResult[] =>
  s.slaDraft === null ? selectResults(s) : selectCommittedResultsWhileDragging(s);

/** Each visible series' workload (model, mean ISL/OSL, tools), by key. */
export const selectSeriesWorkloads = createSelector(
  [selectVisibleSeries],
  (series) => new Map(series.map((s) => [s.key, seriesWorkload(s)])),
);

/** Whether any loaded point has per-request data (the goodput rule and chart need it). */
export const selectHasRequests = createSelector([selectPoints], (points) =>
  points.some((p) => p.requests !== undefined),
);

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
export const selectGoodput = createSelector(
  [selectVisibleSeries, selectEffectiveSla],
  (series, sla): SeriesGoodput[] => {
    const prepared = prepareSla(sla);
    return series
      .map((s) => ({
        key: s.key,
        name: s.name,
        points: s.points
          .filter((p) => p.requests !== undefined)
          .map((p) => ({
            pointId: p.id,
            load: loadValue(p),
            loadLabel: loadLabel(p),
            goodput: pointGoodput(p, prepared),
          })),
      }))
      .filter((s) => s.points.length > 0);
  },
);

/** Configurations grouped by workload (same model and ISL/OSL within ±10 %, or all when declared comparable). */
export const selectWorkloadGroups = createSelector([selectVisibleSeries, selectComparable], (series, comparable) =>
  groupWorkloads(series, comparable),
);

/** Per workload: the ranking by the chosen cost and the recommendation (or why there is none). */
export const selectDecisions = createSelector(
  [
    selectWorkloadGroups,
    selectResults,
    selectVisibleSeries,
    selectRankBy,
    selectEffectiveSla,
    selectDemand,
    selectCurrency,
  ],
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
export const selectPointStatuses = createSelector(
  [selectPoints, selectSla, selectSlaRule],
  (points, sla, rule): Map<string, Feasibility['status']> => {
    if (rule.kind === 'statistic') return new Map(points.map((p) => [p.id, feasibilityStatus(p, sla)]));
    const prepared = prepareSla(sla);
    return new Map(points.map((p) => [p.id, goodputStatus(p, prepared, rule.minPercent)]));
  },
);

/**
 * Chart lines, each point with its verdict under the committed SLA (markers are hollow when it fails): a drag
 * does not rebuild them; its release does, once. Names are joined after (selectChartSeries).
 */
export const selectProjectedSeries = createSelector(
  [selectSeriesData, selectView, selectPointStatuses],
  (series, view, statuses): ProjectedSeries[] =>
    series.map((s) => {
      const projected = projectSeries(s, view);
      for (const p of projected.points) {
        const status = statuses.get(p.pointId);
        if (status !== undefined) p.status = status;
      }
      return projected;
    }),
);

/** Each visible series' display name by key (kept while no name changes). */
const selectSeriesNames = createSelector(
  [selectVisibleSeries],
  (series) => new Map(series.map((s) => [s.key, s.name])),
  { equal: (a, b) => a.size === b.size && [...a].every(([key, name]) => b.get(key) === name) },
);

/** Chart lines with their series' names. */
export const selectChartSeries = createSelector(
  [selectProjectedSeries, selectSeriesNames],
  (lines, names): ChartSeries[] => lines.map((line) => ({ ...line, name: names.get(line.key) ?? line.key })),
);

export const selectParetoFront = createSelector([selectProjectedSeries, selectView], (series, view) =>
  chartParetoFront(series, view),
);

export { selectSettings };

/** Points by id, for tooltips. */
export const selectPointsById = createSelector(
  [selectPoints],
  (points): Map<string, LoadPoint> => new Map(points.map((p) => [p.id, p])),
);

/** The constraint the sensitivity chart sweeps: the one drawn on the latency chart, else the first. */
const selectSweptConstraint = createSelector(
  [selectSla, selectView],
  (sla, view) => drawnConstraint(sla, view)?.index ?? 0,
);

/**
 * The expensive half of the sensitivity (docs/method.md §Sensitivity): ~100 operating points per series. Built
 * from the committed SLA, not the draft: the sweep covers every bound already, so a drag only moves the marker.
 * Prices, demand size and names never recompute it.
 */
export const selectSensitivitySweep = createSelector(
  [selectSeriesPoints, selectSla, selectSweptConstraint, selectDemandUnit, selectInterpolate, selectSlaRule],
  (series, sla, index, unit, interpolate, slaRule) =>
    sensitivitySweep(series, { sla, demand: { unit }, interpolate, slaRule }, index, 100),
);

/** Cost as a function of the SLA bound: the sweep's operating points priced with the scenario's demand and prices. */
export const selectSensitivity = createSelector(
  [selectSensitivitySweep, selectVisibleSeries, selectDemand, selectHardware, selectApi, selectUptime],
  (sweep, series, demand, hardware, apiReference, uptime) =>
    sensitivityCosts(sweep, series, { demand, hardware, apiReference, uptime }),
);

/** The tokens/s-per-user definitions among the visible points: more than one means the numbers are not alike. */
export const selectTpsDefinitions = createSelector([selectVisibleSeries], (series) => [
  ...new Set(series.flatMap((s) => s.points.map((p) => p.tpsPerUserDefinition)).filter((d) => d !== undefined)),
]);

/** For each SLA metric, the statistics the visible points report (the menus mark the others). */
export const selectAvailableStats = createSelector([selectVisibleSeries], (series): Record<SlaMetric, Set<Stat>> => {
  const available: Record<SlaMetric, Set<Stat>> = {
    ttft: new Set(),
    itl: new Set(),
    tpot: new Set(),
    e2e: new Set(),
    tpsPerUser: new Set(),
  };
  for (const s of series) {
    for (const p of s.points) {
      for (const metric of SLA_METRICS)
        for (const stat of STATS) if (slaMetricValue(p, metric, stat) !== undefined) available[metric].add(stat);
    }
  }
  return available;
});
