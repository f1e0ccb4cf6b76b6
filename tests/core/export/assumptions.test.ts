/** The captions' demand line names the demand's unit as everywhere else (DEMAND_UNIT_NAMES). */
import { describe, expect, it } from 'vitest';
import { assumptionLines } from '../../../src/core/export/assumptions.ts';
import { defaultScenario } from '../../../src/core/scenario/defaults.ts';
import { DEMAND_UNIT_NAMES, DEMAND_UNIT_SYMBOLS } from '../../../src/core/sizing/demandConversion.ts';

describe('demand unit labels', () => {
  it('are one list of names and one of symbols', () => {
    expect(DEMAND_UNIT_NAMES).toEqual({
      requestsPerSecond: 'requests/s',
      concurrentRequests: 'concurrent requests',
      outputTokensPerSecond: 'output tokens/s',
    });
    expect(DEMAND_UNIT_SYMBOLS).toEqual({
      requestsPerSecond: 'req/s',
      concurrentRequests: 'concurrent requests',
      outputTokensPerSecond: 'tok/s',
    });
  });

  it.each([
    ['requestsPerSecond', 'Peak demand: 200 requests/s, +0% headroom'],
    ['concurrentRequests', 'Peak demand: 200 concurrent requests, +0% headroom'],
    ['outputTokensPerSecond', 'Peak demand: 200 output tokens/s, +0% headroom'],
  ] as const)('name %s in the caption', (unit, start) => {
    const scenario = defaultScenario();
    scenario.demand.unit = unit;
    expect(assumptionLines(scenario)[1]).toMatch(new RegExp(`^${start.replace('+', '\\+')}`));
  });
});
