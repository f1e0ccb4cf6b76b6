/**
 * docs/scenario.schema.json and the validator (src/core/scenario/validateScenario.ts) must agree: every example in
 * docs/scenario.md, the default scenario and a saved scenario with real points are accepted by both; invalid
 * documents are refused by both; the schema's enums and number limits are the code's own (SLA_METRICS, STATS,
 * RULES …), so a field or value added to the code without the schema fails here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { TPS_PER_USER_DEFINITION_LABELS } from '../../src/core/analysis/metrics.ts';
import { STATS, TOOL_IDS } from '../../src/core/model/benchmark.ts';
import { DEMAND_UNITS, LICENCE_BASES, SLA_METRICS, SLA_RULE_KINDS, Y_AXES } from '../../src/core/model/scenario.ts';
import { ingestFiles } from '../../src/core/parsers/ingest.ts';
import { defaultScenario } from '../../src/core/scenario/defaults.ts';
import type { NumberRule } from '../../src/core/scenario/rules.ts';
import { RULES } from '../../src/core/scenario/rules.ts';
import { buildScenario, scenarioToJson } from '../../src/core/scenario/scenarioCodec.ts';
import { validateScenario } from '../../src/core/scenario/validateScenario.ts';

const ROOT = join(import.meta.dirname, '../..');
type Json = Record<string, unknown>;

const schema = JSON.parse(readFileSync(join(ROOT, 'docs/scenario.schema.json'), 'utf8')) as Json;
const ajv = new Ajv2020({ strict: true, strictRequired: false, allowUnionTypes: true, allErrors: true });
const schemaAccepts = ajv.compile(schema);

function verdicts(doc: unknown): { schema: boolean; validator: boolean; why: string } {
  const bySchema = schemaAccepts(doc);
  const byValidator = validateScenario(doc);
  const validatorSays = byValidator.ok ? 'ok' : byValidator.message;
  const why = `schema: ${ajv.errorsText(schemaAccepts.errors)}; validator: ${validatorSays}`;
  return { schema: bySchema, validator: byValidator.ok, why };
}

/** The ```json blocks of a Markdown file, parsed. */
function jsonBlocks(file: string): unknown[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  return [...text.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => JSON.parse(m[1] ?? '') as unknown);
}

const valid = () => JSON.parse(JSON.stringify(defaultScenario())) as Json;
/** The smallest embedded point both accept. */
const point = { id: 'p', series: 's', load: { concurrency: 1 } };

describe('docs/scenario.schema.json accepts what the validator accepts', () => {
  const examples = jsonBlocks('docs/scenario.md');

  it('finds the examples of docs/scenario.md', () => {
    expect(examples.length).toBeGreaterThanOrEqual(5);
  });

  it.each(examples.map((doc, i) => [i + 1, doc] as const))('example %i of docs/scenario.md', (_, doc) => {
    const v = verdicts(doc);
    expect(v, v.why).toMatchObject({ schema: true, validator: true });
  });

  it('the default scenario', () => {
    const v = verdicts(valid());
    expect(v, v.why).toMatchObject({ schema: true, validator: true });
  });

  it('a saved scenario with the real points of a GenAI-Perf run', () => {
    const dir = join(ROOT, 'tests/fixtures/real/genai-perf/nim-llama3-8b-sweep-c1-250');
    const files = ['json', 'csv'].map((ext) => {
      const name = `meta_llama3-8b-instruct-openai-chat-concurrency10.profile_export_genai_perf.${ext}`;
      return { path: `sweep/${name}`, text: readFileSync(join(dir, name), 'utf8') };
    });
    const { points } = ingestFiles(files);
    expect(points).toHaveLength(1);
    const { points: _none, ...settings } = defaultScenario();
    const saved = JSON.parse(scenarioToJson(buildScenario(settings, points, new Map()))) as unknown;
    const v = verdicts(saved);
    expect(v, v.why).toMatchObject({ schema: true, validator: true });
  });

  it.each<[string, (d: Json) => void]>([
    ['an empty SLA', (d) => (d['sla'] = [])],
    ['unknown fields, kept and ignored', (d) => Object.assign(d, { mine: 1, view: { ...(d['view'] as Json), z: 2 } })],
    ['a hardware without power', (d) => (d['hardware'] = [{ ...(d['hardware'] as Json[])[0], power: undefined }])],
    ['version 0 without its old fields', (d) => (d['version'] = 0)],
    ['a point keyed by `series`', (d) => (d['points'] = [{ ...point, seriesKey: null, load: { saturation: true } }])],
    ['the largest sane values', (d) => Object.assign(d['demand'] as Json, { peak: 1e12, spareInstances: 1e5 })],
    [
      'any percentile',
      (d) =>
        (d['sla'] = [
          { metric: 'ttft', stat: 'p99.99', bound: 1 },
          { metric: 'e2e', stat: 'p0.5', bound: 2 },
        ]),
    ],
    ['the goodput rule', (d) => (d['slaRule'] = { kind: 'goodput', minPercent: 95 })],
    ['a point with p97.5', (d) => (d['points'] = [{ ...point, ttftMs: { 'p97.5': 1 } }])],
  ])('%s', (_, patch) => {
    const doc = valid();
    patch(doc);
    const v = verdicts(JSON.parse(JSON.stringify(doc)));
    expect(v, v.why).toMatchObject({ schema: true, validator: true });
  });
});

