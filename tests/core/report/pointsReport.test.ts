/**
 * The normalised points as records and as CSV (docs/cli.md "Points output"): every field of a point, null where the
 * file did not say, and the CSV columns named like the JSON fields.
 */
import { describe, expect, it } from 'vitest';
import type { LoadPoint } from '../../../src/core/model/benchmark.ts';
import { prepareSla } from '../../../src/core/analysis/goodput.ts';
import { buildRequestSamples } from '../../../src/core/model/requestSamples.ts';
import { pointRecord, pointRecords, pointsCsv } from '../../../src/core/report/pointsReport.ts';
import { point } from '../helpers.ts';

/** A vLLM run merged from its JSON and its CSV, every field the record carries filled in. */
function fullPoint(): LoadPoint {
  return point({
    id: 'run-c16',
    concurrency: 16,
    sources: [
      { path: 'tp2/c16/result.json', tool: 'vllm', format: 'vllm-serve-json', toolVersion: '0.11.0' },
      { path: 'tp2/c16/result.csv', tool: 'vllm', format: 'vllm-serve-csv' },
      { path: 'tp2/c16/again.json', tool: 'vllm', format: 'vllm-serve-json' },
    ],
    requestsPerSecond: 8,
    outputTokensPerSecond: 1600,
    inputTokensPerSecond: 8000,
    ttftMs: { avg: 120, p99: 300 },
    ttstMs: { avg: 30 },
    itlMs: { p50: 20 },
    tpotMs: { avg: 21 },
    e2eMs: { avg: 4000 },
    outputTokensPerSecondPerUser: { avg: 50 },
    tpsPerUserDefinition: 'osl-over-e2e',
    inputTokens: { avg: 1000 },
    outputTokens: { avg: 200 },
    requestCount: 500,
    errorCount: 2,
    durationS: 62.5,
    goodputRequestsPerSecond: 7.5,
    metadata: {
      model: 'llama',
      framework: 'vllm',
      backend: 'openai',
      dataset: 'sharegpt',
      configuration: { tp: '2', label: 'a' },
    },
    derived: ['requestsPerSecond', 'e2eMs'],
    notes: ['ITL as vLLM defines it.', 'Merged two files.'],
  });
}

const series = { name: 'TP2', key: 'tp2/c{load}', gpusPerInstance: 2 };

describe('pointRecord', () => {
  it('carries every field of a point under its JSON name', () => {
    expect(pointRecord(fullPoint(), series)).toEqual({
      series: 'TP2',
      seriesKey: 'tp2/c{load}',
      sources: ['tp2/c16/result.json', 'tp2/c16/result.csv', 'tp2/c16/again.json'],
      tool: 'vllm',
      format: 'vllm-serve-json+vllm-serve-csv', // each layout once, in the order of the files
      toolVersion: '0.11.0',
      concurrency: 16,
      requestRate: null,
      saturation: false,
      loadFrom: 'file',
      gpusPerInstance: 2,
      requestsPerSecond: 8,
      outputTokensPerSecond: 1600,
      inputTokensPerSecond: 8000,
      ttftMs: { avg: 120, p99: 300 },
      ttstMs: { avg: 30 },
      itlMs: { p50: 20 },
      tpotMs: { avg: 21 },
      e2eMs: { avg: 4000 },
      outputTokensPerSecondPerUser: { avg: 50 },
      tpsPerUserDefinition: 'osl-over-e2e',
      inputTokens: 1000,
      outputTokens: 200,
      requestCount: 500,
      errorCount: 2,
      durationS: 62.5,
      goodputRequestsPerSecond: 7.5,
      slaGoodput: null, // no per-request data
      model: 'llama',
      framework: 'vllm',
      dataset: 'sharegpt',
      configuration: { tp: '2', label: 'a' },
      derived: ['requestsPerSecond', 'e2eMs'],
      notes: ['ITL as vLLM defines it.', 'Merged two files.'],
    });
  });

  it('writes null for what the file does not say, and names a saturation run', () => {
    const bare = point({
      id: 'sat',
      sources: [],
      load: { saturation: true, origin: 'path' },
      metadata: { backend: 'openai' },
    });
    expect(pointRecord(bare, series)).toEqual({
      series: 'TP2',
      seriesKey: 'tp2/c{load}',
      sources: [],
      tool: 'mapped', // no file: a point mapped by the user
      format: '',
      toolVersion: null,
      concurrency: null,
      requestRate: null,
      saturation: true,
      loadFrom: 'path',
      gpusPerInstance: 2,
      requestsPerSecond: null,
      outputTokensPerSecond: null,
      inputTokensPerSecond: null,
      ttftMs: {},
      ttstMs: {},
      itlMs: {},
      tpotMs: {},
      e2eMs: {},
      outputTokensPerSecondPerUser: {},
      tpsPerUserDefinition: null,
      inputTokens: null,
      outputTokens: null,
      requestCount: null,
      errorCount: null,
      durationS: null,
      goodputRequestsPerSecond: null,
      slaGoodput: null,
      model: null,
      framework: 'openai', // no framework named: the backend stands in
      dataset: null,
      configuration: {},
      derived: [],
      notes: [],
    });
    expect(pointRecord(point({ id: 'r', requestRate: 2.5 }), series).requestRate).toBe(2.5);
  });

  it('copies the lists and the configuration rather than sharing them with the point', () => {
    const p = fullPoint();
    const record = pointRecord(p, series);
    record.configuration.tp = '8';
    record.derived.push('x');
    record.notes.push('x');
    expect(p.metadata.configuration).toEqual({ tp: '2', label: 'a' });
    expect(p.derived).toEqual(['requestsPerSecond', 'e2eMs']);
    expect(p.notes).toHaveLength(2);
  });
});

