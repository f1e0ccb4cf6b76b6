/**
 * What an AIPerf summary's `input_config` says about the run: the load level and the configuration.
 *
 * Config v1 (aiperf ≤0.8, also files without any version field):
 *   input_config.loadgen = {concurrency, request_rate, request_rate_mode}   — a request_rate makes the run open
 *     loop (concurrency is then a cap); otherwise concurrency (`concurrency_burst`);
 *   endpoint.model_names[], endpoint.type, input.public_dataset, input.prompt.{input,output}_tokens.mean.
 * Config v2 (schema_version 1.3+, aiperf 0.10+; aiperf `src/aiperf/config/phases.py`, `dataset/config.py`):
 *   input_config.phases[] = {name, kind?, type, exclude_from_results?, concurrency?, rate?, users?}; the phase
 *     whose results are reported is the one not excluded (kind/name "warmup" is always excluded, "profiling"
 *     never). type "concurrency" → concurrency (aiperf's default 1 when unset); "poisson" | "gamma" |
 *     "constant" | "user_centric" → request rate `rate` (concurrency a cap); "fixed_schedule" → a trace replay;
 *   models.items[].name, endpoint.type, datasets[] = {name, type, dataset | path | prompts.{isl,osl}}.
 */
import { isObject } from '../../collections.ts';
import { baseName } from '../text.ts';
import type { ParsedRun } from '../types.ts';
import { ParseFailure } from '../types.ts';
import { checkedNumber } from '../units.ts';

type Json = Record<string, unknown>;
type Load = NonNullable<ParsedRun['load']>;

const RATE_PHASES = new Set(['poisson', 'gamma', 'constant', 'user_centric']);

/** Reads load level and configuration metadata from `input_config` into the run. */
export function readInputConfig(config: Json, run: ParsedRun): void {
  const configuration: Record<string, string> = { ...run.metadata.configuration };
  if (Array.isArray(config['phases'])) readPhases(config['phases'], run, configuration);
  else if (isObject(config['loadgen'])) readLoadgen(config['loadgen'], run, configuration);
  readModelAndDataset(config, run);
  if (Object.keys(configuration).length > 0) run.metadata.configuration = configuration;
}

/** A load setting: absent when null/missing, else a positive finite number (anything else fails the file). */
function loadValue(raw: unknown, where: string): number | undefined {
  if (raw === undefined || raw === null) return undefined;
  const value = checkedNumber(raw, where);
  if (value === 0) throw new ParseFailure(`${where} is 0, not a load level`);
  return value;
}

function readLoadgen(loadgen: Json, run: ParsedRun, configuration: Record<string, string>): void {
  const rate = loadValue(loadgen['request_rate'], 'input_config.loadgen.request_rate');
  const concurrency = loadValue(loadgen['concurrency'], 'input_config.loadgen.concurrency');
  if (rate !== undefined) {
    run.load = { requestRate: rate };
    if (concurrency !== undefined) configuration['concurrency cap'] = String(concurrency);
  } else if (concurrency !== undefined) {
    run.load = { concurrency };
  }
}

function isExcluded(phase: Json): boolean {
  if (phase['exclude_from_results'] === true || phase['kind'] === 'warmup') return true;
  return phase['kind'] === undefined && phase['name'] === 'warmup';
}

function readPhases(phases: unknown[], run: ParsedRun, configuration: Record<string, string>): void {
  const reported = phases.flatMap((phase, index) => (isObject(phase) && !isExcluded(phase) ? [{ phase, index }] : []));
  if (reported.length === 0) {
    run.notes.push('input_config.phases has no phase whose results are reported: the load level is not in the file.');
    return;
  }
  const loads = reported.map(({ phase, index }) =>
    phaseLoad(phase, `input_config.phases[${index}]`, run, configuration),
  );
  const first = loads[0];
  if (first === undefined || first === null) return;
  if (loads.some((load) => JSON.stringify(load) !== JSON.stringify(first))) {
    run.notes.push(`The ${reported.length} reported phases differ in load: the file's load level is ambiguous.`);
    return;
  }
  run.load = first;
}

