/**
 * Series from points (docs/scenario.md §series): settings, hardware, merges, and GPUs per instance from the files or
 * names.
 */
import { describe, expect, it } from 'vitest';
import {
  findSettings,
  gpusPerInstanceFromConfiguration,
  gpusPerInstanceFromName,
  missingMeanLengths,
  resolveSeries,
} from '../../../src/core/analysis/series.ts';
import { defaultScenario } from '../../../src/core/scenario/defaults.ts';
import { point } from '../helpers.ts';

const withParallelism = (configuration: Record<string, string>, concurrency: number) =>
  point({ concurrency, requestsPerSecond: 1, metadata: { configuration }, seriesKey: 'runs/tp1-{load}' });

describe('GPUs per instance from the files', () => {
  it('multiplies tp × pp × dp when every point states them alike', () => {
    expect(gpusPerInstanceFromConfiguration([withParallelism({ tp: '4' }, 1), withParallelism({ tp: '4' }, 2)])).toBe(
      4,
    );
    expect(gpusPerInstanceFromConfiguration([withParallelism({ tp: '2', dp: '2' }, 1)])).toBe(4);
    expect(gpusPerInstanceFromConfiguration([withParallelism({ tp: '4', pp: '2' }, 1)])).toBe(8);
  });

  it('says nothing when points disagree or tp is absent', () => {
    expect(
      gpusPerInstanceFromConfiguration([withParallelism({ tp: '4' }, 1), withParallelism({ tp: '2' }, 2)]),
    ).toBeUndefined();
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

describe('resolveSeries: settings, hardware, merges', () => {
  const run = (seriesKey: string, concurrency: number, path = `${seriesKey}/c${concurrency}/profile.json`) =>
    point({
      id: `${seriesKey}-${concurrency}`,
      concurrency,
      seriesKey,
      seriesName: `${seriesKey} (proposed)`,
      sources: [{ path, tool: 'vllm', format: 'vllm-serve-json' }],
    });
  const twoBoxes = () => {
    const scenario = defaultScenario();
    scenario.hardware.push({ ...scenario.hardware[0]!, id: 'l40s', name: 'L40S box', gpusPerServer: 4 });
    return scenario;
  };

  it('takes defaults when no entry matches: proposed name, default GPUs and hardware, shown, sorted by load', () => {
    const scenario = twoBoxes();
    scenario.defaults = { gpusPerInstance: 2, hardware: 'l40s' };
    const [s] = resolveSeries([run('m', 8), run('m', 2)], scenario);
    expect(s).toEqual({
      key: 'm',
      name: 'm (proposed)',
      points: [run('m', 2), run('m', 8)],
      sources: ['m/c8/profile.json', 'm/c2/profile.json'],
      gpusPerInstance: 2,
      gpusPerInstanceFromName: false,
      hardwareId: 'l40s',
      hidden: false,
      settingsIndex: -1,
      memberKeys: ['m'],
    });
  });

  it('applies the first matching entry: by key, proposed name or source path', () => {
    const scenario = twoBoxes();
    scenario.series = [
      { match: 'nothing' },
      {
        match: 'c2/profile',
        name: 'By path',
        hardware: 'l40s',
        gpusPerInstance: 4,
        hidden: true,
        inputTokens: 900,
        outputTokens: 90,
      },
      { match: 'alp', name: 'Too late' },
    ];
    const [s] = resolveSeries([run('alpha', 2), run('alpha', 4)], scenario); // one of two files matches
    expect(s).toMatchObject({
      name: 'By path',
      gpusPerInstance: 4,
      gpusPerInstanceFromName: false,
      hidden: true,
      settingsIndex: 1,
    });
    expect(s?.hardwareId).toBe('l40s');
    expect([s?.typedInputTokens, s?.typedOutputTokens]).toEqual([900, 90]);
    scenario.series = [{ match: '(proposed)', name: 'By name' }];
    expect(resolveSeries([run('alpha', 2)], scenario)[0]?.name).toBe('By name');
  });

  it("keeps an entry naming another loaded series' exact key for that series alone", () => {
    // "sweep/m" is a substring of "fp8-sweep/m", but it is the exact key of a loaded series: not a pattern.
    const scenario = defaultScenario();
    scenario.series = [{ match: 'sweep/m', name: 'Plain' }];
    const names = resolveSeries([run('sweep/m', 1), run('fp8-sweep/m', 1)], scenario).map((s) => s.name);
    expect(names).toEqual(['Plain', 'fp8-sweep/m (proposed)']);
    expect(findSettings(scenario.series, 'fp8-sweep/m', 'x', [])).toBe(0); // nothing loaded is called sweep/m
    expect(findSettings([{ match: 'zz' }, { match: 'fp8-sweep/m' }], 'fp8-sweep/m', 'x', [])).toBe(1);
  });

  it('falls back to the first hardware when the default or the chosen one is unknown', () => {
    const scenario = twoBoxes();
    scenario.defaults = { ...scenario.defaults, hardware: 'gone' };
    scenario.series = [{ match: 'b', hardware: 'gone too' }];
    const ids = resolveSeries([run('a', 1), run('b', 1)], scenario).map((s) => s.hardwareId);
    expect(ids).toEqual(['dgx-h100', 'dgx-h100']);
    expect(() => resolveSeries([run('a', 1)], { ...scenario, hardware: [] })).toThrow(
      'a scenario needs at least one hardware profile',
    );
  });

  it('merges a series into the one its entry names, points in load order and files of both', () => {
    const scenario = defaultScenario();
    scenario.series = [
      { match: 'part2', mergeInto: 'part1' },
      { match: 'part1', name: 'Both' },
    ];
    const merged = resolveSeries([run('part1', 4), run('part2', 2), run('part1', 1)], scenario);
    expect(merged).toHaveLength(1);
    expect(merged[0]).toMatchObject({ key: 'part1', name: 'Both', memberKeys: ['part1', 'part2'] });
    expect(merged[0]?.points.map((p) => p.id)).toEqual(['part1-1', 'part2-2', 'part1-4']);
    expect(merged[0]?.sources).toEqual(['part1/c4/profile.json', 'part1/c1/profile.json', 'part2/c2/profile.json']);
  });

  it('ignores a merge into a series that is not loaded, into itself, or into a series merged elsewhere', () => {
    const scenario = defaultScenario();
    scenario.series = [{ match: 'x', mergeInto: 'absent' }];
    expect(resolveSeries([run('x', 1)], scenario).map((s) => s.key)).toEqual(['x']);
    scenario.series = [{ match: 'x', mergeInto: 'x' }];
    expect(resolveSeries([run('x', 1)], scenario).map((s) => s.memberKeys)).toEqual([['x']]);
    // y → x, x → z: x is itself merged away, so y stays on its own; x joins z (listed where x was first seen).
    scenario.series = [
      { match: 'y', mergeInto: 'x' },
      { match: 'x', mergeInto: 'z' },
    ];
    const keys = resolveSeries([run('x', 1), run('y', 1), run('z', 1)], scenario).map((s) => s.memberKeys);
    expect(keys).toEqual([['z', 'x'], ['y']]);
  });

  it('reads GPUs per instance from the folder name when the files say nothing and the user neither', () => {
    const scenario = defaultScenario();
    const [s] = resolveSeries([run('h100-tp4/m', 1)], scenario);
    expect(s).toMatchObject({ gpusPerInstance: 4, gpusPerInstanceFromName: true });
  });
});

describe('gpusPerInstanceFromConfiguration: what is not a product of parallelism', () => {
  it('needs whole factors of at least 1', () => {
    expect(gpusPerInstanceFromConfiguration([withParallelism({ tp: '1.5' }, 1)])).toBeUndefined();
    expect(gpusPerInstanceFromConfiguration([withParallelism({ tp: '0' }, 1)])).toBeUndefined();
    expect(gpusPerInstanceFromConfiguration([withParallelism({ tp: 'two' }, 1)])).toBeUndefined();
    expect(gpusPerInstanceFromConfiguration([withParallelism({ tp: '1' }, 1)])).toBe(1);
    expect(gpusPerInstanceFromConfiguration([point({ concurrency: 1 })])).toBeUndefined(); // no configuration
    expect(gpusPerInstanceFromConfiguration([])).toBeUndefined();
  });
});

describe('gpusPerInstanceFromName: factors as words of the name', () => {
  it.each([
    ['TP8_PP2', 16],
    ['tp=2', 2],
    ['tp-4', 4],
    ['x_tp2_y', 2],
    ['stp2', undefined], // tp inside a word
    ['tp2x', undefined],
    ['tp0', undefined],
    ['tp1', 1],
    ['tp1234', undefined], // more than three digits
  ])('%s → %s', (name, gpus) => {
    expect(gpusPerInstanceFromName(name)).toBe(gpus);
  });
});

describe('missingMeanLengths', () => {
  it('is true per side only when no level measures or configures that length', () => {
    const none = point({ concurrency: 1 });
    expect(missingMeanLengths({ points: [none] })).toEqual({ input: true, output: true });
    expect(missingMeanLengths({ points: [none, point({ concurrency: 2, inputTokens: { avg: 100 } })] })).toEqual({
      input: false,
      output: true,
    });
    expect(missingMeanLengths({ points: [none, point({ concurrency: 2, outputTokens: { avg: 100 } })] })).toEqual({
      input: true,
      output: false,
    });
    expect(missingMeanLengths({ points: [point({ concurrency: 1, metadata: { targetOutputTokens: 128 } })] })).toEqual({
      input: true,
      output: false,
    });
    expect(
      missingMeanLengths({
        points: [point({ concurrency: 1, outputTokens: { avg: 9 }, metadata: { targetInputTokens: 5 } })],
      }),
    ).toEqual({ input: false, output: false });
  });
});
