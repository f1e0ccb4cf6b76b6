/**
 * Points grouped into series (deployment configurations) and each series' settings resolved from the
 * scenario (DESIGN.md §2, §7): `series[].match` selects a series whose name, key or any source path
 * contains it, the first matching entry wins, and unmatched series take `defaults`.
 */
import type { LoadPoint } from '../model/benchmark.ts';
import type { HardwareProfile, Scenario, SeriesSettings } from '../model/scenario.ts';
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
  hardware: HardwareProfile;
  hidden: boolean;
  /** Index of the `scenario.series` entry that matched, or -1 for defaults. */
  settingsIndex: number;
}

export function groupBySeriesKey(points: readonly LoadPoint[]): Map<string, LoadPoint[]> {
  const groups = new Map<string, LoadPoint[]>();
  for (const point of points) {
    const list = groups.get(point.seriesKey);
    if (list) list.push(point);
    else groups.set(point.seriesKey, [point]);
  }
  return groups;
}

export function findSettings(settings: readonly SeriesSettings[], key: string, proposedName: string, sources: readonly string[]): number {
  return settings.findIndex((s) => key.includes(s.match) || proposedName.includes(s.match) || sources.some((p) => p.includes(s.match)));
}

export function resolveSeries(points: readonly LoadPoint[], scenario: Pick<Scenario, 'series' | 'defaults' | 'hardware'>): ResolvedSeries[] {
  const hardwareById = new Map(scenario.hardware.map((h) => [h.id, h]));
  const fallbackHardware = hardwareById.get(scenario.defaults.hardware) ?? scenario.hardware[0];
  if (!fallbackHardware) throw new Error('a scenario needs at least one hardware profile');
  const result: ResolvedSeries[] = [];
  for (const [key, members] of groupBySeriesKey(points)) {
    const sorted = sortByLoad(members);
    const proposedName = sorted[0]?.seriesName ?? key;
    const sources = [...new Set(sorted.flatMap((p) => p.sources.map((s) => s.path)))];
    const settingsIndex = findSettings(scenario.series, key, proposedName, sources);
    const settings = scenario.series[settingsIndex];
    result.push({
      key,
      name: settings?.name ?? proposedName,
      points: sorted,
      sources,
      gpusPerInstance: settings?.gpusPerInstance ?? scenario.defaults.gpusPerInstance,
      hardware: (settings?.hardware !== undefined ? hardwareById.get(settings.hardware) : undefined) ?? fallbackHardware,
      hidden: settings?.hidden ?? false,
      settingsIndex,
    });
  }
  return result;
}
