/**
 * The hostile corpus (issue 11): files, scenario files and share links built to break the page, the worker or the
 * CLI, each with what must happen instead: a named error or a correct parse. Built in memory from the real
 * GenAI-Perf NIM sweep in tests/fixtures/real (GenAI-Perf 0.0.x summary JSON and CSV: the ground truth every
 * mutation starts from), so no case is a hand-invented shape; the other tools' records are built from their
 * summary fields as their sources write them (vLLM `benchmarks/benchmark_serving.py` result JSON, v0.10).
 *
 * Used by tests/hostile/*.test.ts (core and CLI), tests/e2e/hostile.spec.ts (the built page in Chromium), and
 * written to disk by tests/fixtures/generateHostile.ts. Symbolic links are made by those, at test time.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import LZString from 'lz-string';
import { defaultScenario } from '../../src/core/scenario/defaults.ts';
import { SCENARIO_LIMITS } from '../../src/core/scenario/validateScenario.ts';

export const NIM_DIR = join(import.meta.dirname, '../fixtures/real/genai-perf/nim-llama3-8b-sweep-c1-250');
const NIM_PREFIX = 'meta_llama3-8b-instruct-openai-chat-concurrency';
export const NIM_LEVELS = [1, 2, 5, 10, 50, 100, 250] as const;

export function nimJsonText(concurrency: number): string {
  return readFileSync(join(NIM_DIR, `${NIM_PREFIX}${concurrency}.profile_export_genai_perf.json`), 'utf8');
}
export function nimCsvText(concurrency: number): string {
  return readFileSync(join(NIM_DIR, `${NIM_PREFIX}${concurrency}.profile_export_genai_perf.csv`), 'utf8');
}
type Doc = Record<string, Record<string, unknown>>;
function nimDoc(concurrency: number): Doc {
  return JSON.parse(nimJsonText(concurrency)) as Doc;
}
function json(doc: unknown): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

const utf8 = (text: string): Uint8Array<ArrayBuffer> => new Uint8Array(Buffer.from(text, 'utf8'));
function utf16(text: string, order: 'le' | 'be', bom: boolean): Uint8Array<ArrayBuffer> {
  const le = Buffer.from((bom ? '\uFEFF' : '') + text, 'utf16le');
  if (order === 'be') for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!];
  return new Uint8Array(le);
}

export interface CorpusFile {
  /** Path inside the case's folder ("run-c4/profile_export_genai_perf.json"). */
  path: string;
  bytes: Uint8Array<ArrayBuffer>;
}

/** What must come of a file case. */
export interface FileExpectation {
  /** Load levels (points) the case adds. */
  points: number;
  /** One error per listed file (path inside the case), its reason matching. No other file may fail. */
  errors?: Record<string, RegExp>;
  /** Companion files recognised and skipped. */
  skipped?: number;
  /** Each must match a note beside one of the case's points. */
  notes?: RegExp[];
  /** Every series name of the case matches. */
  seriesName?: RegExp;
  /**
   * A file of another tool: an error naming the tool, or (once a parser for it is registered) points. Then
   * `points` and `errors` are not checked.
   */
  tool?: RegExp;
}

export interface FileCase {
  id: string;
  /** What the case is, in words (the report lists it). */
  title: string;
  files: CorpusFile[];
  expect: FileExpectation;
  /** Built to make a regex backtrack or a parser allocate: must finish quickly. */
  adversarial?: boolean;
}

// ───────────────────────────── file cases ─────────────────────────────

const RUN = (c: number) => `run-c${c}`;
const JSON_NAME = 'profile_export_genai_perf.json';
const CSV_NAME = 'profile_export_genai_perf.csv';

/** The real c10 JSON with one change, in a run folder that gives no load (so the file's own is used). */
function mutatedJson(change: (doc: Doc) => void, concurrency = 10): string {
  const doc = nimDoc(concurrency);
  change(doc);
  return json(doc);
}

function csvWithRow(label: string, cells: string): string {
  return nimCsvText(10).replace(/^Time To First Token \(ms\),.*$/m, `${label},${cells}`);
}

const MIB = 2 ** 20;

