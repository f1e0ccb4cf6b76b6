/**
 * What a file's first bytes say it is, before it is decoded as text: UTF-8 (with or without a byte-order mark),
 * UTF-16 (Windows tools and PowerShell's `>` write it, with or without a mark), or a binary format named as such
 * (a zip archive, gzip…), so that a person is told "this is a zip archive: unzip it", not "binary data".
 * The page's parse worker, its scenario opener and the CLI all decide here; each decodes with its own TextDecoder.
 */

export type TextEncodingLabel = 'utf-8' | 'utf-16le' | 'utf-16be';
export type SniffedEncoding = { kind: 'text'; encoding: TextEncodingLabel } | { kind: 'binary'; what: string };

/** How many leading bytes `sniffEncoding` needs. */
export const SNIFF_BYTES = 512;

const SIGNATURES: ReadonlyArray<{ bytes: readonly number[]; what: string }> = [
  {
    bytes: [0x50, 0x4b, 0x03, 0x04],
    what: 'a zip archive (an .xlsx workbook is one too): unzip it and load the files inside',
  },
  { bytes: [0x50, 0x4b, 0x05, 0x06], what: 'an empty zip archive' },
  { bytes: [0x1f, 0x8b], what: 'a gzip-compressed file: decompress it (gunzip) and load the result' },
  { bytes: [0x28, 0xb5, 0x2f, 0xfd], what: 'a zstd-compressed file: decompress it and load the result' },
  { bytes: [0x42, 0x5a, 0x68], what: 'a bzip2-compressed file: decompress it and load the result' },
  { bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], what: 'an xz-compressed file: decompress it and load the result' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], what: 'a 7-Zip archive: extract it and load the files inside' },
  { bytes: [0x75, 0x73, 0x74, 0x61, 0x72], what: 'a tar archive' }, // "ustar" sits at offset 257: checked apart
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'a PDF document' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], what: 'an old Office document (.xls): export it as CSV' },
  { bytes: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65], what: 'an SQLite database' },
  { bytes: [0xff, 0xfe, 0x00, 0x00], what: 'UTF-32 text, which is not read: save it as UTF-8' },
  { bytes: [0x00, 0x00, 0xfe, 0xff], what: 'UTF-32 text, which is not read: save it as UTF-8' },
];

function startsWith(head: Uint8Array, bytes: readonly number[], offset = 0): boolean {
  return head.length >= offset + bytes.length && bytes.every((b, i) => head[offset + i] === b);
}

/** Decides from the first bytes (SNIFF_BYTES of them suffice) how a file must be decoded, or that it is not text. */
export function sniffEncoding(head: Uint8Array): SniffedEncoding {
  for (const { bytes, what } of SIGNATURES) {
    if (bytes[0] === 0x75) {
      if (startsWith(head, bytes, 257)) return { kind: 'binary', what };
    } else if (startsWith(head, bytes)) return { kind: 'binary', what };
  }
  if (startsWith(head, [0xef, 0xbb, 0xbf])) return { kind: 'text', encoding: 'utf-8' };
  if (startsWith(head, [0xff, 0xfe])) return { kind: 'text', encoding: 'utf-16le' };
  if (startsWith(head, [0xfe, 0xff])) return { kind: 'text', encoding: 'utf-16be' };
  // Without a mark: mostly-ASCII UTF-16 has a zero in every other byte (the high byte of each unit), and the
  // other bytes are not zero. Text in UTF-8 has no zero bytes at all.
  const pairs = Math.floor(Math.min(head.length, SNIFF_BYTES) / 2);
  if (pairs >= 2) {
    let zeroEven = 0;
    let zeroOdd = 0;
    for (let i = 0; i < pairs; i++) {
      if (head[2 * i] === 0) zeroEven++;
      if (head[2 * i + 1] === 0) zeroOdd++;
    }
    if (zeroOdd >= pairs * 0.6 && zeroEven === 0) return { kind: 'text', encoding: 'utf-16le' };
    if (zeroEven >= pairs * 0.6 && zeroOdd === 0) return { kind: 'text', encoding: 'utf-16be' };
  }
  return { kind: 'text', encoding: 'utf-8' };
}

/** A decoder of one of the labels above (the platform's TextDecoder: the core has no I/O of its own). */
export type MakeDecoder = (label: TextEncodingLabel) => { decode(bytes: Uint8Array): string };

/** A whole file's text, decoded as `sniffEncoding` says (a byte-order mark dropped), or what it is when not text. */
export function decodeFile(bytes: Uint8Array, makeDecoder: MakeDecoder): { text: string } | { binary: string } {
  const sniffed = sniffEncoding(bytes.subarray(0, SNIFF_BYTES));
  return sniffed.kind === 'binary' ? { binary: sniffed.what } : { text: makeDecoder(sniffed.encoding).decode(bytes) };
}
