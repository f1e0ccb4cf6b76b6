/** What the core computes for the same files and SLA: the oracle the e2e tests compare the page against. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { formatMoney } from '../../src/core/format/numbers.ts';
import type { SlaConstraint } from '../../src/core/model/scenario.ts';
import { ingestFiles } from '../../src/core/parsers/ingest.ts';
import { computeResults } from '../../src/core/report/seriesResult.ts';
import { defaultScenario } from '../../src/core/scenario/defaults.ts';

export const NIM_DIR = join(import.meta.dirname, '../fixtures/real/genai-perf/nim-llama3-8b-sweep-c1-250');

/** The NIM folder as the browser sees it after "Choose folder…": paths relative to the folder's parent. */
export function nimFiles() {
  return readdirSync(NIM_DIR)
    .sort()
    .map((f) => ({ path: `nim-llama3-8b-sweep-c1-250/${f}`, text: readFileSync(join(NIM_DIR, f), 'utf8') }));
}

export function expectedNimRow(sla: SlaConstraint[]) {
  const scenario = { ...defaultScenario(), sla };
  const [result] = computeResults(ingestFiles(nimFiles()).points, scenario);
  if (!result?.sizing || !result.costs || !result.pick.meetsSla) return null;
  return {
    concurrency: result.pick.operatingPoint.point.load.concurrency,
    instances: result.sizing.instances,
    servers: result.sizing.servers,
    fleetYearUsd: formatMoney(result.costs.fleetYearUsd),
    costPer1kRequestsUsd: formatMoney(result.costs.costPer1kRequestsUsd.value),
    costPer1MTokensUsd: formatMoney(result.costs.costPer1MTokensUsd.value),
  };
}
