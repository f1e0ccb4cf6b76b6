import fc from 'fast-check';
import LZString from 'lz-string';
import { describe, expect, it } from 'vitest';
import { STATS } from '../../../src/core/model/benchmark.ts';
import type { Scenario } from '../../../src/core/model/scenario.ts';
import { DEMAND_UNITS, SLA_METRICS } from '../../../src/core/model/scenario.ts';
import { defaultScenario } from '../../../src/core/scenario/defaults.ts';
import {
  MAX_LINK_FRAGMENT_CHARS,
  buildScenario,
  decodeShareLink,
  encodeShareLink,
  parseScenarioText,
  scenarioToJson,
} from '../../../src/core/scenario/scenarioCodec.ts';
import { point } from '../helpers.ts';

/** The share-link fragment that carries this JSON text. */
const fragmentOf = (json: string) => `#s=${LZString.compressToEncodedURIComponent(json)}`;

const scenarioArb: fc.Arbitrary<Scenario> = fc
  .record({
    sla: fc.array(
      fc.record({
        metric: fc.constantFrom(...SLA_METRICS),
        stat: fc.constantFrom(...STATS),
        bound: fc.double({ min: 0.001, max: 1e6, noNaN: true }),
      }),
      { maxLength: 4 },
    ),
    unit: fc.constantFrom(...DEMAND_UNITS),
    peak: fc.double({ min: 0, max: 1e7, noNaN: true }),
    headroom: fc.double({ min: 0, max: 1000, noNaN: true }),
    spare: fc.nat({ max: 50 }),
    ratio: fc.double({ min: 0.001, max: 1, noNaN: true }),
    price: fc.double({ min: 0, max: 1e7, noNaN: true }),
    name: fc.string({ maxLength: 40 }).filter((s) => s.trim() !== ''),
    seriesName: fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s.trim() !== ''),
    points: fc.array(
      fc.record({
        c: fc.integer({ min: 1, max: 512 }),
        ttft: fc.double({ min: 0, max: 1e5, noNaN: true }),
        rps: fc.double({ min: 0, max: 1e4, noNaN: true }),
      }),
      { maxLength: 12 },
    ),
  })
  .map(({ sla, unit, peak, headroom, spare, ratio, price, name, seriesName, points }) => {
    const base = defaultScenario();
    const { points: _p, ...settings } = base;
    return buildScenario(
      {
        ...settings,
        sla,
        demand: { unit, peak, headroomPercent: headroom, spareInstances: spare, averageToPeak: ratio },
        hardware: [{ ...base.hardware[0]!, name, serverPriceUsd: price }],
      },
      points.map((p, i) => ({
        ...point({ id: `run${i}`, concurrency: p.c, ttftMs: { avg: p.ttft }, requestsPerSecond: p.rps }),
        seriesKey: 'k',
        seriesName,
      })),
      new Map([['k', seriesName]]),
    );
  });

describe('share link', () => {
  it('round-trips any valid scenario exactly (property)', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const link = encodeShareLink(scenario, Number.MAX_SAFE_INTEGER);
        expect(link.fragment.startsWith('#s=')).toBe(true);
        expect(link.fragment).toMatch(/^#s=[A-Za-z0-9+\-$]*$/); // URL-safe: no encoding needed
        const decoded = decodeShareLink(link.fragment);
        expect(decoded).toEqual({ ok: true, scenario: JSON.parse(JSON.stringify(scenario)) as Scenario });
      }),
      { numRuns: 150 },
    );
  });

  it('drops the points and says so when they do not fit', () => {
    const scenario = buildScenario(
      defaultScenario(),
      Array.from({ length: 1500 }, (_, i) =>
        point({
          id: `p${i}`,
          concurrency: i + 1,
          ttftMs: { avg: Math.sqrt(i) * 37.1, p99: i * 1.7 },
          requestsPerSecond: i / 3,
        }),
      ),
      new Map(),
    );
    const link = encodeShareLink(scenario);
    expect(link.withPoints).toBe(false);
    expect(link.fragment.length).toBeLessThanOrEqual(MAX_LINK_FRAGMENT_CHARS);
    const decoded = decodeShareLink(link.fragment);
    expect(decoded?.ok && decoded.scenario.points).toEqual([]);
    expect(decoded?.ok && decoded.scenario.sla).toEqual(scenario.sla);
  });

  it.each([
    ['#other', null],
    ['#s=', 'link: damaged, it does not decompress (was it cut off when pasted?)'],
    ['#s=%%%%', 'link: damaged, it does not decompress (was it cut off when pasted?)'],
    [
      fragmentOf('{"format":"llm-tco-scenario","version":1,"demand":{"unit":"rps"}}'),
      'link: demand: must be an object',
    ],
    [fragmentOf('not json'), 'link: not valid JSON'],
    [
      fragmentOf('{"format":"llm-tco-scenario","version":1,"sla":[{"metric":"ttft","stat":"avg","bound":-1}]}'),
      'link: sla[0].bound: must be a number > 0, got -1',
    ],
    [
      fragmentOf('{"__proto__":{"polluted":true},"format":"llm-tco-scenario","version":99}'),
      'link: version: 99 is newer',
    ],
  ])('refuses a malformed or hostile fragment %#', (fragment, message) => {
    const decoded = decodeShareLink(fragment);
    if (message === null) {
      expect(decoded).toBeNull();
      return;
    }
    expect(decoded?.ok).toBe(false);
    expect(decoded && !decoded.ok && decoded.message).toContain(
      message.replace(/^link: demand: must be an object$/, 'link: demand.'),
    );
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});

describe('scenario file', () => {
  it('writes JSON that reads back to the same scenario, points included', () => {
    const scenario = buildScenario(
      defaultScenario(),
      [point({ concurrency: 4, ttftMs: { avg: 80 }, requestsPerSecond: 3 })],
      new Map([['series', 'My series']]),
    );
    const result = parseScenarioText(scenarioToJson(scenario));
    expect(result).toEqual({ ok: true, scenario });
    expect(result.ok && result.scenario.points[0]?.series).toBe('My series');
  });

  it('names the problem of a file that is not JSON', () => {
    expect(parseScenarioText('{"format": ')).toMatchObject({
      ok: false,
      field: 'file',
      message: expect.stringMatching(/^not valid JSON/) as unknown as string,
    });
  });
});
