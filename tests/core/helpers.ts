/** Small builders for hand-made points in core tests (values are always written out in the test). */
import type { LoadPoint } from '../../src/core/model/benchmark.ts';
import { emptyMeasurements } from '../../src/core/model/benchmark.ts';
import type { HardwareProfile } from '../../src/core/model/scenario.ts';
import { EXAMPLE_HARDWARE } from '../../src/core/scenario/defaults.ts';

export function point(overrides: Partial<LoadPoint> & { concurrency?: number; requestRate?: number }): LoadPoint {
  const { concurrency, requestRate, ...rest } = overrides;
  const load: LoadPoint['load'] = { origin: 'file' };
  if (concurrency !== undefined) load.concurrency = concurrency;
  if (requestRate !== undefined) load.requestRate = requestRate;
  const id = rest.id ?? `c${concurrency ?? ''}r${requestRate ?? ''}`;
  return {
    id,
    sources: [{ path: `${id}/profile_export_genai_perf.json`, tool: 'genai-perf', format: 'genai-perf-json' }],
    seriesKey: 'series',
    seriesName: 'series',
    load,
    ...emptyMeasurements(),
    ...rest,
  };
}

export function hardware(overrides: Partial<HardwareProfile> = {}): HardwareProfile {
  return { ...structuredClone(EXAMPLE_HARDWARE), ...overrides };
}
