/**
 * What vLLM `vllm bench serve` (formerly `benchmarks/benchmark_serving.py`) and SGLang `bench_serving` (adapted
 * from it) share: one flat JSON object per run, appended one per line when several runs go to one file.
 *
 *   "<stat>_<metric>_ms": mean → avg, median → p50, p<P> → that percentile (p99, p99.9…), min/max; std is not a
 *                         percentile and is ignored. Metrics: ttft, tpot, itl, and e2el (vLLM) / e2e_latency (SGLang).
 *   completed             successful requests;   duration                  seconds of the run
 *   total_input_tokens    summed prompt tokens;  total_output_tokens       summed generated tokens
 *   request_throughput    requests/s;            output_throughput         output tokens/s (system-wide)
 *
 * Sources read: vLLM `vllm/benchmarks/serve.py` (`process_one_metric`, `result_json`) and the older
 * `benchmarks/benchmark_serving.py`; SGLang `python/sglang/bench_serving.py` (`result = {…}` in `benchmark`).
 */
import { isObject } from '../collections.ts';
import type { Distribution, PointSource } from '../model/benchmark.ts';
import { isStat } from '../model/benchmark.ts';
import { emptyRun, requireThroughput } from './runs.ts';
import { baseName } from './text.ts';
import type { ParsedRun, SniffedFile } from './types.ts';
import { ParseFailure } from './types.ts';
import { checkedNumber } from './units.ts';

export type Json = Record<string, unknown>;

/** One result object of a file and where it sits: `line` is its 1-based line (1 for a one-object file). */
export interface ResultRecord {
  value: unknown;
  line: number;
  /** The text of that object: bare `Infinity` is only visible here (the lenient JSON parse makes it null). */
  text: string;
}

/** The file's result objects: the whole document, or each line of a JSON Lines file. */
function resultRecords(file: SniffedFile): ResultRecord[] {
  if (file.jsonLines === undefined) return [{ value: file.json, line: 1, text: file.text }];
  const lines = file.text.split(/\r?\n/);
  const records: ResultRecord[] = [];
  lines.forEach((text, index) => {
    if (text.trim() !== '') records.push({ value: file.jsonLines?.[records.length], line: index + 1, text });
  });
  return records;
}

/** The first result object of a file (a detector looks at no more). */
export function firstRecord(file: SniffedFile): unknown {
  return file.jsonLines !== undefined ? file.jsonLines[0] : file.json;
}

/** A number the file may leave out (absent or null); anything else must be a finite, non-negative number. */
export function optionalNumber(doc: Json, key: string): number | undefined {
  const value = doc[key];
  return value === undefined || value === null ? undefined : checkedNumber(value, key);
}

