/**
 * The per-request file LLMPerf writes beside each summary: `<model>_<in>_<out>_individual_responses.json`, a JSON
 * array of `{error_code, error_msg, inter_token_latency_s, ttft_s, end_to_end_latency_s,
 * request_output_throughput_token_per_s, number_total_tokens, number_output_tokens, number_input_tokens}`.
 */
import { isObject } from '../../collections.ts';
import type { BenchmarkParser, SniffedFile } from '../types.ts';

export const llmperfIndividualResponses: BenchmarkParser = {
  id: 'llmperf-individual-responses',
  label: 'LLMPerf individual responses (*_individual_responses.json)',
  detect: (file: SniffedFile) => {
    const doc = file.json;
    if (!Array.isArray(doc)) return false;
    const first: unknown = doc[0];
    if (first === undefined) return /_individual_responses\.json$/i.test(file.path);
    return isObject(first) && 'ttft_s' in first && 'end_to_end_latency_s' in first;
  },
  parse: () => ({
    kind: 'skipped',
    reason: 'LLMPerf individual responses: per-request records, not used yet; the *_summary.json of the same run is',
  }),
};
