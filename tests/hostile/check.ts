/**
 * Runs corpus cases through the page's own code paths in Node (the worker's `parseFiles`, the store's scenario
 * reader, the share-link decoder) and states what came of each; the tests compare that with the case's
 * expectation, and the e2e suite does the same in Chromium.
 */
import type { FileError, LoadPoint } from '../../src/core/model/benchmark.ts';
import { buildLoadPoints } from '../../src/core/parsers/ingest.ts';
import type { ParsedRun } from '../../src/core/parsers/types.ts';
import { buildScenario, decodeShareLink, parseScenarioText, scenarioToJson } from '../../src/core/scenario/scenarioCodec.ts';
import type { ScenarioResult } from '../../src/core/scenario/validateScenario.ts';
import { defaultScenario } from '../../src/core/scenario/defaults.ts';
import { readScenarioFile } from '../../src/store/scenarioIO.ts';
import { parseFiles } from '../../src/workers/parseFiles.ts';
import type { FileCase, FileExpectation } from './corpus.ts';

export interface FileOutcome {
  points: LoadPoint[];
  errors: FileError[];
  skipped: FileError[];
  ms: number;
}

/** A case's files through the parse worker's code (read, decode, parse) and the merge, each path under `<id>/`. */
export async function ingestCase(c: FileCase): Promise<FileOutcome> {
  const started = performance.now();
  const runs: ParsedRun[] = [];
  const errors: FileError[] = [];
  const skipped: FileError[] = [];
  const files = c.files.map((f) => ({ path: `${c.id}/${f.path}`, file: new Blob([f.bytes]) }));
  await parseFiles(files, {
    start: () => undefined,
    bytes: () => undefined,
    file: (index, outcome) => {
      const path = files[index]?.path ?? '';
      if (outcome.kind === 'runs') runs.push(...outcome.runs);
      else (outcome.kind === 'error' ? errors : skipped).push({ file: path, reason: outcome.reason });
    },
  });
  const built = buildLoadPoints(runs);
  return { points: built.points, errors: [...errors, ...built.errors], skipped, ms: performance.now() - started };
}

/** What is wrong with an outcome against its expectation (empty when it matches). */
export function fileProblems(c: FileCase, outcome: { points: ReadonlyArray<Pick<LoadPoint, 'notes' | 'seriesName'>>; errors: FileError[]; skipped: FileError[] }): string[] {
  const e: FileExpectation = c.expect;
  const problems: string[] = [];
  const path = (relative: string) => `${c.id}/${relative}`;
  if (e.tool !== undefined) {
    const named = outcome.errors.length > 0 && outcome.errors.every((err) => e.tool?.test(err.reason));
    if (!named && outcome.points.length === 0) problems.push(`neither named as ${e.tool} nor read: ${JSON.stringify(outcome.errors)}`);
    return problems;
  }
  if (outcome.points.length !== e.points) problems.push(`${outcome.points.length} points, expected ${e.points}`);
  const expected = Object.entries(e.errors ?? {});
  for (const [file, reason] of expected) {
    const error = outcome.errors.find((err) => err.file === path(file));
    if (!error) problems.push(`no error for ${file}`);
    else if (!reason.test(error.reason)) problems.push(`${file}: "${error.reason.slice(0, 300)}" does not match ${reason}`);
  }
  const unexpected = outcome.errors.filter((err) => !expected.some(([file]) => err.file === path(file)));
  if (unexpected.length > 0) problems.push(`unexpected errors: ${JSON.stringify(unexpected).slice(0, 500)}`);
  if ((e.skipped ?? 0) !== outcome.skipped.length) problems.push(`${outcome.skipped.length} skipped, expected ${e.skipped ?? 0}`);
  const notes = outcome.points.flatMap((p) => p.notes);
  for (const note of e.notes ?? []) if (!notes.some((n) => note.test(n))) problems.push(`no note matching ${note} among ${JSON.stringify(notes)}`);
  if (e.seriesName) for (const p of outcome.points) if (!e.seriesName.test(p.seriesName)) problems.push(`series name ${JSON.stringify(p.seriesName)} does not match ${e.seriesName}`);
  return problems;
}

/** The points saved in a scenario and read back: what was accepted must reopen, with every point. */
export function saveAndReopen(points: readonly LoadPoint[]): ScenarioResult {
  const { points: _none, ...settings } = defaultScenario();
  const text = scenarioToJson(buildScenario(settings, points, new Map()));
  return parseScenarioText(text);
}

export async function openScenarioBytes(bytes: Uint8Array<ArrayBuffer>): Promise<ScenarioResult & { ms: number }> {
  const started = performance.now();
  const result = await readScenarioFile(new Blob([bytes]));
  return { ...result, ms: performance.now() - started };
}

export function openLink(fragment: string): { result: ScenarioResult | null; ms: number } {
  const started = performance.now();
  const result = decodeShareLink(fragment);
  return { result, ms: performance.now() - started };
}
