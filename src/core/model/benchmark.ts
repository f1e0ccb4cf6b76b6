/**
 * Normalised benchmark data (DESIGN.md §2, §3). Every parser turns a tool's file into these shapes;
 * nothing downstream knows which tool a number came from except through `source` and `notes`.
 */

/** Statistics a latency or length distribution may carry. Percentiles are named `p<N>`. */
export const STATS = ['avg', 'min', 'max', 'p1', 'p5', 'p10', 'p25', 'p50', 'p75', 'p90', 'p95', 'p99', 'p99.9'] as const;
export type Stat = (typeof STATS)[number];

export function isStat(value: unknown): value is Stat {
  return typeof value === 'string' && (STATS as readonly string[]).includes(value);
}

/** stat → value for the stats the file has. A stat the file lacks is absent (never 0, never NaN). */
export type Distribution = Partial<Record<Stat, number>>;

export type ToolId = 'genai-perf';

/** Which file a point came from. One point may merge several files of the same run (CSV + JSON). */
export interface PointSource {
  /** Path as given or dropped, folders included (the load level often lives in a folder name). */
  path: string;
  tool: ToolId;
  /** Layout within the tool, e.g. `genai-perf-json`, `genai-perf-csv`, `genai-perf-analyze-csv`. */
  format: string;
  toolVersion?: string;
}

/**
 * The load generator's setting for one run. At least one of the two is present.
 * - `concurrency`: requests kept in flight by a closed-loop generator.
 * - `requestRate`: offered requests per second of an open-loop generator.
 */
export interface LoadLevel {
  concurrency?: number;
  requestRate?: number;
  /** Where the value came from: the file's own config, the run folder / file name, or the user. */
  origin: 'file' | 'path' | 'user';
}

/** What the run was measuring: shared by the points of one deployment configuration. */
export interface RunMetadata {
  model?: string;
  backend?: string;
  endpointType?: string;
  /** Requested mean input / output lengths (tokens), when the tool records them. */
  targetInputTokens?: number;
  targetOutputTokens?: number;
}

/**
 * Definition of the per-user output speed a tool reports:
 * - `osl-over-e2e`: output tokens / end-to-end latency per request (DESIGN.md §3, old GenAI-Perf `per_request`);
 * - `inverse-itl`: 1 / ITL per request (new GenAI-Perf and AIPerf `per_user`); excludes TTFT;
 * - `derived-mean-ratio`: mean output length / mean E2E, computed here because the file had no distribution.
 */
export type TpsPerUserDefinition = 'osl-over-e2e' | 'inverse-itl' | 'derived-mean-ratio';

/** What one run measured (DESIGN.md §2–§3), shared by a parsed run and a normalised point. Latencies in ms. */
export interface Measurements {
  metadata: RunMetadata;
  /** Time to first token, ms. */
  ttftMs: Distribution;
  /** Time to second token, ms (newer tools only). */
  ttstMs: Distribution;
  /** Inter-token latency, ms: (E2E − TTFT) / (output tokens − 1) per request, i.e. TPOT (DESIGN.md §3). */
  itlMs: Distribution;
  /** End-to-end request latency, ms. */
  e2eMs: Distribution;
  /** Output tokens/s per request ("per user"); see `tpsPerUserDefinition`. */
  outputTokensPerSecondPerUser: Distribution;
  tpsPerUserDefinition?: TpsPerUserDefinition;
  /** System-wide output tokens per second. */
  outputTokensPerSecond?: number;
  /** Completed requests per second. */
  requestsPerSecond?: number;
  inputTokensPerSecond?: number;
  /** Input / output sequence length per request, tokens. */
  inputTokens: Distribution;
  outputTokens: Distribution;
  requestCount?: number;
  errorCount?: number;
  durationS?: number;
  /** What the parser mapped or derived, in words (shown beside the point). */
  notes: string[];
}

/** The distribution fields of Measurements, for code that treats them alike (merging, interpolation, validation). */
export const DISTRIBUTION_FIELDS = ['ttftMs', 'ttstMs', 'itlMs', 'e2eMs', 'outputTokensPerSecondPerUser', 'inputTokens', 'outputTokens'] as const;
/** The optional scalar fields of Measurements. */
export const SCALAR_FIELDS = ['outputTokensPerSecond', 'requestsPerSecond', 'inputTokensPerSecond', 'requestCount', 'errorCount', 'durationS'] as const;

/** Measurements with nothing measured yet. */
export function emptyMeasurements(): Measurements {
  return { metadata: {}, ttftMs: {}, ttstMs: {}, itlMs: {}, e2eMs: {}, outputTokensPerSecondPerUser: {}, inputTokens: {}, outputTokens: {}, notes: [] };
}

/** One benchmark run at one load level, normalised (DESIGN.md §2). */
export interface LoadPoint extends Measurements {
  /** Stable id: the run key (path family + load), unique within a load. */
  id: string;
  /** Files merged into this point (a CSV and a JSON of the same run are one point). */
  sources: PointSource[];
  /** Deployment-configuration key used to group points into series (run-folder family + metadata). */
  seriesKey: string;
  /** Human name proposed for the series this point belongs to. */
  seriesName: string;
  load: LoadLevel;
}

/** A file that could not be used, with the reason a person can act on. */
export interface FileError {
  file: string;
  reason: string;
}
