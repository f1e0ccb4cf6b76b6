/**
 * The one place a parser is registered, and `parseFile`: text in, runs or a reason out.
 * Each file is parsed on its own; nothing here throws (DESIGN.md §9).
 */
import { genaiPerfAnalyzeCsv } from './genaiPerf/analyzeCsv.ts';
import { genaiPerfInputs, genaiPerfRawExport } from './genaiPerf/companions.ts';
import { genaiPerfCsv } from './genaiPerf/csv.ts';
import { genaiPerfJson } from './genaiPerf/json.ts';
import { FILE_JSON_LIMITS, jsonShapeProblem, splitJsonValues, startsLikeJson } from '../boundedJson.ts';
import { looksLikeScenario } from '../scenario/migrations.ts';
import { runProblem } from '../scenario/validateScenario.ts';
import { recogniseUnsupportedTool } from './otherTools.ts';
import { looksBinary, parseJsonLenient, truncate } from './text.ts';
import type { BenchmarkParser, InputFile, ParseOutcome, SniffedFile } from './types.ts';
import { ParseFailure } from './types.ts';

/** Parsers that produce results, in detection order. */
export const RESULT_PARSERS: readonly BenchmarkParser[] = [genaiPerfJson, genaiPerfCsv, genaiPerfAnalyzeCsv];
/** Parsers for companion files that are recognised and skipped. */
const COMPANION_PARSERS: readonly BenchmarkParser[] = [genaiPerfRawExport, genaiPerfInputs];

/** Files larger than this are refused before reading (summaries are KBs; raw exports a few MB). */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

export const SUPPORTED_FORMATS = RESULT_PARSERS.map((p) => p.label);

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
      if (lines) sniffed.jsonLines = lines;
      else sniffed.jsonError = error instanceof Error ? error.message : String(error);
    }
  }
  return sniffed;
}

/**
 * Each non-empty line parsed as JSON; failing that, each top-level value (records printed over several lines).
 * Undefined when there are fewer than two or one is not JSON.
 */
function parseJsonLines(text: string): unknown[] | undefined {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  return parseEach(lines) ?? parseEach(splitJsonValues(text) ?? []);
}

function parseEach(parts: readonly string[]): unknown[] | undefined {
  if (parts.length < 2) return undefined;
  const values: unknown[] = [];
  for (const part of parts) {
    if (!startsLikeJson(part)) return undefined;
    try {
      values.push(parseJsonLenient(part));
    } catch {
      return undefined;
    }
  }
  return values;
}

/**
 * The tool of a file that is not one JSON document but whose first record is JSON (JSON Lines, perhaps cut off,
 * or records spread over several lines), named from that record.
 */
function toolOfFirstRecord(file: SniffedFile): string | undefined {
  let json = file.jsonLines?.[0];
  const first = json === undefined ? splitJsonValues(file.text)?.[0] : undefined;
  if (first !== undefined) {
    try {
      json = parseJsonLenient(first);
    } catch {
      return undefined;
    }
  }
  if (json === undefined) return undefined;
  return recogniseUnsupportedTool({ path: file.path, text: file.text, json, firstLine: JSON.stringify(json) });
}

/** Where two files describe the same run, the one whose parser comes first here wins field by field. */
export function formatPreference(format: string): number {
  const index = RESULT_PARSERS.findIndex((parser) => parser.id === format);
  return index < 0 ? RESULT_PARSERS.length : index;
}

/** Parses one file. Never throws: every failure becomes `{kind: 'error', reason}`. */
export function parseFile(file: InputFile): ParseOutcome {
  if (file.text.trim() === '') return { kind: 'error', reason: 'the file is empty' };
  if (looksBinary(file.text)) return { kind: 'error', reason: 'binary data, not a text benchmark export' };
  // Checked before anything parses it: a pathological document is refused in one linear pass.
  const shape = startsLikeJson(file.text) ? jsonShapeProblem(file.text, FILE_JSON_LIMITS) : null;
  if (shape !== null) return { kind: 'error', reason: `not read: the JSON is ${shape}, which no benchmark export is` };
  const sniffed = sniff(file);
  const parser = [...RESULT_PARSERS, ...COMPANION_PARSERS].find((p) => p.detect(sniffed));
  if (parser) {
    try {
      return checked(parser.parse(sniffed), parser);
    } catch (error) {
      if (error instanceof ParseFailure) return { kind: 'error', reason: `${parser.label}: ${error.message}` };
      // A parser bug must not take the other files down; say what happened.
      return { kind: 'error', reason: `${parser.label}: could not be read (${error instanceof Error ? error.message : String(error)})` };
    }
  }
  if (looksLikeScenario(sniffed.json)) {
    return { kind: 'error', reason: 'this is a scenario saved by this app, not a benchmark result: open it with "Open scenario…"' };
  }
  if (sniffed.jsonError !== undefined) {
    const tool = toolOfFirstRecord(sniffed);
    if (tool !== undefined) {
      return { kind: 'error', reason: `this looks like a ${tool} file, which is not supported yet, and it is not valid JSON either: ${truncate(sniffed.jsonError, 120)}` };
    }
    const hint = looksTruncated(sniffed.jsonError, sniffed.text) ? ' (the file looks truncated)' : '';
    return { kind: 'error', reason: `invalid JSON: ${truncate(sniffed.jsonError, 160)}${hint}` };
  }
  const other = recogniseUnsupportedTool(sniffed) ?? (sniffed.jsonLines ? toolOfFirstRecord(sniffed) : undefined);
  if (other !== undefined) {
    return { kind: 'error', reason: `this looks like a ${other} file, which is not supported yet; supported: ${SUPPORTED_FORMATS.join('; ')}` };
  }
  const what = sniffed.json !== undefined ? 'a JSON document of unknown layout' : `unknown format (first line: "${truncate(sniffed.firstLine, 60)}")`;
  return { kind: 'error', reason: `${what}; supported: ${SUPPORTED_FORMATS.join('; ')}` };
}

/** A file's runs pass the rules a saved scenario's points pass (runProblem), or the file is refused with the first problem. */
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
