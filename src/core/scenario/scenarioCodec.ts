/**
 * A scenario as a file and as a link (docs/scenario.md, §Share links): build it from the current settings and
 * points, write it as JSON, read it back validated and migrated, and squeeze it into a URL fragment (never sent
 * to a server).
 */
import LZString from 'lz-string';
import type { LoadPoint } from '../model/benchmark.ts';
import type { EmbeddedPoint, Scenario } from '../model/scenario.ts';
import type { JsonLimits } from '../boundedJson.ts';
import { jsonShapeProblem } from '../boundedJson.ts';
import { decompressUriComponentBounded } from './boundedLz.ts';
import type { ScenarioResult } from './validateScenario.ts';
import { validateScenario } from './validateScenario.ts';

/**
 * The scenario of a view: its settings and every point, each tagged with its series' display name. Per-request data
 * stays out (a file of it can be hundreds of MB): a saved scenario, a link and a reload keep the summaries.
 */
export function buildScenario(
  settings: Omit<Scenario, 'points'>,
  points: readonly LoadPoint[],
  seriesNames: ReadonlyMap<string, string>,
): Scenario {
  const embedded = points.map(({ requests: _requests, ...p }): EmbeddedPoint => ({
    ...p,
    series: seriesNames.get(p.seriesKey) ?? p.seriesName,
  }));
  return { ...settings, format: 'llm-tco-scenario', version: 1, points: embedded };
}

export function scenarioToJson(scenario: Scenario): string {
  return `${JSON.stringify(scenario, null, 2)}\n`;
}

/**
 * A saved scenario nests 5 deep (points[].metadata.configuration); unknown fields may add some. Deeper documents
 * are refused before parsing: `JSON.stringify` (Save scenario) overflows the stack a few thousand levels down.
 */
export const SCENARIO_JSON_LIMITS: JsonLimits = { maxDepth: 32, maxItems: 100_000 };

/**
 * Reads a scenario's text (a file, a share link, the browser's storage: all three come through here): a leading
 * byte-order mark is ignored, the shape is checked before parsing, and invalid JSON and invalid fields both come
 * back as `{ok: false}` with the field.
 */
export function parseScenarioText(input: string): ScenarioResult {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const shape = jsonShapeProblem(text, SCENARIO_JSON_LIMITS);
  if (shape !== null) return { ok: false, field: 'file', message: `not read: ${shape}` };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      field: 'file',
      message: `not valid JSON (${error instanceof Error ? error.message : String(error)})`,
    };
  }
  return validateScenario(raw);
}

const FRAGMENT_PREFIX = '#s=';
/**
 * Links longer than this drop the points and carry the assumptions only. Browsers accept far longer URLs, but
 * the tools people paste links into do not all do; 60,000 characters holds about 50 load levels (the demo's 21
 * take 22,000).
 */
export const MAX_LINK_FRAGMENT_CHARS = 60_000;
/**
 * A fragment or its decompressed text beyond these is refused before parsing (a hostile link must not hang the
 * page). Our links are at most MAX_LINK_FRAGMENT_CHARS and decompress to a few hundred KB; the decompressed size
 * is counted while decoding (boundedLz.ts), never after.
 */
const MAX_FRAGMENT_CHARS = 500_000;
export const MAX_DECOMPRESSED_CHARS = 2_000_000;

export interface ShareLink {
  fragment: string;
  /** False when the points did not fit and the link carries the assumptions only. */
  withPoints: boolean;
}

export function encodeShareLink(scenario: Scenario, maxChars = MAX_LINK_FRAGMENT_CHARS): ShareLink {
  const full = FRAGMENT_PREFIX + LZString.compressToEncodedURIComponent(JSON.stringify(scenario));
  if (full.length <= maxChars || scenario.points.length === 0)
    return { fragment: full, withPoints: scenario.points.length > 0 };
  return {
    fragment: FRAGMENT_PREFIX + LZString.compressToEncodedURIComponent(JSON.stringify({ ...scenario, points: [] })),
    withPoints: false,
  };
}

/** Null when the fragment is not a share link at all; otherwise the validated scenario or what is wrong with it. */
export function decodeShareLink(fragment: string): ScenarioResult | null {
  if (!fragment.startsWith(FRAGMENT_PREFIX)) return null;
  const data = fragment.slice(FRAGMENT_PREFIX.length);
  if (data.length > MAX_FRAGMENT_CHARS)
    return { ok: false, field: 'link', message: `link: too long to be one of ours (${data.length} characters)` };
  const decoded = decompressUriComponentBounded(data, MAX_DECOMPRESSED_CHARS);
  if (!decoded.ok && decoded.reason === 'too-large') {
    return {
      ok: false,
      field: 'link',
      message: `link: decompresses to more than ${MAX_DECOMPRESSED_CHARS.toLocaleString('en-US')} characters, refused`,
    };
  }
  if (!decoded.ok || decoded.text === '')
    return { ok: false, field: 'link', message: 'link: damaged, it does not decompress (was it cut off when pasted?)' };
  const result = parseScenarioText(decoded.text);
  return result.ok ? result : { ok: false, field: result.field, message: `link: ${result.message}` };
}
