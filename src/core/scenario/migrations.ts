/**
 * Scenario migrations: one pure step per version, applied in order until the current version.
 * A document without `version` or with a newer one than this build knows is refused with the field named.
 */
export const CURRENT_SCENARIO_VERSION = 1;
export const SCENARIO_FORMAT = 'llm-tco-scenario';

/** True when a parsed JSON document claims to be a scenario (a benchmark parser then says so instead of "unknown"). */
export function looksLikeScenario(doc: unknown): boolean {
  return typeof doc === 'object' && doc !== null && (doc as Record<string, unknown>)['format'] === SCENARIO_FORMAT;
}

type Doc = Record<string, unknown>;

/**
 * v0 was the prototype's shape: one TTFT bound and a peak in requests/s at the top level
 * (`{format, version: 0, ttftAvgMs, peakRequestsPerSecond, …}`). v1 holds a list of constraints and a demand.
 */
function v0ToV1(doc: Doc): Doc {
  const { ttftAvgMs, peakRequestsPerSecond, ...rest } = doc;
  const next: Doc = { ...rest, version: 1 };
  if (ttftAvgMs !== undefined) next['sla'] = [{ metric: 'ttft', stat: 'avg', bound: ttftAvgMs }];
  if (peakRequestsPerSecond !== undefined) {
    next['demand'] = {
      unit: 'requestsPerSecond',
      peak: peakRequestsPerSecond,
      headroomPercent: 0,
      spareInstances: 0,
      averageToPeak: 1,
    };
  }
  return next;
}

/** MIGRATIONS[n] turns version n into version n + 1. */
const MIGRATIONS: ReadonlyArray<(doc: Doc) => Doc> = [v0ToV1];

export class MigrationError extends Error {
  constructor(
    readonly field: string,
    problem: string,
  ) {
    super(`${field}: ${problem}`);
  }
}

export function migrateScenario(doc: Doc): Doc {
  const version = doc['version'];
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    throw new MigrationError(
      'version',
      `must be a whole number (this build reads versions 0 to ${CURRENT_SCENARIO_VERSION}), ` +
        `got ${JSON.stringify(version) ?? 'nothing'}`,
    );
  }
  if (version > CURRENT_SCENARIO_VERSION) {
    throw new MigrationError(
      'version',
      `${version} is newer than this build understands (up to ${CURRENT_SCENARIO_VERSION}); ` +
        'open it in a newer version of the app',
    );
  }
  let current = doc;
  for (let v = version; v < CURRENT_SCENARIO_VERSION; v++) {
    const step = MIGRATIONS[v];
    if (!step) throw new MigrationError('version', `no migration from version ${v}`);
    current = step(current);
  }
  return current;
}
