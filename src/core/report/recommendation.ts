/**
 * The answer first: within each workload (workloads.ts), the configurations that meet the SLA ranked by the
 * chosen cost, each one's gap to the best explained, and one recommendation per workload.
 *
 * Ranking: lowest value of the chosen metric (yearly fleet cost by default), then lowest fleet cost, then
 * lowest cost per 1K requests. A full tie of the first two on all three gets no recommendation (docs/decisions.md).
 *
 * Why one configuration costs more than another, as factors whose product is the cost ratio exactly:
 *   fleetYear = peak' × (serverYear ÷ gpusPerServer) ÷ (capacity ÷ gpusPerInstance) × rounding × spares
 *     where peak' = peak × (1 + headroom), rounding = servers without spares ÷ serversExact,
 *     spares = servers ÷ servers without spares;
 *   costPer1kRequests ∝ (serverYear ÷ gpusPerServer) × packing ÷ (requests/s ÷ gpusPerInstance)
 *     where packing = servers × gpusPerServer ÷ (instances × gpusPerInstance) (GPU slots bought per GPU used);
 *   costPer1MTokens = costPer1kRequests × 1000 ÷ (ISL + OSL).
 * So the ratio of two configurations' costs is the product of the ratios of these factors.
 */
import { describeConstraint } from '../analysis/feasibility.ts';
import type { ResolvedSeries } from '../analysis/series.ts';
import { formatMoney, formatNumber } from '../format/numbers.ts';
import type { Demand, RankMetric, SlaConstraint } from '../model/scenario.ts';
import { serversFor, ceilTolerant } from '../sizing/sizeDeployment.ts';
import { DEMAND_UNIT_NAMES } from '../sizing/demandConversion.ts';
import type { Relaxation } from '../sensitivity/relaxation.ts';
import { bindingRelaxation, describeRelaxation, relaxations } from '../sensitivity/relaxation.ts';
import type { SeriesResult } from './seriesResult.ts';
import type { WorkloadGroup } from './workloads.ts';

export const RANK_METRIC_LABELS: Readonly<Record<RankMetric, string>> = {
  fleetYearUsd: 'cost per year',
  costPer1kRequestsUsd: 'cost per 1K requests',
  costPer1MTokensUsd: 'cost per 1M tokens',
};

export type FactorKind =
  'capacityPerGpu' | 'requestsPerGpu' | 'serverCostPerGpu' | 'rounding' | 'spares' | 'packing' | 'tokensPerRequest';

/** One multiplicative part of a cost ratio. `effect` > 1: this part makes the candidate dearer than the best. */
export interface Factor {
  kind: FactorKind;
  effect: number;
  candidate: number;
  best: number;
}

export interface RankedEntry {
  result: SeriesResult;
  /** 1 for the best; entries that tie fully share a rank. */
  rank: number;
  value: number;
  /** Against the best entry: ratio of the metric, the difference, and the factors (biggest effect first). */
  vsBest: { ratio: number; difference: number; factors: Factor[] } | null;
}

export type Verdict =
  | { kind: 'recommended'; best: RankedEntry; runnerUp: RankedEntry | null; why: string }
  | { kind: 'tie'; tied: RankedEntry[]; why: string }
  | { kind: 'none'; why: string; relaxations: Relaxation[]; binding: Relaxation | undefined };

export interface WorkloadDecision {
  group: WorkloadGroup;
  ranked: RankedEntry[];
  /** Series of this workload without a value for the metric (cannot meet the SLA, or the metric is unknown). */
  unranked: SeriesResult[];
  verdict: Verdict;
}

export interface DecisionContext {
  metric: RankMetric;
  sla: readonly SlaConstraint[];
  demand: Pick<Demand, 'unit' | 'peak' | 'headroomPercent' | 'spareInstances'>;
  currency: string;
}

function metricValue(r: SeriesResult, metric: RankMetric): number | null {
  if (!r.costs) return null;
  return metric === 'fleetYearUsd' ? r.costs.fleetYearUsd : r.costs[metric].value;
}

/** Equal up to floating-point noise. */
function same(a: number, b: number): boolean {
  return a === b || Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
}

function compare(a: SeriesResult, b: SeriesResult, metric: RankMetric): number {
  const keys = (r: SeriesResult) => [
    metricValue(r, metric) ?? Infinity,
    r.costs?.fleetYearUsd ?? Infinity,
    r.costs?.costPer1kRequestsUsd.value ?? Infinity,
  ];
  const ka = keys(a);
  const kb = keys(b);
  for (let i = 0; i < ka.length; i++) if (!same(ka[i]!, kb[i]!)) return ka[i]! - kb[i]!;
  return 0;
}

