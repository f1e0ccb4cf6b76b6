/**
 * Scenario file validation (docs/scenario.md): the first offending field is named with its path
 * (`hardware[0].gpusPerServer: must be a whole number ≥ 1, got 0`). Top-level sections that are missing
 * take their defaults, so a hand-written scenario may hold only what it changes; a section that is present
 * must be complete. Unknown fields are kept as they are and ignored. Lists have limits (SCENARIO_LIMITS), so
 * no document can make the page do unbounded work; names have unshowable characters replaced (displayName).
 *
 * The same checks guard every way in: a scenario file, a share link, the browser's storage, and (through
 * `runProblem`) each run a parser reads from a file, so whatever was accepted once is accepted again on restore.
 */
import type { Distribution, LoadLevel, LoadPoint, Measurements } from '../model/benchmark.ts';
import { DISTRIBUTION_FIELDS, SCALAR_FIELDS, STATS, TOOL_IDS, emptyMeasurements, isStat } from '../model/benchmark.ts';
import type { Stat } from '../model/benchmark.ts';
import type {
  ApiReference,
  ChartView,
  Demand,
  EmbeddedPoint,
  HardwareProfile,
  Scenario,
  SeriesSettings,
  SlaConstraint,
  SlaRule,
} from '../model/scenario.ts';
import { DEMAND_UNITS, LICENCE_BASES, RANK_METRICS, SLA_METRICS, SLA_RULE_KINDS, Y_AXES } from '../model/scenario.ts';
import { defaultScenario } from './defaults.ts';
import { isCurrencyCode } from '../format/numbers.ts';
import { displayName } from '../format/text.ts';
import { MigrationError, migrateScenario } from './migrations.ts';
import { MappingError, validateMappings } from '../parsers/mapped/mapping.ts';
import type { NumberRule } from './rules.ts';
import { RULES, numberProblem } from './rules.ts';

/**
 * The longest list of each kind a scenario may hold. SLA: one constraint per metric and statistic. Server types:
 * twenty forms (each type is a form of ten fields, all drawn at once). Series entries: one per configuration of a
 * large study. Points: ten thousand load levels (a sweep of 1,000 files is a tenth of it). The page refuses to
 * add beyond them, so what it saves always reopens.
 */
export const SCENARIO_LIMITS = {
  sla: SLA_METRICS.length * STATS.length,
  hardware: 20,
  series: 1_000,
  points: 10_000,
} as const;

/** The largest scenario file opened (points embedded): the same cap as a benchmark file. */
export const MAX_SCENARIO_BYTES = 64 * 2 ** 20;

/** Null when a scenario file of this size may be opened, else why not (named, with the limit). */
export function scenarioFileSizeProblem(name: string, bytes: number): string | null {
  if (bytes <= MAX_SCENARIO_BYTES) return null;
  const mib = (bytes / 2 ** 20).toFixed(0);
  return `${name}: the file is ${mib} MiB; a scenario is at most ${MAX_SCENARIO_BYTES / 2 ** 20} MiB.`;
}

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
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new Invalid(field, `must be an object, got ${show(value)}`);
  return value as Obj;
}

function list(value: unknown, field: string): unknown[] {
  if (!Array.isArray(value)) throw new Invalid(field, `must be a list, got ${show(value)}`);
  return value;
}

function number(value: unknown, field: string, rule: NumberRule = RULES.measurement): number {
  const problem = numberProblem(value, rule);
  if (problem !== null)
    throw new Invalid(
      field,
      typeof value === 'number' && Number.isFinite(value) ? problem : `${problem}, got ${show(value)}`,
    );
  return value as number;
}

function oneOf<T extends string>(value: unknown, field: string, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new Invalid(field, `must be one of ${allowed.join(', ')}, got ${show(value)}`);
  }
  return value as T;
}

/** A string; by default at least one character long (spaces count: a file may be named "   .json"). */
function text(value: unknown, field: string, { nonEmpty = true } = {}): string {
  if (typeof value !== 'string' || (nonEmpty && value === ''))
    throw new Invalid(field, `must be ${nonEmpty ? 'a non-empty ' : ''}text, got ${show(value)}`);
  return value;
}

