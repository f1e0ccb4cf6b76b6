/**
 * perf_analyzer's raw per-request export, which GenAI-Perf writes beside its summary (`profile_export.json`, or
 * `<prefix>.json` with `--profile-export-file`):
 *   {experiments: [{experiment: {mode: "concurrency"|"request_rate", value}, requests: [{timestamp,
 *     response_timestamps: [...], response_outputs: [{response: "data: {…}\n\n"}, …]}], window_boundaries}],
 *    version, service_kind: "openai"|"triton", endpoint}
 * Every time is in nanoseconds since the epoch. As GenAI-Perf reads it (genai_perf/profile_data_parser/
 * llm_profile_data_parser.py, 0.0.4 / Triton 24.07): OpenAI responses without content (the role chunk, `[DONE]`)
 * are dropped first, then per request TTFT = first response − timestamp and E2E = last response − timestamp.
 *
 * GenAI-Perf counts tokens with a tokenizer; none is run here. Output and input tokens are the server's own
 * counts when the stream carries `usage` (then TPOT = (E2E − TTFT) ÷ (output tokens − 1)); ITL is per streamed
 * chunk: each request's mean gap between chunks, labelled so. A request with no content is a failed request.
 * Timestamps past 2^53 ns are read as doubles (±0.0005 ms on a difference).
 */
import { isObject } from '../../collections.ts';
import type { SampleField } from '../../model/requestSamples.ts';
import { attachSamples, newColumns, timePerOutputToken, tokensPerSecond } from '../perRequest.ts';
import { emptyRun, runPathOf } from '../runs.ts';
import { baseName } from '../text.ts';
import type { BenchmarkParser, ParseOutcome, ParsedRun, SniffedFile } from '../types.ts';
import { ParseFailure } from '../types.ts';

type Json = Record<string, unknown>;

function detect(file: SniffedFile): boolean {
  const doc = file.json;
  if (!isObject(doc) || !Array.isArray(doc['experiments'])) return false;
  const first: unknown = doc['experiments'][0];
  return isObject(first) && isObject(first['experiment']) && Array.isArray(first['requests']);
}

/** The content of one streamed OpenAI response (several SSE events may arrive as one), and its token usage. */
function openAiChunk(response: string): { text: string; completionTokens?: number; promptTokens?: number } {
  let text = '';
  const out: { text: string; completionTokens?: number; promptTokens?: number } = { text };
  for (const event of response.trim().split('\n\n')) {
    const payload = event.trim().replace(/^data:\s*/, '');
    if (payload === '' || payload === '[DONE]') continue;
    let data: unknown;
    try {
      data = JSON.parse(payload);
    } catch {
      throw new ParseFailure(`a response is not the JSON of an OpenAI stream chunk: "${payload.slice(0, 60)}"`);
    }
    if (!isObject(data)) continue;
    const choice: unknown = Array.isArray(data['choices']) ? data['choices'][0] : undefined;
    if (isObject(choice)) {
      const delta = isObject(choice['delta']) ? choice['delta']['content'] : undefined;
      const message = isObject(choice['message']) ? choice['message']['content'] : undefined;
      const piece = delta ?? choice['text'] ?? message;
      if (typeof piece === 'string') text += piece;
    }
    const usage = data['usage'];
    if (isObject(usage)) {
      if (typeof usage['completion_tokens'] === 'number') out.completionTokens = usage['completion_tokens'];
      if (typeof usage['prompt_tokens'] === 'number') out.promptTokens = usage['prompt_tokens'];
    }
  }
  out.text = text;
  return out;
}

const FIELDS = [
  'ttftMs',
  'e2eMs',
  'itlMs',
  'tpotMs',
  'inputTokens',
  'outputTokens',
  'outputTokensPerSecondPerUser',
] as const satisfies readonly SampleField[];

