/** The mapping the dialog starts from: guessed from column names, confirmed by the user. */
import { describe, expect, it } from 'vitest';
import { checkMapping, offersMapping } from '../../../src/core/parsers/mapped/mapping.ts';
import { guessField, proposeAppliesTo, proposeMapping } from '../../../src/core/parsers/mapped/propose.ts';
import { parseFile, sniff } from '../../../src/core/parsers/registry.ts';

describe('guessing a column from its name', () => {
  it.each([
    ['ttft_ms', { target: 'ttftMs.avg', unit: 'ms' }],
    ['Time To First Token (ms)', { target: 'ttftMs.avg', unit: 'ms' }],
    ['p99_e2e_latency_s', { target: 'e2eMs.p99', unit: 's' }],
    ['median_itl_ms', { target: 'itlMs.p50', unit: 'ms' }],
    ['results_inter_token_latency_s_quantiles_p90', { target: 'itlMs.p90', unit: 's' }],
    ['tpotP99.9Us', { target: 'tpotMs.p99.9', unit: 'us' }],
    ['Request Throughput (per sec)', { target: 'requestsPerSecond', unit: '/s' }],
    ['results_num_completed_requests_per_min', { target: 'requestsPerSecond', unit: '/min' }],
    ['output_throughput', { target: 'outputTokensPerSecond', unit: '/s' }],
    ['input_tokens_per_s', { target: 'inputTokensPerSecond', unit: '/s' }],
    ['tokens_per_second_per_user', { target: 'outputTokensPerSecondPerUser.avg', unit: '/s' }],
    ['concurrency', { target: 'load.concurrency', unit: 'count' }],
    ['max_concurrency', { target: 'load.concurrency', unit: 'count' }],
    ['request_rate', { target: 'load.requestRate', unit: '/s' }],
    ['mean_input_tokens', { target: 'inputTokens.avg', unit: 'tokens' }],
    ['OSL', { target: 'outputTokens.avg', unit: 'tokens' }],
    ['num_errors', { target: 'errorCount', unit: 'count' }],
    ['completed', { target: 'requestCount', unit: 'count' }],
    ['duration', { target: 'durationS', unit: 's' }],
    ['model_id', { target: 'model' }],
    ['config', { target: 'series' }],
  ])('%s', (name, expected) => {
    expect(guessField(name)).toEqual(expected);
  });

  it.each(['std_ttft_ms', 'total_token_throughput', 'date', 'notes'])('leaves %s unmapped', (name) => {
    expect(guessField(name)).toBeUndefined();
  });
});

describe('proposing a mapping for a file', () => {
  it('CSV: one field per recognised column, each metric once, ready to validate', () => {
    const csv =
      'name,concurrency,ttft_ms,mean_ttft_ms,request_throughput,output_throughput,comment\nx,1,10,11,2,40,ok\n';
    const proposal = proposeMapping(sniff({ path: 'bench/sweep_2024.csv', text: csv }), 'id1');
    expect(proposal).toEqual({
      id: 'id1',
      name: 'sweep_2024',
      appliesTo: 'sweep_2024.csv',
      format: 'csv',
      fields: [
        { source: 'name', target: 'series' },
        { source: 'concurrency', target: 'load.concurrency', unit: 'count' },
        { source: 'ttft_ms', target: 'ttftMs.avg', unit: 'ms' },
        { source: 'request_throughput', target: 'requestsPerSecond', unit: '/s' },
        { source: 'output_throughput', target: 'outputTokensPerSecond', unit: '/s' },
      ],
    });
    expect(checkMapping(proposal).ok).toBe(true);
  });

  it('JSON: the largest list of records, and their leaf paths', () => {
    const doc = {
      meta: { tags: ['a'] },
      data: {
        runs: [
          { load: { concurrency: 2 }, rps: 1, ttft_s: 0.1 },
          { load: { concurrency: 4 }, rps: 2, ttft_s: 0.2 },
        ],
      },
    };
    const proposal = proposeMapping(sniff({ path: 'x/out.json', text: JSON.stringify(doc) }), 'id2');
    expect(proposal?.recordsPath).toBe('data.runs');
    expect(proposal?.fields).toEqual([
      { source: 'load.concurrency', target: 'load.concurrency', unit: 'count' },
      { source: 'rps', target: 'requestsPerSecond', unit: '/s' },
      { source: 'ttft_s', target: 'ttftMs.avg', unit: 's' },
    ]);
  });

  it('a sweep file name becomes a pattern that matches its siblings', () => {
    expect(proposeAppliesTo('sweep/run_c16.json')).toBe('run_c*.json');
    expect(proposeAppliesTo('sweep/lab.csv')).toBe('lab.csv');
  });

  it('offers mapping for the refusals parseFile writes for unknown layouts, not for broken known files', () => {
    const reason = (path: string, text: string) => {
      const outcome = parseFile({ path, text });
      return outcome.kind === 'error' ? outcome.reason : '';
    };
    expect(offersMapping(reason('a.csv', 'x,y\n1,2\n'))).toBe(true);
    expect(offersMapping(reason('a.json', '{"x": [1, 2]}'))).toBe(true);
    expect(offersMapping(reason('a.json', '{"x": '))).toBe(false);
    expect(
      offersMapping(reason('profile_export_genai_perf.json', '{"request_throughput": {"unit": "requests/sec"}}')),
    ).toBe(false);
    expect(offersMapping(reason('a.csv', ''))).toBe(false);
  });
});
