/**
 * Points grouped into series (deployment configurations) and each series' settings resolved from the
 * scenario (docs/scenario.md §series): `series[].match` selects a series whose name, key or any source path
 * contains it, the first matching entry wins, and unmatched series take `defaults` (GPUs per instance from
 * a `tp2`/`pp2` folder name when there is one).
 */
import type { LoadPoint } from '../model/benchmark.ts';
import type { HardwareProfile, Scenario, SeriesSettings } from '../model/scenario.ts';
import { groupBy } from '../collections.ts';
import { sortByLoad } from './operatingPoint.ts';

export interface ResolvedSeries {
  /** Stable identity (from ingest): survives renames. */
  key: string;
  /** Display name: the user's, else the one ingest proposed. */
  name: string;
  /** Sorted by load. */
  points: LoadPoint[];
  /** Every file behind the series' points. */
  sources: string[];
  gpusPerInstance: number;
  /** True when gpusPerInstance was read from the files' parallelism or the folder name (tp2, tp4-pp2), not set. */
  gpusPerInstanceFromName: boolean;
  /**
   * The id of the server type it runs on. Its prices are joined at the cost step (seriesResult.ts), so editing a
   * price leaves the series, and everything computed from its points, as they were.
   */
  hardwareId: string;
  hidden: boolean;
  /** Index of the `scenario.series` entry that matched, or -1 for defaults. */
  settingsIndex: number;
  /** The ingest keys of the series merged into this one (its own first); one entry unless merged. */
  memberKeys: string[];
  /** Mean input / output tokens the user typed for files that lack them (scenario `series[].inputTokens`). */
  typedInputTokens?: number;
  typedOutputTokens?: number;
}

export function groupBySeriesKey(points: readonly LoadPoint[]): Map<string, LoadPoint[]> {
  return groupBy(points, (point) => point.seriesKey);
}

/**
 * The `scenario.series` entry for a series: an entry whose `match` is exactly this series' key wins (that is
 * how the page stores a series' own settings); otherwise the first entry whose `match` is contained in the
 * key, the proposed name or a source path (docs/scenario.md §series). An entry whose `match` is exactly another loaded
 * series' key belongs to that series alone and is never used as a pattern: `sweep/m-{load}` must not also
 * configure `fp8-sweep/m-{load}`.
 */
export function findSettings(
  settings: readonly SeriesSettings[],
  key: string,
  proposedName: string,
  sources: readonly string[],
  allKeys: ReadonlySet<string> = new Set(),
): number {
  const exact = settings.findIndex((s) => s.match === key);
  if (exact >= 0) return exact;
  return settings.findIndex(
    (s) =>
      !allKeys.has(s.match) &&
      (key.includes(s.match) || proposedName.includes(s.match) || sources.some((p) => p.includes(s.match))),
  );
}

/**
 * GPUs per instance read from a run folder name: `tp2`, `tp4-pp2`, `TP8_PP2` → TP × PP. Undefined when the
 * name says nothing (then the scenario default applies).
 */
/**
 * GPUs per instance from the parallelism the files state (`configuration.tp`, `pp`, `dp`, e.g. SGLang's
 * server_info): TP × PP × DP, since the measured throughput is the whole server's. Only when every point agrees.
 */
export function gpusPerInstanceFromConfiguration(points: readonly LoadPoint[]): number | undefined {
  const products = new Set(
    points.map((p) => {
      const c = p.metadata.configuration ?? {};
      const factor = (key: string) => (c[key] === undefined ? undefined : Number(c[key]));
      const [tp, pp, dp] = [factor('tp'), factor('pp'), factor('dp')];
      if (tp === undefined) return undefined;
      const product = tp * (pp ?? 1) * (dp ?? 1);
      return Number.isInteger(product) && product >= 1 ? product : undefined;
    }),
  );
  const [only] = products;
  return products.size === 1 && only !== undefined ? only : undefined;
}

export function gpusPerInstanceFromName(text: string): number | undefined {
  const factor = (name: string) => {
    const match = new RegExp(`(?:^|[^a-z0-9])${name}[-_=]?(\\d{1,3})(?=$|[^a-z0-9])`, 'i').exec(text);
    const value = match ? Number(match[1]) : undefined;
    return value !== undefined && value >= 1 ? value : undefined;
  };
  const tp = factor('tp');
  const pp = factor('pp');
  return tp === undefined && pp === undefined ? undefined : (tp ?? 1) * (pp ?? 1);
}