function readExperiment(experiment: Json, where: string, openAi: boolean, run: ParsedRun): void {
  const requests = experiment['requests'];
  if (!Array.isArray(requests)) throw new ParseFailure(`${where}.requests is not a list`);
  const ok: boolean[] = [];
  const columns = newColumns(FIELDS);
  let firstSent = Infinity;
  let lastReceived = -Infinity;
  let tokensKnown = 0;
  let outputTokenSum = 0;
  requests.forEach((request: unknown, i) => {
    if (!isObject(request)) throw new ParseFailure(`${where}.requests[${i}] is not an object`);
    const sent = request['timestamp'];
    const times = request['response_timestamps'];
    const outputs = request['response_outputs'];
    if (typeof sent !== 'number' || !Array.isArray(times)) {
      throw new ParseFailure(`${where}.requests[${i}] has no timestamp or response_timestamps`);
    }
    let kept: number[] = times.filter((t): t is number => typeof t === 'number');
    let completion = NaN;
    let prompt = NaN;
    if (openAi && Array.isArray(outputs)) {
      kept = [];
      outputs.forEach((output: unknown, j) => {
        const response = isObject(output) ? output['response'] : undefined;
        if (typeof response !== 'string') return;
        const chunk = openAiChunk(response);
        if (chunk.completionTokens !== undefined) completion = chunk.completionTokens;
        if (chunk.promptTokens !== undefined) prompt = chunk.promptTokens;
        const t = times[j];
        if (chunk.text !== '' && typeof t === 'number') kept.push(t);
      });
    }
    const first = kept[0];
    const last = kept[kept.length - 1];
    ok.push(first !== undefined);
    firstSent = Math.min(firstSent, sent);
    if (first === undefined || last === undefined) {
      for (const field of FIELDS) columns[field].push(NaN);
      return;
    }
    lastReceived = Math.max(lastReceived, last);
    const ttft = (first - sent) / 1e6;
    const e2e = (last - sent) / 1e6;
    columns.ttftMs.push(ttft);
    columns.e2eMs.push(e2e);
    columns.itlMs.push(kept.length > 1 ? (last - first) / 1e6 / (kept.length - 1) : NaN);
    columns.outputTokens.push(completion);
    columns.inputTokens.push(prompt);
    columns.tpotMs.push(timePerOutputToken(e2e, ttft, completion));
    columns.outputTokensPerSecondPerUser.push(tokensPerSecond(completion, e2e));
    if (Number.isFinite(completion)) {
      tokensKnown++;
      outputTokenSum += completion;
    }
  });
  // GenAI-Perf's summary counts tokens with its tokenizer: its ITL (= TPOT), lengths and per-user speed differ.
  const differsFromSummary: SampleField[] = ['itlMs', 'tpotMs', 'inputTokens', 'outputTokens'];
  differsFromSummary.push('outputTokensPerSecondPerUser');
  attachSamples(run, {
    ok,
    columns,
    differsFromSummary,
    definitions: {
      itlMs:
        'ITL per request from the raw export: the mean gap between its streamed chunks ' +
        '(per chunk, not per token: the file has no tokenizer counts).',
      outputTokens:
        "Tokens per request are the server's own counts (usage in the stream); GenAI-Perf's summary counts them " +
        'with its tokenizer, so its ITL and lengths differ.',
    },
  });
  if (tokensKnown > 0) run.tpsPerUserDefinition = 'osl-over-e2e';
  // GenAI-Perf's own throughput: every request of the experiment over first request sent → last response.
  const durationS = (lastReceived - firstSent) / 1e9;
  if (durationS > 0) {
    run.durationS = durationS;
    run.requestsPerSecond = requests.length / durationS;
    run.derived.push('requestsPerSecond', 'durationS');
    if (tokensKnown === requests.length - (run.errorCount ?? 0) && tokensKnown > 0) {
      run.outputTokensPerSecond = outputTokenSum / durationS;
      run.derived.push('outputTokensPerSecond');
    }
  }
}

function parse(file: SniffedFile): ParseOutcome {
  const doc = file.json as Json;
  const experiments = doc['experiments'] as unknown[];
  const serviceKind = doc['service_kind'];
  const version = typeof doc['version'] === 'string' ? `perf_analyzer ${doc['version']}` : undefined;
  // `<folder>/profile_export.json` → the folder; `<folder>/200_50.json` → `<folder>/200_50`, else the folder.
  const runPath = runPathOf(file.path, /^profile_export\.json$/i);
  const slash = Math.max(file.path.lastIndexOf('/'), file.path.lastIndexOf('\\'));
  const folder = slash > 0 ? file.path.slice(0, slash) : '';
  // A file renamed `<run>.<prefix>.json` beside `<run>.profile_export_genai_perf.json` belongs to `<run>`.
  const firstDotStem = `${file.path.slice(0, slash + 1)}${baseName(file.path).split('.')[0] ?? ''}`;
  const fallbacks = [folder, firstDotStem];
  const runs = experiments.map((value, i): ParsedRun => {
    const where = `experiments[${i}]`;
    if (!isObject(value) || !isObject(value['experiment'])) throw new ParseFailure(`${where}.experiment is missing`);
    const { mode, value: level } = value['experiment'];
    const suffix = experiments.length > 1 ? ` (${String(mode)} ${String(level)})` : '';
    const run = emptyRun(runPath + suffix, { path: file.path, tool: 'genai-perf', format: 'genai-perf-raw' });
    if (version !== undefined) run.source.toolVersion = version;
    const paths = fallbacks.filter((p) => p !== '' && p !== run.runPath);
    if (suffix === '' && paths.length > 0) run.fallbackRunPaths = paths;
    if (typeof level === 'number' && level > 0 && mode === 'concurrency') run.load = { concurrency: level };
    else if (typeof level === 'number' && level > 0 && mode === 'request_rate') run.load = { requestRate: level };
    readExperiment(value, where, serviceKind === 'openai', run);
    modelOf(value, run);
    return run;
  });
  if (runs.length === 0) throw new ParseFailure('experiments is empty');
  return { kind: 'runs', runs };
}

/** The model named in the first request's payload (OpenAI), when there is one. */
function modelOf(experiment: Json, run: ParsedRun): void {
  const first: unknown = (experiment['requests'] as unknown[])[0];
  const inputs = isObject(first) ? first['request_inputs'] : undefined;
  const payload = isObject(inputs) ? inputs['payload'] : undefined;
  if (typeof payload !== 'string') return;
  try {
    const parsed: unknown = JSON.parse(payload);
    const model = isObject(parsed) ? parsed['model'] : undefined;
    if (typeof model === 'string' && model !== '') run.metadata.model = model;
  } catch {
    // A payload that is not JSON names no model; the rest of the file is still read.
  }
}

export const genaiPerfRaw: BenchmarkParser = {
  id: 'genai-perf-raw',
  label: 'GenAI-Perf raw per-request export (profile_export.json)',
  detect,
  parse,
};