describe('pointRecords', () => {
  it('lists every point of every series, in series order', () => {
    const a = { ...series, points: [point({ id: 'a1', concurrency: 1 }), point({ id: 'a2', concurrency: 2 })] };
    const b = { ...series, name: 'TP4', key: 'tp4', gpusPerInstance: 4, points: [point({ id: 'b1', concurrency: 1 })] };
    const records = pointRecords([a, b] as never);
    expect(records.map((r) => [r.series, r.concurrency, r.gpusPerInstance])).toEqual([
      ['TP2', 1, 2],
      ['TP2', 2, 2],
      ['TP4', 1, 4],
    ]);
  });
});

describe('pointsCsv', () => {
  it('writes the stats present as columns, per-GPU throughput, and lists joined with "; "', () => {
    const csv = pointsCsv([
      pointRecord(fullPoint(), series),
      pointRecord(point({ id: 'bare', requestRate: 4 }), series),
    ]);
    const [header, full, bare] = csv.split('\r\n');
    expect(header?.split(',')).toEqual([
      ...['series', 'tool', 'format', 'concurrency', 'requestRate', 'saturation', 'loadFrom', 'gpusPerInstance'],
      ...['requestsPerSecond', 'outputTokensPerSecond', 'inputTokensPerSecond'],
      ...['requestsPerSecondPerGpu', 'outputTokensPerSecondPerGpu'],
      ...['ttftMs.avg', 'ttftMs.p99', 'ttstMs.avg', 'itlMs.p50', 'tpotMs.avg', 'e2eMs.avg'],
      'outputTokensPerSecondPerUser.avg',
      ...['inputTokens', 'outputTokens', 'requestCount', 'errorCount', 'durationS', 'goodputRequestsPerSecond'],
      ...[
        'tpsPerUserDefinition',
        'model',
        'framework',
        'dataset',
        'slaGoodput.percent',
        'slaGoodput.requestsPerSecond',
      ],
      ...['configuration', 'derived', 'sources', 'notes'],
    ]);
    // 8 req/s ÷ 2 GPUs = 4; 1600 tok/s ÷ 2 = 800
    expect(full).toBe(
      'TP2,vllm,vllm-serve-json+vllm-serve-csv,16,,false,file,2,8,1600,8000,4,800,120,300,30,20,21,4000,50,' +
        '1000,200,500,2,62.5,7.5,osl-over-e2e,llama,vllm,sharegpt,,,tp=2; label=a,requestsPerSecond; e2eMs,' +
        'tp2/c16/result.json; tp2/c16/result.csv; tp2/c16/again.json,ITL as vLLM defines it. Merged two files.',
    );
    expect(bare).toBe(
      `TP2,genai-perf,genai-perf-json,,4,false,file,2${','.repeat(27)}bare/profile_export_genai_perf.json,`,
    );
  });

  it('has no stat column when no point reports that stat', () => {
    const csv = pointsCsv([pointRecord(point({ id: 'x', concurrency: 1, ttftMs: { p90: 10 } }), series)]);
    const header = csv.split('\r\n')[0]!.split(',');
    expect(header.filter((h) => /^(ttft|ttst|itl|tpot|e2e)Ms\.|PerUser\./.test(h))).toEqual(['ttftMs.p90']);
  });
});

