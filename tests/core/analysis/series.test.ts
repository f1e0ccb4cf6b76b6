/** GPUs per instance inferred from what the files say about parallelism, before the folder name. */
import { describe, expect, it } from 'vitest';
import { gpusPerInstanceFromConfiguration, resolveSeries } from '../../../src/core/analysis/series.ts';
import { defaultScenario } from '../../../src/core/scenario/defaults.ts';
import { point } from '../helpers.ts';

const withParallelism = (configuration: Record<string, string>, concurrency: number) =>
  point({ concurrency, requestsPerSecond: 1, metadata: { configuration }, seriesKey: 'runs/tp1-{load}' });

describe('GPUs per instance from the files', () => {
  it('multiplies tp × pp × dp when every point states them alike', () => {
    expect(gpusPerInstanceFromConfiguration([withParallelism({ tp: '4' }, 1), withParallelism({ tp: '4' }, 2)])).toBe(4);
    expect(gpusPerInstanceFromConfiguration([withParallelism({ tp: '2', dp: '2' }, 1)])).toBe(4);
    expect(gpusPerInstanceFromConfiguration([withParallelism({ tp: '4', pp: '2' }, 1)])).toBe(8);
  });

  it('says nothing when points disagree or tp is absent', () => {
    expect(gpusPerInstanceFromConfiguration([withParallelism({ tp: '4' }, 1), withParallelism({ tp: '2' }, 2)])).toBeUndefined();
    expect(gpusPerInstanceFromConfiguration([withParallelism({ max_num_seqs: '8' }, 1)])).toBeUndefined();
  });

  it('prefers the files over the folder name, and the user over both', () => {
    const points = [withParallelism({ tp: '4' }, 1)];
    const scenario = defaultScenario();
    expect(resolveSeries(points, scenario)[0]).toMatchObject({ gpusPerInstance: 4, gpusPerInstanceFromName: true });
    scenario.series = [{ match: 'runs/tp1-{load}', gpusPerInstance: 2 }];
    expect(resolveSeries(points, scenario)[0]).toMatchObject({ gpusPerInstance: 2, gpusPerInstanceFromName: false });
  });
});