/** A name shown to people: non-empty text, with characters an export cannot draw replaced. */
function name(value: unknown, field: string): string {
  return displayName(text(value, field));
}

function limitedList(value: unknown, field: keyof typeof SCENARIO_LIMITS): unknown[] {
  const items = list(value, field);
  const limit = SCENARIO_LIMITS[field];
  if (items.length > limit)
    throw new Invalid(
      field,
      `holds ${items.length.toLocaleString('en-US')} entries; at most ${limit.toLocaleString('en-US')} are accepted`,
    );
  return items;
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
  if (!isStat(value))
    throw new Invalid(
      field,
      `must be one of ${STATS.join(', ')} or a percentile p<N> with 0 < N < 100, got ${show(value)}`,
    );
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
  const hardwareName = name(o['name'], `${field}.name`);
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
  const cloudUsdPerGpuHour =
    cloud === null || cloud === undefined ? null : number(cloud, `${field}.cloudUsdPerGpuHour`, RULES.money);
  return withUnknown(o, {
    id,
    name: hardwareName,
    serverPriceUsd,
    gpusPerServer,
    depreciationYears,
    licence,
    hostingUsdPerServerYear,
    power,
    cloudUsdPerGpuHour,
  });
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
  if (o['name'] !== undefined) out.name = name(o['name'], `${field}.name`);
  if (o['gpusPerInstance'] !== undefined)
    out.gpusPerInstance = number(o['gpusPerInstance'], `${field}.gpusPerInstance`, RULES.gpusPerInstance);
  if (o['hardware'] !== undefined) out.hardware = text(o['hardware'], `${field}.hardware`);
  if (o['hidden'] !== undefined) out.hidden = boolean(o['hidden'], `${field}.hidden`);
  if (o['mergeInto'] !== undefined) out.mergeInto = text(o['mergeInto'], `${field}.mergeInto`);
  if (o['inputTokens'] !== undefined)
    out.inputTokens = number(o['inputTokens'], `${field}.inputTokens`, RULES.sequenceTokens);
  if (o['outputTokens'] !== undefined)
    out.outputTokens = number(o['outputTokens'], `${field}.outputTokens`, RULES.sequenceTokens);
  return withUnknown(o, out);
}

function validateView(value: unknown, field = 'view'): ChartView {
  const o = object(value, field);
  const x = object(o['x'], `${field}.x`);
  const view: ChartView = {
    x: { metric: oneOf(x['metric'], `${field}.x.metric`, SLA_METRICS), stat: stat(x['stat'], `${field}.x.stat`) },
    y: oneOf(o['y'], `${field}.y`, Y_AXES),
    logX: boolean(o['logX'], `${field}.logX`),
  };
  if (o['logXAuto'] !== undefined) view.logXAuto = boolean(o['logXAuto'], `${field}.logXAuto`);
  return withUnknown(o, view);
}

function validateDistribution(value: unknown, field: string): Distribution {
  if (value === undefined) return {};
  const o = object(value, field);
  const out: Distribution = {};
  for (const [key, raw] of Object.entries(o)) {
    if (!isStat(key))
      throw new Invalid(`${field}.${key}`, `is not a statistic (${STATS.join(', ')}, or p<N> with 0 < N < 100)`);
    out[key] = number(raw, `${field}.${key}`);
  }
  return out;
}

/** A load level: at least one of a concurrency, a request rate, or saturation. */
function validateLoad(value: unknown, field: string): Omit<LoadLevel, 'origin'> {
  const load = object(value, field);
  const out: Omit<LoadLevel, 'origin'> = {};
  if (load['concurrency'] !== undefined)
    out.concurrency = number(load['concurrency'], `${field}.concurrency`, RULES.loadLevel);
  if (load['requestRate'] !== undefined)
    out.requestRate = number(load['requestRate'], `${field}.requestRate`, RULES.loadLevel);
  if (load['saturation'] === true) out.saturation = true;
  if (out.concurrency === undefined && out.requestRate === undefined && !out.saturation) {
    throw new Invalid(field, 'needs a concurrency, a requestRate or saturation: true');
  }
  return out;
}