/** The parts a cost is the product of (see the file comment), or null where the result was not sized. */
function parts(r: SeriesResult) {
  const { sizing, costs, series } = r;
  if (!sizing || !costs || !r.pick.meetsSla) return null;
  const gpi = series.gpusPerInstance;
  const gps = r.hardware.gpusPerServer;
  const serversNoSpares = serversFor(ceilTolerant(sizing.instancesExact), gpi, gps);
  const rps = r.pick.operatingPoint.point.requestsPerSecond;
  const isl = r.meanInputTokens;
  const osl = r.meanOutputTokens;
  return {
    capacityPerGpu: sizing.capacityPerInstance / gpi,
    requestsPerGpu: rps === undefined ? undefined : rps / gpi,
    serverCostPerGpu: costs.serverYear.totalUsd / gps,
    rounding: sizing.serversExact > 0 ? serversNoSpares / sizing.serversExact : undefined,
    spares: serversNoSpares > 0 ? sizing.servers / serversNoSpares : undefined,
    packing: sizing.instances > 0 ? (sizing.servers * gps) / (sizing.instances * gpi) : undefined,
    tokensPerRequest: isl === undefined || osl === undefined ? undefined : isl + osl,
  };
}

const FACTORS_OF: Readonly<Record<RankMetric, readonly FactorKind[]>> = {
  fleetYearUsd: ['capacityPerGpu', 'serverCostPerGpu', 'rounding', 'spares'],
  costPer1kRequestsUsd: ['requestsPerGpu', 'serverCostPerGpu', 'packing'],
  costPer1MTokensUsd: ['requestsPerGpu', 'serverCostPerGpu', 'packing', 'tokensPerRequest'],
};
/** Factors where more is cheaper (throughputs, tokens per request): their effect is best ÷ candidate. */
const HIGHER_IS_CHEAPER = new Set<FactorKind>(['capacityPerGpu', 'requestsPerGpu', 'tokensPerRequest']);

/** The factors of `candidate`'s cost over `best`'s that differ by more than 0.5 %, biggest effect first. */
export function costFactors(candidate: SeriesResult, best: SeriesResult, metric: RankMetric): Factor[] {
  const c = parts(candidate);
  const b = parts(best);
  if (!c || !b) return [];
  const factors: Factor[] = [];
  for (const kind of FACTORS_OF[metric]) {
    const cv = c[kind];
    const bv = b[kind];
    if (cv === undefined || bv === undefined || !(cv > 0) || !(bv > 0)) continue;
    const effect = HIGHER_IS_CHEAPER.has(kind) ? bv / cv : cv / bv;
    if (Math.abs(effect - 1) > 0.005) factors.push({ kind, effect, candidate: cv, best: bv });
  }
  return factors.sort((x, y) => Math.abs(Math.log(y.effect)) - Math.abs(Math.log(x.effect)));
}

export function rankResults(
  results: readonly SeriesResult[],
  metric: RankMetric,
): { ranked: RankedEntry[]; unranked: SeriesResult[] } {
  const valued = results.filter((r) => metricValue(r, metric) !== null);
  const sorted = [...valued].sort((a, b) => compare(a, b, metric));
  const best = sorted[0];
  const ranked: RankedEntry[] = [];
  sorted.forEach((result, i) => {
    const value = metricValue(result, metric)!;
    const previous = ranked[i - 1];
    const rank = previous && compare(previous.result, result, metric) === 0 ? previous.rank : i + 1;
    const bestValue = best ? metricValue(best, metric)! : value;
    const vsBest =
      i === 0 || !best
        ? null
        : {
            ratio: bestValue > 0 ? value / bestValue : Infinity,
            difference: value - bestValue,
            factors: costFactors(result, best, metric),
          };
    ranked.push({ result, rank, value, vsBest });
  });
  return { ranked, unranked: results.filter((r) => metricValue(r, metric) === null) };
}

/** 2.1× · 12× · 1.02× (close to 1, two decimals: "1×" would say nothing). */
function ratioText(x: number): string {
  return `${formatNumber(x, x >= 10 ? 0 : x >= 1.1 ? 1 : 2)}×`;
}

function percentText(effect: number): string {
  return `${formatNumber(Math.abs(effect - 1) * 100, 0)} %`;
}

