/**
 * The one place a parser is registered, and `parseFile`: text in, runs or a reason out.
 * Each file is parsed on its own; nothing here throws (docs/file-formats.md §Every file).
 */
import { aiperfAggregates, aiperfInputs, aiperfTelemetry, aiperfTimeslices } from './aiperf/companions.ts';
import { aiperfCsv } from './aiperf/csv.ts';
import { aiperfJson } from './aiperf/json.ts';
import { aiperfSweepJson } from './aiperf/sweep.ts';
import { genaiPerfAnalyzeCsv } from './genaiPerf/analyzeCsv.ts';
import { genaiPerfInputs } from './genaiPerf/companions.ts';
import { genaiPerfCsv } from './genaiPerf/csv.ts';
import { genaiPerfJson } from './genaiPerf/json.ts';
import { genaiPerfRaw } from './genaiPerf/raw.ts';
import { guidellmBenchmarks } from './guidellm/benchmarks.ts';
import { guidellmCsv } from './guidellm/csv.ts';
import {
  inferencePerfAggregate,
  inferencePerfConfig,
  inferencePerfDetailReports,
  inferencePerfPrometheus,
} from './inferencePerf/companions.ts';
import { inferencePerfLifecycle } from './inferencePerf/lifecycle.ts';
import { llmperfCollection } from './llmperf/collection.ts';
import { llmperfIndividual } from './llmperf/individual.ts';
import { llmperfSummary } from './llmperf/summary.ts';
import { aiperfRequestRecords } from './aiperf/records.ts';
import type { ColumnMapping } from './mapped/mapping.ts';
import { mappedParserFor } from './mapped/readMapped.ts';
import { TOOL_IDS, TOOL_NAMES } from '../model/benchmark.ts';
import { FILE_JSON_LIMITS, jsonShapeProblem, splitJsonValues, startsLikeJson } from '../boundedJson.ts';
import { looksLikeScenario } from '../scenario/migrations.ts';
import { runProblem } from '../scenario/validateScenario.ts';
import { sglangJsonl } from './sglang/jsonl.ts';
import {
  vllmPytorchRecords,
  vllmSlaAggregate,
  vllmSweepCsv,
  vllmSweepFailure,
  vllmSweepWarmup,
} from './vllm/companions.ts';
import { vllmJson } from './vllm/result.ts';
import { vllmSweepSummary } from './vllm/sweepSummary.ts';
import { looksBinary, parseJsonLenient, truncate } from './text.ts';
import type { BenchmarkParser, InputFile, ParseOutcome, SniffedFile } from './types.ts';
import { ParseFailure } from './types.ts';

/**
 * Parsers that produce results, in detection order, which is also the preference when two files of one run merge:
 * summaries first (their statistics stay as the tool printed them), per-request files after (they add the rest).
 */
export const RESULT_PARSERS: readonly BenchmarkParser[] = [
  genaiPerfJson,
  genaiPerfCsv,
  genaiPerfAnalyzeCsv,
  vllmJson,
  vllmSweepSummary,
  sglangJsonl,
  llmperfSummary,
  llmperfCollection,
  guidellmBenchmarks,
  inferencePerfLifecycle,
  aiperfJson,
  aiperfCsv,
  aiperfSweepJson,
  genaiPerfRaw,
  aiperfRequestRecords,
  llmperfIndividual,
];
/** Parsers for companion files that are recognised and skipped. */
export const COMPANION_PARSERS: readonly BenchmarkParser[] = [
  // AIPerf's inputs.json is the more specific signature; GenAI-Perf's is claimed after it.
  aiperfInputs,
  genaiPerfInputs,
  vllmSweepWarmup,
  vllmSweepFailure,
  vllmSlaAggregate,
  vllmSweepCsv,
  vllmPytorchRecords,
  inferencePerfAggregate,
  inferencePerfPrometheus,
  inferencePerfDetailReports,
  inferencePerfConfig,
  aiperfAggregates,
  aiperfTimeslices,
  aiperfTelemetry,
  guidellmCsv,
];

