/**
 * Which configurations serve the same work, so that their costs may be compared (a cost per 1M tokens of a
 * 2,000/200-token workload says nothing against one of a 200/59-token workload).
 *
 * A series' workload: the model its files name, and the mean input and output lengths (ISL, OSL) over its
 * load levels (each level's measured mean; the configured target where a file has no measured mean).
 * Two series serve the same workload when
 *   - their models are the same text (case-insensitive), or neither file names one, and
 *   - their mean ISL differ by at most 10 % of the larger, and so do their mean OSL
 *     (lengths neither series knows count as equal; known against unknown does not).
 * Each series joins the first group whose first member it matches, in series order; the user can declare
 * every configuration comparable (scenario `comparableWorkloads: true`), which makes one group of all.
 */
import type { ResolvedSeries } from '../analysis/series.ts';
import { formatNumber } from '../format/numbers.ts';
import type { Distribution, LoadPoint, ToolId } from '../model/benchmark.ts';
import { TOOL_NAMES } from '../model/benchmark.ts';

/** ISL and OSL may differ by this fraction of the larger value and still be one workload. */
export const WORKLOAD_LENGTH_TOLERANCE = 0.1;

export interface SeriesWorkload {
  model: string | undefined;
  /** Mean input / output tokens per request over the series' load levels. */
  meanInputTokens: number | undefined;
  meanOutputTokens: number | undefined;
  /** The lengths came from the configured targets, not from measured means. */
  lengthsFromTarget: boolean;
  /** The tools whose files the series was read from. */
  tools: ToolId[];
}

export interface WorkloadGroup {
  /** Stable identity: the key of its first series. */
  id: string;
  /** "meta/llama3-8b-instruct · ISL ≈ 200 · OSL ≈ 58 tokens" */
  label: string;
  /** The first series' workload: what the others were matched against. */
  workload: SeriesWorkload;
  seriesKeys: string[];
}

function mean(values: readonly number[]): number | undefined {
  return values.length === 0 ? undefined : values.reduce((s, v) => s + v, 0) / values.length;
}

function meanLength(
  points: readonly LoadPoint[],
  pick: (p: LoadPoint) => Distribution,
  target: (p: LoadPoint) => number | undefined,
) {
  const measured = mean(points.map((p) => pick(p).avg).filter((v): v is number => v !== undefined));
  if (measured !== undefined) return { value: measured, fromTarget: false };
  return { value: mean(points.map(target).filter((v): v is number => v !== undefined)), fromTarget: true };
}

export function seriesWorkload(series: Pick<ResolvedSeries, 'points'>): SeriesWorkload {
  const isl = meanLength(
    series.points,
    (p) => p.inputTokens,
    (p) => p.metadata.targetInputTokens,
  );
  const osl = meanLength(
    series.points,
    (p) => p.outputTokens,
    (p) => p.metadata.targetOutputTokens,
  );
  return {
    model: series.points.find((p) => p.metadata.model !== undefined)?.metadata.model,
    meanInputTokens: isl.value,
    meanOutputTokens: osl.value,
    lengthsFromTarget: (isl.value !== undefined && isl.fromTarget) || (osl.value !== undefined && osl.fromTarget),
    tools: [...new Set(series.points.flatMap((p) => p.sources.map((s) => s.tool)))],
  };
}

function closeEnough(a: number | undefined, b: number | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return Math.abs(a - b) <= WORKLOAD_LENGTH_TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
}

export function sameWorkload(a: SeriesWorkload, b: SeriesWorkload): boolean {
  return (
    (a.model?.toLowerCase() ?? '') === (b.model?.toLowerCase() ?? '') &&
    closeEnough(a.meanInputTokens, b.meanInputTokens) &&
    closeEnough(a.meanOutputTokens, b.meanOutputTokens)
  );
}

/** "meta/llama3-8b-instruct · ISL ≈ 200 · OSL ≈ 58 tokens", saying what is unknown. */
export function describeWorkload(w: SeriesWorkload): string {
  const length = (v: number | undefined) => (v === undefined ? 'unknown' : `≈ ${formatNumber(v, 0)}`);
  const target = w.lengthsFromTarget ? ' (configured)' : '';
  const model = w.model ?? 'model not named in the files';
  return `${model} · ISL ${length(w.meanInputTokens)} · OSL ${length(w.meanOutputTokens)} tokens${target}`;
}

/** The tools of a series, as people name them. */
export function describeTools(w: SeriesWorkload): string {
  return w.tools.map((t) => TOOL_NAMES[t]).join(' + ');
}

export function groupWorkloads(series: readonly ResolvedSeries[], comparableAll = false): WorkloadGroup[] {
  const groups: WorkloadGroup[] = [];
  for (const s of series) {
    const workload = seriesWorkload(s);
    const group = comparableAll ? groups[0] : groups.find((g) => sameWorkload(g.workload, workload));
    if (group) group.seriesKeys.push(s.key);
    else groups.push({ id: s.key, label: describeWorkload(workload), workload, seriesKeys: [s.key] });
  }
  if (comparableAll && groups[0] && series.length > 1) groups[0].label = 'all configurations, declared comparable';
  return groups;
}
