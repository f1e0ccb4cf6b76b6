/**
 * GuideLLM's own CSV export (`benchmarks.csv`) is recognised and skipped with the reason that its benchmarks.json is
 * read instead. The CSVs are written here from the real JSON fixtures by GuideLLM's writer rules:
 *   - 0.4–0.7: vllm-project/guidellm `src/guidellm/benchmark/outputs/csv.py` (GenerativeBenchmarkerCSV, v0.7.3):
 *     the run info, benchmark, timing, request count, latency and server throughput columns, three header rows,
 *     written with Python's csv module (a cell with a comma or a quote is quoted, quotes doubled). The modality,
 *     scheduler and runtime columns after them are left out: detection reads the first two rows.
 *   - 0.3: `src/guidellm/benchmark/output.py` (GenerativeBenchmarksReport.save_csv, v0.3.0): its description columns
 *     and the first column of the first status (`successful`, StatusBreakdown's first field), its request count.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestFiles } from '../../../src/core/parsers/ingest.ts';
import { parseFile } from '../../../src/core/parsers/registry.ts';

const ROOT = join(import.meta.dirname, '../../fixtures/real/guidellm');
const QWEN = 'guidellm-0.5.0dev-qwen3-4b-concurrent4.Qwen_Qwen3-4B-Thinking-2507_tp4_quant-fp8_benchmarks.json';
const V03 = 'guidellm-v0.3-sweep-synchronous-only-stripped.benchmarks.json';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- the report as loaded

const REASON =
  "GuideLLM's CSV export: the benchmarks of the benchmarks.json that GuideLLM writes beside it (JSON and CSV " +
  'are its default outputs), which is read instead; load that JSON to get them (guidellm benchmark --outputs json)';

/** Python's csv.writer cell: quoted when it holds a comma, a quote or a line break. */
function cell(value: unknown): string {
  const text = typeof value === 'string' ? value : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** `datetime.fromtimestamp(t).strftime("%Y-%m-%d %H:%M:%S")` (in UTC here), "N/A" as safe_format_timestamp. */
function timestamp(t: unknown): string {
  if (typeof t !== 'number' || t < 0 || t > 2 ** 31) return 'N/A';
  return new Date(t * 1000).toISOString().slice(0, 19).replace('T', ' ');
}

/** csv.py `GenerativeBenchmarkerCSV.finalize` for the groups listed above. */
function guidellmCsv(report: Json): string {
  const rows = (report['benchmarks'] as Json[]).map((b) => {
    const columns: Array<[string[], unknown]> = [];
    const field = (group: string, name: string, value: unknown, units = '') => {
      columns.push([[group, name, units], value]);
    };
    const stats = (metric: Json, group: string, units: string) => {
      for (const status of ['successful', 'incomplete', 'errored']) {
        const dist = metric[status] as Json | undefined;
        if (!dist || dist['total_sum'] === 0) continue;
        const name = `${status[0]!.toUpperCase()}${status.slice(1)} ${units}`;
        const p = dist['percentiles'] as Json;
        columns.push([[group, name, 'Mean'], dist['mean']], [[group, name, 'Median'], dist['median']]);
        columns.push([[group, name, 'Std Dev'], dist['std_dev']]);
        const list = [dist['min'], p['p001'], p['p01'], p['p05'], p['p10'], p['p25'], p['p75'], p['p90'], p['p95']];
        columns.push([[group, name, 'Percentiles'], `[${[...list, p['p99'], dist['max']].join(', ')}]`]);
      }
    };
    const { config, metrics } = b as { config: Json; metrics: Json };
    field('Run Info', 'Run ID', config['run_id']);
    field('Run Info', 'Run Index', config['run_index']);
    for (const key of ['Profile', 'Requests', 'Backend', 'Environment']) {
      field('Run Info', key, JSON.stringify(config[key.toLowerCase()]));
    }
    field('Benchmark', 'Type', b['type_']);
    field('Benchmark', 'ID', config['id_']);
    field('Benchmark', 'Strategy', config['strategy']['type_']);
    field('Benchmark', 'Constraints', JSON.stringify(config['constraints']));
    const s = b['scheduler_metrics'] as Json;
    const times = ['start_time', 'request_start_time', 'measure_start_time', 'measure_end_time', 'request_end_time'];
    const names = ['Start Time', 'Request Start Time', 'Measure Start Time', 'Measure End Time', 'Request End Time'];
    times.forEach((key, i) => field('Timings', names[i]!, timestamp(s[key])));
    field('Timings', 'End Time', timestamp(s['end_time']));
    field('Timings', 'Duration', b['duration'], 'Sec');
    field('Timings', 'Warmup', b['warmup_duration'], 'Sec');
    field('Timings', 'Cooldown', b['cooldown_duration'], 'Sec');
    for (const status of ['successful', 'incomplete', 'errored', 'total']) {
      field('Request Counts', `${status[0]!.toUpperCase()}${status.slice(1)}`, metrics['request_totals'][status]);
    }
    stats(metrics['request_latency'], 'Request Latency', 'Sec');
    stats(metrics['request_streaming_iterations_count'], 'Streaming Iterations', 'Count');
    stats(metrics['time_to_first_token_ms'], 'Time to First Token', 'ms');
    stats(metrics['time_per_output_token_ms'], 'Time per Output Token', 'ms');
    stats(metrics['inter_token_latency_ms'], 'Inter Token Latency', 'ms');
    stats(metrics['requests_per_second'], 'Server Throughput', 'Requests/Sec');
    stats(metrics['request_concurrency'], 'Server Throughput', 'Concurrency');
    return columns;
  });
  const headers = rows[0]!.map(([header]) => header);
  const lines = [0, 1, 2].map((r) => headers.map((h) => cell(h[r])).join(','));
  for (const row of rows) lines.push(row.map(([, value]) => cell(value)).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/**
 * output.py `save_csv` (v0.3.0): the columns of `_benchmark_desc_headers_and_values` (the strategy's display name is
 * its type for `synchronous`), then `_benchmark_status_headers_and_values` begins with "Successful Requests".
 */
function guidellmCsvV03(report: Json): string {
  const headers = ['Type', 'Run Id', 'Id', 'Name', 'Start Time', 'End Time', 'Duration', 'Successful Requests'];
  const rows = (report['benchmarks'] as Json[]).map((b) =>
    [b['type_'], b['run_id'], b['id_'], b['args']['strategy']['type_'], timestamp(b['start_time'])]
      .concat([timestamp(b['end_time']), b['duration'], b['request_totals']['successful']])
      .map(cell)
      .join(','),
  );
  return `${[headers.join(','), ...rows].join('\r\n')}\r\n`;
}

const report = (name: string) => JSON.parse(readFileSync(join(ROOT, name), 'utf8')) as Json;

describe("GuideLLM's CSV export", () => {
  it('0.4–0.7 layout (from the real 0.5.0.dev0 JSON): skipped, the JSON named', () => {
    const text = guidellmCsv(report(QWEN));
    expect(text.split('\r\n')[1]!.startsWith('Run ID,Run Index,Profile,Requests,Backend,Environment,Type,')).toBe(true);
    expect(parseFile({ path: 'run/benchmarks.csv', text })).toEqual({ kind: 'skipped', reason: REASON });
  });

  it('0.3 layout (from the real v0.3 sweep JSON): skipped, the JSON named', () => {
    const text = guidellmCsvV03(report(V03));
    expect(parseFile({ path: 'run/benchmarks.csv', text })).toEqual({ kind: 'skipped', reason: REASON });
  });

  it('beside its benchmarks.json: the JSON gives the point, the CSV is listed as skipped', () => {
    const json = readFileSync(join(ROOT, QWEN), 'utf8');
    const result = ingestFiles([
      { path: 'run/benchmarks.json', text: json },
      { path: 'run/benchmarks.csv', text: guidellmCsv(JSON.parse(json) as Json) },
    ]);
    expect(result.errors).toEqual([]);
    expect(result.points).toHaveLength(1);
    expect(result.points[0]!.load).toMatchObject({ concurrency: 4 });
    expect(result.skipped).toEqual([{ file: 'run/benchmarks.csv', reason: REASON }]);
  });

  it('another CSV whose first column group is named alike is not claimed', () => {
    const outcome = parseFile({ path: 'x.csv', text: 'Run Info,Run Info,Other\nrun,index,x\n1,2,3\n' });
    expect(outcome.kind === 'skipped' && outcome.reason === REASON).toBe(false);
  });
});
