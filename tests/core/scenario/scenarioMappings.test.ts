/** The scenario's optional `mappings`: validated with the field named, kept through save, link and restore. */
import { describe, expect, it } from 'vitest';
import type { ColumnMapping } from '../../../src/core/parsers/mapped/mapping.ts';
import { defaultScenario } from '../../../src/core/scenario/defaults.ts';
import {
  decodeShareLink,
  encodeShareLink,
  parseScenarioText,
  scenarioToJson,
} from '../../../src/core/scenario/scenarioCodec.ts';
import { validateScenario } from '../../../src/core/scenario/validateScenario.ts';

const MAPPING: ColumnMapping = {
  id: 'lab',
  name: 'lab sheet',
  appliesTo: 'results_*.csv',
  format: 'csv',
  fields: [
    { source: 'users', target: 'load.concurrency', unit: 'count' },
    { source: 'rpm', target: 'requestsPerSecond', unit: '/min' },
  ],
};

describe('scenario mappings', () => {
  it('are optional: a scenario without them has none, and none is written', () => {
    const result = validateScenario(JSON.parse(JSON.stringify(defaultScenario())));
    expect(result.ok && 'mappings' in result.scenario).toBe(false);
  });

  it('survive a save and a share link unchanged', () => {
    const scenario = { ...defaultScenario(), mappings: [MAPPING] };
    const saved = parseScenarioText(scenarioToJson(scenario));
    expect(saved.ok && saved.scenario.mappings).toEqual([MAPPING]);
    const linked = decodeShareLink(encodeShareLink(scenario).fragment);
    expect(linked?.ok && linked.scenario.mappings).toEqual([MAPPING]);
  });

  it('are refused with the offending field named', () => {
    const doc = (mappings: unknown) => ({ format: 'llm-tco-scenario', version: 1, mappings });
    expect(validateScenario(doc({}))).toEqual({
      ok: false,
      field: 'mappings',
      message: 'mappings: must be a list, got an object',
    });
    const badUnit = {
      ...MAPPING,
      fields: [MAPPING.fields[0], { source: 'rpm', target: 'requestsPerSecond', unit: 'ms' }],
    };
    expect(validateScenario(doc([MAPPING, { ...badUnit, id: 'two' }]))).toEqual({
      ok: false,
      field: 'mappings[1].fields[1].unit',
      message: 'mappings[1].fields[1].unit: requestsPerSecond needs a unit among /s, /min, got "ms"',
    });
    const many = Array.from({ length: 51 }, (_, i) => ({ ...MAPPING, id: `m${i}` }));
    expect(validateScenario(doc(many))).toMatchObject({
      ok: false,
      message: 'mappings: must hold at most 50 mappings, got 51',
    });
  });
});