/**
 * One factor in words, for a row compared with the best: "requests/s per GPU at the operating point: 7.05 vs
 * 11.4 (+62 % cost)".
 */
export function describeFactor(f: Factor, ctx: Pick<DecisionContext, 'demand' | 'currency'>): string {
  const n = (v: number) => formatNumber(v);
  const money = (v: number) => formatMoney(v, ctx.currency);
  const effect = `(${f.effect > 1 ? '+' : '−'}${percentText(f.effect)} cost)`;
  switch (f.kind) {
    case 'capacityPerGpu':
      return `${DEMAND_UNIT_NAMES[ctx.demand.unit]} per GPU under the SLA: ${n(f.candidate)} vs ${n(f.best)} ${effect}`;
    case 'requestsPerGpu':
      return `requests/s per GPU under the SLA: ${n(f.candidate)} vs ${n(f.best)} ${effect}`;
    case 'serverCostPerGpu':
      return `server cost per GPU-year: ${money(f.candidate)} vs ${money(f.best)} ${effect}`;
    case 'rounding':
      return `rounding up to whole servers: ${n(f.candidate)}× vs ${n(f.best)}× the exact need ${effect}`;
    case 'spares':
      return `servers added for spare instances: ${n(f.candidate)}× vs ${n(f.best)}× ${effect}`;
    case 'packing':
      return `GPU slots bought per GPU used: ${n(f.candidate)} vs ${n(f.best)} ${effect}`;
    case 'tokensPerRequest':
      return `tokens per request (ISL + OSL): ${n(f.candidate)} vs ${n(f.best)} ${effect}`;
  }
}

/** "+$119,000 a year (+33 %) than X: …factors" — a ranked row against the best. */
export function describeGap(entry: RankedEntry, bestName: string, ctx: DecisionContext): string {
  if (!entry.vsBest) return `best ${RANK_METRIC_LABELS[ctx.metric]} of this workload`;
  const { difference, ratio, factors } = entry.vsBest;
  const label = RANK_METRIC_LABELS[ctx.metric];
  const money = formatMoney(difference, ctx.currency);
  const what = ctx.metric === 'fleetYearUsd' ? `${money} a year` : `${money} ${label.replace('cost ', '')}`;
  const head = difference === 0 ? `same ${label} as ${bestName}` : `+${what} (+${percentText(ratio)}) vs ${bestName}`;
  return factors.length === 0 ? head : `${head}: ${factors.map((f) => describeFactor(f, ctx)).join('; ')}`;
}

/**
 * Why the best beats the runner-up, in one line, from the runner-up's biggest factor against it. When the two
 * tie on the chosen cost, the tie-breaker decided: it is named, and its own factors explain.
 */
function whyBest(best: RankedEntry, runnerUp: RankedEntry | null, ctx: DecisionContext): string {
  const slaText = ctx.sla.map(describeConstraint).join(' and ');
  if (!runnerUp?.vsBest) return `the only configuration of this workload that meets ${slaText}`;
  const other = runnerUp.result.series.name;
  if (same(runnerUp.value, best.value)) {
    const tieBreak: RankMetric = ctx.metric === 'fleetYearUsd' ? 'costPer1kRequestsUsd' : 'fleetYearUsd';
    const factors = costFactors(runnerUp.result, best.result, tieBreak);
    const head = `same ${RANK_METRIC_LABELS[ctx.metric]} as ${other}, lower ${RANK_METRIC_LABELS[tieBreak]}`;
    const factor = factors.find((f) => f.effect > 1);
    return factor ? `${head}: ${factorReason(factor, other, slaText, ctx)}` : head;
  }
  const factor = runnerUp.vsBest.factors.find((f) => f.effect > 1);
  if (factor) return factorReason(factor, other, slaText, ctx);
  const below = formatNumber((1 - 1 / runnerUp.vsBest.ratio) * 100, 0);
  return `${below} % below ${other} on ${RANK_METRIC_LABELS[ctx.metric]}`;
}

