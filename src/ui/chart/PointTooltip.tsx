/** Every metric of the point under the pointer, with units and the files it came from. */
import type { ChartPoint } from '../../core/analysis/projection.ts';
import { TPS_PER_USER_DEFINITION_LABELS } from '../../core/analysis/metrics.ts';
import { formatNumber } from '../../core/format/numbers.ts';
import type { Distribution, LoadPoint } from '../../core/model/benchmark.ts';

interface Props {
  active?: boolean;
  payload?: ReadonlyArray<{ payload?: unknown }>;
  pointsById: Map<string, LoadPoint>;
  seriesNames: Map<string, string>;
}

function stats(d: Distribution): string {
  const parts = (['avg', 'p50', 'p90', 'p99'] as const).filter((s) => d[s] !== undefined).map((s) => `${s} ${formatNumber(d[s])}`);
  return parts.length > 0 ? parts.join(' · ') : 'not reported';
}

export function PointTooltip({ active, payload, pointsById, seriesNames }: Props) {
  const chartPoint = payload?.[0]?.payload as ChartPoint | undefined;
  if (!active || !chartPoint) return null;
  const point = pointsById.get(chartPoint.pointId);
  if (!point) return null;
  return (
    <div className="chart-tooltip">
      <strong>{seriesNames.get(chartPoint.seriesKey) ?? point.seriesName}</strong>
      <div>Load: {chartPoint.loadLabel}</div>
      <table>
        <tbody>
          <tr><th>TTFT (ms)</th><td>{stats(point.ttftMs)}</td></tr>
          <tr><th>ITL (ms)</th><td>{stats(point.itlMs)}</td></tr>
          <tr><th>E2E (ms)</th><td>{stats(point.e2eMs)}</td></tr>
          <tr>
            <th>Tokens/s per user{point.tpsPerUserDefinition ? ` (${TPS_PER_USER_DEFINITION_LABELS[point.tpsPerUserDefinition]})` : ''}</th>
            <td>{stats(point.outputTokensPerSecondPerUser)}</td>
          </tr>
          <tr><th>Requests/s</th><td>{formatNumber(point.requestsPerSecond)}</td></tr>
          <tr><th>Output tokens/s</th><td>{formatNumber(point.outputTokensPerSecond)}</td></tr>
          <tr><th>ISL / OSL (mean)</th><td>{formatNumber(point.inputTokens.avg)} / {formatNumber(point.outputTokens.avg)}</td></tr>
        </tbody>
      </table>
      <div className="chart-tooltip__source">{point.sources.map((s) => s.path).join(', ')}</div>
    </div>
  );
}