/** What a run measured: every number finite and in range, distributions of known statistics only. */
function validateMeasurements(o: Obj, field: string): Measurements {
  const m = emptyMeasurements();
  m.notes = list(o['notes'] ?? [], `${field}.notes`).map((n, i) =>
    text(n, `${field}.notes[${i}]`, { nonEmpty: false }),
  );
  for (const key of DISTRIBUTION_FIELDS) m[key] = validateDistribution(o[key], `${field}.${key}`);
  for (const key of SCALAR_FIELDS) if (o[key] !== undefined) m[key] = number(o[key], `${field}.${key}`);
  const tps = o['tpsPerUserDefinition'];
  if (tps !== undefined)
    m.tpsPerUserDefinition = oneOf(tps, `${field}.tpsPerUserDefinition`, [
      'osl-over-e2e',
      'inverse-itl',
      'derived-mean-ratio',
    ] as const);
  const meta = o['metadata'] === undefined ? {} : object(o['metadata'], `${field}.metadata`);
  if (typeof meta['model'] === 'string') m.metadata.model = meta['model'];
  if (typeof meta['backend'] === 'string') m.metadata.backend = meta['backend'];
  if (typeof meta['endpointType'] === 'string') m.metadata.endpointType = meta['endpointType'];
  if (meta['targetInputTokens'] !== undefined)
    m.metadata.targetInputTokens = number(meta['targetInputTokens'], `${field}.metadata.targetInputTokens`);
  if (meta['targetOutputTokens'] !== undefined)
    m.metadata.targetOutputTokens = number(meta['targetOutputTokens'], `${field}.metadata.targetOutputTokens`);
  if (typeof meta['framework'] === 'string') m.metadata.framework = meta['framework'];
  if (typeof meta['dataset'] === 'string') m.metadata.dataset = meta['dataset'];
  if (meta['configuration'] !== undefined) {
    const configuration = object(meta['configuration'], `${field}.metadata.configuration`);
    m.metadata.configuration = Object.fromEntries(
      Object.entries(configuration).map(([k, v]) => [
        k,
        text(v, `${field}.metadata.configuration.${k}`, { nonEmpty: false }),
      ]),
    );
  }
  m.derived = list(o['derived'] ?? [], `${field}.derived`).map((n, i) => text(n, `${field}.derived[${i}]`));
  return m;
}

/** An embedded point is data from a file someone may have edited: every number is checked again. */
function validatePoint(value: unknown, field: string): EmbeddedPoint {
  const o = object(value, field);
  const load = validateLoad(o['load'], `${field}.load`);
  const origin = object(o['load'], `${field}.load`)['origin'];
  const point: LoadPoint = {
    id: text(o['id'], `${field}.id`),
    sources: list(o['sources'] ?? [], `${field}.sources`).map((s, i) => {
      const so = object(s, `${field}.sources[${i}]`);
      return {
        path: text(so['path'], `${field}.sources[${i}].path`),
        tool: oneOf(so['tool'], `${field}.sources[${i}].tool`, TOOL_IDS),
        format: text(so['format'], `${field}.sources[${i}].format`),
      };
    }),
    seriesKey: text(o['seriesKey'] ?? o['series'], `${field}.seriesKey`),
    seriesName: name(o['seriesName'] ?? o['series'], `${field}.seriesName`),
    load: { ...load, origin: origin === 'path' || origin === 'user' ? origin : 'file' },
    ...validateMeasurements(o, field),
  };
  if (o['duplicateLoadRuns'] !== undefined) {
    const rule = { min: 2, integer: true, sanityMax: 1e6 };
    point.duplicateLoadRuns = number(o['duplicateLoadRuns'], `${field}.duplicateLoadRuns`, rule);
  }
  return { ...point, series: name(o['series'] ?? point.seriesName, `${field}.series`) };
}

/**
 * Null when a run read from a file would be accepted as a point of a saved scenario; else the first problem,
 * named by its field ("ttftMs.avg: must be at most …"). The parsers' output passes through here, so a value
 * the page takes in (a concurrency of 1e20, a latency that overflowed to Infinity when converted to ms) is
 * refused when it arrives rather than when the saved scenario is reopened.
 */