/** One factor in the best's favour against `other`, as a reason. */
function factorReason(factor: Factor, other: string, slaText: string, ctx: DecisionContext): string {
  const ratio = ratioText(factor.effect);
  // The best's value first: "(1.42× vs 2.67×)" reads as "ours vs theirs".
  const values = (money: boolean, suffix = '') => {
    const f = (v: number) => (money ? formatMoney(v, ctx.currency) : formatNumber(v));
    return `(${f(factor.best)}${suffix} vs ${f(factor.candidate)}${suffix}`;
  };
  switch (factor.kind) {
    case 'capacityPerGpu':
      return `${ratio} the ${DEMAND_UNIT_NAMES[ctx.demand.unit]} per GPU of ${other} at ${slaText}`;
    case 'requestsPerGpu':
      return `${ratio} the requests/s per GPU of ${other} at ${slaText}`;
    case 'serverCostPerGpu':
      return `its servers cost ${percentText(1 / factor.effect)} less per GPU-year than ${other}'s ${values(true)})`;
    case 'rounding':
      return `less rounding up to whole servers than ${other} ${values(false, '×')} the exact need)`;
    case 'spares':
      return `its spare instances add fewer servers than those of ${other}`;
    case 'packing':
      return `it fills its servers better than ${other} ${values(false)} GPU slots bought per GPU used)`;
    case 'tokensPerRequest':
      return `more tokens per request than ${other} ${values(false)}), so each token carries less of the cost`;
  }
}

export function decideWorkload(
  group: WorkloadGroup,
  results: readonly SeriesResult[],
  series: readonly ResolvedSeries[],
  ctx: DecisionContext,
): WorkloadDecision {
  const members = results.filter((r) => group.seriesKeys.includes(r.series.key));
  const { ranked, unranked } = rankResults(members, ctx.metric);
  const [best, second] = ranked;
  if (!best) {
    const sized = members.find((r) => r.costs !== null);
    if (sized?.costs && ctx.metric !== 'fleetYearUsd') {
      const reason = sized.costs[ctx.metric].reason ?? 'unknown';
      const why = `the ${RANK_METRIC_LABELS[ctx.metric]} cannot be computed: ${reason}`;
      return { group, ranked, unranked, verdict: { kind: 'none', why, relaxations: [], binding: undefined } };
    }
    // Files that lack a constrained statistic cannot fail it: say what is missing, not "nothing meets".
    const unchecked = members.map((r) => r.pick).filter((p) => !p.meetsSla && p.notInFiles);
    if (members.length > 0 && unchecked.length === members.length) {
      const reasons = [...new Set(unchecked.map((p) => (p.meetsSla ? '' : p.reason)))].join('; ');
      const why = `the SLA cannot be checked on this workload's files: ${reasons}`;
      return { group, ranked, unranked, verdict: { kind: 'none', why, relaxations: [], binding: undefined } };
    }
    const list = relaxations(
      series.filter((s) => group.seriesKeys.includes(s.key)),
      ctx.sla,
      ctx.demand.unit,
    );
    const binding = bindingRelaxation(list);
    const why = binding
      ? `nothing meets the SLA; the binding constraint is ${describeRelaxation(binding)}`
      : 'nothing meets the SLA, and relaxing any one constraint alone is not enough';
    return { group, ranked, unranked, verdict: { kind: 'none', why, relaxations: list, binding } };
  }
  if (second && second.rank === best.rank) {
    const tied = ranked.filter((e) => e.rank === best.rank);
    const costs = best.result.costs;
    const names = tied.map((e) => e.result.series.name).join(' and ');
    const year = formatMoney(costs?.fleetYearUsd, ctx.currency);
    const per1k = formatMoney(costs?.costPer1kRequestsUsd.value, ctx.currency);
    const why =
      costs?.fleetYearUsd === 0
        ? 'the peak demand is 0: no servers are needed, so there is nothing to choose between'
        : `${names} cost the same (${year} a year, ${per1k} per 1K requests)`;
    return { group, ranked, unranked, verdict: { kind: 'tie', tied, why } };
  }
  const runnerUp = second ?? null;
  const why = whyBest(best, runnerUp, ctx);
  return { group, ranked, unranked, verdict: { kind: 'recommended', best, runnerUp, why } };
}

/** One decision per workload group, in group order. */
export function decide(
  groups: readonly WorkloadGroup[],
  results: readonly SeriesResult[],
  series: readonly ResolvedSeries[],
  ctx: DecisionContext,
): WorkloadDecision[] {
  return groups.map((g) => decideWorkload(g, results, series, ctx));
}

/** The Cheapest badge: the recommended configuration of each workload that has more than one configuration. */
export function cheapestKeys(decisions: readonly WorkloadDecision[]): Set<string> {
  const keys = new Set<string>();
  for (const d of decisions) {
    if (d.verdict.kind === 'recommended' && d.group.seriesKeys.length > 1) keys.add(d.verdict.best.result.series.key);
  }
  return keys;
}
