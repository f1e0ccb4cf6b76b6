/**
 * `npm run --silent tco -- [--scenario FILE] [--csv] PATH…` (docs/cli.md).
 * The browser app's core, run in Node: reads benchmark files and folders (recursively), prints the report
 * on stdout and nothing else. Exit 0 on success, 1 when any input file could not be read (the rest is
 * still reported), 2 for bad arguments or an invalid scenario.
 */
import { readFileSync } from 'node:fs';
import type { Scenario } from '../core/model/scenario.ts';
import type { ColumnMapping } from '../core/parsers/mapped/mapping.ts';
import { MappingError, validateMapping, validateMappings } from '../core/parsers/mapped/mapping.ts';
import type { FileOutcome } from '../core/parsers/ingest.ts';
import { ingestOutcomes } from '../core/parsers/ingest.ts';
import { adaptToReportedStats } from '../core/analysis/reportedStats.ts';
import { resolveSeries } from '../core/analysis/series.ts';
import { pointRecords, pointsCsv } from '../core/report/pointsReport.ts';
import { reportCsv } from '../core/report/reportCsv.ts';
import { buildReport } from '../core/report/reportJson.ts';
import { computeResults } from '../core/report/seriesResult.ts';
import { defaultScenario } from '../core/scenario/defaults.ts';
import type { ReadOptions } from './inputs.ts';
import { findInputs, readAndParse, readScenarioFile } from './inputs.ts';
import { terminalJson, terminalText, withTerminalText } from './sanitise.ts';

const USAGE = `usage: npm run --silent tco -- [--points] [--scenario FILE] [--mapping FILE]... [--csv] PATH...

Reads benchmark result files and folders (searched recursively: GenAI-Perf, AIPerf, vLLM, SGLang, LLMPerf,
GuideLLM, inference-perf, and any other CSV or JSON through a column mapping), picks each configuration's
operating point under the scenario's SLA, sizes it for the peak demand and prices it. Prints JSON (default) or CSV.

  --points          print the normalised points instead (one record per load level, any tool, same units)
  --scenario FILE   scenario JSON saved by the app (format "llm-tco-scenario"); default: the built-in example
  --mapping FILE    a column mapping (JSON: one mapping or a list, as the app saves them in a scenario's
                    "mappings") for files no built-in parser reads; repeatable; tried before the scenario's own
  --csv             CSV instead of JSON: one row per series (or per point with --points)
  -h, --help        this text

Exit status: 0 ok, 1 some input file could not be read (the others are still reported), 2 bad arguments or scenario.`;

class UsageError extends Error {}

interface Args {
  scenarioPath: string | undefined;
  mappingPaths: string[];
  csv: boolean;
  points: boolean;
  paths: string[];
}

function parseArgs(argv: readonly string[]): Args | 'help' {
  const args: Args = { scenarioPath: undefined, mappingPaths: [], csv: false, points: false, paths: [] };
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
    } else if (arg === '--mapping' || arg.startsWith('--mapping=')) {
      const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[++i];
      if (value === undefined || value === '') throw new UsageError('--mapping needs a file');
      args.mappingPaths.push(value);
    } else if (arg === '--') continue;
    else if (arg.startsWith('-')) throw new UsageError(`unknown option ${arg}`);
    else args.paths.push(arg);
  }
  return args;
}

function loadScenario(path: string | undefined): Scenario {
  if (path === undefined) return defaultScenario();
  const result = readScenarioFile(path);
  if (!result.ok) throw new UsageError(`scenario ${path}: ${result.message}`);
  return result.scenario;
}

/** The mappings of one `--mapping` file: an object is one mapping, a list is several. */
function loadMappings(path: string): ColumnMapping[] {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    const problem = missing ? 'no such file' : `not valid JSON (${(error as Error).message})`;
    throw new UsageError(`mapping ${path}: ${problem}`);
  }
  try {
    return Array.isArray(raw) ? validateMappings(raw, 'mapping') : [validateMapping(raw, 'mapping')];
  } catch (error) {
    if (error instanceof MappingError) throw new UsageError(`mapping ${path}: ${error.message}`);
    throw error;
  }
}

/**
 * Runs the CLI on `argv`; `read` holds internal options of the file reader (tests stream small files in small
 * chunks to compare with a whole read).
 */
export async function main(
  argv: readonly string[],
  out: (text: string) => void,
  err: (text: string) => void,
  read: Omit<ReadOptions, 'mappings'> = {},
): Promise<number> {
  try {
    const args = parseArgs(argv);
    if (args === 'help') {
      out(`${USAGE}\n`);
      return 0;
    }
    const scenario = loadScenario(args.scenarioPath);
    if (args.paths.length === 0 && scenario.points.length === 0)
      throw new UsageError('no benchmark files or folders given (and the scenario embeds no points)');

    const mappings = [...args.mappingPaths.flatMap(loadMappings), ...(scenario.mappings ?? [])];
    const inputs = findInputs(args.paths);
    // One file at a time: only its outcome (parsed runs, compact per-request arrays) is kept.
    const outcomes: FileOutcome[] = [];
    for (const file of inputs.files) {
      outcomes.push({ path: file.label, outcome: await readAndParse(file, { ...read, mappings }) });
    }
    const ingested = ingestOutcomes(outcomes);
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
    const errors = [...inputs.errors, ...ingested.errors];
    ingested.skipped.unshift(...inputs.skipped);
    // Strings from files reach the terminal and CSV only made safe (sanitise.ts).
    const printErrors = () => errors.forEach((e) => err(`error: ${terminalText(e.file)}: ${terminalText(e.reason)}\n`));
    if (args.points) {
      const records = pointRecords(resolveSeries(points, scenario), scenario.sla);
      if (args.csv) {
        out(`${pointsCsv(withTerminalText(records))}\r\n`);
        printErrors();
      } else {
        out(`${terminalJson({ points: records, errors, skipped: ingested.skipped })}\n`);
      }
      return errors.length > 0 ? 1 : 0;
    }
    const report = buildReport(computeResults(points, scenario), errors, ingested.skipped, {
      comparableWorkloads: scenario.comparableWorkloads ?? false,
    });

    if (args.csv) {
      out(`${reportCsv(withTerminalText(report))}\r\n`);
      printErrors();
    } else {
      out(`${terminalJson(report)}\n`);
    }
    return errors.length > 0 ? 1 : 0;
  } catch (error) {
    if (error instanceof UsageError) {
      err(`tco: ${terminalText(error.message)}\n\n${USAGE}\n`);
      return 2;
    }
    throw error;
  }
}

// Run only when executed directly (tests import `main`).
if (process.argv[1] !== undefined && /tco\.ts$/.test(process.argv[1])) {
  main(
    process.argv.slice(2),
    (t) => process.stdout.write(t),
    (t) => process.stderr.write(t),
  ).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(
        `tco: unexpected failure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
      process.exitCode = 3;
    },
  );
}
