/** " · 96.2% good (9.8 good req/s)": the operating point's goodput against the SLA, when it has per-request data. */
import { useMemo } from 'react';
import { pointGoodput, prepareSla } from '../../core/analysis/goodput.ts';
import { formatNumber } from '../../core/format/numbers.ts';
import type { LoadPoint } from '../../core/model/benchmark.ts';
import { selectEffectiveSla } from '../../store/selectors.ts';
import { useDeferredAppStore } from '../common/useDeferredAppStore.ts';

/** Reads the SLA itself, so the row around it can stay memoised while a bound is dragged. */
export function GoodputLine({ point }: { point: LoadPoint }) {
  const sla = useDeferredAppStore(selectEffectiveSla);
  const goodput = useMemo(() => (point.requests ? pointGoodput(point, prepareSla(sla)) : undefined), [point, sla]);
  if (!goodput?.known) return null;
  const rps = goodput.requestsPerSecond === undefined ? '' : ` (${formatNumber(goodput.requestsPerSecond)} good req/s)`;
  return <span data-field="goodput">{` · ${formatNumber(goodput.percent, 1)}% good${rps}`}</span>;
}
