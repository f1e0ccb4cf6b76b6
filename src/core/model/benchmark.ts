/**
 * Normalised benchmark data (docs/method.md §Metrics and units). Every parser turns a tool's file into these shapes;
 * nothing downstream knows which tool a number came from except through `source` and `notes`.
 */
import type { RequestSamples } from './requestSamples.ts';

/**
 * The statistics offered in menus, columns and file formats. A distribution may also carry any other percentile
 * `p<N>` (0 < N < 100, written as the shortest decimal: `p97.5`, `p99.99`), e.g. computed from per-request data.
 */
export const STATS = [
  'avg',
  'min',
  'max',
  'p1',
  'p5',
  'p10',
  'p25',
  'p50',
  'p75',
  'p90',
  'p95',
  'p99',
  'p99.9',
] as const;
export type NamedStat = (typeof STATS)[number];
export type Stat = NamedStat | `p${number}`;

/** `p<N>` with 0 < N < 100 in its shortest decimal form (so one percentile has one name). */
export function isPercentileStat(value: string): boolean {
  if (!/^p\d{1,2}(?:\.\d{1,6})?$/.test(value)) return false;
  const n = Number(value.slice(1));
  return n > 0 && n < 100 && `p${n}` === value;
}

export function isStat(value: unknown): value is Stat {
  return typeof value === 'string' && ((STATS as readonly string[]).includes(value) || isPercentileStat(value));
}

/** Where a statistic sits on the distribution, in percent: min 0, max 100, p<N> N, and the mean with the median. */
export function statPosition(stat: Stat): number {
  if (stat === 'avg') return 50;
  if (stat === 'min') return 0;
  if (stat === 'max') return 100;
  return Number(stat.slice(1));
}

/** Statistics in reading order (avg, min, max, then percentiles ascending), for columns and menus. */
export function compareStats(a: Stat, b: Stat): number {
  const rank = (s: Stat) => (s === 'avg' ? -3 : s === 'min' ? -2 : s === 'max' ? -1 : statPosition(s));
  return rank(a) - rank(b);
}

/** stat → value for the stats the file has. A stat the file lacks is absent (never 0, never NaN). */
export type Distribution = Partial<Record<NamedStat, number>> & { [percentile: `p${number}`]: number };

/** The benchmark tools whose files are read; `mapped` is any file read through a user-defined column mapping. */
export const TOOL_IDS = [
  'genai-perf',
  'aiperf',
  'vllm',
  'sglang',
  'llmperf',
  'guidellm',
  'inference-perf',
  'mapped',
] as const;
export type ToolId = (typeof TOOL_IDS)[number];

/** What a person calls each tool, for labels and messages. */
export const TOOL_NAMES: Readonly<Record<ToolId, string>> = {
  'genai-perf': 'NVIDIA GenAI-Perf',
  aiperf: 'NVIDIA AIPerf',
  vllm: 'vLLM bench serve',
  sglang: 'SGLang bench_serving',
  llmperf: 'LLMPerf',
  guidellm: 'GuideLLM',
  'inference-perf': 'inference-perf',
  mapped: 'mapped file',
};

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
 * The load generator's setting for one run. At least one of `concurrency`, `requestRate`, `saturation` is present.
 * - `concurrency`: requests kept in flight by a closed-loop generator.
 * - `requestRate`: offered requests per second of an open-loop generator.
 */
export interface LoadLevel {
  concurrency?: number;
  requestRate?: number;
  /**
   * An open-loop run with no rate limit (vLLM/SGLang `request_rate: inf`, GuideLLM `throughput`): the generator
   * sent everything at once. No offered rate is invented; such a run sorts after every finite level.
   */
  saturation?: boolean;
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
  /** The serving framework measured (vllm, sglang, tensorrt-llm…), when the file says. */
  framework?: string;
  /** The dataset or workload name (sharegpt, random, a trace…), when the file says. */
  dataset?: string;
  /**
   * Other settings that tell configurations apart, as the file or its folder names give them: parallelism
   * (`tp`, `pp`, `dp`), swept server/benchmark parameters (`max_num_seqs`), a run label. Values as text.
   */
  configuration?: Record<string, string>;
}

/**
 * Definition of the per-user output speed a tool reports:
 * - `osl-over-e2e`: output tokens / end-to-end latency per request (docs/method.md §Metrics and units; old
 *   GenAI-Perf `per_request`);
 * - `inverse-itl`: 1 / ITL per request (new GenAI-Perf and AIPerf `per_user`); excludes TTFT;
 * - `derived-mean-ratio`: mean output length / mean E2E, computed here because the file had no distribution.
 */
export type TpsPerUserDefinition = 'osl-over-e2e' | 'inverse-itl' | 'derived-mean-ratio';

/**
 * What one run measured (docs/method.md §Metrics and units), shared by a parsed run and a normalised point.
 * Latencies in ms.
 */
export interface Measurements {
  metadata: RunMetadata;
  /** Time to first token, ms. */
  ttftMs: Distribution;
  /** Time to second token, ms (newer tools only). */
  ttstMs: Distribution;
  /**
   * Inter-token latency, ms, as the tool defines it. GenAI-Perf and AIPerf: (E2E − TTFT) / (output tokens − 1)
   * per request (= TPOT); vLLM and SGLang: the gaps between streamed chunks. `notes` say which.
   */
  itlMs: Distribution;
  /**
   * Time per output token, ms: (E2E − TTFT) / (output tokens − 1) per request, when the tool reports it apart from
   * ITL.
   */
  tpotMs: Distribution;
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
  /** Good requests per second as the file reports it (against the tool's own SLA thresholds). */
  goodputRequestsPerSecond?: number;
  /** What the parser mapped or derived, in words (shown beside the point). */
  notes: string[];
  /** Names of the fields computed rather than read from the file (e.g. `requestsPerSecond` = completed ÷ duration). */
  derived: string[];
  /**
   * One value per request, when a per-request file of the run was read: any percentile and the goodput against the
   * user's SLA come from these. Held in memory only: saved scenarios, links and the browser storage keep summaries.
   */
  requests?: RequestSamples;
}

/** The distribution fields of Measurements, for code that treats them alike (merging, interpolation, validation). */
export const DISTRIBUTION_FIELDS = [
  'ttftMs',
  'ttstMs',
  'itlMs',
  'tpotMs',
  'e2eMs',
  'outputTokensPerSecondPerUser',
  'inputTokens',
  'outputTokens',
] as const;
/** The optional scalar fields of Measurements. */
export const SCALAR_FIELDS = [
  'outputTokensPerSecond',
  'requestsPerSecond',
  'inputTokensPerSecond',
  'requestCount',
  'errorCount',
  'durationS',
  'goodputRequestsPerSecond',
] as const;

/** Measurements with nothing measured yet. */
export function emptyMeasurements(): Measurements {
  return {
    metadata: {},
    ttftMs: {},
    ttstMs: {},
    itlMs: {},
    tpotMs: {},
    e2eMs: {},
    outputTokensPerSecondPerUser: {},
    inputTokens: {},
    outputTokens: {},
    notes: [],
    derived: [],
  };
}

/** One benchmark run at one load level, normalised (docs/file-formats.md). */
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
  /** How many runs of this series share this point's load level, when more than one (all kept, each flagged). */
  duplicateLoadRuns?: number;
}

/** A file that could not be used, with the reason a person can act on. */
export interface FileError {
  file: string;
  reason: string;
}
