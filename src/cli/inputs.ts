/**
 * The CLI's inputs: benchmark files found under the paths given, and the scenario file.
 *
 * Folders are walked entry by entry: a dangling symbolic link, a link loop or an unreadable folder is reported
 * for that entry alone and the rest of the folder is read. Links are followed once: a link to a folder already
 * being read (a loop) is an error, a second link to a folder read elsewhere is skipped. Files are read and parsed
 * one at a time (only the parsed runs are kept), in chunks, by the page's rule (`readAndParse`), so memory stays
 * bounded by the largest file read whole, not their sum. Text is decoded as the page decodes it: UTF-8 with or
 * without a byte-order mark, or UTF-16.
 */
import {
  createReadStream,
  fstatSync,
  lstatSync,
  openSync,
  readFileSync,
  readdirSync,
  realpathSync,
  statSync,
} from 'node:fs';
import type { Stats } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { decodeFile } from '../core/encoding.ts';
import type { FileError } from '../core/model/benchmark.ts';
import { MAX_FILE_BYTES } from '../core/parsers/registry.ts';
import type { ByteSource, ReadSourceOptions } from '../core/parsers/stream/readSource.ts';
import { parseSource } from '../core/parsers/stream/readSource.ts';
import type { ParseOutcome } from '../core/parsers/types.ts';
import { parseScenarioText } from '../core/scenario/scenarioCodec.ts';
import type { ScenarioResult } from '../core/scenario/validateScenario.ts';

export interface FoundFile {
  /** Where to read it. */
  path: string;
  /** How it is named in the output and in the run's identity (folder names hold the load level). */
  label: string;
}

export interface Inputs {
  files: FoundFile[];
  errors: FileError[];
  skipped: FileError[];
}

/** The deepest folder that holds all the given folders (their common ancestor). */
function commonAncestor(folders: readonly string[]): string {
  const split = folders.map((f) => resolve(f).split(sep));
  const first = split[0] ?? [];
  let length = 0;
  while (length < first.length && split.every((parts) => parts[length] === first[length])) length++;
  return first.slice(0, length).join(sep) || sep;
}

function errnoReason(error: unknown, what: string): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return `no such ${what}`;
  if (code === 'ELOOP') return 'symbolic link loop: the links point at each other';
  if (code === 'EACCES' || code === 'EPERM') return `permission denied: this ${what} cannot be read`;
  if (code === 'ENAMETOOLONG') return 'the path is too long to open';
  return `could not be read (${code ?? (error instanceof Error ? error.message : String(error))})`;
}

/**
 * Every file under the given paths, in a stable order; hidden entries inside folders are passed over. A file in
 * a folder argument is named by its path relative to the common ancestor of the folders' parents, so run-folder
 * names (which hold the concurrency) stay in it, and two `artifacts/` folders given side by side stay apart
 * (`h100/artifacts/…` and `h200/artifacts/…`). A file argument keeps the path as given.
 */
export function findInputs(paths: readonly string[]): Inputs {
  const found: Inputs = { files: [], errors: [], skipped: [] };
  const kinds = paths.map((p) => {
    try {
      return statSync(p).isDirectory();
    } catch {
      return false;
    }
  });
  const folderParents = paths.filter((_, i) => kinds[i]).map((p) => dirname(resolve(p)));
  const base = folderParents.length > 0 ? commonAncestor(folderParents) : '';
  const labelOf = (path: string, isArgument: boolean) => (isArgument ? path : relative(base, resolve(path)));
  /** Real paths of the folders read so far, and of those open on the current walk (a link to one is a loop). */
  const read = new Set<string>();
  const open = new Set<string>();

  const walk = (path: string, isArgument: boolean): void => {
    const label = labelOf(path, isArgument);
    let info: Stats;
    let link = false;
    try {
      link = lstatSync(path).isSymbolicLink();
      info = statSync(path); // follows the link
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const reason =
        link && code === 'ENOENT'
          ? 'broken symbolic link: what it points to does not exist'
          : errnoReason(error, 'file or folder');
      found.errors.push({ file: label, reason });
      return;
    }
    if (info.isDirectory()) {
      let real: string;
      try {
        real = realpathSync(path);
      } catch (error) {
        found.errors.push({ file: label, reason: errnoReason(error, 'folder') });
        return;
      }
      if (open.has(real)) {
        found.errors.push({
          file: label,
          reason: 'symbolic link loop: it points to a folder that contains it; not followed',
        });
        return;
      }
      if (read.has(real)) {
        found.skipped.push({ file: label, reason: 'a link to a folder already read: its files are counted once' });
        return;
      }
      read.add(real);
      open.add(real);
      try {
        const entries = readdirSync(path)
          .filter((e) => !e.startsWith('.'))
          .sort();
        for (const entry of entries) walk(join(path, entry), false);
      } catch (error) {
        found.errors.push({ file: label, reason: errnoReason(error, 'folder') });
      } finally {
        open.delete(real);
      }
    } else if (info.isFile()) {
      found.files.push({ path, label });
    } else if (isArgument) {
      found.errors.push({ file: label, reason: 'not a regular file or folder' });
    }
  };
  for (const path of paths) walk(path, true);
  return found;
}

/** Internal options of the file reader (tests read small files as a stream, in small chunks). */
export interface ReadOptions extends ReadSourceOptions {
  /** Bytes per read of `fs.createReadStream`; default CHUNK_BYTES. */
  chunkBytes?: number;
}

/** Bytes per read: a 100 MB per-request file is read in about a hundred steps. */
export const CHUNK_BYTES = 1024 * 1024;

/**
 * Reads and parses one file by the page's rule (readSource.ts: a large per-request file is parsed as the chunks
 * of `fs.createReadStream` arrive, never held whole; any other file is read whole up to MAX_FILE_BYTES), so memory
 * stays bounded by the largest file read whole (or a streamed file's compact per-request arrays).
 */
export async function readAndParse({ path, label }: FoundFile, options: ReadOptions = {}): Promise<ParseOutcome> {
  const { chunkBytes = CHUNK_BYTES, ...sourceOptions } = options;
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    return { kind: 'error', reason: errnoReason(error, 'file') };
  }
  // The size of the file opened (not of whatever the path names by the time it is read).
  const size = fstatSync(fd).size;
  const source: ByteSource = { size, chunks: () => createReadStream(path, { fd, highWaterMark: chunkBytes }) };
  return parseSource(source, label, (encoding) => new TextDecoder(encoding), sourceOptions);
}

/** A scenario file read as the page reads one (UTF-8 with or without a byte-order mark, UTF-16), then validated. */
export function readScenarioFile(path: string): ScenarioResult {
  let bytes: Buffer;
  try {
    if (statSync(path).size > MAX_FILE_BYTES)
      return { ok: false, field: 'file', message: `the file is over ${MAX_FILE_BYTES / 2 ** 20} MiB` };
    bytes = readFileSync(path);
  } catch (error) {
    return { ok: false, field: 'file', message: errnoReason(error, 'file') };
  }
  const decoded = decodeFile(bytes, (encoding) => new TextDecoder(encoding));
  if ('binary' in decoded) return { ok: false, field: 'file', message: `not a scenario: this is ${decoded.binary}` };
  return parseScenarioText(decoded.text);
}
