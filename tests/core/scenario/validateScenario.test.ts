import { describe, expect, it } from 'vitest';
import { defaultScenario } from '../../../src/core/scenario/defaults.ts';
import { migrateScenario } from '../../../src/core/scenario/migrations.ts';
import { scenarioFileSizeProblem, validateScenario } from '../../../src/core/scenario/validateScenario.ts';

const valid = () => JSON.parse(JSON.stringify(defaultScenario())) as Record<string, unknown>;

function firstError(patch: (doc: Record<string, unknown>) => void): string {
  const doc = valid();
  patch(doc);
  const result = validateScenario(doc);
  if (result.ok) throw new Error('expected the scenario to be refused');
  return result.message;
}

describe('defaultScenario', () => {
  it("holds NVIDIA's example inputs, labelled as example prices", () => {
    const s = defaultScenario();
    expect(s.hardware[0]).toMatchObject({
      serverPriceUsd: 320_000,
      gpusPerServer: 8,
      depreciationYears: 4,
      licence: { usdPerYear: 4_500, basis: 'perGpu' },
      hostingUsdPerServerYear: 3_000,
    });
    expect(s.hardware[0]?.name).toMatch(/example prices/);
    expect(s.apiReference).toEqual({ usdPer1MInputTokens: 1, usdPer1MOutputTokens: 3 });
    expect(s.sla).toEqual([{ metric: 'ttft', stat: 'avg', bound: 250 }]);
  });

  it('validates as it is', () => {
    expect(validateScenario(valid())).toEqual({ ok: true, scenario: defaultScenario() });
  });
});

