/**
 * A JSON object read member by member from text chunks, for files too large to hold twice (a 100 MB vLLM result
 * with `--save-detailed` arrays). The text is scanned once to find where each top-level member's value ends
 * (strings skipped with indexOf, structure found with one regular expression); the value of a member that is kept
 * is handed to JSON.parse, the others (generated texts) are passed over without being copied. Only the kept values'
 * text is ever held, never the whole file.
 */
import { parseJsonLenient } from '../text.ts';
import { ParseFailure } from '../types.ts';

/**
 * A reader of one member's value that finds the value's end itself (so the text is scanned once): `push` gets the
 * text from the value's first character on and returns how much of it the value takes, or -1 when the value goes on
 * into the next chunk.
 */
export interface ValueReader {
  push(text: string): number;
  end(): unknown;
}

/** What becomes of a member's value: skipped, parsed whole by JSON.parse, or fed to a reader of its own. */
export type MemberHandling = 'skip' | 'parse' | ValueReader;

type State =
  | { at: 'start' }
  | { at: 'key'; text: string; inKey: boolean; escaped: boolean }
  | { at: 'colon'; key: string }
  | {
      at: 'value';
      key: string;
      started: boolean;
      depth: number;
      inString: boolean;
      escaped: boolean;
      scalar: boolean;
      parts: string[] | null;
      sink: ValueReader | null;
    }
  | { at: 'after' }
  | { at: 'end' };

/** Inside an array or object, only strings and brackets matter (commas do not: a number array is crossed at once). */
const NESTED = /["[\]{}]/g;
/** A scalar at the top level ends at the comma or brace after it. */
const SCALAR_END = /[,}\]]/g;

export class ObjectMemberReader {
  private state: State = { at: 'start' };
  private readonly members = new Map<string, unknown>();
  private offset = 0;

  /** `handle(key)`: what becomes of the member's value (`true`: parsed, `false`: skipped). */
  constructor(private readonly handle: (key: string) => MemberHandling | boolean) {}

  push(chunk: string): void {
    let i = 0;
    while (i < chunk.length) {
      i = this.step(chunk, i);
    }
    this.offset += chunk.length;
  }

  /** The kept members, once the closing brace has been read. */
  end(): Record<string, unknown> {
    if (this.state.at !== 'end') throw new ParseFailure('the JSON object ends early: the file looks truncated');
    return Object.fromEntries(this.members);
  }

  private fail(what: string, position: number): never {
    throw new ParseFailure(`invalid JSON: ${what} at position ${this.offset + position}`);
  }

  /** Consumes from `i`; returns where to continue. */
  private step(chunk: string, i: number): number {
    const s = this.state;
    switch (s.at) {
      case 'start': {
        const j = skipSpace(chunk, i);
        if (j === chunk.length) return j;
        if (chunk[j] !== '{') this.fail('expected "{"', j);
        this.state = { at: 'key', text: '', inKey: false, escaped: false };
        return j + 1;
      }
      case 'key': {
        if (!s.inKey) {
          let j = skipSpace(chunk, i);
          if (j === chunk.length) return j;
          if (chunk[j] === ',') j = skipSpace(chunk, j + 1);
          if (j === chunk.length) return j;
          if (chunk[j] === '}' && s.text === '') {
            this.state = { at: 'end' };
            return j + 1;
          }
          if (chunk[j] !== '"') this.fail('expected a member name', j);
          s.inKey = true;
          i = j + 1;
        }
        const close = closingQuote(chunk, i, s.escaped);
        if (close.index < 0) {
          s.text += chunk.slice(i);
          s.escaped = close.escapedAtEnd;
          return chunk.length;
        }
        const raw = s.text + chunk.slice(i, close.index);
        this.state = { at: 'colon', key: JSON.parse(`"${raw}"`) as string };
        return close.index + 1;
      }
      case 'colon': {
        const j = skipSpace(chunk, i);
        if (j === chunk.length) return j;
        if (chunk[j] !== ':') this.fail('expected ":"', j);
        const handling = this.handle(s.key);
        const sink = typeof handling === 'object' ? handling : null;
        const parts = handling === true || handling === 'parse' ? [] : null;
        this.state = {
          at: 'value',
          key: s.key,
          started: false,
          depth: 0,
          inString: false,
          escaped: false,
          scalar: false,
          parts,
          sink,
        };
        return j + 1;
      }
      case 'value':
        return this.scanValue(s, chunk, i);
      case 'after': {
        const j = skipSpace(chunk, i);
        if (j === chunk.length) return j;
        if (chunk[j] === ',') {
          this.state = { at: 'key', text: '', inKey: false, escaped: false };
          return j + 1;
        }
        if (chunk[j] === '}') {
          this.state = { at: 'end' };
          return j + 1;
        }
        return this.fail('expected "," or "}"', j);
      }
      case 'end': {
        const j = skipSpace(chunk, i);
        if (j < chunk.length) this.fail('text after the end of the object', j);
        return j;
      }
    }
  }

