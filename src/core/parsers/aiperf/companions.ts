/**
 * Files AIPerf writes beside its summaries that hold no summary this product reads: recognised so that dropping
 * a whole artifacts folder lists them as skipped, not as errors (aiperf `exporters/`, docs
 * `working-with-profile-exports.md`, `sweep-aggregate-api.md`, `server-metrics-json-schema.md`).
 */
import { isObject } from '../../collections.ts';
import { baseName } from '../text.ts';
import type { BenchmarkParser, SniffedFile } from '../types.ts';

const SUMMARY = 'the summary of the same run (profile_export_aiperf.json or .csv) is';

/**
 * Aggregates over repeated runs: the confidence aggregate `profile_export_aiperf_aggregate.{json,csv}`
 * (`aggregation_type: "confidence"`), and the sweep aggregate's CSV twin `profile_export_aiperf_sweep.csv`.
 */
export const aiperfAggregates: BenchmarkParser = {
  id: 'aiperf-aggregate',
  label: 'NVIDIA AIPerf aggregate over repeated runs',
  detect: (file: SniffedFile) => {
    const doc = file.json;
    if (isObject(doc) && typeof doc['aggregation_type'] === 'string') {
      return doc['aggregation_type'] !== 'sweep' && isObject(doc['metrics']);
    }
    return file.json === undefined && /profile_export_aiperf_(?:aggregate|sweep)\.csv$/i.test(baseName(file.path));
  },
  parse: (file: SniffedFile) => ({
    kind: 'skipped',
    reason: /_sweep\.csv$/i.test(file.path)
      ? 'AIPerf sweep aggregate CSV: the sweep aggregate JSON beside it (profile_export_aiperf_sweep.json) ' +
        'holds the same numbers and is read instead'
      : 'AIPerf confidence aggregate over repeated runs of one configuration: not used; ' +
        'the summaries of the runs themselves (profile_export_aiperf.json) are',
  }),
};

/** Per-time-slice metrics of one run: `profile_export_aiperf_timeslices.json`, and `.csv` (`Timeslice,Metric,…`). */
export const aiperfTimeslices: BenchmarkParser = {
  id: 'aiperf-timeslices',
  label: 'NVIDIA AIPerf time-slice metrics (profile_export_aiperf_timeslices.json / .csv)',
  detect: (file: SniffedFile) =>
    (isObject(file.json) && Array.isArray(file.json['timeslices'])) ||
    (file.json === undefined && /^"?timeslice"?,"?metric"?,"?unit"?,"?stat"?,"?value"?$/i.test(file.firstLine)),
  parse: () => ({ kind: 'skipped', reason: `AIPerf metrics per time slice: not used; ${SUMMARY}` }),
};

/**
 * Server-side and GPU telemetry: `server_metrics_export.{json,jsonl,csv}` (`{schema_version, aiperf_version,
 * summary, metrics | endpoints}`), `server_metrics_metadata.json`, `gpu_telemetry_export.jsonl`.
 */
const TELEMETRY_FILE = /(?:^|[._-])(?:server_metrics_(?:export|metadata)|gpu_telemetry_export)\.(?:json|jsonl|csv)$/i;

export const aiperfTelemetry: BenchmarkParser = {
  id: 'aiperf-telemetry',
  label: 'NVIDIA AIPerf server / GPU telemetry export',
  detect: (file: SniffedFile) => {
    const doc = file.json;
    const versioned = isObject(doc) && ('aiperf_version' in doc || 'schema_version' in doc);
    if (versioned && isObject(doc['summary']) && !('input_config' in doc)) {
      return isObject(doc['metrics']) || isObject(doc['endpoints']);
    }
    return TELEMETRY_FILE.test(baseName(file.path));
  },
  parse: () => ({
    kind: 'skipped',
    reason: 'AIPerf server-side / GPU telemetry: no benchmark results (the client-side summary of the run is used)',
  }),
};

/** The prompts AIPerf sent: `inputs.json` = `{data: [{session_id, payloads: [...]}]}` (GenAI-Perf's has `payload`). */
export const aiperfInputs: BenchmarkParser = {
  id: 'aiperf-inputs',
  label: 'NVIDIA AIPerf inputs (inputs.json)',
  detect: (file: SniffedFile) => {
    const doc = file.json;
    if (!isObject(doc) || !Array.isArray(doc['data']) || !/inputs\.json$/i.test(baseName(file.path))) return false;
    const first: unknown = doc['data'][0];
    return isObject(first) && Array.isArray(first['payloads']);
  },
  parse: () => ({ kind: 'skipped', reason: 'AIPerf inputs file: the prompts sent, no measurements' }),
};