describe('validateScenario (docs/scenario.md)', () => {
  it.each<[string, (d: Record<string, unknown>) => void, string]>([
    ['not an object', (d) => Object.assign(d, { demand: 5 }), 'demand: must be an object, got 5'],
    ['wrong format', (d) => (d['format'] = 'other'), 'format: must be "llm-tco-scenario", got "other"'],
    [
      'future version',
      (d) => (d['version'] = 7),
      'version: 7 is newer than this build understands (up to 1); open it in a newer version of the app',
    ],
    [
      'missing version',
      (d) => delete d['version'],
      'version: must be a whole number (this build reads versions 0 to 1), got nothing',
    ],
    [
      'not a scenario at all',
      (d) => delete d['format'],
      'format: missing: this JSON is not a scenario file (a scenario has "format": "llm-tco-scenario")',
    ],
    [
      'automatic log axis',
      (d) => ((d['view'] as Record<string, unknown>)['logXAuto'] = 'yes'),
      'view.logXAuto: must be true or false, got "yes"',
    ],
    [
      'comparable workloads',
      (d) => (d['comparableWorkloads'] = 1),
      'comparableWorkloads: must be true or false, got 1',
    ],
    [
      'ranking cost',
      (d) => (d['rankBy'] = 'servers'),
      'rankBy: must be one of fleetYearUsd, costPer1kRequestsUsd, costPer1MTokensUsd, got "servers"',
    ],
    [
      'unknown SLA metric',
      (d) => (d['sla'] = [{ metric: 'ttfb', stat: 'avg', bound: 1 }]),
      'sla[0].metric: must be one of ttft, itl, tpot, e2e, tpsPerUser, got "ttfb"',
    ],
    [
      'unknown stat',
      (d) => (d['sla'] = [{ metric: 'ttft', stat: 'median', bound: 1 }]),
      'sla[0].stat: must be one of avg, min, max, p1, p5, p10, p25, p50, p75, p90, p95, p99, p99.9 ' +
        'or a percentile p<N> with 0 < N < 100, got "median"',
    ],
    [
      'percentile out of range',
      (d) => (d['sla'] = [{ metric: 'ttft', stat: 'p100', bound: 1 }]),
      'sla[0].stat: must be one of avg, min, max, p1, p5, p10, p25, p50, p75, p90, p95, p99, p99.9 ' +
        'or a percentile p<N> with 0 < N < 100, got "p100"',
    ],
    [
      'goodput rule without a share',
      (d) => (d['slaRule'] = { kind: 'goodput' }),
      'slaRule.minPercent: must be a number > 0 and ≤ 100, got nothing',
    ],
    [
      'goodput share above 100',
      (d) => (d['slaRule'] = { kind: 'goodput', minPercent: 101 }),
      'slaRule.minPercent: must be a number > 0 and ≤ 100, got 101',
    ],
    [
      'unknown rule',
      (d) => (d['slaRule'] = { kind: 'median' }),
      'slaRule.kind: must be one of statistic, goodput, got "median"',
    ],
    [
      'zero bound',
      (d) => (d['sla'] = [{ metric: 'ttft', stat: 'avg', bound: 0 }]),
      'sla[0].bound: must be a number > 0, got 0',
    ],
    [
      'text peak',
      (d) => ((d['demand'] as Record<string, unknown>)['peak'] = '200'),
      'demand.peak: must be a number ≥ 0, got "200"',
    ],
    [
      'negative headroom',
      (d) => ((d['demand'] as Record<string, unknown>)['headroomPercent'] = -5),
      'demand.headroomPercent: must be a number ≥ 0 and ≤ 1000, got -5',
    ],
    [
      'fractional spares',
      (d) => ((d['demand'] as Record<string, unknown>)['spareInstances'] = 1.5),
      'demand.spareInstances: must be a whole number ≥ 0, got 1.5',
    ],
    [
      'average above peak',
      (d) => ((d['demand'] as Record<string, unknown>)['averageToPeak'] = 1.2),
      'demand.averageToPeak: must be a number > 0 and ≤ 1, got 1.2',
    ],
    [
      'unknown demand unit',
      (d) => ((d['demand'] as Record<string, unknown>)['unit'] = 'users'),
      'demand.unit: must be one of requestsPerSecond, concurrentRequests, outputTokensPerSecond, got "users"',
    ],
    [
      'negative price',
      (d) => ((d['hardware'] as Array<Record<string, unknown>>)[0]!['serverPriceUsd'] = -1),
      'hardware[0].serverPriceUsd: must be a number ≥ 0, got -1',
    ],
    [
      'zero GPUs',
      (d) => ((d['hardware'] as Array<Record<string, unknown>>)[0]!['gpusPerServer'] = 0),
      'hardware[0].gpusPerServer: must be a whole number ≥ 1, got 0',
    ],
    [
      'zero depreciation',
      (d) => ((d['hardware'] as Array<Record<string, unknown>>)[0]!['depreciationYears'] = 0),
      'hardware[0].depreciationYears: must be a number > 0 and ≤ 50, got 0',
    ],
    [
      'licence basis',
      (d) => ((d['hardware'] as Array<Record<string, Record<string, unknown>>>)[0]!['licence']!['basis'] = 'perCore'),
      'hardware[0].licence.basis: must be one of perGpu, perServer, got "perCore"',
    ],
    [
      'PUE below 1',
      (d) =>
        ((d['hardware'] as Array<Record<string, unknown>>)[0]!['power'] = { serverKw: 10, pue: 0.9, usdPerKwh: 0.1 }),
      'hardware[0].power.pue: must be a number ≥ 1 and ≤ 5, got 0.9',
    ],
    ['no hardware', (d) => (d['hardware'] = []), 'hardware: must list at least one hardware profile'],
    [
      'duplicate hardware id',
      (d) => (d['hardware'] = [...(d['hardware'] as unknown[]), ...(d['hardware'] as unknown[])]),
      'hardware[1].id: "dgx-h100" is used twice',
    ],
    [
      'default hardware unknown',
      (d) => ((d['defaults'] as Record<string, unknown>)['hardware'] = 'nope'),
      'defaults.hardware: "nope" is not the id of a hardware profile (dgx-h100)',
    ],
    [
      'series hardware unknown',
      (d) => (d['series'] = [{ match: 'x', hardware: 'nope' }]),
      'series[0].hardware: "nope" is not the id of a hardware profile',
    ],
    [
      'series gpus',
      (d) => (d['series'] = [{ match: 'x', gpusPerInstance: 0 }]),
      'series[0].gpusPerInstance: must be a whole number ≥ 1, got 0',
    ],
    ['empty match', (d) => (d['series'] = [{ match: '' }]), 'series[0].match: must be a non-empty text, got ""'],
    ['uptime above 1', (d) => (d['uptime'] = 1.5), 'uptime: must be a number > 0 and ≤ 1, got 1.5'],
    ['interpolate text', (d) => (d['interpolate'] = 'yes'), 'interpolate: must be true or false, got "yes"'],
    [
      'view axis',
      (d) => ((d['view'] as Record<string, unknown>)['y'] = 'gpus'),
      'view.y: must be one of requestsPerSecond, requestsPerSecondPerGpu, outputTokensPerSecond, ' +
        'outputTokensPerSecondPerGpu, got "gpus"',
    ],
    [
      'API price',
      (d) => ((d['apiReference'] as Record<string, unknown>)['usdPer1MOutputTokens'] = null),
      'apiReference.usdPer1MOutputTokens: must be a number ≥ 0, got null',
    ],
    [
      'point without load',
      (d) => (d['points'] = [{ id: 'p', series: 's', load: {} }]),
      'points[0].load: needs a concurrency, a requestRate or saturation: true',
    ],
    [
      'point with NaN-ish value',
      (d) => (d['points'] = [{ id: 'p', series: 's', load: { concurrency: 1 }, ttftMs: { avg: 'NaN' } }]),
      'points[0].ttftMs.avg: must be a number ≥ 0, got "NaN"',
    ],
  ])('names the first bad field: %s', (_what, patch, message) => {
    expect(firstError(patch)).toBe(message);
  });

  it('fills missing top-level sections with defaults, so a scenario can hold only what it changes', () => {
    const result = validateScenario({
      format: 'llm-tco-scenario',
      version: 1,
      demand: { unit: 'concurrentRequests', peak: 64, headroomPercent: 10, spareInstances: 1, averageToPeak: 0.5 },
    });
    expect(result.ok && result.scenario.demand.unit).toBe('concurrentRequests');
    expect(result.ok && result.scenario.hardware).toEqual(defaultScenario().hardware);
  });

  it('reads the comparison settings (comparableWorkloads, rankBy), which are absent unless set', () => {
    expect(validateScenario({ ...valid(), comparableWorkloads: true, rankBy: 'costPer1MTokensUsd' })).toMatchObject({
      ok: true,
      scenario: { comparableWorkloads: true, rankBy: 'costPer1MTokensUsd' },
    });
    const plain = validateScenario(valid());
    expect(plain.ok && 'rankBy' in plain.scenario).toBe(false);
    expect(plain.ok && 'comparableWorkloads' in plain.scenario).toBe(false);
  });

  it('keeps unknown fields as they are', () => {
    const doc = { ...valid(), futureFeature: { a: 1 } };
    const result = validateScenario(doc);
    expect(result.ok && (result.scenario as unknown as Record<string, unknown>)['futureFeature']).toEqual({ a: 1 });
  });

  it('does not let a "__proto__" key reach the prototype', () => {
    const doc = JSON.parse('{"format":"llm-tco-scenario","version":1,"__proto__":{"polluted":true}}') as unknown;
    const result = validateScenario(doc);
    expect(result.ok).toBe(true);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(result.ok && Object.getPrototypeOf(result.scenario)).toBe(Object.prototype);
  });
});

