/**
 * What each edit recomputes, and that the memoised selectors never drift from a from-scratch computation.
 * Random sequences of user actions (fixed seed) run against one store; after each step:
 * (a) the computations of the operating points, chart lines, Pareto front and sensitivity sweep are counted
 *     through the selectors' own caches: a price, a name, the demand's size, the uptime or the currency recompute
 *     none of them, a drag frame none but the operating points, and so on;
 * (b) every selector's output equals what a fresh store (empty caches) given the same state computes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AppState, AppStore, AppStoreApi } from '../../src/store/appStore.ts';
import { createAppStore } from '../../src/store/appStore.ts';
import * as selectors from '../../src/store/selectors.ts';
import * as palette from '../../src/ui/common/palette.ts';
import { nimRuns } from './nimRuns.ts';

const HEAVY = {
  operatingPoints: selectors.selectOperatingPoints,
  chartLines: selectors.selectProjectedSeries,
  paretoFront: selectors.selectParetoFront,
  sensitivitySweep: selectors.selectSensitivitySweep,
} as const;
type Heavy = keyof typeof HEAVY;

/** Every state → value selector the page reads (those of selectors.ts and the palette). */
const ALL = Object.entries({ ...selectors, ...palette } as Record<string, unknown>).filter(
  (entry): entry is [string, (s: AppState) => unknown] =>
    entry[0].startsWith('select') && typeof entry[1] === 'function',
);

/** Two configurations (the sweep's first three levels and its last four, apart) on two server types. */
function twoConfigurations(): AppStoreApi {
  const runs = nimRuns();
  const store = createAppStore({
    runs: [
      ...runs.slice(0, 3).map((r) => ({ ...r, runPath: `a/${r.runPath}` })),
      ...runs.slice(3).map((r) => ({ ...r, runPath: `b/${r.runPath}` })),
    ],
    origin: 'files',
  });
  const first = store.getState().settings.hardware[0]!;
  store.getState().addHardware({ ...first, id: 'second', name: 'Second', gpusPerServer: 4 });
  const [, b] = selectors.selectAllSeries(store.getState());
  store.getState().setSeriesSettings(b!.key, { hardware: 'second' });
  store.getState().clearHistory();
  return store;
}

interface Action {
  name: string;
  /** The heavy computations this action may trigger (the others must not run). */
  may: readonly Heavy[];
  run(store: AppStore, keys: string[]): void;
}

const ALL_HEAVY = Object.keys(HEAVY) as Heavy[];
const CHART: Heavy[] = ['chartLines', 'paretoFront'];
const NONE: Heavy[] = [];
const hardwareId = fc.constantFrom('dgx-h100', 'second');
const seriesIndex = fc.integer({ min: 0, max: 1 });
/** TTFT avg bounds in ms: below every level (the sweep's lowest is about 29 ms), between levels, above all. */
const ttftBound = fc.oneof(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 20, max: 3000 }));

