/**
 * AIPerf sweep aggregate: `<base>/sweep_aggregate/profile_export_aiperf_sweep.json`, one run per combination
 * of swept values (aiperf `exporters/aggregate/aggregate_sweep_json_exporter.py`, `orchestrator/aggregation/
 * sweep.py`, `cli_runner/_sweep_aggregate.py`, 2026):
 *
 *   {aggregation_type: "sweep", num_profile_runs, num_successful_runs, failed_runs, metadata: {sweep_parameters},
 *    per_combination_metrics: [{parameters: {concurrency: 10}, metrics: {…}}], best_configurations, pareto_optimal}
 *
 * `metrics` comes in two shapes:
 * - several trials per combination: `<tag>_<stat>` → {mean, std, min, max, cv, ci_low, ci_high, unit}, where
 *   `mean` is the mean over the trials of that statistic (`request_throughput_avg`, `time_to_first_token_p99`);
 * - one trial: `<tag>` → {mean, avg?, std: 0, min, max, p1…p99?, unit} (the run's own statistics; older aiperf
 *   writes only mean/min/max).
 * Parameter names are the last dotted segment (`phases.profiling.concurrency` → `concurrency`).
 *
 * Each combination's run path is where aiperf writes that combination's own run (`<base>/concurrency_10`, the
 * `{name}_{value}` parts joined by `__`), so a dropped artifacts folder merges the aggregate with the runs' own
 * summaries (which are preferred) instead of doubling every point. All combinations share one family.
 */
import { isObject } from '../../collections.ts';
import { isStat } from '../../model/benchmark.ts';
import { emptyRun } from '../runs.ts';
import type { BenchmarkParser, ParseOutcome, ParsedRun, SniffedFile } from '../types.ts';
import { ParseFailure } from '../types.ts';
import { checkedNumber } from '../units.ts';
import { readSweepValues, valueText } from './config.ts';
import type { FoundMetric } from './metrics.ts';
import { AIPERF_TAGS, finishRun, readMetrics } from './metrics.ts';

type Json = Record<string, unknown>;

function detect(file: SniffedFile): boolean {
  const doc = file.json;
  return isObject(doc) && doc['aggregation_type'] === 'sweep' && Array.isArray(doc['per_combination_metrics']);
}

/** The folder the sweep's runs live in: the parent of `sweep_aggregate/`, else the file's own folder. */
function sweepBase(path: string): string {
  const parts = path.split(/[\\/]/);
  parts.pop();
  if (parts[parts.length - 1] === 'sweep_aggregate') parts.pop();
  return parts.length > 0 ? parts.join('/') : path;
}

function parse(file: SniffedFile): ParseOutcome {
  const combinations = (file.json as Json)['per_combination_metrics'] as unknown[];
  if (combinations.length === 0) throw new ParseFailure('per_combination_metrics is empty: the sweep has no results');
  const base = sweepBase(file.path);
  const runs = combinations.map((combination, index) => {
    const where = `per_combination_metrics[${index}]`;
    try {
      return readCombination(combination, where, base, file.path);
    } catch (error) {
      if (!(error instanceof ParseFailure) || error.message.startsWith(where)) throw error;
      throw new ParseFailure(`${where}: ${error.message}`);
    }
  });
  const paths = new Set(runs.map((run) => run.runPath));
  if (paths.size < runs.length) runs.forEach((run, index) => (run.runPath = `${run.runPath}#${index + 1}`));
  return { kind: 'runs', runs };
}

function readCombination(combination: unknown, where: string, base: string, path: string): ParsedRun {
  if (!isObject(combination)) throw new ParseFailure(`${where} is not an object`);
  const parameters = combination['parameters'];
  const metrics = combination['metrics'];
  if (!isObject(parameters)) throw new ParseFailure(`${where}.parameters is missing`);
  if (!isObject(metrics)) throw new ParseFailure(`${where}.metrics is missing`);

  const dirName = Object.entries(parameters)
    .map(([name, value]) => `${name.split('.').pop() ?? name}_${valueText(value)}`)
    .join('__');
  const run = emptyRun(`${base}/${dirName || 'base'}`, { path, tool: 'aiperf', format: 'aiperf-sweep-json' });
  run.familyPath = `${base}/{load}`;
  readSweepValues(parameters, `${where}.parameters`, run);

  const { found, trials } = collectMetrics(metrics, `${where}.metrics`);
  const read = readMetrics(run, (metric) => metric.tags.map((tag) => found.get(tag)).find((f) => f !== undefined));
  run.notes.push(
    trials === 'several'
      ? 'AIPerf sweep aggregate: each statistic is the mean over the repeated runs of this combination.'
      : 'AIPerf sweep aggregate: one run per combination, its own statistics.',
  );
  finishRun(run, read);
  return run;
}

/** Per tag, a `{unit, stat: value}` record from either metrics shape. */
function collectMetrics(metrics: Json, where: string): { found: Map<string, FoundMetric>; trials: 'one' | 'several' } {
  const found = new Map<string, FoundMetric>();
  let trials: 'one' | 'several' = 'one';
  for (const [key, value] of Object.entries(metrics)) {
    if (value === null || value === undefined) continue;
    if (AIPERF_TAGS.has(key)) {
      if (!isObject(value)) throw new ParseFailure(`${where}.${key} is not an object of statistics`);
      // The single-trial projection names the run's average `mean` (and, lately, `avg` too).
      found.set(key, { record: { ...value, avg: value['avg'] ?? value['mean'] }, where: `${where}.${key}` });
      continue;
    }
    const flattened = /^(.+)_(avg|min|max|p\d+(?:\.\d+)?)$/.exec(key);
    const tag = flattened?.[1];
    const stat = flattened?.[2];
    if (tag === undefined || stat === undefined || !AIPERF_TAGS.has(tag) || !isStat(stat)) continue;
    if (!isObject(value)) throw new ParseFailure(`${where}.${key} is not an object of statistics`);
    trials = 'several';
    const entry = found.get(tag) ?? { record: { unit: value['unit'] }, where: `${where}.${tag}_*` };
    const mean = value['mean'];
    if (mean !== null && mean !== undefined) entry.record[stat] = checkedNumber(mean, `${where}.${key}.mean`);
    found.set(tag, entry);
  }
  return { found, trials };
}

export const aiperfSweepJson: BenchmarkParser = {
  id: 'aiperf-sweep-json',
  label: 'NVIDIA AIPerf sweep aggregate JSON (profile_export_aiperf_sweep.json)',
  detect,
  parse,
};