describe('records of a point with per-request data', () => {
  // Four completed requests: TTFT 100, 200, 300, 400 ms. The file printed only TTFT avg 250.
  const samples = buildRequestSamples({ ok: [true, true, true, true], columns: { ttftMs: [100, 200, 300, 400] } });
  const withRequests = (rps?: number) => {
    const throughput = rps === undefined ? {} : { requestsPerSecond: rps };
    return point({ id: 'r', concurrency: 4, ttftMs: { avg: 250 }, requests: samples, ...throughput });
  };

  it('completes the printed statistics with those of the requests', () => {
    // numpy-style linear percentiles of 100…400: p50 250, p90 370, p99 397; min 100, max 400.
    const ttft = pointRecord(withRequests(), series).ttftMs;
    expect(ttft).toMatchObject({ avg: 250, min: 100, max: 400, p50: 250, p90: 370, p99: 397 });
  });

  it('keeps printed statistics the requests do not give, and adds no empty ones', () => {
    // p97.5 is not among the usual statistics: kept as printed. The requests have no ITL: ITL stays as printed
    // (nothing), without keys left undefined.
    const p = point({ id: 'r', concurrency: 4, ttftMs: { avg: 250, 'p97.5': 395 }, requests: samples });
    const record = pointRecord(p, series);
    expect(record.ttftMs['p97.5']).toBe(395);
    expect(record.itlMs).toStrictEqual({});
  });

  it('counts goodput against the SLA when there is one, and only then', () => {
    // TTFT ≤ 250: 2 of 4 good = 50 %; at 8 req/s, 8 × 2 ÷ 4 = 4 good requests/s.
    const sla = prepareSla([{ metric: 'ttft', stat: 'avg', bound: 250 }]);
    expect(pointRecord(withRequests(8), series, sla).slaGoodput).toEqual({ percent: 50, requestsPerSecond: 4 });
    expect(pointRecord(withRequests(), series, sla).slaGoodput).toEqual({ percent: 50, requestsPerSecond: null });
    expect(pointRecord(withRequests(8), series).slaGoodput).toBeNull();
    expect(pointRecord(withRequests(8), series, prepareSla([])).slaGoodput).toBeNull();
    // Without the constrained metric in the requests: unknown, so no figure.
    const e2e = prepareSla([{ metric: 'e2e', stat: 'avg', bound: 1000 }]);
    expect(pointRecord(withRequests(8), series, e2e).slaGoodput).toBeNull();
  });

  it('writes the goodput figures into their CSV columns', () => {
    const sla = prepareSla([{ metric: 'ttft', stat: 'avg', bound: 250 }]);
    const [header, row] = pointsCsv([pointRecord(withRequests(8), series, sla)]).split('\r\n');
    const cells = new Map(header!.split(',').map((h, i) => [h, row!.split(',')[i]]));
    expect(cells.get('slaGoodput.percent')).toBe('50');
    expect(cells.get('slaGoodput.requestsPerSecond')).toBe('4');
  });

  it('orders stat columns avg, min, max, then percentiles, whatever order the points list them in', () => {
    const a = pointRecord(point({ id: 'a', concurrency: 1, ttftMs: { p99: 9, p50: 5 } }), series);
    const b = pointRecord(point({ id: 'b', concurrency: 2, ttftMs: { max: 10, avg: 6 } }), series);
    const header = pointsCsv([a, b]).split('\r\n')[0]!.split(',');
    const ttft = header.filter((h) => h.startsWith('ttftMs.'));
    expect(ttft).toEqual(['ttftMs.avg', 'ttftMs.max', 'ttftMs.p50', 'ttftMs.p99']);
  });
});
