/** docs/scenario.schema.json describes the scenario's `mappings` with the code's own targets and units. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAPPING_TARGETS, MAPPING_UNITS } from '../../src/core/parsers/mapped/mapping.ts';

type Json = Record<string, Record<string, Record<string, Record<string, Record<string, unknown>>>>>;
const schema = JSON.parse(readFileSync(join(import.meta.dirname, '../../docs/scenario.schema.json'), 'utf8')) as Json;
const field = schema['$defs']!['mappedField']!['properties']!;

describe('the schema of a mapped field', () => {
  it('accepts exactly the targets the code knows', () => {
    const pattern = new RegExp(String(field['target']?.['pattern']));
    expect(MAPPING_TARGETS.filter((t) => !pattern.test(t))).toEqual([]);
    expect(
      ['ttftMs', 'ttftMs.p42', 'load.users', 'goodputRequestsPerSecond', 'ttftMs.avg '].filter((t) => pattern.test(t)),
    ).toEqual([]);
  });

  it('lists the units the code knows', () => {
    expect(field['unit']?.['enum']).toEqual([...MAPPING_UNITS]);
  });
});
