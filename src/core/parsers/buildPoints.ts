/**
 * From parsed runs to normalised points (docs/file-formats.md §Runs, merges and series): merge the files of one
 * run (its CSV and JSON are one point, the preferred layout first), recover missing load levels from the path,
 * and key every point to its series (run-folder family, split when its runs differ in a configuration trait).
 */
import type { FileError, LoadLevel, LoadPoint } from '../model/benchmark.ts';
import type { RequestSamples, SampleField } from '../model/requestSamples.ts';
import { DISTRIBUTION_FIELDS, SCALAR_FIELDS, TOOL_NAMES } from '../model/benchmark.ts';
import { groupBy } from '../collections.ts';
import { loadFromPath, seriesNameFromFamily } from './loadFromPath.ts';
import { baseName } from './text.ts';
import { displayName } from '../format/text.ts';
import type { ParsedRun } from './types.ts';

/** A run whose load level neither the file nor its path gives: the user is asked for it. */
export interface UnresolvedRun {
  runPath: string;
  files: string[];
}

/**
 * Merges runs that share a runPath, resolves load levels and series keys. Pure and order-independent
 * in its result (inputs are sorted by path first), so re-running it over everything loaded so far is safe.
 */
export function buildLoadPoints(runs: readonly ParsedRun[]): {
  points: LoadPoint[];
  errors: FileError[];
  unresolved: UnresolvedRun[];
} {
  const byRun = groupBy(joinFallbackRuns(separateSamePathRuns(runs)), (run) => run.runPath);

  const errors: FileError[] = [];
  const unresolved: UnresolvedRun[] = [];
  const drafts: Array<{ point: LoadPoint; family: string }> = [];
  for (const runPath of [...byRun.keys()].sort()) {
    const group = (byRun.get(runPath) ?? []).slice().sort((a, b) => rank(a) - rank(b));
    const merged = mergeRuns(group);
    const fromPath = loadFromPath(runPath);
    let load: LoadLevel;
    if (merged.load) {
      const givenByUser = group.some((r) => r.loadGivenByUser);
      load = { ...merged.load, origin: givenByUser ? 'user' : 'file' };
      if (!givenByUser) noteLoadDisagreement(merged, fromPath, runPath);
    } else if (fromPath.concurrency !== undefined || fromPath.requestRate !== undefined) {
      load = {
        ...(fromPath.concurrency !== undefined
          ? { concurrency: fromPath.concurrency }
          : { requestRate: fromPath.requestRate ?? 0 }),
        origin: 'path',
      };
      merged.notes.push(`Load level read from the path ("${runPath}"): the file does not state it.`);
    } else {
      unresolved.push({ runPath, files: merged.source.map((source) => source.path) });
      for (const source of merged.source) {
        errors.push({
          file: source.path,
          reason:
            'load level missing: the file does not state its concurrency or request rate, ' +
            'and the folder or file name has none ' +
            '(name the run folder like "…-concurrency16" or load the JSON of the same run)',
        });
      }
      continue;
    }
    const family = merged.familyPath ?? fromPath.familyPath;
    drafts.push({ point: toPoint(merged, load, runPath), family });
  }
  return { points: assignSeries(drafts), errors, unresolved };
}

/**
 * Runs that share a path merge only across formats (a run's JSON and its CSV). Two files of the same format
 * claiming one run (two `artifacts/` folders dropped together) are different runs: the later ones get their
 * own run path, and the duplicated load level is flagged, instead of one silently overwriting the other.
 */
export function separateSamePathRuns(runs: readonly ParsedRun[]): ParsedRun[] {
  const seen = new Map<string, number>();
  return runs.map((run) => {
    const key = `${run.runPath}\u0000${run.source.format}`;
    const count = (seen.get(key) ?? 0) + 1;
    seen.set(key, count);
    if (count === 1) return run;
    return {
      ...run,
      runPath: `${run.runPath} (${count})`,
      familyPath: run.familyPath ?? loadFromPath(run.runPath).familyPath,
      notes: [
        ...run.notes,
        `Another ${run.source.format} file has the same path (${run.source.path}): this one is kept as its own point.`,
      ],
    };
  });
}

