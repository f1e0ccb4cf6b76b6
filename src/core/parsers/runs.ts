/**
 * Pieces every tool parser shares: the empty run record, the throughput every point needs, and the
 * run identity of a file inside its folder.
 */
import type { PointSource } from '../model/benchmark.ts';
import { emptyMeasurements } from '../model/benchmark.ts';
import type { ParsedRun } from './types.ts';
import { ParseFailure } from './types.ts';

export function emptyRun(runPath: string, source: PointSource): ParsedRun {
  return { ...emptyMeasurements(), runPath, source, load: null };
}

/** Every point must at least carry a throughput to be placed on a curve. */
export function requireThroughput(run: ParsedRun): void {
  if (run.requestsPerSecond === undefined && run.outputTokensPerSecond === undefined) {
    throw new ParseFailure(
      'required metric missing: neither request throughput nor output token throughput is present',
    );
  }
}

/**
 * GenAI-Perf's and AIPerf's ITL is (E2E − TTFT) / (output tokens − 1) per request: the TPOT definition. The
 * one distribution answers both an ITL and a TPOT limit.
 */
export function sameAsTpot(run: ParsedRun): void {
  if (Object.keys(run.itlMs).length === 0) return;
  run.tpotMs = run.itlMs;
  run.notes.push(
    "ITL is the tool's inter-token latency: (E2E − TTFT) / (output tokens − 1) per request, the same as TPOT.",
  );
}

/**
 * The run a file belongs to: its path with the tool's own file name taken off, so that the files one run
 * writes (a summary JSON and CSV, a per-request file) share it.
 *   runPathOf('sweep/conc16/profile_export_aiperf.json', /profile_export_aiperf\.(?:json|csv)$/) → 'sweep/conc16'
 *   runPathOf('sweep/conc16.profile_export_aiperf.json', …)                                    → 'sweep/conc16'
 * A file whose whole name is the tool's (no folder) keeps its own name, so it is still a run of its own.
 */
export function runPathOf(path: string, toolFileName: RegExp): string {
  const slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  const dir = slash >= 0 ? path.slice(0, slash) : '';
  const base = path.slice(slash + 1);
  const match = toolFileName.exec(base);
  const stem = (match ? base.slice(0, match.index) : base.replace(/\.[^.]+$/, '')).replace(/[._-]+$/, '');
  if (stem === '') return dir === '' ? base : dir;
  return dir === '' ? stem : `${dir}/${stem}`;
}