describe('migrateScenario', () => {
  it('turns the v0 prototype shape into v1', () => {
    expect(
      migrateScenario({
        format: 'llm-tco-scenario',
        version: 0,
        ttftAvgMs: 300,
        peakRequestsPerSecond: 50,
        uptime: 0.9,
      }),
    ).toEqual({
      format: 'llm-tco-scenario',
      version: 1,
      uptime: 0.9,
      sla: [{ metric: 'ttft', stat: 'avg', bound: 300 }],
      demand: { unit: 'requestsPerSecond', peak: 50, headroomPercent: 0, spareInstances: 0, averageToPeak: 1 },
    });
  });

  it('validates a migrated v0 document like any other', () => {
    const result = validateScenario({ format: 'llm-tco-scenario', version: 0, ttftAvgMs: 300 });
    expect(result.ok && result.scenario.sla).toEqual([{ metric: 'ttft', stat: 'avg', bound: 300 }]);
  });
});

describe('the first bad field is the first in the file', () => {
  it('names sla before hardware, and a profile id before its licence', () => {
    const doc = {
      format: 'llm-tco-scenario',
      version: 1,
      sla: [{ metric: 'ttft', stat: 'avg', bound: -1 }],
      hardware: [{ id: '' }],
    };
    expect(validateScenario(doc)).toMatchObject({ ok: false, field: 'sla[0].bound' });
    expect(validateScenario({ ...doc, sla: [] })).toMatchObject({ ok: false, field: 'hardware[0].id' });
  });
});

