/**
 * A scenario file read as the CLI reads one: UTF-8 with or without a byte-order mark, or UTF-16, then shape-checked,
 * parsed and validated (scenarioCodec). Runs in the parse worker, so a 60 MB file never blocks the page.
 */
import { decodeFile } from '../core/encoding.ts';
import { parseScenarioText } from '../core/scenario/scenarioCodec.ts';
import type { ScenarioResult } from '../core/scenario/validateScenario.ts';

export async function readScenarioBlob(file: Blob): Promise<ScenarioResult> {
  const decoded = decodeFile(new Uint8Array(await file.arrayBuffer()), (label) => new TextDecoder(label));
  if ('binary' in decoded) return { ok: false, field: 'file', message: `not a scenario: this is ${decoded.binary}` };
  return parseScenarioText(decoded.text);
}