describe('docs/scenario.schema.json refuses what the validator refuses', () => {
  const hw = (d: Json) => (d['hardware'] as Json[])[0] as Json;
  const demand = (d: Json) => d['demand'] as Json;
  it('a document that is not an object', () => {
    const v = verdicts(['llm-tco-scenario', 1]);
    expect(v, v.why).toMatchObject({ schema: false, validator: false });
  });

  it.each<[string, (d: Json) => void]>([
    ['another format', (d) => (d['format'] = 'llm-tco')],
    ['a future version', (d) => (d['version'] = 2)],
    ['no version', (d) => delete d['version']],
    ['an unknown SLA metric', (d) => (d['sla'] = [{ metric: 'ttfb', stat: 'avg', bound: 1 }])],
    ['an unknown statistic', (d) => (d['sla'] = [{ metric: 'ttft', stat: 'median', bound: 1 }])],
    ['a percentile of 100', (d) => (d['sla'] = [{ metric: 'ttft', stat: 'p100', bound: 1 }])],
    ['a percentile not in its shortest form', (d) => (d['sla'] = [{ metric: 'ttft', stat: 'p99.90', bound: 1 }])],
    ['a goodput rule without its share', (d) => (d['slaRule'] = { kind: 'goodput' })],
    ['a goodput share above 100', (d) => (d['slaRule'] = { kind: 'goodput', minPercent: 120 })],
    ['a zero bound', (d) => (d['sla'] = [{ metric: 'ttft', stat: 'avg', bound: 0 }])],
    ['a bound past the sanity cap', (d) => (d['sla'] = [{ metric: 'ttft', stat: 'avg', bound: 2e9 }])],
    ['an incomplete demand', (d) => delete demand(d)['averageToPeak']],
    ['a zero average-to-peak', (d) => (demand(d)['averageToPeak'] = 0)],
    ['fractional spares', (d) => (demand(d)['spareInstances'] = 1.5)],
    ['a peak given as text', (d) => (demand(d)['peak'] = '200')],
    ['no hardware', (d) => (d['hardware'] = [])],
    ['zero GPUs per server', (d) => (hw(d)['gpusPerServer'] = 0)],
    ['an empty hardware id', (d) => (hw(d)['id'] = '')],
    ['an unknown licence basis', (d) => (hw(d)['licence'] = { usdPerYear: 1, basis: 'perCore' })],
    ['a PUE below 1', (d) => (hw(d)['power'] = { serverKw: 10, pue: 0.5, usdPerKwh: 0.1 })],
    ['a price past the sanity cap', (d) => (hw(d)['serverPriceUsd'] = 1e13)],
    ['a lower-case currency', (d) => (d['currency'] = 'usd')],
    ['a series entry without match', (d) => (d['series'] = [{ name: 'x' }])],
    ['an empty mergeInto', (d) => (d['series'] = [{ match: 'x', mergeInto: '' }])],
    ['hidden as text', (d) => (d['series'] = [{ match: 'x', hidden: 'yes' }])],
    ['a zero uptime', (d) => (d['uptime'] = 0)],
    ['an unknown y axis', (d) => ((d['view'] as Json)['y'] = 'tokens')],
    ['a point without a load level', (d) => (d['points'] = [{ ...point, load: { saturation: false } }])],
    ['a point with an unknown statistic', (d) => (d['points'] = [{ ...point, ttftMs: { p0: 1 } }])],
    ['a point with a negative rate', (d) => (d['points'] = [{ ...point, requestsPerSecond: -1 }])],
    ['a point with no series key at all', (d) => (d['points'] = [{ id: 'p', load: { concurrency: 1 } }])],
    ['a version 0 file with a negative bound', (d) => Object.assign(d, { version: 0, ttftAvgMs: -1 })],
  ])('%s', (_, patch) => {
    const doc = valid();
    patch(doc);
    const v = verdicts(doc);
    expect(v, v.why).toMatchObject({ schema: false, validator: false });
  });
});

