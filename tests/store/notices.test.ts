import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../src/store/appStore.ts';
import { loadDemo } from '../../src/store/loading.ts';
import { selectAllSeries } from '../../src/store/selectors.ts';

describe('messages belong to an action', () => {
  it('a message replaces the previous one of its topic; untopical ones stay', () => {
    const store = createAppStore();
    store.getState().notify('error', 'a.json could not be opened', 'scenario-file');
    store.getState().notify('info', 'storage is full');
    store.getState().notify('info', 'Opened b.json.', 'scenario-file');
    expect(store.getState().notices.map((n) => n.text)).toEqual(['storage is full', 'Opened b.json.']);
    store.getState().clearNotice('scenario-file');
    expect(store.getState().notices.map((n) => n.text)).toEqual(['storage is full']);
  });
});

describe('Open the demo', () => {
  it("keeps the user's SLA, demand and prices, adding only the demo's series and server types", async () => {
    const store = createAppStore();
    const s = store.getState();
    s.setSla(0, { metric: 'ttft', stat: 'p99', bound: 400 });
    s.setDemand({ peak: 55, unit: 'concurrentRequests' });
    s.setHardware('dgx-h100', { serverPriceUsd: 250_000 });
    await loadDemo(store);
    const { settings } = store.getState();
    expect(settings.sla).toEqual([{ metric: 'ttft', stat: 'p99', bound: 400 }]);
    expect(settings.demand).toMatchObject({ peak: 55, unit: 'concurrentRequests' });
    expect(settings.hardware.map((h) => [h.id, h.serverPriceUsd])).toEqual([
      ['dgx-h100', 250_000],
      ['hgx-h200', 420_000],
    ]);
    expect(selectAllSeries(store.getState()).map((x) => x.name)).toContain(
      'Llama-3-8B NIM · TP1 (real GenAI-Perf sweep)',
    );
  });
});
