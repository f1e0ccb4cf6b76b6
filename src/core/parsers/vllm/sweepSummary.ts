/**
 * `vllm bench sweep` `summary.json`: the list of the `run=<n>.json` objects of one parameter combination
 * (vllm/benchmarks/sweep/serve.py `run_comb`: `json.dump(comb_data, …)` into the folder of the run files).
 * Each element is read as the run it repeats, under the run path its `run=<n>.json` has, so loading both the
 * summary and the run files gives each run once (ingest merges files of one run path).
 *   SERVE--max_num_seqs=4-BENCH--max_concurrency=2/summary.json, element with run_number 1
 *     → run path SERVE--max_num_seqs=4-BENCH--max_concurrency=2/run=1 (= that folder's run=1.json)
 * Any other JSON list of vLLM result objects is read the same way, one run per element.
 */
import { emptyRun } from '../runs.ts';
import { baseName } from '../text.ts';
import type { BenchmarkParser, ParseOutcome, ParsedRun, SniffedFile } from '../types.ts';
import { ParseFailure } from '../types.ts';
import { isVllmResult, readVllmResult, vllmFamily } from './common.ts';

/** An SLA search writes `SLA--<criteria>.json`, a list over several load levels: a companion (./companions.ts). */
export const SLA_AGGREGATE = /^SLA--.*\.json$/i;

function detect(file: SniffedFile): boolean {
  return Array.isArray(file.json) && isVllmResult(file.json[0]) && !SLA_AGGREGATE.test(baseName(file.path));
}

/** `…/summary.json` + run 1 → `…/run=1`; `x.summary.json` → `x.run=1`; otherwise `<file stem>#<element>`. */
function runPathOf(path: string, runNumber: unknown, index: number): string {
  if (/summary\.json$/i.test(path) && typeof runNumber === 'number' && Number.isInteger(runNumber) && runNumber >= 0) {
    return path.replace(/summary\.json$/i, `run=${runNumber}`);
  }
  return `${path.replace(/\.json$/i, '')}#${index + 1}`;
}

function parse(file: SniffedFile): ParseOutcome {
  const list = file.json as unknown[];
  const runs: ParsedRun[] = list.map((element, index) => {
    if (!isVllmResult(element)) throw new ParseFailure(`element ${index + 1} is not a vLLM result object`);
    const runPath = runPathOf(file.path, element['run_number'], index);
    const run = emptyRun(runPath, { path: file.path, tool: 'vllm', format: 'vllm-sweep-summary' });
    run.familyPath = vllmFamily(file.path, runPath);
    try {
      readVllmResult(element, run);
    } catch (error) {
      if (error instanceof ParseFailure) throw new ParseFailure(`element ${index + 1}: ${error.message}`);
      throw error;
    }
    const where = `element ${index + 1} of ${list.length}`;
    run.notes.push(`Read from the sweep summary (${where}); the run=N.json of this run is the same run.`);
    return run;
  });
  return { kind: 'runs', runs };
}

export const vllmSweepSummary: BenchmarkParser = {
  id: 'vllm-sweep-summary',
  label: 'vLLM bench sweep summary.json (list of run results)',
  detect,
  parse,
};