/** The scenario fields series are resolved from: of the server types, only their ids. */
export interface SeriesScenario extends Pick<Scenario, 'series' | 'defaults'> {
  hardware: ReadonlyArray<Pick<HardwareProfile, 'id'>>;
}

export function resolveSeries(points: readonly LoadPoint[], scenario: SeriesScenario): ResolvedSeries[] {
  const hardwareIds = new Set(scenario.hardware.map((h) => h.id));
  const fallbackHardware = hardwareIds.has(scenario.defaults.hardware)
    ? scenario.defaults.hardware
    : scenario.hardware[0]?.id;
  if (fallbackHardware === undefined) throw new Error('a scenario needs at least one hardware profile');
  const groups = groupBySeriesKey(points);
  const allKeys = new Set(groups.keys());
  // Per ingest key, once: its proposed name, files and settings entry.
  const info = new Map(
    [...groups].map(([key, members]) => {
      const proposedName = members[0]?.seriesName ?? key;
      const sources = [...new Set(members.flatMap((p) => p.sources.map((s) => s.path)))];
      return [
        key,
        {
          members,
          proposedName,
          sources,
          settingsIndex: findSettings(scenario.series, key, proposedName, sources, allKeys),
        },
      ];
    }),
  );
  const mergeTarget = (key: string) => scenario.series[info.get(key)?.settingsIndex ?? -1]?.mergeInto;
  // Merges first: a series whose entry says mergeInto joins that series, if it is loaded and not merged itself.
  const merged = new Map<string, string[]>();
  for (const key of groups.keys()) {
    const target = mergeTarget(key);
    const into =
      target !== undefined && target !== key && groups.has(target) && mergeTarget(target) === undefined ? target : key;
    merged.set(into, [...(merged.get(into) ?? []), key]);
  }
  const result: ResolvedSeries[] = [];
  for (const [key, memberKeys] of merged) {
    const own = info.get(key);
    if (!own || !memberKeys.includes(key)) continue;
    const ordered = [key, ...memberKeys.filter((k) => k !== key)];
    const sorted =
      ordered.length === 1 ? sortByLoad(own.members) : sortByLoad(ordered.flatMap((k) => info.get(k)?.members ?? []));
    const sources =
      ordered.length === 1 ? own.sources : [...new Set(ordered.flatMap((k) => info.get(k)?.sources ?? []))];
    const settings = scenario.series[own.settingsIndex];
    const fromName =
      settings?.gpusPerInstance === undefined
        ? (gpusPerInstanceFromConfiguration(sorted) ?? gpusPerInstanceFromName(key))
        : undefined;
    result.push({
      ...(settings?.inputTokens !== undefined ? { typedInputTokens: settings.inputTokens } : {}),
      ...(settings?.outputTokens !== undefined ? { typedOutputTokens: settings.outputTokens } : {}),
      key,
      name: settings?.name ?? own.proposedName,
      points: sorted,
      sources,
      gpusPerInstance: settings?.gpusPerInstance ?? fromName ?? scenario.defaults.gpusPerInstance,
      gpusPerInstanceFromName: fromName !== undefined,
      hardwareId:
        settings?.hardware !== undefined && hardwareIds.has(settings.hardware) ? settings.hardware : fallbackHardware,
      hidden: settings?.hidden ?? false,
      settingsIndex: own.settingsIndex,
      memberKeys: ordered,
    });
  }
  return result;
}

/**
 * Whether the series' files leave the mean input / output length unknown at every load level, measured or
 * configured (so the per-token costs need the lengths typed by the user, `series[].inputTokens` / `outputTokens`).
 */
export function missingMeanLengths(series: Pick<ResolvedSeries, 'points'>): { input: boolean; output: boolean } {
  return {
    input: series.points.every((p) => p.inputTokens.avg === undefined && p.metadata.targetInputTokens === undefined),
    output: series.points.every((p) => p.outputTokens.avg === undefined && p.metadata.targetOutputTokens === undefined),
  };
}
