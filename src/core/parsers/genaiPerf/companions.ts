/**
 * Files GenAI-Perf writes beside its summaries that hold no usable summary: recognised so that dropping a
 * whole artifacts folder does not report them as errors.
 */
import { baseName } from '../text.ts';
import type { BenchmarkParser, SniffedFile } from '../types.ts';
import { isObject } from '../../collections.ts';

/** perf_analyzer's raw per-request export (`profile_export.json`, or `<prefix>.json`). */
export const genaiPerfRawExport: BenchmarkParser = {
  id: 'genai-perf-raw',
  label: 'GenAI-Perf raw per-request export (profile_export.json)',
  detect: (file: SniffedFile) => {
    const doc = file.json;
    if (!isObject(doc) || !Array.isArray(doc['experiments'])) return false;
    const first: unknown = doc['experiments'][0];
    return isObject(first) && isObject(first['experiment']) && Array.isArray(first['requests']);
  },
  parse: () => ({
    kind: 'skipped',
    reason:
      'GenAI-Perf raw per-request export: token counts need the tokenizer, so the summary of the same run ' +
      '(profile_export_genai_perf.json or .csv) is used instead',
  }),
};

/** The prompts GenAI-Perf sent (`inputs.json`, `llm_inputs.json`). */
export const genaiPerfInputs: BenchmarkParser = {
  id: 'genai-perf-inputs',
  label: 'GenAI-Perf inputs (inputs.json)',
  detect: (file: SniffedFile) =>
    /^(?:llm_)?inputs\.json$/i.test(baseName(file.path)) && isObject(file.json) && Array.isArray(file.json['data']),
  parse: () => ({ kind: 'skipped', reason: 'GenAI-Perf inputs file: the prompts sent, no measurements' }),
};
