/**
 * In-memory LoadPoints for benchmarks and perf tests: `seriesCount` configurations × `levels` load levels
 * of a saturating server (throughput rmax·c/(c+k), TTFT rising past the knee). Deterministic.
 */
import type { LoadPoint } from '../../src/core/model/benchmark.ts';

export function syntheticSweep(seriesCount: number, levels: number): LoadPoint[] {
  const points: LoadPoint[] = [];
  for (let s = 0; s < seriesCount; s++) {
    const rmax = 20 + 5 * s; // requests/s at saturation
    const knee = 8 + s; // concurrency at half of rmax
    for (let i = 0; i < levels; i++) {
      const c = i + 1;
      const rps = (rmax * c) / (c + knee);
      const itl = 8 + 0.15 * c;
      const ttft = 20 + 4 * c + Math.max(0, c - 2 * knee) ** 2 * 0.8;
      const osl = 200;
      const e2e = ttft + itl * (osl - 1);
      const dist = (v: number) => ({
        avg: v,
        p50: v * 0.98,
        p90: v * 1.1,
        p95: v * 1.15,
        p99: v * 1.3,
        min: v * 0.7,
        max: v * 1.4,
      });
      points.push({
        id: `cfg${s}/c${c}`,
        sources: [
          {
            path: `cfg${s}/m-concurrency${c}/profile_export_genai_perf.json`,
            tool: 'genai-perf',
            format: 'genai-perf-json',
          },
        ],
        seriesKey: `cfg${s}`,
        seriesName: `config ${s}`,
        load: { concurrency: c, origin: 'file' },
        metadata: {},
        ttftMs: dist(ttft),
        ttstMs: {},
        itlMs: dist(itl),
        tpotMs: {},
        e2eMs: dist(e2e),
        outputTokensPerSecondPerUser: dist(1000 / itl),
        tpsPerUserDefinition: 'inverse-itl',
        outputTokensPerSecond: rps * osl,
        requestsPerSecond: rps,
        inputTokens: { avg: 1000 },
        outputTokens: { avg: osl },
        notes: [],
        derived: [],
      });
    }
  }
  return points;
}
