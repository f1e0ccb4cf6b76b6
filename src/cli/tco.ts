/**
 * `npm run --silent tco -- [--scenario FILE] [--csv] PATH…` (docs/cli.md).
 * The browser app's core, run in Node: reads benchmark files and folders (recursively), prints the report
 * on stdout and nothing else. Exit 0 on success, 1 when any input file could not be read (the rest is
 * still reported), 2 for bad arguments or an invalid scenario.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { FileError } from '../core/model/benchmark.ts';
import type { Scenario } from '../core/model/scenario.ts';
import { ingestFiles } from '../core/parsers/ingest.ts';
import { MAX_FILE_BYTES } from '../core/parsers/registry.ts';
import type { InputFile } from '../core/parsers/types.ts';
import { adaptToReportedStats } from '../core/analysis/reportedStats.ts';
import { resolveSeries } from '../core/analysis/series.ts';
import { pointRecords, pointsCsv } from '../core/report/pointsReport.ts';
import { reportCsv } from '../core/report/reportCsv.ts';
import { buildReport } from '../core/report/reportJson.ts';
import { computeResults } from '../core/report/seriesResult.ts';
import { defaultScenario } from '../core/scenario/defaults.ts';
import { validateScenario } from '../core/scenario/validateScenario.ts';

const USAGE = `usage: npm run --silent tco -- [--points] [--scenario FILE] [--csv] PATH...

Reads benchmark result files and folders (searched recursively: GenAI-Perf, AIPerf, vLLM, SGLang, LLMPerf,
GuideLLM, inference-perf), picks each configuration's operating point under the scenario's SLA, sizes it for
the peak demand and prices it. Prints JSON (default) or CSV.

  --points          print the normalised points instead (one record per load level, any tool, same units)
  --scenario FILE   scenario JSON saved by the app (format "llm-tco-scenario"); default: the built-in example
  --csv             CSV instead of JSON: one row per series (or per point with --points)
  -h, --help        this text

Exit status: 0 ok, 1 some input file could not be read (the others are still reported), 2 bad arguments or scenario.`;

class UsageError extends Error {}

interface Args {
  scenarioPath: string | undefined;
  csv: boolean;
  points: boolean;
  paths: string[];
}

function parseArgs(argv: readonly string[]): Args | 'help' {
  const args: Args = { scenarioPath: undefined, csv: false, points: false, paths: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '-h' || arg === '--help') return 'help';
    if (arg === '--csv') args.csv = true;
    else if (arg === '--points') args.points = true;
    else if (arg === '--scenario' || arg.startsWith('--scenario=')) {
      const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[++i];
      if (value === undefined || value === '') throw new UsageError('--scenario needs a file');
      if (args.scenarioPath !== undefined) throw new UsageError('--scenario given twice');
      args.scenarioPath = value;
    } else if (arg === '--') continue;
    else if (arg.startsWith('-')) throw new UsageError(`unknown option ${arg}`);
    else args.paths.push(arg);
  }
  return args;
}

/** The deepest folder that holds all the given folders (their common ancestor). */
function commonAncestor(folders: readonly string[]): string {
  const split = folders.map((f) => resolve(f).split(sep));
  const first = split[0] ?? [];
  let length = 0;
  while (length < first.length && split.every((parts) => parts[length] === first[length])) length++;
  return first.slice(0, length).join(sep) || sep;
}

/**
 * Every file under the given paths, in a stable order; hidden files inside folders are passed over. A file in
 * a folder argument is named by its path relative to the common ancestor of the folders' parents, so run-folder
 * names (which hold the concurrency) stay in it, and two `artifacts/` folders given side by side stay apart
 * (`h100/artifacts/…` and `h200/artifacts/…`). A file argument keeps the path as given.
 */
