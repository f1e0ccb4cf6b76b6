/**
 * Files inference-perf writes beside its stage reports that are not a load level of their own (report names from
 * `inference_perf/reportgen/base.py`): recognised so that dropping a whole reports folder does not list them as errors.
 */
import { isObject } from '../../collections.ts';
import { baseName } from '../text.ts';
import type { BenchmarkParser, SniffedFile } from '../types.ts';
import { isAggregateLifecycleFile, isLifecycleReport } from './lifecycle.ts';

/** `summary_lifecycle_metrics.json` and `adapter_<name>_lifecycle_metrics.json`: every stage pooled. */
export const inferencePerfAggregate: BenchmarkParser = {
  id: 'inference-perf-aggregate',
  label: 'inference-perf run summary (summary_lifecycle_metrics.json)',
  detect: (file: SniffedFile) => isLifecycleReport(file.json) && isAggregateLifecycleFile(file.path),
  parse: () => ({
    kind: 'skipped',
    reason:
      'inference-perf summary of all stages pooled together, not a load level; ' +
      'the stage_<i>_lifecycle_metrics.json files are used',
  }),
};

/**
 * `summary_prometheus_metrics.json` / `stage_<i>_prometheus_metrics.json`: the model server's own metrics
 * (`load_summary: {}`, `successes: {count, rate, request_latency: {mean, median, p90, p99}, …}` with no `latency`).
 */
export const inferencePerfPrometheus: BenchmarkParser = {
  id: 'inference-perf-prometheus',
  label: 'inference-perf Prometheus metrics (*_prometheus_metrics.json)',
  detect: (file: SniffedFile) => {
    const doc = file.json;
    if (!isObject(doc) || !isObject(doc['load_summary']) || !isObject(doc['successes'])) return false;
    const successes = doc['successes'];
    return !('latency' in successes) && ('rate' in successes || /_prometheus_metrics\.json$/i.test(file.path));
  },
  parse: () => ({
    kind: 'skipped',
    reason:
      "inference-perf Prometheus metrics: the model server's view, not used; " +
      'the client-side stage_<i>_lifecycle_metrics.json of the same stage is',
  }),
};

const DETAIL_REPORT = /(?:^|[._-])(?:per_request|per_session|(?:summary|stage_\d+)_session)_lifecycle_metrics\.json$/i;

/** Per-request and session reports: `per_request_lifecycle_metrics.json`, `*session_lifecycle_metrics.json`. */
export const inferencePerfDetailReports: BenchmarkParser = {
  id: 'inference-perf-details',
  label: 'inference-perf per-request and session reports',
  detect: (file: SniffedFile) =>
    (Array.isArray(file.json) || isObject(file.json)) && DETAIL_REPORT.test(baseName(file.path)),
  parse: () => ({
    kind: 'skipped',
    reason:
      'inference-perf per-request or session report: not used yet; ' +
      'the stage_<i>_lifecycle_metrics.json files of the same run are',
  }),
};

/** `config.yaml`: the run's configuration, copied into the reports folder (top-level `load:` and `report:` keys). */
export const inferencePerfConfig: BenchmarkParser = {
  id: 'inference-perf-config',
  label: 'inference-perf run configuration (config.yaml)',
  detect: (file: SniffedFile) =>
    /(?:^|[._-])config\.ya?ml$/i.test(baseName(file.path)) &&
    /^load:\s*$/m.test(file.text) &&
    /^report:\s*$/m.test(file.text),
  parse: () => ({ kind: 'skipped', reason: 'inference-perf run configuration: settings, no measurements' }),
};