describe('docs/scenario.schema.json is kept in step with the code', () => {
  const defs = schema['$defs'] as Record<string, Json>;
  /** The node at a path of keys, following a `$ref` at the end. */
  function at(...path: Array<string | number>): Json {
    let node: unknown = schema;
    for (const key of path) node = (node as Record<string | number, unknown>)[key];
    const ref = (node as Json)['$ref'];
    return typeof ref === 'string' ? at(...ref.replace('#/', '').split('/')) : (node as Json);
  }
  const enumOf = (...path: Array<string | number>) => at(...path)['enum'];

  it('lists the code’s values of every enumeration', () => {
    expect(enumOf('$defs', 'slaMetric')).toEqual([...SLA_METRICS]);
    expect(enumOf('$defs', 'stat', 'anyOf', 0)).toEqual([...STATS]);
    const ruleKinds = [0, 1].map((i) => at('$defs', 'slaRule', 'oneOf', i, 'properties', 'kind')['const']);
    expect(ruleKinds).toEqual([...SLA_RULE_KINDS]);
    expect(enumOf('$defs', 'demand', 'properties', 'unit')).toEqual([...DEMAND_UNITS]);
    expect(enumOf('$defs', 'view', 'properties', 'y')).toEqual([...Y_AXES]);
    expect(enumOf('$defs', 'hardware', 'properties', 'licence', 'properties', 'basis')).toEqual([...LICENCE_BASES]);
    expect(enumOf('$defs', 'point', 'properties', 'sources', 'items', 'properties', 'tool')).toEqual([...TOOL_IDS]);
    const definitions = Object.keys(TPS_PER_USER_DEFINITION_LABELS);
    expect(enumOf('$defs', 'point', 'properties', 'tpsPerUserDefinition')).toEqual(definitions);
  });

  /** Where each rule of RULES lives in the schema: every rule must be listed (a new rule needs a schema entry). */
  const RULE_NODES: Record<keyof typeof RULES, Array<Array<string | number>>> = {
    slaBound: [['$defs', 'slaBound']],
    goodputPercent: [['$defs', 'goodputPercent']],
    peak: [['$defs', 'peak']],
    headroomPercent: [['$defs', 'demand', 'properties', 'headroomPercent']],
    spareInstances: [['$defs', 'demand', 'properties', 'spareInstances']],
    averageToPeak: [['$defs', 'demand', 'properties', 'averageToPeak']],
    money: [['$defs', 'money']],
    gpusPerServer: [['$defs', 'hardware', 'properties', 'gpusPerServer']],
    gpusPerInstance: [['$defs', 'gpusPerInstance']],
    depreciationYears: [['$defs', 'hardware', 'properties', 'depreciationYears']],
    serverKw: [['$defs', 'hardware', 'properties', 'power', 'oneOf', 1, 'properties', 'serverKw']],
    pue: [['$defs', 'hardware', 'properties', 'power', 'oneOf', 1, 'properties', 'pue']],
    uptime: [['properties', 'uptime']],
    loadLevel: [['$defs', 'loadLevel']],
    measurement: [['$defs', 'measurement']],
    sequenceTokens: [['$defs', 'sequenceTokens']],
  };

  /** The JSON Schema keywords a NumberRule means (the effective maximum is the lower of max and the sanity cap). */
  function keywords(rule: NumberRule): Json {
    const { min = 0, exclusiveMin = false, max, integer = false, sanityMax } = rule;
    const out: Json = { type: integer ? 'integer' : 'number', [exclusiveMin ? 'exclusiveMinimum' : 'minimum']: min };
    const maximum = max === undefined ? sanityMax : sanityMax === undefined ? max : Math.min(max, sanityMax);
    if (maximum !== undefined) out['maximum'] = maximum;
    return out;
  }

  it.each(Object.entries(RULE_NODES))('RULES.%s', (name, paths) => {
    const expected = keywords(RULES[name as keyof typeof RULES]);
    for (const path of paths) {
      const node = at(...path);
      const actual = Object.fromEntries(Object.keys(expected).map((k) => [k, node[k]]));
      expect(actual, path.join('.')).toEqual(expected);
      expect(node['exclusiveMinimum'] !== undefined && node['minimum'] !== undefined, path.join('.')).toBe(false);
    }
  });

  it('describes every section the default scenario has', () => {
    const properties = schema['properties'] as Json;
    for (const key of Object.keys(defaultScenario())) expect(properties, key).toHaveProperty(key);
    expect(Object.keys(defs).length).toBeGreaterThan(0);
  });
});
