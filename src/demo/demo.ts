/**
 * The built-in demo (loaded on demand, so it is not in the initial bundle). Its files in ./data are
 * written by `npm run demo:generate` (tests/fixtures/generateDemo.ts) and must not be edited by hand:
 * the real GenAI-Perf NIM sweep of Llama-3-8B, plus two synthetic configurations derived from it.
 */
import type { Scenario, SeriesSettings } from '../core/model/scenario.ts';
import { parseFile } from '../core/parsers/registry.ts';
import type { ParsedRun } from '../core/parsers/types.ts';
import { EXAMPLE_HARDWARE, defaultScenario } from '../core/scenario/defaults.ts';

const files = import.meta.glob<string>('./data/**/*.json', { query: '?raw', import: 'default', eager: true });

export const DEMO_HARDWARE_H200 = {
  id: 'hgx-h200',
  name: '8-GPU H200 server (example prices)',
  serverPriceUsd: 420_000,
  gpusPerServer: 8,
  depreciationYears: 4,
  licence: { usdPerYear: 4_500, basis: 'perGpu' as const },
  hostingUsdPerServerYear: 3_000,
  power: null,
  cloudUsdPerGpuHour: null,
};

const DEMO_SERIES: SeriesSettings[] = [
  {
    match: 'real-nim-llama3-8b-tp1',
    name: 'Llama-3-8B NIM · TP1 (real GenAI-Perf sweep)',
    gpusPerInstance: 1,
    hardware: 'dgx-h100',
  },
  {
    match: 'synthetic-demo-llama3-8b-tp2',
    name: 'Llama-3-8B · TP2 (synthetic demo)',
    gpusPerInstance: 2,
    hardware: 'dgx-h100',
  },
  {
    match: 'synthetic-demo-llama3-8b-h200',
    name: 'Llama-3-8B · larger GPU (synthetic demo)',
    gpusPerInstance: 1,
    hardware: 'hgx-h200',
  },
];

/**
 * The demo's settings: per-series names and server types, on top of the settings in force (the user's SLA,
 * demand, prices and view are kept; the demo's two server types are added only where their ids are missing, so
 * an edited example price stays edited). Without settings: NVIDIA's example inputs.
 */
export function demoSettings(keep?: Omit<Scenario, 'points'>): Omit<Scenario, 'points'> {
  const { points: _points, ...base } = defaultScenario();
  const start = keep ?? base;
  const hardware = [...start.hardware];
  for (const h of [EXAMPLE_HARDWARE, DEMO_HARDWARE_H200]) {
    if (!hardware.some((x) => x.id === h.id)) hardware.push(structuredClone(h));
  }
  const own = start.series.filter((e) => !DEMO_SERIES.some((d) => d.match === e.match));
  return { ...start, hardware, series: [...DEMO_SERIES, ...own] };
}

/** The demo's runs, parsed by the same code as a user's files. */
export function demoRuns(): ParsedRun[] {
  const runs: ParsedRun[] = [];
  for (const [path, text] of Object.entries(files).sort(([a], [b]) => a.localeCompare(b))) {
    const outcome = parseFile({ path: `demo/${path.replace(/^\.\/data\//, '')}`, text });
    if (outcome.kind !== 'runs')
      throw new Error(`demo file ${path}: ${outcome.kind === 'error' ? outcome.reason : 'skipped'}`);
    runs.push(...outcome.runs);
  }
  return runs;
}