export function runProblem(run: Measurements & { load: Omit<LoadLevel, 'origin'> | null }): string | null {
  try {
    if (run.load !== null) validateLoad(run.load, 'load');
    validateMeasurements(run as unknown as Obj, '');
    return null;
  } catch (error) {
    if (error instanceof Invalid) return `${error.field.replace(/^\./, '')}: ${error.problem}`;
    throw error;
  }
}

/** Validates (after migrating older versions) a parsed scenario document. */
export function validateScenario(raw: unknown): ScenarioResult {
  try {
    const doc = object(raw, 'scenario');
    // A JSON without the marker is some other file (often a benchmark result opened as a scenario): say so first.
    if (doc['format'] === undefined) {
      throw new Invalid(
        'format',
        'missing: this JSON is not a scenario file (a scenario has "format": "llm-tco-scenario")',
      );
    }
    const migrated = migrateScenario(doc);
    const o = migrated;
    if (o['format'] !== 'llm-tco-scenario')
      throw new Invalid('format', `must be "llm-tco-scenario", got ${show(o['format'])}`);
    const d = defaultScenario();
    // Sections are checked in the order a saved file lists them (docs/scenario.md), so the first bad field
    // in the file is the one named.
    const sla =
      o['sla'] === undefined ? d.sla : limitedList(o['sla'], 'sla').map((c, i) => validateSla(c, `sla[${i}]`));
    const slaRule = o['slaRule'] === undefined ? d.slaRule : validateSlaRule(o['slaRule']);
    const demand = o['demand'] === undefined ? d.demand : validateDemand(o['demand']);
    const hardware =
      o['hardware'] === undefined
        ? d.hardware
        : limitedList(o['hardware'], 'hardware').map((h, i) => validateHardware(h, `hardware[${i}]`));
    if (hardware.length === 0) throw new Invalid('hardware', 'must list at least one hardware profile');
    const ids = new Set<string>();
    hardware.forEach((h, i) => {
      if (ids.has(h.id)) throw new Invalid(`hardware[${i}].id`, `"${h.id}" is used twice`);
      ids.add(h.id);
    });
    const apiReference = o['apiReference'] === undefined ? d.apiReference : validateApiReference(o['apiReference']);
    const currency = o['currency'] === undefined ? d.currency : text(o['currency'], 'currency');
    if (!isCurrencyCode(currency))
      throw new Invalid('currency', `must be an ISO 4217 code such as USD or EUR, got ${show(currency)}`);
    const defaultsObj = o['defaults'] === undefined ? undefined : object(o['defaults'], 'defaults');
    const defaults = defaultsObj
      ? withUnknown(defaultsObj, {
          gpusPerInstance: number(defaultsObj['gpusPerInstance'], 'defaults.gpusPerInstance', RULES.gpusPerInstance),
          hardware: text(defaultsObj['hardware'], 'defaults.hardware'),
        })
      : { ...d.defaults, hardware: hardware[0]?.id ?? d.defaults.hardware };
    if (!ids.has(defaults.hardware))
      throw new Invalid(
        'defaults.hardware',
        `"${defaults.hardware}" is not the id of a hardware profile (${[...ids].join(', ')})`,
      );
    const series =
      o['series'] === undefined
        ? []
        : limitedList(o['series'], 'series').map((entry, i) => validateSeriesSettings(entry, `series[${i}]`));
    series.forEach((entry, i) => {
      if (entry.hardware !== undefined && !ids.has(entry.hardware))
        throw new Invalid(`series[${i}].hardware`, `"${entry.hardware}" is not the id of a hardware profile`);
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
      ...(o['mappings'] === undefined ? {} : { mappings: validateMappings(o['mappings'], 'mappings') }),
      points:
        o['points'] === undefined
          ? []
          : limitedList(o['points'], 'points').map((p, i) => validatePoint(p, `points[${i}]`)),
    } satisfies Scenario);
    const comparable = o['comparableWorkloads'];
    if (comparable !== undefined) scenario.comparableWorkloads = boolean(comparable, 'comparableWorkloads');
    if (o['rankBy'] !== undefined) scenario.rankBy = oneOf(o['rankBy'], 'rankBy', RANK_METRICS);
    return { ok: true, scenario };
  } catch (error) {
    if (error instanceof Invalid || error instanceof MigrationError || error instanceof MappingError)
      return { ok: false, field: error.field, message: error.message };
    throw error;
  }
}
