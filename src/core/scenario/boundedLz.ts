/**
 * lz-string's `decompressFromEncodedURIComponent` (lz-string 1.5.0, MIT, libs/lz-string.js `_decompress`),
 * rewritten to stop at a size cap while it decodes.
 *
 * Why the cap cannot be checked on the compressed length: lz-string is LZW-like. Every code read adds one
 * dictionary entry one character longer than the entry before it at most, so n codes can expand to about n²/2
 * characters: a 60,000-character link (360,000 bits, ~25,000 codes of ~15 bits) may decode to ~300 million
 * characters, and an 860 KB one to tens of billions. The library builds the whole output before returning it.
 * Here the output length is counted code by code, and decoding stops as soon as it would pass the cap.
 * Dictionary entries stay as the engine's rope strings and their first characters are kept apart, so no step
 * ever reads a long entry.
 */

const URI_SAFE_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';
const VALUE_OF = new Map([...URI_SAFE_ALPHABET].map((ch, i) => [ch, i]));

export type BoundedDecode = { ok: true; text: string } | { ok: false; reason: 'damaged' | 'too-large' };

/** Decodes an lz-string `compressToEncodedURIComponent` output, refusing it once it exceeds `maxChars`. */
export function decompressUriComponentBounded(input: string, maxChars: number): BoundedDecode {
  const damaged = { ok: false, reason: 'damaged' } as const;
  if (input === '') return damaged;
  const values = new Uint8Array(input.length);
  for (let i = 0; i < input.length; i++) {
    // A space is a '+' that a form encoding turned into one (lz-string does the same).
    const value = VALUE_OF.get(input[i] === ' ' ? '+' : (input[i] ?? ''));
    if (value === undefined) return damaged;
    values[i] = value;
  }
  // The bit reader: 6 bits per character, most significant first (resetValue 32 in lz-string).
  let index = 1;
  let val = values[0] ?? 0;
  let position = 32;
  const readBits = (count: number): number | undefined => {
    let bits = 0;
    for (let power = 1, n = 0; n < count; n++, power *= 2) {
      if (index > input.length) return undefined;
      if ((val & position) > 0) bits += power;
      position >>= 1;
      if (position === 0) {
        position = 32;
        val = values[index++] ?? 0;
      }
    }
    return bits;
  };

  const dictionary: string[] = ['', '', ''];
  const firstChar: string[] = ['', '', ''];
  let numBits = 3;
  let enlargeIn = 4;
  const literal = (kind: number | undefined): string | undefined => {
    if (kind === 0 || kind === 1) {
      const code = readBits(kind === 0 ? 8 : 16);
      return code === undefined ? undefined : String.fromCharCode(code);
    }
    return undefined;
  };

  const first = readBits(2);
  if (first === 2) return { ok: true, text: '' };
  const c0 = literal(first);
  if (c0 === undefined) return damaged;
  dictionary[3] = c0;
  firstChar[3] = c0;
  let w = c0;
  let wFirst = c0;
  const result: string[] = [c0];
  let length = 1;
  for (;;) {
    const bits = readBits(numBits);
    if (bits === undefined) return damaged;
    let code = bits;
    if (bits === 2) return { ok: true, text: result.join('') };
    if (bits === 0 || bits === 1) {
      const ch = literal(bits);
      if (ch === undefined) return damaged;
      dictionary.push(ch);
      firstChar.push(ch);
      code = dictionary.length - 1;
      if (--enlargeIn === 0) {
        enlargeIn = 2 ** numBits;
        numBits++;
      }
    }
    let entry: string;
    let entryFirst: string;
    if (code < dictionary.length && code > 2) {
      entry = dictionary[code] ?? '';
      entryFirst = firstChar[code] ?? '';
    } else if (code === dictionary.length) {
      entry = w + wFirst;
      entryFirst = wFirst;
    } else {
      return damaged;
    }
    length += entry.length;
    if (length > maxChars) return { ok: false, reason: 'too-large' };
    result.push(entry);
    dictionary.push(w + entryFirst);
    firstChar.push(wFirst);
    if (--enlargeIn === 0) {
      enlargeIn = 2 ** numBits;
      numBits++;
    }
    w = entry;
    wFirst = entryFirst;
  }
}
