/**
 * Per-request files read as a stream of text chunks (docs/file-formats.md §Large per-request files): the parse
 * worker reads a file this large in chunks and hands them here, so the whole text is never held (nor held twice).
 * Each stream parser claims a file by its first bytes and gives the same outcome its whole-text parser would.
 *   - AIPerf `profile_export.jsonl`: line by line, one record at a time.
 *   - vLLM result JSON with `--save-detailed` arrays: member by member (objectStream.ts), generated texts skipped.
 */
import { aiperfRecordsReader, aiperfRequestRecords, isAiperfRecord } from '../aiperf/records.ts';
import { parseSniffed, runParser } from '../registry.ts';
import { parseJsonLenient } from '../text.ts';
import type { ParseOutcome } from '../types.ts';
import { ParseFailure } from '../types.ts';
import { ListSumsReader } from './numberArrays.ts';
import { ObjectMemberReader } from './objectStream.ts';

/** Bytes read from the start of a file for `detectHead` (a stream parser must decide from this much). */
export const HEAD_BYTES = 64 * 1024;
/** Files at least this large are read as a stream when a stream parser claims them; smaller ones are read whole. */
export const STREAM_FROM_BYTES = 16 * 1024 * 1024;
/** The largest file read as a stream (its compact per-request arrays must still fit the page's memory). */
export const MAX_STREAM_BYTES = 1024 * 1024 * 1024;

export interface StreamReader {
  push(text: string): void;
  finish(): ParseOutcome;
}

export interface StreamParser {
  id: string;
  label: string;
  /** Claims the file from the text of its first HEAD_BYTES (or fewer, for a shorter file) and its path. */
  detectHead(head: string, path: string): boolean;
  start(path: string): StreamReader;
}

/** Splits chunks into lines (a line may span chunks); `onLine` gets each non-empty one with its number. */
export function lineSplitter(onLine: (line: string, lineNumber: number) => void) {
  let carry = '';
  let lineNumber = 0;
  const emit = (line: string) => {
    lineNumber++;
    if (line.trim() !== '') onLine(line, lineNumber);
  };
  return {
    push(text: string): void {
      let start = 0;
      for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
        emit(carry === '' ? text.slice(start, nl) : carry + text.slice(start, nl));
        carry = '';
        start = nl + 1;
      }
      carry += text.slice(start);
    },
    end(): void {
      if (carry !== '') emit(carry);
      carry = '';
    },
  };
}

function firstLine(head: string): string {
  const text = head.replace(/^\uFEFF/, '').trimStart();
  const nl = text.indexOf('\n');
  return nl < 0 ? text : text.slice(0, nl);
}

const aiperfJsonlStream: StreamParser = {
  id: 'aiperf-records-jsonl',
  label: aiperfRequestRecords.label,
  detectHead(head) {
    try {
      return isAiperfRecord(JSON.parse(firstLine(head)));
    } catch {
      return false;
    }
  },
  start(path) {
    const reader = aiperfRecordsReader(path);
    const lines = lineSplitter((line, n) => {
      let record: unknown;
      try {
        record = parseJsonLenient(line);
      } catch (error) {
        throw new ParseFailure(`line ${n} is not JSON (${error instanceof Error ? error.message : String(error)})`);
      }
      reader.add(record, n);
    });
    return {
      push: (text) => lines.push(text),
      finish: () => {
        lines.end();
        return reader.finish();
      },
    };
  },
};

/** The member names of a vLLM result, one of which must appear in its first bytes (they precede the arrays). */
const VLLM_HEAD = /"(?:model_id|request_throughput|backend)"\s*:/;

const vllmDetailedStream: StreamParser = {
  id: 'vllm-json',
  label: 'vLLM bench serve result JSON with --save-detailed arrays',
  detectHead(head) {
    const text = head.replace(/^\uFEFF/, '').trimStart();
    return text.startsWith('{') && VLLM_HEAD.test(text) && /"(?:ttfts|input_lens)"\s*:/.test(text);
  },
  start(path) {
    // The texts and the gaps are the bulk of such a file: the texts are never used, the gaps only as sums.
    const members = new ObjectMemberReader((key) =>
      key === 'generated_texts' ? 'skip' : key === 'itls' ? new ListSumsReader('itls') : 'parse',
    );
    return {
      push: (text) => members.push(text),
      finish: () => {
        const json = members.end();
        const outcome = parseSniffed({ path, text: '', json, firstLine: '{' });
        return outcome ?? { kind: 'error', reason: 'not a vLLM result after all: a JSON object of unknown layout' };
      },
    };
  },
};

export const STREAM_PARSERS: readonly StreamParser[] = [aiperfJsonlStream, vllmDetailedStream];

/** The stream parser that claims a file, from its first characters. */
export function streamParserFor(head: string, path: string): StreamParser | undefined {
  return STREAM_PARSERS.find((p) => p.detectHead(head, path));
}

/**
 * Reads a whole stream with `parser`. Never throws: a failure becomes `{kind: 'error'}` naming the layout.
 * `chunks` are the decoded text pieces in order.
 */
export async function parseStream(
  parser: StreamParser,
  path: string,
  chunks: AsyncIterable<string> | Iterable<string>,
): Promise<ParseOutcome> {
  const layout = parser.id === 'aiperf-records-jsonl' ? aiperfRequestRecords : undefined;
  const read = async (): Promise<ParseOutcome> => {
    const reader = parser.start(path);
    for await (const chunk of chunks) reader.push(chunk);
    return reader.finish();
  };
  try {
    const outcome = await read();
    return layout ? runParser(layout, () => outcome) : outcome;
  } catch (error) {
    if (error instanceof ParseFailure) return { kind: 'error', reason: `${parser.label}: ${error.message}` };
    return {
      kind: 'error',
      reason: `${parser.label}: could not be read (${error instanceof Error ? error.message : String(error)})`,
    };
  }
}