/** A run alone on its path joins the first of its `fallbackRunPaths` that another file claims (see ParsedRun). */
function joinFallbackRuns(runs: ParsedRun[]): ParsedRun[] {
  if (!runs.some((run) => run.fallbackRunPaths !== undefined)) return runs;
  const count = new Map<string, number>();
  for (const run of runs) count.set(run.runPath, (count.get(run.runPath) ?? 0) + 1);
  return runs.map((run) => {
    if (count.get(run.runPath) !== 1) return run;
    const target = run.fallbackRunPaths?.find((path) => count.has(path));
    return target === undefined ? run : { ...run, runPath: target };
  });
}

/**
 * The folder name and the file both give a load level of one kind, and not the same: say so, and that the file's is
 * used.
 */
function noteLoadDisagreement(
  run: MergedRun,
  fromPath: { concurrency?: number; requestRate?: number },
  runPath: string,
): void {
  for (const kind of ['concurrency', 'requestRate'] as const) {
    const inFile = run.load?.[kind];
    const inPath = fromPath[kind];
    if (inFile === undefined || inPath === undefined || inFile === inPath) continue;
    const what = kind === 'concurrency' ? 'concurrency' : 'request rate';
    run.notes.push(
      `The folder or file name ("${runPath}") says ${what} ${inPath}, ` +
        `the file says ${inFile}: the file's ${inFile} is used.`,
    );
  }
}

/** Runs parsed before parsers were ranked (older saved states) come last. */
function rank(run: ParsedRun): number {
  return run.formatRank ?? Number.MAX_SAFE_INTEGER;
}

type MergedRun = Omit<ParsedRun, 'source'> & { source: ParsedRun['source'][] };

/** Field by field, the first run that has a value wins (runs come sorted by preference). */
function mergeRuns(group: ParsedRun[]): MergedRun {
  const [primary, ...rest] = group;
  if (!primary) throw new Error('mergeRuns needs at least one run');
  const merged: MergedRun = {
    ...primary,
    source: group.map((r) => r.source),
    metadata: { ...primary.metadata },
    notes: [...primary.notes],
    derived: [...primary.derived],
  };
  const takeFrom = (other: ParsedRun, key: string) => {
    if (other.derived.includes(key) && !merged.derived.includes(key)) merged.derived.push(key);
  };
  for (const other of rest) {
    noteDisagreements(merged, primary, other);
    for (const key of DISTRIBUTION_FIELDS) {
      if (Object.keys(merged[key]).length === 0 && Object.keys(other[key]).length > 0) {
        merged[key] = other[key];
        takeFrom(other, key);
      }
    }
    for (const key of SCALAR_FIELDS) {
      const value = other[key];
      if (merged[key] === undefined && value !== undefined) {
        merged[key] = value;
        takeFrom(other, key);
      }
    }
    if (merged.tpsPerUserDefinition === undefined && other.tpsPerUserDefinition !== undefined)
      merged.tpsPerUserDefinition = other.tpsPerUserDefinition;
    if (merged.load === null) merged.load = other.load;
    merged.metadata = { ...other.metadata, ...merged.metadata };
    for (const note of other.notes) if (!merged.notes.includes(note)) merged.notes.push(note);
  }
  const withRequests = group.find((run) => run.requests !== undefined);
  if (withRequests?.requests) merged.requests = narrowDiffering(merged, withRequests, withRequests.requests);
  return merged;
}

/**
 * The point's per-request data, with `differsFromSummary` kept only for the fields whose statistics the point shows
 * as a tool printed them (a summary file, or the printed part of the per-request file): a field whose statistics
 * were computed from the samples themselves may be completed from them (any percentile).
 */
