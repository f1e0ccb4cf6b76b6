/**
 * A list of number lists (`[[0.0071, 0.0083], [], …]`, vLLM's per-request gaps) summed list by list as its text
 * streams in, so the lists themselves are never built: for 15,000 requests of 255 gaps that is 3.8 million numbers
 * that would otherwise be held as text and again as arrays. Each inner list is read by JSON.parse and summed in
 * order, so the sums equal those of the whole parsed value.
 */
import { parseJsonLenient } from '../text.ts';
import { ParseFailure } from '../types.ts';

/** Per inner list: the sum of its numbers and how many there are. */
export interface ListSums {
  kind: 'list-sums';
  sums: Float64Array;
  counts: Uint32Array;
}

export function isListSums(value: unknown): value is ListSums {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'list-sums';
}

export class ListSumsReader {
  /** 0 before the outer list, 1 inside it, 2 inside an inner list. */
  private depth = 0;
  private done = false;
  /** The text of an inner list cut by a chunk boundary. */
  private carry = '';
  private readonly sums: number[] = [];
  private readonly counts: number[] = [];

  constructor(private readonly name: string) {}

  /**
   * Inner lists hold numbers only, so each ends at the next `]`: found with indexOf and parsed by JSON.parse (native
   * speed), its numbers summed in order. Returns how much of `text` the whole list takes once its closing `]` is
   * read, -1 while it goes on (a ValueReader of objectStream.ts).
   */
  push(text: string): number {
    if (this.done) return 0;
    let i = 0;
    while (i < text.length) {
      if (this.depth === 2) {
        // `i` is just past the list's "[" (or the start of a chunk that continues it, with `carry` holding the rest).
        const close = text.indexOf(']', i);
        if (close < 0) {
          this.carry += this.carry === '' ? text.slice(i - 1) : text.slice(i);
          return -1;
        }
        // Within one chunk the list's own text (brackets included) is parsed as it stands: no copy.
        this.list(this.carry === '' ? text.slice(i - 1, close + 1) : `${this.carry}${text.slice(i, close + 1)}`);
        this.carry = '';
        this.depth = 1;
        i = close + 1;
        continue;
      }
      const open = text.indexOf('[', i);
      const close = text.indexOf(']', i);
      if (open < 0 && close < 0) {
        this.expectSeparators(text.slice(i));
        return -1;
      }
      const next = open >= 0 && (close < 0 || open < close) ? open : close;
      this.expectSeparators(text.slice(i, next));
      if (next === open) {
        if (this.done) throw new ParseFailure(`${this.name}: text after the end of the list`);
        this.depth++;
        if (this.depth === 2 && open + 1 >= text.length) this.carry = '['; // the list opens at a chunk's end
      } else {
        if (this.depth !== 1) throw new ParseFailure(`${this.name}: a "]" with no list open`);
        this.depth = 0;
        this.done = true;
        return next + 1;
      }
      i = next + 1;
    }
    return -1;
  }

  end(): ListSums {
    if (!this.done) throw new ParseFailure(`${this.name} ends early`);
    return { kind: 'list-sums', sums: Float64Array.from(this.sums), counts: Uint32Array.from(this.counts) };
  }

  /** Between the lists: commas and white space only. */
  private expectSeparators(text: string): void {
    if (/^[\s,]*$/.test(text)) return;
    throw new ParseFailure(
      `${this.name} holds "${text.replace(/^[\s,]+|[\s,]+$/g, '').slice(0, 20)}" outside a number list`,
    );
  }

  /** One inner list's text, brackets included. */
  private list(text: string): void {
    let values: unknown;
    try {
      values = parseJsonLenient(text);
    } catch {
      throw new ParseFailure(`${this.name} holds a list that is not numbers: ${text.slice(0, 30)}…`);
    }
    let sum = 0;
    let count = 0;
    for (const v of values as unknown[]) {
      if (typeof v !== 'number' && v !== null) {
        const what = Array.isArray(v)
          ? 'nests deeper than a list of number lists'
          : `holds ${JSON.stringify(v)}, not a number`;
        throw new ParseFailure(`${this.name} ${what}`);
      }
      sum += v ?? NaN;
      count++;
    }
    this.sums.push(sum);
    this.counts.push(count);
  }
}
