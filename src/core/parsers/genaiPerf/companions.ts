/**
 * Files GenAI-Perf writes beside its summaries that hold no usable summary: recognised so that dropping a
 * whole artifacts folder does not report them as errors.
 */
import { baseName } from '../text.ts';
import type { BenchmarkParser, SniffedFile } from '../types.ts';
import { isObject } from '../../collections.ts';

/** The prompts GenAI-Perf sent (`inputs.json`, `llm_inputs.json`). */
export const genaiPerfInputs: BenchmarkParser = {
  id: 'genai-perf-inputs',
  label: 'GenAI-Perf inputs (inputs.json)',
  detect: (file: SniffedFile) =>
    /^(?:llm_)?inputs\.json$/i.test(baseName(file.path)) && isObject(file.json) && Array.isArray(file.json['data']),
  parse: () => ({ kind: 'skipped', reason: 'GenAI-Perf inputs file: the prompts sent, no measurements' }),
};