function narrowDiffering(merged: MergedRun, perRequest: ParsedRun, samples: RequestSamples): RequestSamples {
  if (samples.differsFromSummary.length === 0) return samples;
  const computed = (field: SampleField) => merged[field] === perRequest[field] && samples.statsFilled.includes(field);
  const differs = samples.differsFromSummary.filter(
    (field) => Object.keys(merged[field]).length > 0 && !computed(field),
  );
  return differs.length === samples.differsFromSummary.length ? samples : { ...samples, differsFromSummary: differs };
}

/**
 * Two files of one run (a summary JSON and its CSV) should give the same numbers up to the CSV's rounding (two
 * decimals). Where they differ by more than 1 % and more than 0.01, the preferred file's value is kept (fields
 * merge by preference) and a note beside the point names the fields and both values.
 */
function noteDisagreements(merged: MergedRun, primary: ParsedRun, other: ParsedRun): void {
  const differences: string[] = [];
  const compare = (field: string, a: number | undefined, b: number | undefined) => {
    if (a === undefined || b === undefined) return;
    const gap = Math.abs(a - b);
    if (gap > 0.01 && gap > 0.01 * Math.max(Math.abs(a), Math.abs(b)))
      differences.push(`${field} (${formatValue(a)} vs ${formatValue(b)})`);
  };
  for (const key of SCALAR_FIELDS) compare(key, primary[key], other[key]);
  // A per-request file says which fields it defines otherwise than the summary: those differ by design.
  const apart = new Set([
    ...(primary.requests?.differsFromSummary ?? []),
    ...(other.requests?.differsFromSummary ?? []),
  ]);
  for (const key of DISTRIBUTION_FIELDS) {
    if (apart.has(key)) continue;
    for (const stat of Object.keys(primary[key]) as Array<keyof (typeof primary)[typeof key]>)
      compare(`${key}.${stat}`, primary[key][stat], other[key][stat]);
  }
  if (differences.length === 0) return;
  const listed =
    differences.length > 3
      ? `${differences.slice(0, 3).join(', ')} and ${differences.length - 3} more`
      : differences.join(', ');
  const kept = baseName(primary.source.path);
  merged.notes.push(
    `${kept} and ${baseName(other.source.path)} of this run disagree beyond rounding on ${listed}: ` +
      `the values of ${kept} are used.`,
  );
}

function formatValue(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(6)));
}

function toPoint(run: MergedRun, load: LoadLevel, runPath: string): LoadPoint {
  const {
    runPath: _runPath,
    familyPath: _familyPath,
    formatRank: _rank,
    fallbackRunPaths: _fallbacks,
    source,
    load: _load,
    ...measurements
  } = run;
  const point: LoadPoint = { ...measurements, id: runPath, sources: source, seriesKey: '', seriesName: '', load };
  deriveTpsPerUser(point);
  return point;
}

/**
 * A file without a per-user speed distribution still lets the user put a tokens/s-per-user SLA:
 * avg ≈ mean output tokens / mean E2E (s). Only `avg` is derived; other stats stay unknown.
 */
function deriveTpsPerUser(point: LoadPoint): void {
  if (Object.keys(point.outputTokensPerSecondPerUser).length > 0) return;
  const osl = point.outputTokens.avg;
  const e2e = point.e2eMs.avg;
  if (osl === undefined || e2e === undefined || e2e <= 0) return;
  point.outputTokensPerSecondPerUser = { avg: osl / (e2e / 1000) };
  point.tpsPerUserDefinition = 'derived-mean-ratio';
  point.derived = [...point.derived, 'outputTokensPerSecondPerUser'];
  point.notes.push(
    'Tokens/s per user (avg) derived as mean output tokens ÷ mean E2E latency: the file has no per-user distribution.',
  );
}

