/**
 * The point under the pointer: first what is plotted, in the plotted units (per GPU when the axis is), and
 * whether it meets the SLA in force (which constraint fails, by how much); then every metric with its unit and
 * the files it came from. Placed beside the marker, inside the chart.
 */
import { checkPoint, describeConstraint } from '../../core/analysis/feasibility.ts';
import type { ConstraintCheck } from '../../core/analysis/feasibility.ts';
import { Y_AXIS_INFO } from '../../core/analysis/projection.ts';
import { SLA_METRIC_INFO, TPS_PER_USER_DEFINITION_LABELS } from '../../core/analysis/metrics.ts';
import { formatNumber } from '../../core/format/numbers.ts';
import type { Distribution } from '../../core/model/benchmark.ts';
import type { ChartView, SlaConstraint } from '../../core/model/scenario.ts';
import { selectEffectiveSla, selectPointsById, selectVisibleSeries } from '../../store/selectors.ts';
import { useAppStore } from '../../store/StoreProvider.tsx';
import type { HoverChannel, HoveredPoint } from './hoverChannel.ts';
import { useHovered } from './hoverChannel.ts';
import { ChartTooltip } from './ChartTooltip.tsx';

interface Props {
  hover: HoverChannel<HoveredPoint>;
  /** The chart's size in pixels: the tooltip opens towards the larger side. */
  chartWidth: number;
  chartHeight: number;
  view: ChartView;
}

function stats(d: Distribution, unit: string): string {
  const parts = (['avg', 'p50', 'p90', 'p99'] as const)
    .filter((s) => d[s] !== undefined)
    .map((s) => `${s} ${formatNumber(d[s])}`);
  return parts.length > 0 ? `${parts.join(' · ')} ${unit}` : 'not reported';
}

/** "TTFT p99" */
function metricName(c: SlaConstraint): string {
  return `${SLA_METRIC_INFO[c.metric].label} ${c.stat}`;
}

/** "TTFT avg ≤ 250 ms, measured 310 ms" */
function failure(check: ConstraintCheck): string {
  const unit = SLA_METRIC_INFO[check.constraint.metric].unit;
  return `${describeConstraint(check.constraint)}, measured ${formatNumber(check.value)} ${unit}`;
}

/** Subscribes to the store only while a point is hovered: not on every drag frame or load otherwise. */
export function PointTooltip({ hover, ...rest }: Props) {
  const hovered = useHovered(hover);
  return hovered ? <HoveredPointTooltip hovered={hovered} {...rest} /> : null;
}

function HoveredPointTooltip({
  hovered,
  chartWidth,
  chartHeight,
  view,
}: Omit<Props, 'hover'> & { hovered: HoveredPoint }) {
  const sla = useAppStore(selectEffectiveSla);
  const pointsById = useAppStore(selectPointsById);
  const visible = useAppStore(selectVisibleSeries);
  const chartPoint = hovered.point;
  const point = pointsById.get(chartPoint.pointId);
  const series = visible.find((s) => s.key === chartPoint.seriesKey);
  if (!point) return null;
  const xInfo = SLA_METRIC_INFO[view.x.metric];
  const yInfo = Y_AXIS_INFO[view.y];
  const gpus = series?.gpusPerInstance ?? 1;
  const verdict = checkPoint(point, sla);
  const failing = verdict.checks.filter((c) => c.status === 'fail');
  const unknown = verdict.checks.filter((c) => c.status === 'unknown');
  return (
    <ChartTooltip cx={hovered.cx} cy={hovered.cy} chartWidth={chartWidth} chartHeight={chartHeight}>
      <strong>{series?.name ?? point.seriesName}</strong>
      <div>Load: {chartPoint.loadLabel}</div>
      <div className="chart-tooltip__plotted">
        {xInfo.label} {view.x.stat}:{' '}
        <b>
          {formatNumber(chartPoint.x)} {xInfo.unit}
        </b>{' '}
        · {yInfo.label}:{' '}
        <b>
          {formatNumber(chartPoint.y)} {yInfo.unit}
        </b>
        {yInfo.perGpu && gpus !== 1 ? ` (instance ÷ ${gpus} GPUs)` : ''}
      </div>
      <div className={`chart-tooltip__verdict chart-tooltip__verdict--${verdict.status}`}>
        {verdict.status === 'feasible'
          ? 'Meets the SLA'
          : failing.length > 0
            ? `Fails the SLA: ${failing.map(failure).join('; ')}`
            : `Cannot be checked: the files do not report ${unknown.map((c) => metricName(c.constraint)).join(', ')}`}
      </div>
      <table>
        <tbody>
          <tr>
            <th>TTFT</th>
            <td>{stats(point.ttftMs, 'ms')}</td>
          </tr>
          <tr>
            <th>ITL</th>
            <td>{stats(point.itlMs, 'ms')}</td>
          </tr>
          {Object.keys(point.tpotMs).length > 0 ? (
            <tr>
              <th>TPOT</th>
              <td>{stats(point.tpotMs, 'ms')}</td>
            </tr>
          ) : null}
          <tr>
            <th>E2E</th>
            <td>{stats(point.e2eMs, 'ms')}</td>
          </tr>
          <tr>
            <th>
              Tokens/s per user
              {point.tpsPerUserDefinition ? ` (${TPS_PER_USER_DEFINITION_LABELS[point.tpsPerUserDefinition]})` : ''}
            </th>
            <td>{stats(point.outputTokensPerSecondPerUser, 'tokens/s')}</td>
          </tr>
          <tr>
            <th>Requests/s per instance</th>
            <td>{formatNumber(point.requestsPerSecond)}</td>
          </tr>
          <tr>
            <th>Output tokens/s per instance</th>
            <td>{formatNumber(point.outputTokensPerSecond)}</td>
          </tr>
          <tr>
            <th>ISL / OSL (mean)</th>
            <td>
              {formatNumber(point.inputTokens.avg)} / {formatNumber(point.outputTokens.avg)} tokens
            </td>
          </tr>
        </tbody>
      </table>
      <div className="chart-tooltip__source">{point.sources.map((s) => s.path).join(', ')}</div>
    </ChartTooltip>
  );
}