async function collectFiles(paths: readonly string[], errors: FileError[]): Promise<Array<{ path: string; label: string }>> {
  const found: Array<{ path: string; label: string }> = [];
  const kinds = await Promise.all(paths.map(async (p) => (await stat(p).catch(() => undefined))?.isDirectory() ?? false));
  const folderParents = paths.filter((_, i) => kinds[i]).map((p) => dirname(resolve(p)));
  const base = folderParents.length > 0 ? commonAncestor(folderParents) : '';
  async function walk(path: string, isArgument: boolean): Promise<void> {
    const info = await stat(path);
    if (info.isDirectory()) {
      const entries = (await readdir(path)).filter((e) => !e.startsWith('.')).sort();
      for (const entry of entries) await walk(join(path, entry), false);
    } else if (info.isFile()) {
      found.push({ path, label: isArgument ? path : relative(base, resolve(path)) });
    }
  }
  for (const path of paths) {
    try {
      await walk(path, true);
    } catch (error) {
      errors.push({ file: path, reason: (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or folder' : String(error) });
    }
  }
  return found;
}

async function readInputs(paths: readonly string[]): Promise<{ files: InputFile[]; errors: FileError[] }> {
  const errors: FileError[] = [];
  const files: InputFile[] = [];
  for (const { path, label } of await collectFiles(paths, errors)) {
    const size = (await stat(path)).size;
    if (size > MAX_FILE_BYTES) {
      errors.push({ file: label, reason: `the file is ${(size / 2 ** 20).toFixed(0)} MiB; the limit is ${MAX_FILE_BYTES / 2 ** 20} MiB` });
      continue;
    }
    const bytes = await readFile(path);
    files.push({ path: label, text: new TextDecoder('utf-8').decode(bytes) });
  }
  return { files, errors };
}

async function loadScenario(path: string | undefined): Promise<Scenario> {
  if (path === undefined) return defaultScenario();
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new UsageError(`scenario ${path}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : `not valid JSON (${(error as Error).message})`}`);
  }
  const result = validateScenario(raw);
  if (!result.ok) throw new UsageError(`scenario ${path}: ${result.message}`);
  return result.scenario;
}

export async function main(argv: readonly string[], out: (text: string) => void, err: (text: string) => void): Promise<number> {
  try {
    const args = parseArgs(argv);
    if (args === 'help') {
      out(`${USAGE}\n`);
      return 0;
    }
    const scenario = await loadScenario(args.scenarioPath);
    if (args.paths.length === 0 && scenario.points.length === 0) throw new UsageError('no benchmark files or folders given (and the scenario embeds no points)');

    const { files, errors: readErrors } = await readInputs(args.paths);
    const ingested = ingestFiles(files);
    const points = [...scenario.points, ...ingested.points];
    if (args.scenarioPath === undefined) {
      // The built-in example SLA (TTFT avg) moves to a statistic the files report (e.g. p99 only): said on stderr.
      const adapted = adaptToReportedStats(scenario.sla, scenario.view, points);
      if (adapted) {
        scenario.sla = adapted.sla;
        scenario.view = adapted.view;
        for (const change of adapted.changes) err(`note: ${change}\n`);
      }
    }
    const errors = [...readErrors, ...ingested.errors];
    if (args.points) {
      const records = pointRecords(resolveSeries(points, scenario), scenario.sla);
      if (args.csv) {
        out(`${pointsCsv(records)}\r\n`);
        for (const e of errors) err(`error: ${e.file}: ${e.reason}\n`);
      } else {
        out(`${JSON.stringify({ points: records, errors, skipped: ingested.skipped }, null, 2)}\n`);
      }
      return errors.length > 0 ? 1 : 0;
    }
    const report = buildReport(computeResults(points, scenario), errors, ingested.skipped);

    if (args.csv) {
      out(`${reportCsv(report)}\r\n`);
      for (const e of errors) err(`error: ${e.file}: ${e.reason}\n`);
    } else {
      out(`${JSON.stringify(report, null, 2)}\n`);
    }
    return errors.length > 0 ? 1 : 0;
  } catch (error) {
    if (error instanceof UsageError) {
      err(`tco: ${error.message}\n\n${USAGE}\n`);
      return 2;
    }
    throw error;
  }
}

// Run only when executed directly (tests import `main`).
if (process.argv[1] !== undefined && /tco\.ts$/.test(process.argv[1])) {
  main(process.argv.slice(2), (t) => process.stdout.write(t), (t) => process.stderr.write(t)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`tco: unexpected failure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 3;
    },
  );
}
