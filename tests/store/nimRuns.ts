/** The real NIM sweep's JSON summaries as parsed runs, for store tests. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseFile } from '../../src/core/parsers/registry.ts';
import type { ParsedRun } from '../../src/core/parsers/types.ts';

const NIM = join(import.meta.dirname, '../fixtures/real/genai-perf/nim-llama3-8b-sweep-c1-250');

export function nimRuns(filter: (name: string) => boolean = (f) => f.endsWith('genai_perf.json')): ParsedRun[] {
  return readdirSync(NIM)
    .filter(filter)
    .flatMap((f) => {
      const outcome = parseFile({ path: `nim/${f}`, text: readFileSync(join(NIM, f), 'utf8') });
      return outcome.kind === 'runs' ? outcome.runs : [];
    });
}