  private scanValue(s: Extract<State, { at: 'value' }>, chunk: string, from: number): number {
    let i = from;
    if (s.sink) {
      if (!s.started) {
        i = skipSpace(chunk, i);
        if (i === chunk.length) return i;
        s.started = true;
      }
      const used = s.sink.push(i === 0 ? chunk : chunk.slice(i));
      if (used < 0) return chunk.length;
      this.members.set(s.key, s.sink.end());
      this.state = { at: 'after' };
      return i + used;
    }
    if (!s.started) {
      i = skipSpace(chunk, i);
      if (i === chunk.length) return i;
      s.started = true;
      const c = chunk[i];
      if (c === '{' || c === '[') {
        s.depth = 1;
        i++;
      } else if (c === '"') {
        s.inString = true;
        i++;
      } else s.scalar = true;
      from = i - (s.scalar ? 0 : 1);
    }
    let end = -1; // index just past the value in this chunk
    while (end < 0 && i < chunk.length) {
      if (s.inString) {
        const close = closingQuote(chunk, i, s.escaped);
        if (close.index < 0) {
          s.escaped = close.escapedAtEnd;
          i = chunk.length;
          break;
        }
        s.inString = false;
        s.escaped = false;
        i = close.index + 1;
        if (s.depth === 0 && !s.scalar) end = i;
        continue;
      }
      const structure = s.scalar ? SCALAR_END : NESTED;
      structure.lastIndex = i;
      const m = structure.exec(chunk);
      if (m === null) {
        i = chunk.length;
        break;
      }
      const c = m[0];
      i = m.index;
      if (c === '"') {
        s.inString = true;
        i++;
      } else if (c === '[' || c === '{') {
        s.depth++;
        i++;
      } else if (c === ']' || c === '}') {
        if (s.depth === 0)
          end = i; // a scalar ended by the object's closing brace
        else {
          s.depth--;
          i++;
          if (s.depth === 0) end = i;
        }
      } else end = i; // ',' after a scalar
    }
    if (s.parts) s.parts.push(chunk.slice(from, end < 0 ? chunk.length : end));
    if (end < 0) return chunk.length;
    if (s.parts) {
      const text = s.parts.join('').trim();
      try {
        this.members.set(s.key, parseJsonLenient(text));
      } catch (error) {
        throw new ParseFailure(`invalid JSON in "${s.key}": ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    this.state = { at: 'after' };
    return end;
  }
}

function skipSpace(chunk: string, i: number): number {
  let j = i;
  while (j < chunk.length) {
    const c = chunk.charCodeAt(j);
    if (c !== 32 && c !== 10 && c !== 13 && c !== 9) break;
    j++;
  }
  return j;
}

/**
 * The index of the quote that closes a string begun before `from` (-1 when the chunk ends first), and whether the
 * chunk ends inside an escape. `escaped`: the first character of the chunk is escaped (a `\` ended the last one).
 */
function closingQuote(chunk: string, from: number, escaped: boolean): { index: number; escapedAtEnd: boolean } {
  let i = escaped ? from + 1 : from;
  for (;;) {
    const q = chunk.indexOf('"', i);
    if (q < 0) {
      let backslashes = 0;
      for (let k = chunk.length - 1; k >= i && chunk.charCodeAt(k) === 92; k--) backslashes++;
      return { index: -1, escapedAtEnd: backslashes % 2 === 1 };
    }
    let backslashes = 0;
    for (let k = q - 1; k >= i && chunk.charCodeAt(k) === 92; k--) backslashes++;
    if (backslashes % 2 === 0) return { index: q, escapedAtEnd: false };
    i = q + 1;
  }
}