/** Files larger than this are refused before reading (summaries are KBs; raw exports a few MB). */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

/** The tools whose files are read, for messages (each tool's layouts: docs/file-formats.md). */
const SUPPORTED_TOOLS = TOOL_IDS.filter((id) => id !== 'mapped')
  .map((id) => TOOL_NAMES[id])
  .join(', ');

/** Parses the text once into what every detector needs. */
export function sniff(file: InputFile): SniffedFile {
  const text = file.text.replace(/^\uFEFF/, '');
  const firstLine = (/^\s*(.*)/.exec(text)?.[1] ?? '').trim();
  const sniffed: SniffedFile = { path: file.path, text, json: undefined, firstLine };
  if (/^\s*[[{]/.test(text)) {
    try {
      sniffed.json = parseJsonLenient(text);
    } catch (error) {
      const lines = parseJsonLines(text);
      if (lines) {
        sniffed.jsonLines = lines.values;
        if (lines.lastCutOff) sniffed.jsonLinesCutOff = true;
      } else sniffed.jsonError = error instanceof Error ? error.message : String(error);
    }
  }
  return sniffed;
}

/**
 * Each non-empty line parsed as JSON; failing that, each top-level value (records printed over several lines).
 * A last record that does not parse (a file cut off while a benchmark appended to it) is left out and said, as long
 * as one complete record precedes it. Undefined when nothing else fits (fewer than two parts, or a bad one before
 * the last).
 */
function parseJsonLines(text: string): { values: unknown[]; lastCutOff: boolean } | undefined {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  return parseEach(lines) ?? parseEach(splitJsonValues(text) ?? []);
}

function parseEach(parts: readonly string[]): { values: unknown[]; lastCutOff: boolean } | undefined {
  if (parts.length < 2) return undefined;
  const values: unknown[] = [];
  for (const [index, part] of parts.entries()) {
    const last = index === parts.length - 1;
    if (!startsLikeJson(part)) return undefined;
    try {
      values.push(parseJsonLenient(part));
    } catch {
      // A cut-off value holding a line that opens another record is a bad record mid-file, not a file cut off.
      if (last && values.length > 0 && !/\n[[{]/.test(part)) return { values, lastCutOff: true };
      return undefined;
    }
  }
  return { values, lastCutOff: false };
}

export interface ParseOptions {
  /** The user's column mappings: the first that applies reads a file no built-in parser claims. */
  mappings?: readonly ColumnMapping[] | undefined;
}

/**
 * Files that sit in result folders but are never benchmark results (notes, pictures, scripts, notebooks): skipped
 * with a reason rather than reported as errors, so a dropped folder with a README reads cleanly.
 */
const NOT_RESULTS = /\.(md|markdown|rst|png|jpe?g|gif|svg|webp|pdf|html?|py|sh|ipynb|toml|ini|cfg|lock)$/i;
/** Configuration files: skipped too, unless a tool's companion parser claims them (inference-perf's config.yaml). */
const CONFIG_FILES = /\.(ya?ml)$/i;

function notAResult(extension: string | undefined): ParseOutcome {
  return { kind: 'skipped', reason: `not a benchmark result (a .${(extension ?? '').toLowerCase()} file)` };
}

/** Parses one file. Never throws: every failure becomes `{kind: 'error', reason}`. */
export function parseFile(file: InputFile, options: ParseOptions = {}): ParseOutcome {
  const notResult = NOT_RESULTS.exec(file.path);
  if (notResult) return notAResult(notResult[1]);
  if (file.text.trim() === '') return { kind: 'error', reason: 'the file is empty' };
  if (looksBinary(file.text)) return { kind: 'error', reason: 'binary data, not a text benchmark export' };
  // Checked before anything parses it: a pathological document is refused in one linear pass.
  const shape = startsLikeJson(file.text) ? jsonShapeProblem(file.text, FILE_JSON_LIMITS) : null;
  if (shape !== null) return { kind: 'error', reason: `not read: the JSON is ${shape}, which no benchmark export is` };
  const sniffed = sniff(file);
  const outcome = parseSniffed(sniffed, options);
  if (outcome) return outcome;
  const config = CONFIG_FILES.exec(file.path);
  if (config) return notAResult(config[1]);
  if (looksLikeScenario(sniffed.json)) {
    return {
      kind: 'error',
      reason: 'this is a scenario saved by this app, not a benchmark result: open it with "Open scenario…"',
    };
  }
  if (sniffed.jsonError !== undefined) {
    const hint = looksTruncated(sniffed.jsonError, sniffed.text) ? ' (the file looks truncated)' : '';
    return { kind: 'error', reason: `invalid JSON: ${truncate(sniffed.jsonError, 160)}${hint}` };
  }
  const what =
    sniffed.json !== undefined
      ? 'a JSON document of unknown layout'
      : `unknown format (first line: "${truncate(sniffed.firstLine, 60)}")`;
  return { kind: 'error', reason: `${what}; read are the result files of ${SUPPORTED_TOOLS}` };
}

/**
 * Runs the parser that claims an already sniffed file (also a document assembled from a stream), or undefined when
 * none does. Never throws.
 */
export function parseSniffed(sniffed: SniffedFile, options: ParseOptions = {}): ParseOutcome | undefined {
  const builtIn = [...RESULT_PARSERS, ...COMPANION_PARSERS].find((p) => p.detect(sniffed));
  const parser = builtIn ?? mappedParserFor(sniffed, options.mappings);
  if (!parser) return undefined;
  const outcome = runParser(parser, () => parser.parse(sniffed));
  if (outcome.kind === 'runs' && sniffed.jsonLinesCutOff) {
    for (const run of outcome.runs)
      run.notes.push("The file's last record is cut off (the file looks truncated): it was left out.");
  }
  return outcome;
}

/**
 * A parser's outcome, checked against the rules a saved scenario's points pass (runProblem), with its rank stamped
 * on the runs; or its failure as a reason a person can act on. Never throws.
 */
export function runParser(parser: BenchmarkParser, parse: () => ParseOutcome): ParseOutcome {
  try {
    const outcome = checked(parse(), parser);
    // Where two files describe the same run, the one whose parser comes first here wins field by field.
    if (outcome.kind === 'runs') for (const run of outcome.runs) run.formatRank = RESULT_PARSERS.indexOf(parser);
    return outcome;
  } catch (error) {
    if (error instanceof ParseFailure) return { kind: 'error', reason: `${parser.label}: ${error.message}` };
    // A parser bug must not take the other files down; say what happened.
    return {
      kind: 'error',
      reason: `${parser.label}: could not be read (${error instanceof Error ? error.message : String(error)})`,
    };
  }
}

/**
 * A file's runs pass the rules a saved scenario's points pass (runProblem), or the file is refused with the first
 * problem.
 */
function checked(outcome: ParseOutcome, parser: BenchmarkParser): ParseOutcome {
  if (outcome.kind !== 'runs') return outcome;
  for (const run of outcome.runs) {
    const problem = runProblem(run);
    if (problem !== null) {
      const which = outcome.runs.length > 1 ? ` (run ${run.runPath})` : '';
      return { kind: 'error', reason: `${parser.label}: a value out of range${which}: ${problem}` };
    }
  }
  return outcome;
}

/** JSON.parse failed at (or past) the end of the text: the file was cut off rather than malformed. */
function looksTruncated(message: string, text: string): boolean {
  if (/end of (?:JSON )?input|Unterminated string/i.test(message)) return true;
  const position = /at position (\d+)/.exec(message)?.[1];
  return position !== undefined && Number(position) >= text.trimEnd().length;
}
