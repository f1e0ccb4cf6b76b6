/**
 * JSON whose shape is checked before it is parsed. `JSON.parse` of 60 MiB of `[` allocates gigabytes before it
 * fails, and `JSON.stringify` of a document nested a few thousand deep overflows the stack; a single linear scan
 * with no recursion and no allocation refuses both first, with a reason a person can act on.
 */

export interface JsonLimits {
  /** Deepest nesting of arrays and objects. */
  maxDepth: number;
  /** Most items in one array (or members in one object). */
  maxItems: number;
}

/** Benchmark files: real exports nest under 12 deep; a raw per-request export holds thousands of requests. */
export const FILE_JSON_LIMITS: JsonLimits = { maxDepth: 128, maxItems: 1_000_000 };

const QUOTE = 34;
const BACKSLASH = 92;
const COMMA = 44;
const OPEN_ARRAY = 91;
const OPEN_OBJECT = 123;
const CLOSE_ARRAY = 93;
const CLOSE_OBJECT = 125;

/**
 * Null when no array or object in `text` is nested deeper than `maxDepth` or holds more than `maxItems` items;
 * else what is wrong. Brackets inside strings are skipped. The depth counter never goes below zero, so it bounds
 * the nesting of every part of the text too (each line of JSON Lines, a first line parsed on its own). Malformed
 * JSON is left for `JSON.parse` to report.
 */
export function jsonShapeProblem(text: string, limits: JsonLimits): string | null {
  const items = new Uint32Array(limits.maxDepth + 1);
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === QUOTE) {
      // Skip the string: to the next quote not escaped by a backslash.
      for (i++; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === BACKSLASH) i++;
        else if (c === QUOTE) break;
      }
    } else if (code === OPEN_ARRAY || code === OPEN_OBJECT) {
      if (depth === limits.maxDepth) return `nested more than ${limits.maxDepth} levels deep (at character ${i + 1})`;
      depth++;
      items[depth] = 1;
    } else if (code === CLOSE_ARRAY || code === CLOSE_OBJECT) {
      if (depth > 0) depth--;
    } else if (code === COMMA && depth > 0) {
      const count = (items[depth] ?? 0) + 1;
      if (count > limits.maxItems)
        return `a list with more than ${limits.maxItems.toLocaleString('en-US')} items (at character ${i + 1})`;
      items[depth] = count;
    }
  }
  return null;
}

/** The text might be JSON: its first non-blank character opens an array or an object. */
export function startsLikeJson(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === OPEN_ARRAY || code === OPEN_OBJECT) return true;
    // Space, tab, LF, CR and a byte-order mark may come first.
    if (code !== 32 && code !== 9 && code !== 10 && code !== 13 && code !== 0xfeff) return false;
  }
  return false;
}

/**
 * The top-level arrays and objects of a text holding several one after another (JSON Lines whose records span
 * several lines, or concatenated documents), as substrings in order; undefined when anything else sits between
 * them. A final value left open (a file cut off) is returned as it is, for JSON.parse to refuse. Linear; run it
 * on text `jsonShapeProblem` accepted.
 */
export function splitJsonValues(text: string): string[] | undefined {
  const values: string[] = [];
  let depth = 0;
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === QUOTE) {
      if (depth === 0) return undefined;
      for (i++; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === BACKSLASH) i++;
        else if (c === QUOTE) break;
      }
    } else if (code === OPEN_ARRAY || code === OPEN_OBJECT) {
      if (depth === 0) start = i;
      depth++;
    } else if (code === CLOSE_ARRAY || code === CLOSE_OBJECT) {
      if (depth === 0) return undefined;
      depth--;
      if (depth === 0) values.push(text.slice(start, i + 1));
    } else if (depth === 0 && code !== 32 && code !== 9 && code !== 10 && code !== 13 && code !== 0xfeff) {
      return undefined;
    }
  }
  if (depth > 0) values.push(text.slice(start));
  return values;
}
