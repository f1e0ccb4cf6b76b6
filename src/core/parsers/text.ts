/**
 * Text-level helpers shared by the parsers: binary detection, lenient JSON, number cells.
 */
import Papa from 'papaparse';
import { ParseFailure } from './types.ts';

/** Text that holds NUL characters, or mostly undecodable bytes, is not a benchmark export. */
export function looksBinary(text: string): boolean {
  const head = text.slice(0, 8192);
  if (head.includes('\u0000')) return true;
  let replacement = 0;
  for (const ch of head) if (ch === '\uFFFD') replacement++;
  return head.length > 0 && replacement / head.length > 0.01;
}

/**
 * JSON.parse that also accepts the bare `NaN`, `Infinity` and `-Infinity` some Python tools write
 * (SGLang's `"request_rate": Infinity`). They become null: a value that cannot be read is absent.
 */
export function parseJsonLenient(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (first) {
    if (!/\b(?:NaN|Infinity)\b/.test(text)) throw first;
    // Only outside strings: tokens after ':' , '[' or ',' (a JSON value position).
    const patched = text.replace(/([:[,]\s*)-?(?:NaN|Infinity)\b/g, '$1null');
    return JSON.parse(patched);
  }
}

/**
 * Reads a numeric CSV cell. GenAI-Perf formats values with `f"{v:,.2f}"`, so `"2,156.03"` is 2156.03.
 * Empty → undefined (the stat is absent). Anything else that is not a finite number fails the file.
 */
export function parseNumberCell(cell: string | undefined, where: string): number | undefined {
  if (cell === undefined) return undefined;
  const trimmed = cell.trim();
  if (trimmed === '' || /^(?:n\/?a|none|null|-)$/i.test(trimmed)) return undefined;
  const normalised = trimmed.replace(/,(?=\d{3}(?:\D|$))/g, '');
  // `\d+(?:\.\d*)?`, not `\d+\.?\d*`: the latter splits a run of digits every way and is quadratic on a long cell.
  if (!/^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/.test(normalised)) {
    throw new ParseFailure(`${where}: "${truncate(trimmed, 40)}" is not a number`);
  }
  const value = Number(normalised);
  if (!Number.isFinite(value)) throw new ParseFailure(`${where}: ${trimmed} is not a finite number`);
  if (value < 0) throw new ParseFailure(`${where}: ${trimmed} is negative`);
  return value;
}

/**
 * Splits CSV text into rows of trimmed cells (papaparse handles quoting; blank lines are kept as `[]`). The
 * delimiter '' lets papaparse guess it.
 */
export function csvRows(text: string, delimiter = ''): string[][] {
  const result = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { header: false, skipEmptyLines: false, delimiter });
  return result.data.map((row) => (row.length === 1 && row[0]?.trim() === '' ? [] : row.map((c) => c.trim())));
}

/**
 * `Time To First Token (ms)` → name `time to first token`, unit `ms`: the unit is the last parenthesised part,
 * at the end. Found by index, not by a pattern: a lazy-prefix regex backtracked for minutes on a 1 MB cell.
 */
export function splitRowName(cell: string): { name: string; unit?: string } {
  // No metric is named in a thousand characters: a longer label is left as it is (nothing will match it).
  if (cell.length > 1000) return { name: cell };
  const trimmed = cell.trimEnd();
  const open = trimmed.endsWith(')') ? trimmed.lastIndexOf('(') : -1;
  const unit = open >= 0 ? trimmed.slice(open + 1, -1) : undefined;
  const hasUnit = unit !== undefined && !unit.includes(')');
  const name = (hasUnit ? trimmed.slice(0, open) : cell).trim().toLowerCase().replace(/\s+/g, ' ');
  return hasUnit ? { name, unit: unit.trim() } : { name };
}

export function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** The last path segment. */
export function baseName(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] ?? path;
}