const actions: fc.Arbitrary<Action> = fc.oneof(
  fc.tuple(hardwareId, fc.integer({ min: 1, max: 10 ** 6 })).map(([id, price]) => ({
    name: `server price ${id} ${price}`,
    may: NONE,
    run: (s: AppStore) => s.setHardware(id, { serverPriceUsd: price }),
  })),
  fc.tuple(hardwareId, fc.option(fc.double({ min: 0.1, max: 20, noNaN: true }))).map(([id, price]) => ({
    name: `cloud price ${id} ${price}`,
    may: NONE,
    run: (s: AppStore) => s.setHardware(id, { cloudUsdPerGpuHour: price }),
  })),
  fc.tuple(hardwareId, fc.double({ min: 0.01, max: 1, noNaN: true })).map(([id, usdPerKwh]) => ({
    name: `power ${id} ${usdPerKwh}`,
    may: NONE,
    run: (s: AppStore) => s.setHardware(id, { power: { serverKw: 10, pue: 1.3, usdPerKwh } }),
  })),
  fc
    .tuple(fc.double({ min: 0.01, max: 30, noNaN: true }), fc.double({ min: 0.01, max: 30, noNaN: true }))
    .map(([input, output]) => ({
      name: `API ${input}/${output}`,
      may: NONE,
      run: (s: AppStore) => s.setApiReference({ usdPer1MInputTokens: input, usdPer1MOutputTokens: output }),
    })),
  fc.tuple(seriesIndex, fc.string({ minLength: 1, maxLength: 8 })).map(([i, name]) => ({
    name: `rename ${i} ${name}`,
    may: NONE,
    run: (s: AppStore, keys: string[]) => s.setSeriesSettings(keys[i]!, { name }),
  })),
  fc.tuple(seriesIndex, hardwareId).map(([i, id]) => ({
    name: `series ${i} on ${id}`,
    may: NONE,
    run: (s: AppStore, keys: string[]) => s.setSeriesSettings(keys[i]!, { hardware: id }),
  })),
  fc.tuple(seriesIndex, fc.option(fc.integer({ min: 1, max: 4000 }))).map(([i, tokens]) => ({
    name: `typed input length ${i} ${tokens}`,
    may: NONE,
    run: (s: AppStore, keys: string[]) => s.setSeriesSettings(keys[i]!, { inputTokens: tokens ?? undefined }),
  })),
  fc
    .record({ peak: fc.integer({ min: 0, max: 5000 }), headroomPercent: fc.integer({ min: 0, max: 100 }) })
    .map((d) => ({ name: `demand ${JSON.stringify(d)}`, may: NONE, run: (s: AppStore) => s.setDemand(d) })),
  fc.double({ min: 0.1, max: 1, noNaN: true }).map((uptime) => ({
    name: `uptime ${uptime}`,
    may: NONE,
    run: (s: AppStore) => s.setUptime(uptime),
  })),
  fc.constantFrom('EUR', 'USD').map((c) => ({
    name: `currency ${c}`,
    may: NONE,
    run: (s: AppStore) => s.setCurrency(c),
  })),
  fc.constantFrom('fleetYearUsd', 'costPer1MTokensUsd').map((m) => ({
    name: `rank by ${m}`,
    may: NONE,
    run: (s: AppStore) => s.setRankBy(m),
  })),
  // The SLA moves more often than the rest: what the reuse of unmoved operating points must get right.
  {
    weight: 4,
    arbitrary: ttftBound.map((bound) => ({
      name: `drag frame ${bound}`,
      may: ['operatingPoints'] as Heavy[],
      run: (s: AppStore) => s.previewSla(0, bound),
    })),
  },
  {
    weight: 3,
    arbitrary: ttftBound.map((bound) => ({
      name: `SLA bound ${bound}`,
      may: ALL_HEAVY,
      run: (s: AppStore) => s.setSla(0, { ...s.settings.sla[0]!, bound }),
    })),
  },
  fc.constantFrom('requestsPerSecondPerGpu', 'outputTokensPerSecond').map((y) => ({
    name: `y axis ${y}`,
    may: CHART,
    run: (s: AppStore) => s.setView({ y }),
  })),
  fc.constantFrom('avg', 'p99').map((stat) => ({
    name: `x axis TTFT ${stat}`,
    may: [...CHART, 'sensitivitySweep'] as Heavy[],
    run: (s: AppStore) => s.setView({ x: { metric: 'ttft', stat } }),
  })),
  fc.tuple(seriesIndex, fc.integer({ min: 1, max: 8 })).map(([i, gpus]) => ({
    name: `GPUs per instance ${i} ${gpus}`,
    may: CHART,
    run: (s: AppStore, keys: string[]) => s.setSeriesSettings(keys[i]!, { gpusPerInstance: gpus }),
  })),
  fc.tuple(seriesIndex, fc.boolean()).map(([i, hidden]) => ({
    name: `hide ${i} ${hidden}`,
    may: ALL_HEAVY,
    run: (s: AppStore, keys: string[]) => s.setSeriesSettings(keys[i]!, { hidden }),
  })),
  fc.constantFrom<Action>(
    { name: 'undo', may: ALL_HEAVY, run: (s) => s.undo() },
    { name: 'redo', may: ALL_HEAVY, run: (s) => s.redo() },
    { name: 'release the drag', may: ALL_HEAVY, run: (s) => s.cancelSlaPreview() },
  ),
);

const counts = (state: AppState) =>
  Object.fromEntries(ALL_HEAVY.map((name) => [name, state.caches.computations(HEAVY[name])])) as Record<Heavy, number>;

/** The state a store holds (not its actions nor its caches), to give to a fresh store. */
function dataOf(state: AppStore): Partial<AppState> {
  const { runs, embeddedPoints, loadErrors, skipped, refused, loading, origin, settings, slaDraft, history } = state;
  return { runs, embeddedPoints, loadErrors, skipped, refused, loading, origin, settings, slaDraft, history };
}

describe('recomputation across edits (seeded action sequences)', () => {
  it('recomputes only what an edit changes, and always agrees with a from-scratch computation', () => {
    fc.assert(
      fc.property(fc.array(actions, { minLength: 1, maxLength: 12 }), (sequence) => {
        const store = twoConfigurations();
        const keys = selectors.selectAllSeries(store.getState()).map((s) => s.key);
        for (const [, select] of ALL) select(store.getState());
        for (const action of sequence) {
          const before = counts(store.getState());
          action.run(store.getState(), keys);
          const state = store.getState();
          for (const [, select] of ALL) select(state);
          const after = counts(state);
          for (const name of ALL_HEAVY) {
            if (!action.may.includes(name)) expect(after[name], `${action.name} recomputed ${name}`).toBe(before[name]);
          }
          const fresh = createAppStore(dataOf(state)).getState();
          for (const [name, select] of ALL) {
            expect(select(state), `${name} after ${action.name}`).toEqual(select(fresh));
          }
        }
      }),
      { seed: 20240610, numRuns: 20 },
    );
  }, 120_000);

  it('counts a recomputation where one is due (the counters are live)', () => {
    const store = twoConfigurations();
    for (const [, select] of ALL) select(store.getState());
    const before = counts(store.getState());
    store.getState().setSla(0, { ...store.getState().settings.sla[0]!, bound: 400 });
    for (const [, select] of ALL) select(store.getState());
    const after = counts(store.getState());
    for (const name of ALL_HEAVY) expect(after[name], name).toBe(before[name] + 1);
  });
});
