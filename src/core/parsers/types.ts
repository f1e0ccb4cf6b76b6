/**
 * The contract every tool parser implements (one module per tool layout, registered in `registry.ts`).
 */
import type { LoadLevel, LoadPoint, Measurements, PointSource } from '../model/benchmark.ts';

/** A file as handed to the core: its path (folders kept) and its decoded text. */
export interface InputFile {
  path: string;
  text: string;
}

/** The file after the one parse every detector shares: JSON is parsed once, not once per parser. */
export interface SniffedFile extends InputFile {
  /** The parsed document when the text is JSON (lenient: bare NaN/Infinity accepted), else undefined. */
  json: unknown;
  /** Why JSON.parse failed, when the text looks like JSON but is not (and is not JSON Lines either). */
  jsonError?: string;
  /**
   * JSON Lines: one JSON value per non-empty line, when the whole text is not one JSON document but each
   * line is (vLLM `--append-result`, SGLang, AIPerf per-request records). A one-line file is `json` instead.
   */
  jsonLines?: unknown[];
  /** The last record of `jsonLines` was cut off and left out. */
  jsonLinesCutOff?: boolean;
  /** First non-empty line, trimmed (CSV headers are detected from it). */
  firstLine: string;
}

/**
 * One measured run as a parser reads it, before runs of the same directory are merged and grouped.
 * `load` is null when the file itself does not say; ingest then reads it from `runPath`.
 */
export interface ParsedRun extends Measurements {
  /** Identifies the run: files with the same runPath (e.g. its CSV and JSON) are one point. */
  runPath: string;
  /** Overrides the series family (default: runPath with the load token taken out). */
  familyPath?: string;
  /**
   * Where this file belongs when no other file claims `runPath` but one claims one of these paths (the first that
   * does): GenAI-Perf 0.0.x names its summary after the run folder however `--profile-export-file` named the
   * per-request export beside it.
   */
  fallbackRunPaths?: string[];
  source: PointSource;
  load: Omit<LoadLevel, 'origin'> | null;
  /** Set when the user typed the load level the file did not give. */
  loadGivenByUser?: boolean;
  /**
   * The parser's place in the registry (lower = preferred when two files of one run merge: a run's JSON before its
   * CSV). Stamped by `parseFile`, so building points never needs the parsers themselves (they stay in the worker).
   */
  formatRank?: number;
}

/** Outcome of parsing one file. `skipped` is for companion files a tool writes that carry no results. */
export type ParseOutcome =
  { kind: 'runs'; runs: ParsedRun[] } | { kind: 'skipped'; reason: string } | { kind: 'error'; reason: string };

export interface BenchmarkParser {
  /** Layout id, e.g. `genai-perf-json`. */
  id: string;
  /** What a person calls this layout, e.g. "GenAI-Perf summary JSON (profile_export_genai_perf.json)". */
  label: string;
  /** True when this parser owns the file. Cheap and side-effect free. */
  detect(file: SniffedFile): boolean;
  parse(file: SniffedFile): ParseOutcome;
}

/** Thrown inside a parser to abort one file with a reason; caught by the registry. */
export class ParseFailure extends Error {}

export type { LoadPoint };
