/**
 * Scenario file validation (docs/scenario.md): the first offending field is named with its path
 * (`hardware[0].gpusPerServer: must be a whole number ≥ 1, got 0`). Top-level sections that are missing
 * take their defaults, so a hand-written scenario may hold only what it changes; a section that is present
 * must be complete. Unknown fields are kept as they are and ignored.
 */
import type { Distribution, LoadPoint } from '../model/benchmark.ts';
import { DISTRIBUTION_FIELDS, SCALAR_FIELDS, STATS, TOOL_IDS, emptyMeasurements, isStat } from '../model/benchmark.ts';
import type { Stat } from '../model/benchmark.ts';
import type { ApiReference, ChartView, Demand, EmbeddedPoint, HardwareProfile, Scenario, SeriesSettings, SlaConstraint, SlaRule } from '../model/scenario.ts';
import { DEMAND_UNITS, LICENCE_BASES, SLA_METRICS, SLA_RULE_KINDS, Y_AXES } from '../model/scenario.ts';
import { defaultScenario } from './defaults.ts';
import { isCurrencyCode } from '../format/numbers.ts';
import { MigrationError, migrateScenario } from './migrations.ts';
import type { NumberRule } from './rules.ts';
import { RULES, numberProblem } from './rules.ts';

export type ScenarioResult = { ok: true; scenario: Scenario } | { ok: false; field: string; message: string };

/** Thrown inside the validators; turned into `{ok: false}` at the top. */
class Invalid extends Error {
  constructor(
    readonly field: string,
    readonly problem: string,
  ) {
    super(`${field}: ${problem}`);
  }
}

type Obj = Record<string, unknown>;

