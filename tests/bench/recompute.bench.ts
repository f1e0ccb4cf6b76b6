/**
 * `npm run bench` — measured figures for docs/architecture.md §Performance budgets (not a test: it prints, it
 * does not assert).
 *   1. recompute of operating points + sizing + TCO for 16 series × 64 points, grouped into series once as the
 *      page does when files load   (budget ≤ 1 ms median)
 *   2. sensitivity sweep: 100 bounds × 16 series                               (budget ≤ 20 ms)
 *   3. ingest of 1,000 GenAI-Perf summary files (JSON + CSV text, parse + merge) (budget ≤ 2 s)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolveSeries } from '../../src/core/analysis/series.ts';
import { ingestFiles } from '../../src/core/parsers/ingest.ts';
import { computeSeriesResult } from '../../src/core/report/seriesResult.ts';
import { defaultScenario } from '../../src/core/scenario/defaults.ts';
import { sensitivity } from '../../src/core/sensitivity/sensitivity.ts';
import { syntheticSweep } from './syntheticPoints.ts';

function measure(label: string, runs: number, fn: () => unknown, budgetMs: number): void {
  for (let i = 0; i < Math.min(20, runs); i++) fn(); // warm up the JIT
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? NaN;
  const median = at(0.5);
  console.log(
    `${label.padEnd(58)} median ${median.toFixed(3)} ms  p95 ${at(0.95).toFixed(3)} ms  ` +
      `(${runs} runs; budget ${budgetMs} ms: ${median <= budgetMs ? 'within' : 'OVER'})`,
  );
}

const points = syntheticSweep(16, 64);
const scenario = defaultScenario();
scenario.sla = [
  { metric: 'ttft', stat: 'avg', bound: 250 },
  { metric: 'itl', stat: 'p99', bound: 30 },
];
scenario.hardware[0]!.cloudUsdPerGpuHour = 4;

// The recompute a settings change triggers: series are grouped once when files load (resolveSeries), then each
// edit re-picks operating points and re-prices them.
const series = resolveSeries(points, scenario);
measure(
  'operating points + sizing + TCO, 16 series × 64 points',
  500,
  () => series.map((x) => computeSeriesResult(x, scenario)),
  1,
);
let bound = 100;
measure(
  '  same, with a new SLA bound each run (a drag frame)',
  500,
  () => {
    bound = bound >= 900 ? 100 : bound + 7;
    const sla = [{ metric: 'ttft' as const, stat: 'avg' as const, bound }, scenario.sla[1]!];
    return series.map((x) => computeSeriesResult(x, { ...scenario, sla }));
  },
  1,
);

measure('sensitivity: 100 bounds × 16 series', 50, () => sensitivity(series, scenario, 0, 100), 20);

// 1,000 summary files: the real NIM sweep's 14 summaries, repeated under distinct run folders.
const nim = join(import.meta.dirname, '../fixtures/real/genai-perf/nim-llama3-8b-sweep-c1-250');
const templates = [1, 2, 5, 10, 50, 100, 250].flatMap((c) =>
  ['json', 'csv'].map((ext) => ({
    c,
    ext,
    text: readFileSync(
      join(nim, `meta_llama3-8b-instruct-openai-chat-concurrency${c}.profile_export_genai_perf.${ext}`),
      'utf8',
    ),
  })),
);
const files = Array.from({ length: 1000 }, (_, i) => {
  const t = templates[i % templates.length]!;
  return {
    path: `cfg${Math.floor(i / templates.length)}/m-openai-chat-concurrency${t.c}/profile_export_genai_perf.${t.ext}`,
    text: t.text,
  };
});
measure('ingest 1,000 GenAI-Perf summary files (parse + merge + group)', 10, () => ingestFiles(files), 2000);

// Per-request data: streamed parse of 100 MB files, its peak memory, goodput recounts (perRequest.bench.ts).
const { runPerRequestBench } = await import('./perRequest.bench.ts');
await runPerRequestBench();