/** A non-empty text value, else undefined. */
export function optionalText(doc: Json, key: string): string | undefined {
  const value = doc[key];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

const STAT_OF_PREFIX: Readonly<Record<string, string>> = { mean: 'avg', median: 'p50', min: 'min', max: 'max' };

/**
 * The latency statistics of one metric, in ms: every `<stat>_<metric>_ms` key the object has, and the
 * `percentiles_<metric>_ms` list of `[percentile, value]` pairs that vLLM's metrics dataclass holds, when a
 * file carries it. A statistic the file lacks stays absent.
 */
export function latencyStats(doc: Json, metric: string): Distribution {
  const out: Distribution = {};
  const pattern = new RegExp(`^(mean|median|min|max|p\\d+(?:\\.\\d+)?)_${metric}_ms$`);
  for (const [key, value] of Object.entries(doc)) {
    const prefix = pattern.exec(key)?.[1];
    if (prefix === undefined || value === null) continue;
    const stat = STAT_OF_PREFIX[prefix] ?? prefix;
    if (isStat(stat)) out[stat] = checkedNumber(value, key);
  }
  const listKey = `percentiles_${metric}_ms`;
  const list = doc[listKey];
  if (list !== undefined && list !== null) {
    if (!Array.isArray(list)) throw new ParseFailure(`${listKey} is not a list of [percentile, value] pairs`);
    list.forEach((pair: unknown, index) => {
      if (!Array.isArray(pair) || pair.length !== 2) {
        throw new ParseFailure(`${listKey}[${index}] is not a [percentile, value] pair`);
      }
      const stat = `p${checkedNumber(pair[0], `${listKey}[${index}][0]`)}`;
      const value = checkedNumber(pair[1], `${listKey}[${index}][1]`);
      if (isStat(stat) && out[stat] === undefined) out[stat] = value;
    });
  }
  return out;
}

/**
 * The run totals both tools write: request count, duration, throughputs, and the mean input / output lengths,
 * which the files give only as totals (mean = total ÷ completed, marked derived). A file without
 * `request_throughput` (older SGLang lines) gets requests/s = completed ÷ duration, marked derived.
 */
export function readTotals(doc: Json, run: ParsedRun): void {
  const completed = optionalNumber(doc, 'completed');
  const duration = optionalNumber(doc, 'duration');
  if (completed === 0) throw new ParseFailure('completed is 0: no request succeeded, so nothing was measured');
  if (completed !== undefined && !Number.isInteger(completed)) {
    throw new ParseFailure(`completed is ${completed}, expected a whole number of requests`);
  }
  if (completed !== undefined) run.requestCount = completed;
  if (duration !== undefined) run.durationS = duration;

  const rps = optionalNumber(doc, 'request_throughput');
  if (rps !== undefined) run.requestsPerSecond = rps;
  else if (completed !== undefined && duration !== undefined && duration > 0) {
    run.requestsPerSecond = finiteQuotient(completed, duration, 'completed ÷ duration');
    run.derived.push('requestsPerSecond');
    run.notes.push('Requests/s derived as completed ÷ duration: the file has no request_throughput.');
  }
  const otps = optionalNumber(doc, 'output_throughput');
  if (otps !== undefined) run.outputTokensPerSecond = otps;

  const meanOf = (key: string, field: 'inputTokens' | 'outputTokens') => {
    const total = optionalNumber(doc, key);
    if (total === undefined || completed === undefined) return;
    run[field] = { avg: finiteQuotient(total, completed, `${key} ÷ completed`) };
    run.derived.push(field);
  };
  meanOf('total_input_tokens', 'inputTokens');
  meanOf('total_output_tokens', 'outputTokens');
  if (run.derived.includes('inputTokens') || run.derived.includes('outputTokens')) {
    run.notes.push('Mean input / output tokens derived as total_input_tokens / total_output_tokens ÷ completed.');
  }
  requireThroughput(run);
}

/** numerator ÷ denominator, refused when the division overflows (a duration of 1e-320 s). */
function finiteQuotient(numerator: number, denominator: number, what: string): number {
  const value = numerator / denominator;
  if (!Number.isFinite(value)) throw new ParseFailure(`${what} is not a finite number`);
  return value;
}

/** The load generator's settings as a file states them: `unlimited` for a request rate of infinity. */
export interface OfferedLoad {
  concurrency?: number | undefined;
  rate?: number | undefined;
  unlimited: boolean;
}

/**
 * The load level of a run (both tools share the generator): `max_concurrency` when set, else the offered request
 * rate (open loop), else — rate infinite, no concurrency cap — a saturation run, for which no number is invented.
 * `unlimitedAs` is how the file writes the infinite rate (`"inf"`, `Infinity`). Zero means "not set".
 */
export function setLoad(run: ParsedRun, offered: OfferedLoad, unlimitedAs: string): void {
  const { concurrency, rate, unlimited } = offered;
  if (concurrency !== undefined && concurrency > 0) {
    run.load = rate !== undefined && rate > 0 ? { concurrency, requestRate: rate } : { concurrency };
    if (unlimited) {
      const how = 'so a request started whenever a slot was free';
      run.notes.push(`Load: max_concurrency ${concurrency}; request_rate ${unlimitedAs}, ${how}.`);
    }
  } else if (rate !== undefined && rate > 0) {
    run.load = { requestRate: rate };
    run.notes.push(`Load: offered request_rate ${rate} req/s (open loop); the chart's y is the throughput achieved.`);
  } else if (unlimited) {
    run.load = { saturation: true };
    run.notes.push(
      `Load: request_rate ${unlimitedAs} with no max_concurrency: every request was sent at once (saturation); ` +
        'no rate is invented.',
    );
  }
}

/** Says how the tool's ITL and TPOT differ, when the file has either. */
export function noteItlAndTpot(run: ParsedRun, tool: string): void {
  if (Object.keys(run.itlMs).length === 0 && Object.keys(run.tpotMs).length === 0) return;
  run.notes.push(
    `${tool} ITL is the gap between streamed chunks (every gap of every request); TPOT is (E2E − TTFT) ÷ ` +
      '(output tokens − 1) per request. Both kept apart.',
  );
}

/** The per-request arrays `--save-detailed` (vLLM) / `--output-details` (SGLang) add to a result. */
const PER_REQUEST_ARRAYS = ['ttfts', 'itls', 'latencies', 'input_lens', 'output_lens', 'start_times'];

/** Says so when a result carries per-request arrays: only its aggregates are read for now. */
export function notePerRequestArrays(doc: Json, run: ParsedRun): void {
  const present = PER_REQUEST_ARRAYS.filter((key) => Array.isArray(doc[key]));
  if (present.length === 0) return;
  run.notes.push(
    `Per-request arrays (${present.join(', ')}; times in seconds): not used yet, the aggregates of the same run are.`,
  );
}

/**
 * Reads every result object of a file with `readOne`; a failure names the line of a multi-run file. One object
 * gives the run path of the file (its name without the extension); several give `<that>#<n>`, one family.
 */
export function readResults(
  file: SniffedFile,
  source: Omit<PointSource, 'path'>,
  familyOf: (stemPath: string) => string,
  readOne: (doc: Json, run: ParsedRun, record: ResultRecord) => void,
): ParsedRun[] {
  const records = resultRecords(file);
  const stemPath = file.path.replace(/\.jsonl?$/i, '');
  return records.map((record, index) => {
    const runPath = records.length === 1 ? stemPath : `${stemPath}#${index + 1}`;
    const run = emptyRun(runPath, { ...source, path: file.path });
    run.familyPath = familyOf(stemPath);
    try {
      if (!isObject(record.value)) throw new ParseFailure('not a JSON object');
      readOne(record.value, run, record);
    } catch (error) {
      const multi = error instanceof ParseFailure && records.length > 1;
      throw multi ? new ParseFailure(`line ${record.line}: ${error.message}`) : error;
    }
    return run;
  });
}

/** The folder part of a path ('' for a bare file name). */
export function folderOf(path: string): string {
  return path.slice(0, path.length - baseName(path).length).replace(/[\\/]+$/, '');
}