/**
 * What tells one deployment configuration from another (docs/file-formats.md §Runs, merges and series): tool,
 * framework, model, dataset, requested ISL/OSL, and the configuration settings (parallelism, swept parameters,
 * labels). Each entry is `[name as shown, value]`; a missing value is left out.
 */
function configurationTraits(point: LoadPoint): Array<[string, string]> {
  const m = point.metadata;
  const traits: Array<[string, string]> = [];
  const tool = point.sources[0]?.tool;
  if (tool !== undefined) traits.push(['tool', TOOL_NAMES[tool]]);
  if (m.framework !== undefined) traits.push(['framework', m.framework]);
  if (m.model !== undefined) traits.push(['model', m.model]);
  if (m.dataset !== undefined) traits.push(['dataset', m.dataset]);
  if (m.targetInputTokens !== undefined) traits.push(['ISL', String(m.targetInputTokens)]);
  if (m.targetOutputTokens !== undefined) traits.push(['OSL', String(m.targetOutputTokens)]);
  for (const key of Object.keys(m.configuration ?? {}).sort()) traits.push([key, m.configuration?.[key] ?? '']);
  return traits;
}

/** Self-explaining values stand alone ("llama-8b", "vLLM"); settings keep their name ("tp 4", "ISL 200"). */
const VALUE_ONLY_TRAITS = new Set(['tool', 'framework', 'model', 'dataset']);
function describeTrait(name: string, value: string): string {
  return VALUE_ONLY_TRAITS.has(name) ? value : `${name} ${value}`;
}

/**
 * One family (runs of one folder pattern) is one series, unless its points differ in a configuration trait
 * (another tool, framework, model, dataset, ISL/OSL, parallelism or swept parameter): then it splits, and
 * each series is named by the traits that differ within the family ("… (model llama-8b, max_num_seqs 8)").
 */
function assignSeries(drafts: Array<{ point: LoadPoint; family: string }>): LoadPoint[] {
  const families = groupBy(drafts, (draft) => draft.family);
  const points: LoadPoint[] = [];
  for (const [family, members] of families) {
    const traitsOf = new Map(members.map(({ point }) => [point, new Map(configurationTraits(point))]));
    const names = new Set([...traitsOf.values()].flatMap((traits) => [...traits.keys()]));
    const differing = [...names].filter(
      (name) => new Set([...traitsOf.values()].map((t) => t.get(name) ?? '')).size > 1,
    );
    const familyName = seriesNameFromFamily(family);
    for (const { point } of members) {
      const traits = traitsOf.get(point) ?? new Map<string, string>();
      const described = differing
        .filter((name) => traits.has(name))
        .map((name) => describeTrait(name, traits.get(name) ?? ''));
      const signature = differing.map((name) => `${name}=${traits.get(name) ?? ''}`).join('|');
      point.seriesKey = differing.length > 0 ? `${family}|${signature}` : family;
      const name =
        differing.length > 0
          ? `${familyName} (${described.length > 0 ? described.join(', ') : 'no metadata'})`
          : familyName;
      point.seriesName = displayName(name); // folder names and model names may hold control characters
      points.push(point);
    }
    flagDuplicateLoads(members.map((m) => m.point));
  }
  return points;
}

/** Duplicated load levels in one series are kept apart and flagged (docs/decisions.md). */
function flagDuplicateLoads(points: LoadPoint[]): void {
  const bySeriesAndLoad = groupBy(points, (point) => {
    const { concurrency, requestRate, saturation } = point.load;
    return `${point.seriesKey}|${concurrency ?? ''}|${requestRate ?? ''}|${saturation ? 'sat' : ''}`;
  });
  for (const list of bySeriesAndLoad.values()) {
    if (list.length < 2) continue;
    for (const point of list) {
      point.duplicateLoadRuns = list.length;
      point.notes.push(
        `Duplicate load level: ${list.length} runs of this series share it; each is kept as its own point.`,
      );
    }
  }
}
