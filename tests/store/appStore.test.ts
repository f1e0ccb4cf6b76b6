/**
 * The store: actions change inputs only; selectors derive everything, are stable (same inputs → the same
 * reference) and agree with a from-scratch computation by the core.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveSeries } from '../../src/core/analysis/series.ts';
import { parseFile } from '../../src/core/parsers/registry.ts';
import type { ParsedRun } from '../../src/core/parsers/types.ts';
import { computeResults } from '../../src/core/report/seriesResult.ts';
import { createAppStore } from '../../src/store/appStore.ts';
import { CANCELLED } from '../../src/workers/parseClient.ts';
import {
  selectAllSeries,
  selectChartSeries,
  selectEffectiveSla,
  selectLoadErrors,
  selectParetoFront,
  selectPoints,
  selectResults,
} from '../../src/store/selectors.ts';

const NIM = join(import.meta.dirname, '../fixtures/real/genai-perf/nim-llama3-8b-sweep-c1-250');
function nimRuns(filter: (name: string) => boolean = () => true): ParsedRun[] {
  return readdirSync(NIM)
    .filter(filter)
    .flatMap((f) => {
      const outcome = parseFile({ path: `nim/${f}`, text: readFileSync(join(NIM, f), 'utf8') });
      return outcome.kind === 'runs' ? outcome.runs : [];
    });
}
function loadedStore() {
  const store = createAppStore();
  store.getState().addLoaded({ runs: nimRuns(), errors: [], skipped: [] }, 'files');
  return store;
}

describe('loading', () => {
  it('merges a CSV loaded after its JSON into the same point', () => {
    const store = createAppStore();
    store
      .getState()
      .addLoaded({ runs: nimRuns((f) => f.endsWith('genai_perf.json')), errors: [], skipped: [] }, 'files');
    store.getState().addLoaded({ runs: nimRuns((f) => f.endsWith('.csv')), errors: [], skipped: [] }, 'files');
    const points = selectPoints(store.getState());
    expect(points).toHaveLength(7);
    expect(points.every((p) => p.sources.length === 2)).toBe(true);
  });

  it('keeps what was loaded when a later batch brings only errors', () => {
    const store = loadedStore();
    store
      .getState()
      .addLoaded({ runs: [], errors: [{ file: 'bad.json', reason: 'invalid JSON' }], skipped: [] }, 'files');
    expect(selectPoints(store.getState())).toHaveLength(7);
    expect(selectLoadErrors(store.getState())).toEqual([{ file: 'bad.json', reason: 'invalid JSON' }]);
    expect(store.getState().origin).toBe('files');
  });

  it('forgets what it said of a file once the file is read again: cancelled, then loaded; refused, then fixed', () => {
    const store = createAppStore();
    const [csv, json] = nimRuns((f) => f.includes('concurrency1.profile_export_genai_perf'));
    const cancelled = { file: csv?.source.path ?? '', reason: CANCELLED };
    const refused = { file: json?.source.path ?? '', reason: 'invalid JSON' };
    const other = { file: 'other.json', reason: 'invalid JSON' };
    store.getState().addLoaded({ runs: [], errors: [refused, other], skipped: [cancelled] }, 'files');
    store.getState().addLoaded({ runs: [csv!, json!], errors: [], skipped: [] }, 'files');
    expect(store.getState().skipped).toEqual([]);
    expect(selectLoadErrors(store.getState())).toEqual([other]);
    // Read again and refused again: one message, the new one.
    store.getState().addLoaded({ runs: [], errors: [{ ...other, reason: 'empty' }], skipped: [] }, 'files');
    expect(selectLoadErrors(store.getState())).toEqual([{ ...other, reason: 'empty' }]);
  });

  it('replaces the demo with the first real files, and keeps adding after that', () => {
    const store = createAppStore();
    store.getState().addLoaded({ runs: nimRuns((f) => f.includes('concurrency1.')), errors: [], skipped: [] }, 'demo');
    store.getState().addLoaded({ runs: nimRuns((f) => f.includes('concurrency2.')), errors: [], skipped: [] }, 'files');
    expect(selectPoints(store.getState()).map((p) => p.load.concurrency)).toEqual([2]);
    store.getState().addLoaded({ runs: nimRuns((f) => f.includes('concurrency5.')), errors: [], skipped: [] }, 'files');
    expect(
      selectPoints(store.getState())
        .map((p) => p.load.concurrency)
        .sort(),
    ).toEqual([2, 5]);
  });

  it('keeps the demo when dropped files bring only errors', () => {
    const store = createAppStore();
    store.getState().addLoaded({ runs: nimRuns((f) => f.includes('concurrency1.')), errors: [], skipped: [] }, 'demo');
    store
      .getState()
      .addLoaded({ runs: [], errors: [{ file: 'x.json', reason: 'the file is empty' }], skipped: [] }, 'files');
    expect(selectPoints(store.getState())).toHaveLength(1);
    expect(store.getState().origin).toBe('demo');
  });

  it('removes a series with the per-request file that joined one of its runs', () => {
    const store = createAppStore();
    store.getState().addLoaded({ runs: nimRuns((f) => f.endsWith('.json')), errors: [], skipped: [] }, 'files');
    expect(store.getState().runs).toHaveLength(8); // seven summaries and the concurrency-1 raw export
    store.getState().removeSeries(selectAllSeries(store.getState())[0]!.key);
    expect(store.getState().runs).toEqual([]);
  });

  it('removes a series with its runs', () => {
    const store = loadedStore();
    const key = selectAllSeries(store.getState())[0]!.key;
    store.getState().removeSeries(key);
    expect(selectPoints(store.getState())).toEqual([]);
    expect(store.getState().runs).toEqual([]);
  });
});

describe('SLA preview and commit', () => {
  it('previews a dragged bound without touching the committed SLA, then commits it', () => {
    const store = loadedStore();
    const committed = store.getState().settings.sla;
    store.getState().previewSla(0, 700);
    expect(store.getState().settings.sla).toBe(committed);
    expect(selectEffectiveSla(store.getState())).toEqual([{ metric: 'ttft', stat: 'avg', bound: 700 }]);
    // TTFT avg ≤ 700 ms: concurrency 50 (627 ms) is the best point
    expect(selectResults(store.getState())[0]?.sizing?.capacityPerInstance).toBe(
      selectPoints(store.getState()).find((p) => p.load.concurrency === 50)?.requestsPerSecond,
    );
    store.getState().setSla(0, { metric: 'ttft', stat: 'avg', bound: 700 });
    expect(store.getState().slaDraft).toBeNull();
    expect(store.getState().settings.sla).toEqual([{ metric: 'ttft', stat: 'avg', bound: 700 }]);
  });

  it('ignores a preview that is not a positive finite number', () => {
    const store = loadedStore();
    store.getState().previewSla(0, Number.NaN);
    store.getState().previewSla(0, -5);
    expect(store.getState().slaDraft).toBeNull();
  });
});

describe('series settings', () => {
  it('renames, sets GPUs per instance and hides a series by its key', () => {
    const store = loadedStore();
    const key = selectAllSeries(store.getState())[0]!.key;
    store.getState().setSeriesSettings(key, { name: 'NIM TP2', gpusPerInstance: 2 });
    const series = selectAllSeries(store.getState())[0]!;
    expect(series.name).toBe('NIM TP2');
    expect(series.gpusPerInstance).toBe(2);
    // per-GPU chart values halve
    const c10 = selectChartSeries(store.getState())[0]!.points.find((p) => p.load === 10)!;
    expect(c10.y).toBeCloseTo(11.378172536970691 / 2, 12);
    store.getState().setSeriesSettings(key, { hidden: true });
    expect(selectResults(store.getState())).toEqual([]);
    expect(store.getState().settings.series).toHaveLength(1);
  });

  it('moves series to the remaining profile when their hardware is removed', () => {
    const store = loadedStore();
    const key = selectAllSeries(store.getState())[0]!.key;
    store.getState().addHardware({ ...store.getState().settings.hardware[0]!, id: 'other', name: 'Other' });
    store.getState().setSeriesSettings(key, { hardware: 'other' });
    store.getState().removeHardware('dgx-h100');
    expect(store.getState().settings.defaults.hardware).toBe('other');
    expect(selectAllSeries(store.getState())[0]?.hardwareId).toBe('other');
    store.getState().removeHardware('other'); // the last profile stays
    expect(store.getState().settings.hardware).toHaveLength(1);
  });
});

describe('selectors', () => {
  it('return the identical reference for the same state', () => {
    const store = loadedStore();
    const state = store.getState();
    for (const select of [
      selectPoints,
      selectAllSeries,
      selectResults,
      selectChartSeries,
      selectParetoFront,
      selectEffectiveSla,
      selectLoadErrors,
    ]) {
      expect(select(state)).toBe(select(state));
    }
  });

  it('keep the chart lines while an SLA is dragged, and the operating points while a price changes', () => {
    const store = loadedStore();
    const lines = selectChartSeries(store.getState());
    const front = selectParetoFront(store.getState());
    const series = selectAllSeries(store.getState());
    store.getState().previewSla(0, 400);
    expect(selectChartSeries(store.getState())).toBe(lines);
    expect(selectParetoFront(store.getState())).toBe(front);
    expect(selectAllSeries(store.getState())).toBe(series);
    const results = selectResults(store.getState());
    store.getState().setView({ logX: true });
    expect(selectResults(store.getState())).toBe(results);
  });

  it('agree with a from-scratch computation after a sequence of edits', () => {
    const store = loadedStore();
    const s = store.getState();
    s.setDemand({ peak: 123, headroomPercent: 15, spareInstances: 1 });
    s.addSla({ metric: 'itl', stat: 'p99', bound: 30 });
    s.previewSla(0, 900);
    s.setHardware('dgx-h100', { serverPriceUsd: 250_000 });
    s.setInterpolate(true);
    const state = store.getState();
    const scenario = { ...state.settings, sla: selectEffectiveSla(state), points: [] };
    const fresh = computeResults(selectPoints(state), scenario);
    expect(selectResults(state)).toEqual(fresh);
    expect(resolveSeries(selectPoints(state), scenario)).toEqual(selectAllSeries(state));
  });
});

describe('series settings keep what applied before an edit', () => {
  function twoSweeps() {
    const runs = nimRuns().slice(0, 3);
    const store = createAppStore({
      runs: [
        ...runs.map((r) => ({ ...r, runPath: `sweep/${r.runPath}` })),
        ...runs.map((r) => ({ ...r, runPath: `fp8-sweep/${r.runPath}` })),
      ],
      origin: 'files',
    });
    return store;
  }

  it('hiding and showing a series configured by a pattern keeps its GPUs, name and hardware', () => {
    const store = twoSweeps();
    store.getState().addHardware({ ...store.getState().settings.hardware[0]!, id: 'big', name: 'Big' });
    store.getState().replaceSettings({
      ...store.getState().settings,
      series: [{ match: 'fp8', name: 'FP8 TP2', gpusPerInstance: 2, hardware: 'big' }],
    });
    const fp8 = () => selectAllSeries(store.getState()).find((s) => s.key.startsWith('fp8'))!;
    expect(fp8()).toMatchObject({ name: 'FP8 TP2', gpusPerInstance: 2 });
    store.getState().setSeriesSettings(fp8().key, { hidden: true });
    store.getState().setSeriesSettings(fp8().key, { hidden: false });
    expect(fp8()).toMatchObject({ name: 'FP8 TP2', gpusPerInstance: 2, hidden: false });
    expect(fp8().hardwareId).toBe('big');
  });

  it("editing one series never changes another whose key contains the first one's", () => {
    const store = twoSweeps();
    const [plain, fp8] = ['sweep/', 'fp8-sweep/'].map((prefix) =>
      selectAllSeries(store.getState()).find((s) => s.key.startsWith(prefix))!,
    );
    expect(fp8!.key.includes(plain!.key)).toBe(true); // the trap: 'fp8-sweep/…' contains 'sweep/…'
    store.getState().setSeriesSettings(plain!.key, { name: 'BF16', gpusPerInstance: 4 });
    const after = selectAllSeries(store.getState());
    expect(after.find((s) => s.key === plain!.key)).toMatchObject({ name: 'BF16', gpusPerInstance: 4 });
    expect(after.find((s) => s.key === fp8!.key)).toMatchObject({ name: fp8!.name, gpusPerInstance: 1 });
  });
});

describe('a second folder with the same paths', () => {
  it('becomes its own series instead of merging into the first', () => {
    const store = createAppStore();
    store.getState().addLoaded({ runs: nimRuns(), errors: [], skipped: [] }, 'files');
    const other = nimRuns().map((r) => ({ ...r, requestsPerSecond: (r.requestsPerSecond ?? 0) * 2 }));
    store.getState().addLoaded({ runs: other, errors: [], skipped: [] }, 'files');
    const series = selectAllSeries(store.getState());
    expect(series).toHaveLength(2);
    expect(series.map((s) => s.points.length)).toEqual([7, 7]);
    expect(series.map((s) => s.name).sort()).toEqual([
      'load 2 / nim / meta_llama3-8b-instruct-openai-chat',
      'nim / meta_llama3-8b-instruct-openai-chat',
    ]);
  });
});

describe('merging series', () => {
  it('makes one configuration of two folders, sized from all their points, and splits back', () => {
    const low = nimRuns((f) => /concurrency(1|2|5|10)\.profile_export_genai_perf\.json$/.test(f)).map((r) => ({
      ...r,
      runPath: `part1/${r.runPath}`,
    }));
    const high = nimRuns((f) => /concurrency(50|100|250)\.profile_export_genai_perf\.json$/.test(f)).map((r) => ({
      ...r,
      runPath: `part2/${r.runPath}`,
    }));
    const store = createAppStore({ runs: [...low, ...high], origin: 'files' });
    const [first, second] = selectAllSeries(store.getState());
    expect(selectAllSeries(store.getState())).toHaveLength(2);
    store.getState().setSla(0, { metric: 'ttft', stat: 'avg', bound: 700 });
    store.getState().mergeSeries(second!.key, first!.key);
    const merged = selectAllSeries(store.getState());
    expect(merged).toHaveLength(1);
    expect(merged[0]?.points.map((p) => p.load.concurrency)).toEqual([1, 2, 5, 10, 50, 100, 250]);
    expect(merged[0]?.memberKeys).toEqual([first!.key, second!.key]);
    // TTFT avg ≤ 700 ms: concurrency 50 (from the second folder) is now this configuration's operating point
    const c50 = high.find((r) => r.load?.concurrency === 50)!;
    expect(selectResults(store.getState())[0]?.sizing?.capacityPerInstance).toBe(c50.requestsPerSecond);
    store.getState().splitSeries(first!.key);
    expect(selectAllSeries(store.getState())).toHaveLength(2);
    store.getState().undo();
    expect(selectAllSeries(store.getState())).toHaveLength(1);
    store.getState().removeSeries(first!.key); // removes both folders' runs
    expect(store.getState().runs).toEqual([]);
  });
});
