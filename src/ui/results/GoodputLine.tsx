/** " · 96.2% good (9.8 good req/s)": the operating point's goodput against the SLA, when it has per-request data. */
import { useMemo } from 'react';
import { pointGoodput, prepareSla } from '../../core/analysis/goodput.ts';
import { formatNumber } from '../../core/format/numbers.ts';
import type { LoadPoint } from '../../core/model/benchmark.ts';
import type { SlaConstraint } from '../../core/model/scenario.ts';

export function GoodputLine({ point, sla }: { point: LoadPoint; sla: readonly SlaConstraint[] }) {
  const goodput = useMemo(() => (point.requests ? pointGoodput(point, prepareSla(sla)) : undefined), [point, sla]);
  if (!goodput?.known) return null;
  const rps = goodput.requestsPerSecond === undefined ? '' : ` (${formatNumber(goodput.requestsPerSecond)} good req/s)`;
  return <span data-field="goodput">{` · ${formatNumber(goodput.percent, 1)}% good${rps}`}</span>;
}
