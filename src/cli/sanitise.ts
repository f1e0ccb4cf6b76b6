/**
 * Strings from files (names, paths, error reasons quoting a cell) reach a terminal and CSV output only through
 * here. Control characters would otherwise act on the terminal (an escape sequence can set the title, clear the
 * screen, or overwrite a line with fake text) or split a CSV row; they are shown as visible escapes instead.
 */

/**
 * C0 controls (tab and line breaks included), DEL, C1 controls (U+009B is a one-character CSI on some terminals),
 * the Unicode line and paragraph separators, and the bidirectional overrides that reorder text on screen.
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this finds
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** What JSON.stringify leaves raw among UNSAFE (it escapes C0 itself; its own line breaks are layout). */
const RAW_IN_JSON = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

function escapeChar(ch: string): string {
  const code = ch.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** A string that is safe to print on a terminal line or in a CSV cell: unsafe characters shown as `\x1b`. */
export function terminalText(text: string): string {
  return text.replace(UNSAFE, escapeChar);
}

/**
 * JSON for a terminal. `JSON.stringify` escapes C0 controls but writes DEL, C1 controls and bidi overrides raw;
 * here they are written as `\u…` escapes, which are the same JSON: the data is unchanged, only its spelling.
 */
export function terminalJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(
    RAW_IN_JSON,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** A copy of plain data (a report, point records) with every string made terminal-safe, for CSV output. */
export function withTerminalText<T>(value: T): T {
  if (typeof value === 'string') return terminalText(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => withTerminalText(item)) as T;
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [terminalText(key), withTerminalText(item)]),
    ) as T;
  }
  return value;
}