function phaseLoad(phase: Json, where: string, run: ParsedRun, configuration: Record<string, string>): Load | null {
  const type = typeof phase['type'] === 'string' ? phase['type'] : undefined;
  const concurrency = loadValue(phase['concurrency'], `${where}.concurrency`);
  const rate = loadValue(phase['rate'] ?? phase['request_rate'], `${where}.rate`);
  if (type === 'fixed_schedule') {
    run.notes.push('Trace replay (fixed schedule): the file states no concurrency or request rate.');
    return null;
  }
  if ((type !== undefined && RATE_PHASES.has(type)) || (type === undefined && rate !== undefined)) {
    if (type !== undefined) configuration['arrival'] = type;
    if (concurrency !== undefined) configuration['concurrency cap'] = String(concurrency);
    const users = loadValue(phase['users'], `${where}.users`);
    if (users !== undefined) configuration['users'] = String(users);
    if (rate === undefined) {
      run.notes.push(`${where} varies its rate over time (rate_series): no single request rate.`);
      return null;
    }
    return { requestRate: rate };
  }
  if (concurrency !== undefined) return { concurrency };
  if (type === 'concurrency') {
    run.notes.push("Concurrency 1: aiperf's default for a concurrency phase that does not set it.");
    return { concurrency: 1 };
  }
  return null;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** A fixed length, or the mean of a `{mean, stddev}` distribution. */
function meanOf(value: unknown): number | undefined {
  const raw = isObject(value) ? value['mean'] : value;
  return typeof raw === 'number' && Number.isFinite(raw) && raw > 0 ? raw : undefined;
}

function readModelAndDataset(config: Json, run: ParsedRun): void {
  const endpoint = isObject(config['endpoint']) ? config['endpoint'] : {};
  const modelList = isObject(config['models']) ? config['models']['items'] : undefined;
  const models = Array.isArray(modelList) ? modelList : [];
  const names = [
    ...(Array.isArray(endpoint['model_names']) ? endpoint['model_names'] : []),
    ...models.map((item) => (isObject(item) ? item['name'] : undefined)),
  ].flatMap((name) => text(name) ?? []);
  if (names.length > 0) run.metadata.model = names.join(', ');
  const endpointType = text(endpoint['type']);
  if (endpointType !== undefined) run.metadata.endpointType = endpointType;

  const input = isObject(config['input']) ? config['input'] : {};
  const prompt = isObject(input['prompt']) ? input['prompt'] : {};
  const datasets = (Array.isArray(config['datasets']) ? config['datasets'] : []).filter(isObject);
  const datasetNames = datasets.flatMap((d) => {
    const path = text(d['path']);
    return text(d['dataset']) ?? (path !== undefined ? baseName(path) : undefined) ?? text(d['type']) ?? [];
  });
  const dataset = text(input['public_dataset']) ?? (datasetNames.length > 0 ? datasetNames.join(', ') : undefined);
  if (dataset !== undefined) run.metadata.dataset = dataset;

  // v2 lengths only when there is one dataset: two datasets have no single requested length.
  const prompts = datasets.length === 1 && isObject(datasets[0]?.['prompts']) ? datasets[0]['prompts'] : {};
  const isl = meanOf(isObject(prompt['input_tokens']) ? prompt['input_tokens'] : undefined) ?? meanOf(prompts['isl']);
  const osl = meanOf(isObject(prompt['output_tokens']) ? prompt['output_tokens'] : undefined) ?? meanOf(prompts['osl']);
  if (isl !== undefined) run.metadata.targetInputTokens = isl;
  if (osl !== undefined) run.metadata.targetOutputTokens = osl;
}

/** A swept value as text: numbers and strings as written, nested overrides as JSON. */
export function valueText(value: unknown): string {
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/**
 * Swept parameter values as configuration entries (sweep `parameters`, v2 `run_info.variation_values`), named by
 * their last dotted segment as aiperf names sweep columns; the load parameters become the load level instead.
 */
export function readSweepValues(values: Json, where: string, run: ParsedRun): void {
  const configuration: Record<string, string> = { ...run.metadata.configuration };
  let concurrency: number | undefined;
  let requestRate: number | undefined;
  for (const [name, value] of Object.entries(values)) {
    const leaf = name.split('.').pop() ?? name;
    if (leaf === 'concurrency') concurrency = loadValue(value, `${where}.${name}`);
    else if (leaf === 'request_rate' || leaf === 'rate') requestRate = loadValue(value, `${where}.${name}`);
    else if (value !== null && value !== undefined) configuration[leaf] = valueText(value);
  }
  if (requestRate !== undefined) {
    run.load = { requestRate };
    if (concurrency !== undefined) configuration['concurrency cap'] = String(concurrency);
  } else if (concurrency !== undefined) {
    run.load = { concurrency };
  }
  if (Object.keys(configuration).length > 0) run.metadata.configuration = configuration;
}