/** A name an export can draw: no C0/C1 control characters and no lone surrogates. */
// eslint-disable-next-line no-control-regex -- control characters are what must be absent
const NO_CONTROL_CHARACTERS = /^(?:[^\u0000-\u001f\u007f-\u009f\ud800-\udfff]|[\ud800-\udbff][\udc00-\udfff])*$/;

function fileCases(): FileCase[] {
  const one = (id: string, title: string, path: string, bytes: Uint8Array<ArrayBuffer> | string, expect: FileExpectation, adversarial = false): FileCase => ({
    id,
    title,
    files: [{ path, bytes: typeof bytes === 'string' ? utf8(bytes) : bytes }],
    expect,
    adversarial,
  });
  const refused = (path: string, reason: RegExp): FileExpectation => ({ points: 0, errors: { [path]: reason } });
  const c10 = `${RUN(10)}/${JSON_NAME}`;
  const c10csv = `${RUN(10)}/${CSV_NAME}`;

  const cases: FileCase[] = [
    // Empty, binary, encodings
    one('empty', 'an empty file', c10, '', refused(c10, /the file is empty/)),
    one('whitespace', 'a file of spaces and line breaks', c10, ' \n\t\r\n  ', refused(c10, /the file is empty/)),
    one('random-binary', 'random bytes with NULs', c10, new Uint8Array(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)), refused(c10, /binary data/)),
    one('zip', 'a zip archive of the sweep', 'sweep.zip', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0, ...utf8('profile_export_genai_perf.json')]), refused('sweep.zip', /zip archive/)),
    one('xlsx', 'an Excel workbook', 'results.xlsx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 6, 0, 8, 0, ...utf8('[Content_Types].xml')]), refused('results.xlsx', /zip archive.*xlsx/)),
    one('gzip', 'the real JSON, gzip-compressed', `${c10}.gz`, new Uint8Array(gzipSync(nimJsonText(10))), refused(`${c10}.gz`, /gzip-compressed/)),
    one('png', 'a PNG image', 'chart.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), refused('chart.png', /PNG image/)),
    one('utf32', 'the real JSON in UTF-32', c10, new Uint8Array([0xff, 0xfe, 0, 0, 0x7b, 0, 0, 0]), refused(c10, /UTF-32/)),
    one('utf16le-bom', 'the real JSON in UTF-16 LE with a byte-order mark (PowerShell `>`)', c10, utf16(nimJsonText(10), 'le', true), { points: 1 }),
    one('utf16be-bom', 'the real CSV in UTF-16 BE with a byte-order mark', c10csv, utf16(nimCsvText(10), 'be', true), { points: 1 }),
    one('utf16le-nobom', 'the real CSV in UTF-16 LE without a mark', c10csv, utf16(nimCsvText(10), 'le', false), { points: 1 }),
    one('utf8-bom', 'the real JSON with a UTF-8 byte-order mark', c10, `\uFEFF${nimJsonText(10)}`, { points: 1 }),
    one('crlf-csv', 'the real CSV with Windows line ends', c10csv, nimCsvText(10).replace(/\n/g, '\r\n'), { points: 1 }),
    one('nul-late', 'the real JSON with a NUL byte after the first 8 KB', c10, `${nimJsonText(10).slice(0, -2)}${' '.repeat(9000)}\u0000}\n`, refused(c10, /invalid JSON/)),

    // Truncated, malformed, wrong shape
    one('truncated-json', 'the real JSON cut in half', c10, nimJsonText(10).slice(0, 1500), refused(c10, /invalid JSON.*truncated/)),
    one('truncated-csv', 'the real CSV cut inside the first block', c10csv, nimCsvText(10).slice(0, 200), refused(c10csv, /required metric missing/)),
    one('header-only-csv', 'a CSV with its header only', c10csv, 'Metric,avg,min,max,p99,p95,p90,p75,p50,p25\n', refused(c10csv, /no "Metric,…" header|required metric missing/)),
    one('json-null', 'the JSON document `null`', c10, 'null', refused(c10, /unknown format/)),
    one('json-empty-array', 'the JSON document `[]`', c10, '[]', refused(c10, /JSON document of unknown layout/)),
    one('json-empty-object', 'the JSON document `{}`', c10, '{}', refused(c10, /JSON document of unknown layout/)),
    one('json-string', 'a JSON string', c10, '"profile_export_genai_perf"', refused(c10, /unknown format/)),
    one('deep-60mib', '60 MiB of unclosed `[` (under the 64 MiB limit)', c10, '['.repeat(60 * MIB), refused(c10, /nested more than 128 levels deep/), true),
    one('deep-objects', '{"a": nested 100,000 deep', c10, '{"a":'.repeat(100_000), refused(c10, /nested more than 128 levels deep/), true),
    one('huge-array', 'a list of 1.5 million numbers', c10, `[${'0,'.repeat(1_500_000)}0]`, refused(c10, /more than 1,000,000 items/), true),
    one('wide-object', 'the real JSON with 200,000 extra unknown keys', c10, mutatedJson((d) => {
      for (let i = 0; i < 200_000; i++) (d as Record<string, unknown>)[`k${i}`] = i;
    }), { points: 1 }, true),
    one('nested-unknown-ok', 'the real JSON with an unknown field nested 100 deep (within the limit)', c10, mutatedJson((d) => {
      (d as Record<string, unknown>)['extra'] = JSON.parse(`${'['.repeat(100)}${']'.repeat(100)}`);
    }), { points: 1 }),
    one('long-line', 'a single 10 MB line of text', 'notes.txt', 'x'.repeat(10 * MIB), refused('notes.txt', /unknown format \(first line: "x+…"\)/), true),
    one('scenario-as-data', 'a saved scenario dropped as benchmark data', 'my-scenario.json', json(defaultScenario()), refused('my-scenario.json', /scenario saved by this app/)),

    // Values
    one('nan', 'bare NaN as the request throughput (Python json.dumps)', c10, nimJsonText(10).replace('"avg": 11.378172536970691', '"avg": NaN'), { points: 1 }),
    one('infinity-latency', 'bare Infinity as the TTFT average', c10, nimJsonText(10).replace('"avg": 145.52817012999998', '"avg": Infinity'), { points: 1 }),
    one('1e308-ms', 'a TTFT of 1e308 ms', c10, mutatedJson((d) => void (d['time_to_first_token']!['avg'] = 1e308)), refused(c10, /ttftMs\.avg: must be at most 1,000,000,000,000,000/)),
    one('overflow-to-infinity', 'a TTFT of 1e306 s in the CSV: Infinity once converted to ms', c10csv, csvWithRow('Time To First Token (s)', '1e306,1,1,1,1,1,1,1,1,1'), refused(c10csv, /ttftMs\.avg: must be a number ≥ 0/)),
    one('1e400-csv', 'a CSV cell of 1e400', c10csv, csvWithRow('Time To First Token (ms)', '1e400,1,1,1,1,1,1,1,1,1'), refused(c10csv, /not a finite number/)),
    one('negative', 'a negative ITL', c10, mutatedJson((d) => void (d['inter_token_latency']!['p50'] = -3.25)), refused(c10, /negative \(-3\.25\)/)),
    one('string-number', 'the TTFT average as the string "145.5"', c10, mutatedJson((d) => void (d['time_to_first_token']!['avg'] = '145.5')), refused(c10, /the text "145\.5", expected a number/)),
    one('concurrency-1e20', 'a concurrency of 1e20 in the file', c10, mutatedJson((d) => void (d['input_config']!['concurrency'] = 1e20)), refused(c10, /load\.concurrency: must be at most 1,000,000,000/)),
    one('concurrency-zero', 'a concurrency of 0 in the file, in a folder that names none', `no-level/${JSON_NAME}`, mutatedJson((d) => void (d['input_config']!['concurrency'] = 0)), refused(`no-level/${JSON_NAME}`, /load level missing/)),
    one('path-load-1e21', 'a folder named c1000000000000000000000 and a CSV (no load in the file)', `sweep-c1000000000000000000000/${CSV_NAME}`, nimCsvText(10), refused(`sweep-c1000000000000000000000/${CSV_NAME}`, /load level missing/)),
    one('unknown-unit', 'a TTFT in fortnights', c10, mutatedJson((d) => void (d['time_to_first_token']!['unit'] = 'fortnights')), refused(c10, /fortnights/)),

    // Names: control characters, markup, spaces, surrogates, prototype keys
    one('control-chars-path', 'an escape sequence (clear screen, set title) in the folder name', `run\u001b[2J\u001b]0;pwned\u0007-c10/${JSON_NAME}`, nimJsonText(10), { points: 1, seriesName: NO_CONTROL_CHARACTERS }),
    one('control-chars-model', 'control characters and a lone surrogate in the model name', c10, mutatedJson((d) => void (d['input_config']!['model'] = ['llama\u0000\u0008\u001b[31m\ud800'])), { points: 1, seriesName: NO_CONTROL_CHARACTERS }),
    one('markup-path', 'HTML and an SVG script in the folder name', `<img src=x onerror=alert(1)><svg onload=alert(2)>-c10/${JSON_NAME}`, nimJsonText(10), { points: 1, seriesName: /<img src=x onerror=alert\(1\)>/ }),
    one('formula-path', 'a spreadsheet formula as the folder name', `=HYPERLINK("x";"y")-c10/${JSON_NAME}`, nimJsonText(10), { points: 1, seriesName: /=HYPERLINK\("x";"y"\)$/ }),
    one('spaces-name', 'a file named of spaces (the run is named "   ")', `   .json`, nimJsonText(10), { points: 1 }),
    one('proto-keys', '__proto__, constructor and prototype keys at every level', c10, nimJsonText(10)
      .replace('{\n', '{\n  "__proto__": {"polluted": true, "concurrency": 99},\n  "constructor": {"prototype": {"polluted": true}},\n')
      .replace('"concurrency": 10,', '"concurrency": 10, "__proto__": {"concurrency": 77},'), { points: 1 }),
    one('long-model-name', 'a 100,000-character model name', c10, mutatedJson((d) => void (d['input_config']!['model'] = ['m'.repeat(100_000)])), { points: 1 }),

    // Adversarial input for the CSV regexes (1 MB cells)
    one('regex-row-label', 'a 1 MB row label of "a (" repeated', c10csv, csvWithRow(`"${'a ('.repeat(350_000)})x"`, '1,1,1,1,1,1,1,1,1'), { points: 1 }, true),
    one('regex-label-spaces', 'a 1 MB row label of spaces before "(ms)"', c10csv, csvWithRow(`"Time To First Token${' '.repeat(MIB)}(ms"`, '1,1,1,1,1,1,1,1,1'), { points: 1 }, true),
    one('regex-number-digits', 'a 1 MB number cell of digits ending in x', c10csv, csvWithRow('Time To First Token (ms)', `${'1'.repeat(MIB)}x,1,1,1,1,1,1,1,1`), refused(c10csv, /is not a number/), true),
    one('regex-number-decimal', 'a 1 MB number cell "1." then digits then x', c10csv, csvWithRow('Time To First Token (ms)', `1.${'1'.repeat(MIB)}x,1,1,1,1,1,1,1,1`), refused(c10csv, /is not a number/), true),
    one('regex-number-commas', 'a 1 MB number cell of thousands separators', c10csv, csvWithRow('Time To First Token (ms)', `"${'1,000'.repeat(200_000)}x",1,1,1,1,1,1,1,1`), refused(c10csv, /is not a number/), true),
    one('regex-quoted-newlines', 'a 1 MB quoted cell of line breaks', c10csv, csvWithRow(`"Time To First Token${'\n'.repeat(MIB)} (ms)"`, '1,1,1,1,1,1,1,1,1'), { points: 1 }, true),
    one('regex-nan-separators', 'a 1 MB JSON of separators and spaces before a bare NaN', c10, `[${', '.repeat(400_000)}NaN]`, refused(c10, /unknown layout|invalid JSON/), true),
    one('regex-first-line', '1 MB of blank lines before the first line', c10csv, `${' \n'.repeat(500_000)}${nimCsvText(10)}`, { points: 1 }, true),

    // Merges and duplicates
    {
      id: 'duplicate-levels',
      title: 'the same load level twice in one sweep (folders run-c10 and run-concurrency10)',
      files: [
        { path: `sweep/${RUN(10)}/${JSON_NAME}`, bytes: utf8(nimJsonText(10)) },
        { path: `sweep/run-concurrency10/${JSON_NAME}`, bytes: utf8(nimJsonText(10)) },
      ],
      expect: { points: 2, notes: [/Duplicate load level: 2 runs of this series share it/] },
    },
    {
      id: 'csv-json-disagree',
      title: 'a run whose CSV says 100× the JSON’s request throughput',
      files: [
        { path: c10, bytes: utf8(nimJsonText(10)) },
        { path: c10csv, bytes: utf8(nimCsvText(10).replace('Request Throughput (per sec),11.38', 'Request Throughput (per sec),1138.00')) },
      ],
      expect: { points: 1, notes: [/profile_export_genai_perf\.json and profile_export_genai_perf\.csv of this run disagree beyond rounding on requestsPerSecond \(11\.3782 vs 1138\): the values of profile_export_genai_perf\.json are used/] },
    },
    one('folder-vs-file-load', 'a folder named c20 holding a file that says concurrency 10', `run-c20/${JSON_NAME}`, nimJsonText(10), { points: 1, notes: [/says concurrency 20, the file says 10: the file's 10 is used/] }),
    {
      id: 'good-beside-bad',
      title: 'the real sweep with a truncated, an empty and a binary file among it',
      files: [
        ...NIM_LEVELS.map((c) => ({ path: `${RUN(c)}/${JSON_NAME}`, bytes: utf8(nimJsonText(c)) })),
        { path: `broken/${JSON_NAME}`, bytes: utf8(nimJsonText(5).slice(0, 700)) },
        { path: 'empty.csv', bytes: new Uint8Array(0) },
        { path: 'blob.bin', bytes: new Uint8Array([0, 1, 2, 3, 0, 0, 0]) },
      ],
      expect: { points: 7, errors: { [`broken/${JSON_NAME}`]: /invalid JSON/, 'empty.csv': /empty/, 'blob.bin': /binary data/ } },
    },
    {
      id: 'many-files',
      title: '1,000 summary files (the real c10 JSON in 1,000 run folders: 20 sweeps of 50 load levels)',
      files: Array.from({ length: 1000 }, (_, i) => ({ path: `sweep-${Math.floor(i / 50)}/run-c${(i % 50) + 1}/${JSON_NAME}`, bytes: utf8(nimJsonText(10)) })),
      expect: { points: 1000 },
    },

    // Other tools
    one('other-tool-jsonl-multiline', 'a vLLM JSONL whose records span several lines, the last one cut off', 'vllm-results.jsonl', (() => {
      const record = { date: '20250101-000000', backend: 'vllm', model_id: 'meta-llama/Llama-3.1-8B', request_throughput: 4.2, output_throughput: 800.5, mean_ttft_ms: 120.5, max_concurrency: 8 };
      const text = JSON.stringify(record, null, 2);
      return `${text}\n${text}\n${text.slice(0, 60)}`;
    })(), { points: 0, tool: /vLLM/ }),
  ];
  return cases;
}

// ───────────────────────────── scenario cases ─────────────────────────────

export interface ScenarioCase {
  id: string;
  title: string;
  /** The file as saved (bytes: encodings are part of the case). */
  bytes: Uint8Array<ArrayBuffer>;
  /** Accepted (and then restorable and savable), or refused with a message matching. */
  expect: { ok: true; points?: number } | { ok: false; message: RegExp };
  adversarial?: boolean;
}

function scenarioDoc(change: (doc: Record<string, unknown>) => void = () => undefined): Record<string, unknown> {
  const doc = defaultScenario() as unknown as Record<string, unknown>;
  change(doc);
  return doc;
}

/** One point as the page saves it: a real run parsed, so every field is what the app writes. */
function embeddedPoint(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const doc = nimDoc(10);
  const ttft = doc['time_to_first_token'] as Record<string, number>;
  return {
    id: 'run-c10',
    sources: [{ path: `run-c10/${JSON_NAME}`, tool: 'genai-perf', format: 'genai-perf-json' }],
    seriesKey: 'run-{load}',
    seriesName: 'run',
    load: { concurrency: 10, origin: 'file' },
    metadata: { model: 'meta/llama3-8b-instruct' },
    ttftMs: { avg: ttft['avg'], p99: ttft['p99'] },
    ttstMs: {},
    itlMs: {},
    tpotMs: {},
    e2eMs: {},
    outputTokensPerSecondPerUser: {},
    inputTokens: {},
    outputTokens: {},
    requestsPerSecond: (doc['request_throughput'] as Record<string, number>)['avg'],
    outputTokensPerSecond: (doc['output_token_throughput'] as Record<string, number>)['avg'],
    notes: [],
    derived: [],
    series: 'run',
    ...overrides,
  };
}

function scenarioCases(): ScenarioCase[] {
  const text = (id: string, title: string, doc: unknown, expect: ScenarioCase['expect'], adversarial = false): ScenarioCase => ({ id, title, bytes: utf8(json(doc)), expect, adversarial });
  const sla = SCENARIO_LIMITS.sla;
  const allPairs = (['ttft', 'itl', 'tpot', 'e2e', 'tpsPerUser'] as const).flatMap((metric) =>
    ['avg', 'min', 'max', 'p1', 'p5', 'p10', 'p25', 'p50', 'p75', 'p90', 'p95', 'p99', 'p99.9'].map((stat) => ({ metric, stat, bound: metric === 'tpsPerUser' ? 10 : 500 })),
  );
  const hardware = (n: number) => Array.from({ length: n }, (_, i) => ({ ...defaultScenario().hardware[0]!, id: `server-${i}`, name: `Server ${i}` }));
  const deepUnknown = (depth: number) => `{"format":"llm-tco-scenario","version":1,"extra":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}`;
  return [
    text('sla-5000', '5,000 SLA rows (32 KB)', scenarioDoc((d) => void (d['sla'] = Array.from({ length: 5000 }, () => ({ metric: 'ttft', stat: 'avg', bound: 250 })))), { ok: false, message: new RegExp(`sla: holds 5,000 entries; at most ${sla} are accepted`) }, true),
    text('sla-at-limit', `${sla} SLA constraints: every metric and statistic once (the limit)`, scenarioDoc((d) => void (d['sla'] = allPairs)), { ok: true }),
    text('hardware-2000', '2,000 server types', scenarioDoc((d) => void (d['hardware'] = hardware(2000))), { ok: false, message: new RegExp(`hardware: holds 2,000 entries; at most ${SCENARIO_LIMITS.hardware} are accepted`) }, true),
    text('hardware-at-limit', `${SCENARIO_LIMITS.hardware} server types (the limit)`, scenarioDoc((d) => {
      d['hardware'] = hardware(SCENARIO_LIMITS.hardware);
      d['defaults'] = { gpusPerInstance: 1, hardware: 'server-0' };
    }), { ok: true }),
    text('series-1001', '1,001 series entries', scenarioDoc((d) => void (d['series'] = Array.from({ length: 1001 }, (_, i) => ({ match: `s${i}` })))), { ok: false, message: /series: holds 1,001 entries; at most 1,000/ }, true),
    text('points-10001', '10,001 embedded points', scenarioDoc((d) => void (d['points'] = Array.from({ length: 10_001 }, (_, i) => embeddedPoint({ id: `p${i}` })))), { ok: false, message: /points: holds 10,001 entries; at most 10,000/ }, true),
    { id: 'deep-unknown-10000', title: 'an unknown field nested 10,000 deep', bytes: utf8(deepUnknown(10_000)), expect: { ok: false, message: /nested more than 32 levels deep/ }, adversarial: true },
    { id: 'deep-unknown-20', title: 'an unknown field nested 20 deep (kept, and saved again)', bytes: utf8(deepUnknown(20)), expect: { ok: true } },
    { id: 'deep-60mib', title: '60 MiB of `[`', bytes: utf8('['.repeat(60 * MIB)), expect: { ok: false, message: /nested more than 32 levels deep/ }, adversarial: true },
    { id: 'bom', title: 'a scenario with a UTF-8 byte-order mark', bytes: utf8(`\uFEFF${json(scenarioDoc())}`), expect: { ok: true } },
    { id: 'utf16le', title: 'a scenario saved as UTF-16 LE (Windows Notepad, PowerShell)', bytes: utf16(json(scenarioDoc()), 'le', true), expect: { ok: true } },
    { id: 'utf16be', title: 'a scenario saved as UTF-16 BE', bytes: utf16(json(scenarioDoc()), 'be', true), expect: { ok: true } },
    text('point-concurrency-1e20', 'an embedded point at concurrency 1e20', scenarioDoc((d) => void (d['points'] = [embeddedPoint({ load: { concurrency: 1e20, origin: 'file' } })])), { ok: false, message: /points\[0\]\.load\.concurrency: must be at most 1,000,000,000/ }),
    { id: 'point-infinity', title: 'an embedded latency of 1e999 (Infinity once parsed)', bytes: utf8(json(scenarioDoc((d) => void (d['points'] = [embeddedPoint()]))).replace(/"avg": [\d.]+/, '"avg": 1e999')), expect: { ok: false, message: /points\[0\]\.ttftMs\.avg: must be a number ≥ 0/ } },
    text('names-of-spaces', 'a server type, a series and a point named of spaces', scenarioDoc((d) => {
      (d['hardware'] as Array<Record<string, unknown>>)[0]!['name'] = '   ';
      d['series'] = [{ match: '   ', name: '   ' }];
      d['points'] = [embeddedPoint({ id: '   ', seriesKey: '   ', seriesName: '   ', series: '   ', sources: [{ path: '   .json', tool: 'genai-perf', format: 'genai-perf-json' }] })];
    }), { ok: true, points: 1 }),
    text('control-char-names', 'control characters in a server type and a series name', scenarioDoc((d) => {
      (d['hardware'] as Array<Record<string, unknown>>)[0]!['name'] = 'H100\u001b[2J\u0000';
      d['points'] = [embeddedPoint({ seriesName: 'run\u0007\u001b]0;x', series: 'run\u0007' })];
    }), { ok: true, points: 1 }),
    { id: 'proto-keys', title: '__proto__ keys at the top, in a section and in a point', bytes: utf8(json(scenarioDoc((d) => void (d['points'] = [embeddedPoint()]))).replace('{\n', '{\n  "__proto__": {"polluted": true},\n').replace('"demand": {', '"demand": {"__proto__": {"peak": -1},')), expect: { ok: true, points: 1 } },
    { id: 'not-json', title: 'a text file that is not JSON', bytes: utf8('format: llm-tco-scenario\n'), expect: { ok: false, message: /not valid JSON/ } },
    text('future-version', 'a scenario from a newer version', scenarioDoc((d) => void (d['version'] = 99)), { ok: false, message: /version: 99 is newer/ }),
    { id: 'zip', title: 'a zip archive chosen as a scenario', bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), expect: { ok: false, message: /zip archive/ } },
  ];
}

// ───────────────────────────── share links ─────────────────────────────

export interface LinkCase {
  id: string;
  title: string;
  fragment: string;
  expect: { ok: true; points?: number } | { ok: false; message: RegExp };
  adversarial?: boolean;
}

const URI_SAFE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';

/**
 * A decompression bomb for lz-string's URI encoding, written code by code as lz-string's decoder reads them
 * (lz-string 1.5.0 `_decompress`): one literal 'a', then `codes` codes that each name the entry being created
 * (w + w[0]). Each decodes one character longer than the one before, so the output is ~codes²/2 characters.
 */
export function lzBomb(codes: number): string {
  let out = '';
  let value = 0;
  let filled = 0;
  const write = (bits: number, count: number) => {
    for (let i = 0; i < count; i++) {
      value = (value << 1) | ((bits >> i) & 1);
      if (++filled === 6) {
        out += URI_SAFE[value];
        value = 0;
        filled = 0;
      }
    }
  };
  write(0, 2); // an 8-bit literal follows
  write(97, 8); // 'a'
  let dictSize = 4;
  let numBits = 3;
  let enlargeIn = 4;
  for (let i = 0; i < codes; i++) {
    write(dictSize, numBits);
    dictSize++;
    if (--enlargeIn === 0) {
      enlargeIn = 2 ** numBits;
      numBits++;
    }
  }
  write(2, numBits); // end of stream
  while (filled !== 0) write(0, 1);
  return out;
}

function linkCases(): LinkCase[] {
  const link = (doc: unknown) => `#s=${LZString.compressToEncodedURIComponent(JSON.stringify(doc))}`;
  return [
    { id: 'bomb-860k', title: 'an 860 KB link that decompresses to ~10¹⁰ characters', fragment: `#s=${lzBomb(300_000)}`, expect: { ok: false, message: /too long to be one of ours/ }, adversarial: true },
    { id: 'bomb-70k', title: 'a 70 KB link that decompresses to ~3·10⁸ characters', fragment: `#s=${lzBomb(25_000)}`, expect: { ok: false, message: /decompresses to more than 2,000,000 characters/ }, adversarial: true },
    { id: 'sla-5000', title: 'a link to a scenario with 5,000 SLA rows', fragment: link(scenarioDoc((d) => void (d['sla'] = Array.from({ length: 5000 }, () => ({ metric: 'ttft', stat: 'avg', bound: 250 }))))), expect: { ok: false, message: /sla: holds 5,000 entries/ }, adversarial: true },
    { id: 'hardware-2000', title: 'a link to a scenario with 2,000 server types', fragment: link(scenarioDoc((d) => void (d['hardware'] = Array.from({ length: 2000 }, (_, i) => ({ ...defaultScenario().hardware[0]!, id: `h${i}` }))))), expect: { ok: false, message: /hardware: holds 2,000 entries/ }, adversarial: true },
    { id: 'deep', title: 'a link to a document nested 5,000 deep', fragment: `#s=${LZString.compressToEncodedURIComponent(`${'['.repeat(5000)}${']'.repeat(5000)}`)}`, expect: { ok: false, message: /nested more than 32 levels deep/ } },
    { id: 'garbage', title: 'a link of characters outside its alphabet', fragment: '#s=%%%<script>alert(1)</script>', expect: { ok: false, message: /damaged/ } },
    { id: 'cut-off', title: 'a real link cut off when pasted', fragment: link(scenarioDoc((d) => void (d['points'] = [embeddedPoint()]))).slice(0, 200), expect: { ok: false, message: /damaged|not valid JSON/ } },
    { id: 'empty', title: 'an empty link', fragment: '#s=', expect: { ok: false, message: /damaged/ } },
    { id: 'valid', title: 'a good link with one point (opens)', fragment: link(scenarioDoc((d) => void (d['points'] = [embeddedPoint()]))), expect: { ok: true, points: 1 } },
  ];
}

// ───────────────────────────── CLI-only: folders with symbolic links ─────────────────────────────

/** Folder layouts only the CLI walks (the page gets files, not links): made in a temp folder at test time. */
export interface LinkLayoutCase {
  id: string;
  title: string;
}
export const SYMLINK_CASES: readonly LinkLayoutCase[] = [
  { id: 'dangling-link', title: 'a dangling symbolic link inside a sweep folder' },
  { id: 'link-loop', title: 'a folder link pointing back at its parent (a loop)' },
  { id: 'link-cycle', title: 'two links pointing at each other' },
  { id: 'duplicate-link', title: 'a second link to a folder already read' },
  { id: 'unreadable-folder', title: 'a sub-folder without read permission' },
];

export interface Corpus {
  files: FileCase[];
  scenarios: ScenarioCase[];
  links: LinkCase[];
}

let built: Corpus | undefined;
/** The whole corpus (built once per process: some cases are tens of MB). */
export function corpus(): Corpus {
  built ??= { files: fileCases(), scenarios: scenarioCases(), links: linkCases() };
  return built;
}

/** Every case id, for the report: files, scenarios, links and the CLI's folder layouts. */
export function caseCount(): number {
  const c = corpus();
  return c.files.length + c.scenarios.length + c.links.length + SYMLINK_CASES.length;
}