describe('typing slips', () => {
  it('refuses absurd values instead of computing with them', () => {
    const doc = {
      format: 'llm-tco-scenario',
      version: 1,
      demand: { unit: 'requestsPerSecond', peak: 1e308, headroomPercent: 0, spareInstances: 0, averageToPeak: 1 },
    };
    expect(validateScenario(doc)).toMatchObject({
      ok: false,
      message: 'demand.peak: must be at most 1,000,000,000,000 (a larger value is surely a slip), got 1e+308',
    });
  });
});

describe('every field is checked', () => {
  // Each path gets a value of the wrong kind; the message must name exactly that path.
  const withPower = () => {
    const doc = valid();
    (doc['hardware'] as Array<Record<string, unknown>>)[0]!['power'] = { serverKw: 10, pue: 1.3, usdPerKwh: 0.1 };
    (doc['hardware'] as Array<Record<string, unknown>>)[0]!['cloudUsdPerGpuHour'] = 2;
    doc['series'] = [
      { match: 'x', name: 'X', gpusPerInstance: 2, hardware: 'dgx-h100', hidden: false, mergeInto: 'y' },
    ];
    return doc;
  };
  const paths = [
    'sla.0.metric',
    'sla.0.stat',
    'sla.0.bound',
    'demand.unit',
    'demand.peak',
    'demand.headroomPercent',
    'demand.spareInstances',
    'demand.averageToPeak',
    'hardware.0.id',
    'hardware.0.name',
    'hardware.0.serverPriceUsd',
    'hardware.0.gpusPerServer',
    'hardware.0.depreciationYears',
    'hardware.0.licence.usdPerYear',
    'hardware.0.licence.basis',
    'hardware.0.hostingUsdPerServerYear',
    'hardware.0.power.serverKw',
    'hardware.0.power.pue',
    'hardware.0.power.usdPerKwh',
    'hardware.0.cloudUsdPerGpuHour',
    'apiReference.usdPer1MInputTokens',
    'apiReference.usdPer1MOutputTokens',
    'defaults.gpusPerInstance',
    'defaults.hardware',
    'series.0.match',
    'series.0.name',
    'series.0.gpusPerInstance',
    'series.0.hardware',
    'series.0.hidden',
    'series.0.mergeInto',
    'currency',
    'uptime',
    'interpolate',
    'view.x.metric',
    'view.x.stat',
    'view.y',
    'view.logX',
  ];
  it.each(paths)('%s', (path) => {
    const doc = withPower();
    const keys = path.split('.');
    let target = doc as Record<string, unknown>;
    for (const key of keys.slice(0, -1)) target = target[key] as Record<string, unknown>;
    target[keys[keys.length - 1]!] = { wrong: true };
    const result = validateScenario(doc);
    expect(result.ok).toBe(false);
    const field = path.replace(/\.(\d+)/g, '[$1]');
    expect(!result.ok && result.field).toBe(field);
    expect(!result.ok && result.message.startsWith(`${field}: must be`)).toBe(true);
  });
});

describe('currency', () => {
  it('defaults to USD and accepts any ISO 4217 code Intl knows', () => {
    expect(validateScenario({ format: 'llm-tco-scenario', version: 1 })).toMatchObject({
      ok: true,
      scenario: { currency: 'USD' },
    });
    expect(validateScenario({ format: 'llm-tco-scenario', version: 1, currency: 'EUR' })).toMatchObject({
      ok: true,
      scenario: { currency: 'EUR' },
    });
    expect(validateScenario({ format: 'llm-tco-scenario', version: 1, currency: 'euro' })).toEqual({
      ok: false,
      field: 'currency',
      message: 'currency: must be an ISO 4217 code such as USD or EUR, got "euro"',
    });
  });
});

describe('scenario file size', () => {
  it('opens up to 64 MiB and names the file and the limit beyond', () => {
    expect(scenarioFileSizeProblem('s.json', 64 * 2 ** 20)).toBeNull();
    expect(scenarioFileSizeProblem('big.json', 65 * 2 ** 20)).toBe(
      'big.json: the file is 65 MiB; a scenario is at most 64 MiB.',
    );
  });
});