function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 39)}…` : value);
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  return String(value);
}

function object(value: unknown, field: string): Obj {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Invalid(field, `must be an object, got ${show(value)}`);
  return value as Obj;
}

function list(value: unknown, field: string): unknown[] {
  if (!Array.isArray(value)) throw new Invalid(field, `must be a list, got ${show(value)}`);
  return value;
}

function number(value: unknown, field: string, rule: NumberRule = RULES.measurement): number {
  const problem = numberProblem(value, rule);
  if (problem !== null) throw new Invalid(field, typeof value === 'number' && Number.isFinite(value) ? problem : `${problem}, got ${show(value)}`);
  return value as number;
}

function oneOf<T extends string>(value: unknown, field: string, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new Invalid(field, `must be one of ${allowed.join(', ')}, got ${show(value)}`);
  }
  return value as T;
}

function text(value: unknown, field: string, { nonEmpty = true } = {}): string {
  if (typeof value !== 'string' || (nonEmpty && value.trim() === '')) throw new Invalid(field, `must be ${nonEmpty ? 'a non-empty ' : ''}text, got ${show(value)}`);
  return value;
}

function boolean(value: unknown, field: string): boolean {
  if (typeof value !== 'boolean') throw new Invalid(field, `must be true or false, got ${show(value)}`);
  return value;
}

/** Copies the keys a validator did not read, so unknown fields survive a load/save round trip. */
function withUnknown<T extends object>(source: Obj, known: T): T {
  const out: Obj = {};
  for (const [key, value] of Object.entries(source)) {
    if (!(key in known) && key !== '__proto__') out[key] = value;
  }
  return Object.assign(out, known) as T;
}

/** One of STATS, or any percentile `p<N>` with 0 < N < 100 (`p97.5`, `p99.99`). */
function stat(value: unknown, field: string): Stat {
  if (!isStat(value)) throw new Invalid(field, `must be one of ${STATS.join(', ')} or a percentile p<N> with 0 < N < 100, got ${show(value)}`);
  return value;
}

export function validateSla(value: unknown, field: string): SlaConstraint {
  const o = object(value, field);
  return withUnknown(o, {
    metric: oneOf(o['metric'], `${field}.metric`, SLA_METRICS),
    stat: stat(o['stat'], `${field}.stat`),
    bound: number(o['bound'], `${field}.bound`, RULES.slaBound),
  });
}

export function validateSlaRule(value: unknown, field = 'slaRule'): SlaRule {
  const o = object(value, field);
  const kind = oneOf(o['kind'], `${field}.kind`, SLA_RULE_KINDS);
  if (kind === 'statistic') return withUnknown(o, { kind });
  return withUnknown(o, { kind, minPercent: number(o['minPercent'], `${field}.minPercent`, RULES.goodputPercent) });
}

export function validateDemand(value: unknown, field = 'demand'): Demand {
  const o = object(value, field);
  return withUnknown(o, {
    unit: oneOf(o['unit'], `${field}.unit`, DEMAND_UNITS),
    peak: number(o['peak'], `${field}.peak`, RULES.peak),
    headroomPercent: number(o['headroomPercent'], `${field}.headroomPercent`, RULES.headroomPercent),
    spareInstances: number(o['spareInstances'], `${field}.spareInstances`, RULES.spareInstances),
    averageToPeak: number(o['averageToPeak'], `${field}.averageToPeak`, RULES.averageToPeak),
  });
}

export function validateHardware(value: unknown, field: string): HardwareProfile {
  const o = object(value, field);
  // Fields are checked in the order a scenario file lists them, so the first bad one is the one named.
  const id = text(o['id'], `${field}.id`);
  const name = text(o['name'], `${field}.name`);
  const serverPriceUsd = number(o['serverPriceUsd'], `${field}.serverPriceUsd`, RULES.money);
  const gpusPerServer = number(o['gpusPerServer'], `${field}.gpusPerServer`, RULES.gpusPerServer);
  const depreciationYears = number(o['depreciationYears'], `${field}.depreciationYears`, RULES.depreciationYears);
  const licenceObject = object(o['licence'], `${field}.licence`);
  const licence = withUnknown(licenceObject, {
    usdPerYear: number(licenceObject['usdPerYear'], `${field}.licence.usdPerYear`, RULES.money),
    basis: oneOf(licenceObject['basis'], `${field}.licence.basis`, LICENCE_BASES),
  });
  const hostingUsdPerServerYear = number(o['hostingUsdPerServerYear'], `${field}.hostingUsdPerServerYear`, RULES.money);
  const powerObject = o['power'] === null || o['power'] === undefined ? null : object(o['power'], `${field}.power`);
  const power =
    powerObject === null
      ? null
      : withUnknown(powerObject, {
          serverKw: number(powerObject['serverKw'], `${field}.power.serverKw`, RULES.serverKw),
          pue: number(powerObject['pue'], `${field}.power.pue`, RULES.pue),
          usdPerKwh: number(powerObject['usdPerKwh'], `${field}.power.usdPerKwh`, RULES.money),
        });
  const cloud = o['cloudUsdPerGpuHour'];
  const cloudUsdPerGpuHour = cloud === null || cloud === undefined ? null : number(cloud, `${field}.cloudUsdPerGpuHour`, RULES.money);
  return withUnknown(o, { id, name, serverPriceUsd, gpusPerServer, depreciationYears, licence, hostingUsdPerServerYear, power, cloudUsdPerGpuHour });
}

export function validateApiReference(value: unknown, field = 'apiReference'): ApiReference {
  const o = object(value, field);
  return withUnknown(o, {
    usdPer1MInputTokens: number(o['usdPer1MInputTokens'], `${field}.usdPer1MInputTokens`, RULES.money),
    usdPer1MOutputTokens: number(o['usdPer1MOutputTokens'], `${field}.usdPer1MOutputTokens`, RULES.money),
  });
}

function validateSeriesSettings(value: unknown, field: string): SeriesSettings {
  const o = object(value, field);
  const out: SeriesSettings = { match: text(o['match'], `${field}.match`) };
  if (o['name'] !== undefined) out.name = text(o['name'], `${field}.name`);
  if (o['gpusPerInstance'] !== undefined) out.gpusPerInstance = number(o['gpusPerInstance'], `${field}.gpusPerInstance`, RULES.gpusPerInstance);
  if (o['hardware'] !== undefined) out.hardware = text(o['hardware'], `${field}.hardware`);
  if (o['hidden'] !== undefined) out.hidden = boolean(o['hidden'], `${field}.hidden`);
  if (o['mergeInto'] !== undefined) out.mergeInto = text(o['mergeInto'], `${field}.mergeInto`);
  if (o['inputTokens'] !== undefined) out.inputTokens = number(o['inputTokens'], `${field}.inputTokens`, RULES.sequenceTokens);
  if (o['outputTokens'] !== undefined) out.outputTokens = number(o['outputTokens'], `${field}.outputTokens`, RULES.sequenceTokens);
  return withUnknown(o, out);
}

function validateView(value: unknown, field = 'view'): ChartView {
  const o = object(value, field);
  const x = object(o['x'], `${field}.x`);
  return withUnknown(o, {
    x: { metric: oneOf(x['metric'], `${field}.x.metric`, SLA_METRICS), stat: stat(x['stat'], `${field}.x.stat`) },
    y: oneOf(o['y'], `${field}.y`, Y_AXES),
    logX: boolean(o['logX'], `${field}.logX`),
  });
}

function validateDistribution(value: unknown, field: string): Distribution {
  if (value === undefined) return {};
  const o = object(value, field);
  const out: Distribution = {};
  for (const [key, raw] of Object.entries(o)) {
    if (!isStat(key)) throw new Invalid(`${field}.${key}`, `is not a statistic (${STATS.join(', ')}, or p<N> with 0 < N < 100)`);
    out[key] = number(raw, `${field}.${key}`);
  }
  return out;
}

/** An embedded point is data from a file someone may have edited: every number is checked again. */
function validatePoint(value: unknown, field: string): EmbeddedPoint {
  const o = object(value, field);
  const load = object(o['load'], `${field}.load`);
  const point: LoadPoint = {
    id: text(o['id'], `${field}.id`),
    sources: list(o['sources'] ?? [], `${field}.sources`).map((s, i) => {
      const so = object(s, `${field}.sources[${i}]`);
      return { path: text(so['path'], `${field}.sources[${i}].path`), tool: oneOf(so['tool'], `${field}.sources[${i}].tool`, TOOL_IDS), format: text(so['format'], `${field}.sources[${i}].format`) };
    }),
    seriesKey: text(o['seriesKey'] ?? o['series'], `${field}.seriesKey`),
    seriesName: text(o['seriesName'] ?? o['series'], `${field}.seriesName`),
    load: { origin: load['origin'] === 'path' || load['origin'] === 'user' ? load['origin'] : 'file' },
    ...emptyMeasurements(),
    notes: list(o['notes'] ?? [], `${field}.notes`).map((n, i) => text(n, `${field}.notes[${i}]`, { nonEmpty: false })),
  };
  if (load['concurrency'] !== undefined) point.load.concurrency = number(load['concurrency'], `${field}.load.concurrency`, RULES.loadLevel);
  if (load['requestRate'] !== undefined) point.load.requestRate = number(load['requestRate'], `${field}.load.requestRate`, RULES.loadLevel);
  if (load['saturation'] === true) point.load.saturation = true;
  if (point.load.concurrency === undefined && point.load.requestRate === undefined && !point.load.saturation) {
    throw new Invalid(`${field}.load`, 'needs a concurrency, a requestRate or saturation: true');
  }
  for (const key of DISTRIBUTION_FIELDS) point[key] = validateDistribution(o[key], `${field}.${key}`);
  for (const key of SCALAR_FIELDS) if (o[key] !== undefined) point[key] = number(o[key], `${field}.${key}`);
  const tps = o['tpsPerUserDefinition'];
  if (tps !== undefined) point.tpsPerUserDefinition = oneOf(tps, `${field}.tpsPerUserDefinition`, ['osl-over-e2e', 'inverse-itl', 'derived-mean-ratio'] as const);
  const meta = o['metadata'] === undefined ? {} : object(o['metadata'], `${field}.metadata`);
  if (typeof meta['model'] === 'string') point.metadata.model = meta['model'];
  if (typeof meta['backend'] === 'string') point.metadata.backend = meta['backend'];
  if (typeof meta['endpointType'] === 'string') point.metadata.endpointType = meta['endpointType'];
  if (meta['targetInputTokens'] !== undefined) point.metadata.targetInputTokens = number(meta['targetInputTokens'], `${field}.metadata.targetInputTokens`);
  if (meta['targetOutputTokens'] !== undefined) point.metadata.targetOutputTokens = number(meta['targetOutputTokens'], `${field}.metadata.targetOutputTokens`);
  if (typeof meta['framework'] === 'string') point.metadata.framework = meta['framework'];
  if (typeof meta['dataset'] === 'string') point.metadata.dataset = meta['dataset'];
  if (meta['configuration'] !== undefined) {
    const configuration = object(meta['configuration'], `${field}.metadata.configuration`);
    point.metadata.configuration = Object.fromEntries(
      Object.entries(configuration).map(([k, v]) => [k, text(v, `${field}.metadata.configuration.${k}`, { nonEmpty: false })]),
    );
  }
  point.derived = list(o['derived'] ?? [], `${field}.derived`).map((n, i) => text(n, `${field}.derived[${i}]`));
  return { ...point, series: text(o['series'] ?? point.seriesName, `${field}.series`) };
}

/** Validates (after migrating older versions) a parsed scenario document. */
export function validateScenario(raw: unknown): ScenarioResult {
  try {
    const migrated = migrateScenario(object(raw, 'scenario'));
    const o = migrated;
    if (o['format'] !== 'llm-tco-scenario') throw new Invalid('format', `must be "llm-tco-scenario", got ${show(o['format'])}`);
    const d = defaultScenario();
    // Sections are checked in the order a saved file lists them (docs/scenario.md), so the first bad field
    // in the file is the one named.
    const sla = o['sla'] === undefined ? d.sla : list(o['sla'], 'sla').map((c, i) => validateSla(c, `sla[${i}]`));
    const slaRule = o['slaRule'] === undefined ? d.slaRule : validateSlaRule(o['slaRule']);
    const demand = o['demand'] === undefined ? d.demand : validateDemand(o['demand']);
    const hardware = o['hardware'] === undefined ? d.hardware : list(o['hardware'], 'hardware').map((h, i) => validateHardware(h, `hardware[${i}]`));
    if (hardware.length === 0) throw new Invalid('hardware', 'must list at least one hardware profile');
    const ids = new Set<string>();
    hardware.forEach((h, i) => {
      if (ids.has(h.id)) throw new Invalid(`hardware[${i}].id`, `"${h.id}" is used twice`);
      ids.add(h.id);
    });
    const apiReference = o['apiReference'] === undefined ? d.apiReference : validateApiReference(o['apiReference']);
    const currency = o['currency'] === undefined ? d.currency : text(o['currency'], 'currency');
    if (!isCurrencyCode(currency)) throw new Invalid('currency', `must be an ISO 4217 code such as USD or EUR, got ${show(currency)}`);
    const defaultsObj = o['defaults'] === undefined ? undefined : object(o['defaults'], 'defaults');
    const defaults = defaultsObj
      ? withUnknown(defaultsObj, {
          gpusPerInstance: number(defaultsObj['gpusPerInstance'], 'defaults.gpusPerInstance', RULES.gpusPerInstance),
          hardware: text(defaultsObj['hardware'], 'defaults.hardware'),
        })
      : { ...d.defaults, hardware: hardware[0]?.id ?? d.defaults.hardware };
    if (!ids.has(defaults.hardware)) throw new Invalid('defaults.hardware', `"${defaults.hardware}" is not the id of a hardware profile (${[...ids].join(', ')})`);
    const series = o['series'] === undefined ? [] : list(o['series'], 'series').map((entry, i) => validateSeriesSettings(entry, `series[${i}]`));
    series.forEach((entry, i) => {
      if (entry.hardware !== undefined && !ids.has(entry.hardware)) throw new Invalid(`series[${i}].hardware`, `"${entry.hardware}" is not the id of a hardware profile`);
    });
    const scenario: Scenario = withUnknown(o, {
      format: 'llm-tco-scenario',
      version: 1,
      sla,
      slaRule,
      demand,
      hardware,
      apiReference,
      currency,
      defaults,
      series,
      uptime: o['uptime'] === undefined ? d.uptime : number(o['uptime'], 'uptime', RULES.uptime),
      interpolate: o['interpolate'] === undefined ? d.interpolate : boolean(o['interpolate'], 'interpolate'),
      view: o['view'] === undefined ? d.view : validateView(o['view']),
      points: o['points'] === undefined ? [] : list(o['points'], 'points').map((p, i) => validatePoint(p, `points[${i}]`)),
    } satisfies Scenario);
    return { ok: true, scenario };
  } catch (error) {
    if (error instanceof Invalid || error instanceof MigrationError) return { ok: false, field: error.field, message: error.message };
    throw error;
  }
}
