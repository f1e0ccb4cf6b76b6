/**
 * Goodput against the user's SLA along load (docs/method.md §Goodput rule): per configuration with per-request
 * data, the share of good requests (or good requests/s) at each load level. Recomputed live while an SLA line is
 * dragged; under the goodput rule the minimum share is drawn as a line.
 */
import { memo, useId, useMemo, useRef, useState } from 'react';
import { CartesianGrid, LineChart, ReferenceLine, XAxis, YAxis } from 'recharts';
import type { PointGoodput } from '../../core/analysis/goodput.ts';
import { formatNumber } from '../../core/format/numbers.ts';
import type { SeriesGoodput } from '../../store/selectors.ts';
import { selectGoodput, selectSlaRule } from '../../store/selectors.ts';
import { selectSeriesColors } from '../common/palette.ts';
import { useBackgroundAppStore } from '../common/useDeferredAppStore.ts';
import { ChartExportButtons } from '../export/ExportButtons.tsx';
import { ChartLegend, legendHeight } from './ChartLegend.tsx';
import type { LegendItem } from './ChartLegend.tsx';
import { useElementWidth } from './useElementWidth.ts';
import { AxisTick } from './AxisTick.tsx';
import type { GoodputLine } from './GoodputLines.tsx';
import { GoodputLines, GoodputTooltip, sameDot } from './GoodputLines.tsx';
import { useHoverChannel } from './hoverChannel.ts';
import { niceTicks, paddedDomain, roundTicksThatFit } from './scaleMath.ts';

/** The y axis' width: room for "100.0%" and the axis title. */
const Y_AXIS_PX = 70;

const MEASURES = {
  percent: { label: 'Good requests (%)', format: (v: number) => `${formatNumber(v, 1)}%` },
  requestsPerSecond: { label: 'Goodput (good req/s per instance)', format: (v: number) => formatNumber(v) },
} as const;
type Measure = keyof typeof MEASURES;

/** "75.5% good (40 of 53), 3.2 good req/s", or why goodput is not known. */
function goodputText(g: PointGoodput): string {
  if (!g.known) return g.reason;
  const perSecond = g.requestsPerSecond === undefined ? '' : `, ${formatNumber(g.requestsPerSecond)} good req/s`;
  return `${formatNumber(g.percent, 1)}% good (${g.good} of ${g.total})${perSecond}`;
}

function valueOf(point: SeriesGoodput['points'][number], measure: Measure): number | null {
  const g = point.goodput;
  if (!g.known) return null;
  return measure === 'percent' ? g.percent : (g.requestsPerSecond ?? null);
}

/**
 * What the chart draws, read from the store a step behind (useBackgroundAppStore), and the chart itself memoised on
 * it: a change re-renders the chart only in React's background render, in slices, not in the task of the change.
 */
export function GoodputChart({ width }: { width?: number }) {
  const series = useBackgroundAppStore(selectGoodput);
  const rule = useBackgroundAppStore(selectSlaRule);
  const colors = useBackgroundAppStore(selectSeriesColors);
  return <GoodputChartView fixedWidth={width} series={series} rule={rule} colors={colors} />;
}

interface ViewProps {
  fixedWidth: number | undefined;
  series: SeriesGoodput[];
  rule: ReturnType<typeof selectSlaRule>;
  colors: ReadonlyMap<string, string>;
}

const GoodputChartView = memo(function GoodputChartView({ fixedWidth, series, rule, colors }: ViewProps) {
  const [containerRef, measuredWidth] = useElementWidth<HTMLDivElement>(fixedWidth ?? 800);
  const width = fixedWidth ?? measuredWidth;
  const panelRef = useRef<HTMLElement>(null);
  const id = useId();
  const [measure, setMeasure] = useState<Measure>('percent');
  const hover = useHoverChannel(sameDot);
  const lines = useMemo(
    (): GoodputLine[] =>
      series.map((s) => ({
        key: s.key,
        name: s.name,
        color: colors.get(s.key) ?? '#000',
        points: s.points.map((p) => ({
          load: p.load,
          loadLabel: p.loadLabel,
          value: valueOf(p, measure),
          text: goodputText(p.goodput),
        })),
      })),
    [series, measure, colors],
  );
  if (series.length === 0) return null;
  const legendItems: LegendItem[] = series.map((s) => ({
    label: s.name,
    color: colors.get(s.key) ?? '#000',
    kind: 'series',
  }));
  const top = legendHeight(legendItems, Math.max(200, width - 110)) + 16;
  const { label, format } = MEASURES[measure];
  const margin = { top, right: 24, bottom: 40, left: 24 };
  const loads = lines.flatMap((l) => l.points.map((p) => p.load));
  const xDomain = paddedDomain(loads, false);
  const xTicks = roundTicksThatFit(xDomain, false, width - Y_AXIS_PX - margin.left - margin.right, formatNumber);
  const values = lines.flatMap((l) => l.points.flatMap((p) => (p.value === null ? [] : [p.value])));
  const yTicks = measure === 'percent' ? [0, 20, 40, 60, 80, 100] : niceTicks(0, Math.max(0, ...values) * 1.04 || 1, 5);
  return (
    <section className="panel" aria-labelledby={`${id}-title`} ref={panelRef}>
      <div className="panel__head">
        <h2 id={`${id}-title`}>Goodput against your SLA</h2>
        <ChartExportButtons chartRef={panelRef} title={`${label} vs load`} fileName="llm-tco-goodput" />
      </div>
      <div className="chart-controls">
        <div className="field">
          <label htmlFor={`${id}-m`}>Show</label>
          <select id={`${id}-m`} value={measure} onChange={(e) => setMeasure(e.target.value as Measure)}>
            {Object.entries(MEASURES).map(([key, m]) => (
              <option key={key} value={key}>
                {m.label}
              </option>
            ))}
          </select>
        </div>
        <p className="panel__hint">
          A request is good when it completed and its own TTFT, ITL, E2E… each meet every constraint; failed requests
          count as not good. From the per-request files only.
        </p>
      </div>
      <div ref={containerRef} className="chart" data-testid="goodput-chart">
        <LineChart width={width} height={260 + top} margin={margin}>
          <CartesianGrid stroke="#e6e6e6" />
          <XAxis
            type="number"
            dataKey="load"
            domain={xDomain}
            allowDataOverflow
            ticks={xTicks}
            interval={0}
            tick={AxisTick}
            tickFormatter={(v: number) => formatNumber(v)}
            label={{
              value: 'Load level (concurrency or req/s)',
              position: 'insideBottom',
              offset: -26,
              fill: '#222',
              fontSize: 13,
            }}
          />
          <YAxis
            type="number"
            domain={[0, yTicks[yTicks.length - 1] ?? 1]}
            allowDataOverflow
            ticks={yTicks}
            interval={0}
            tick={AxisTick}
            tickFormatter={(v: number) => format(v)}
            width={Y_AXIS_PX}
            label={{
              value: label,
              angle: -90,
              position: 'insideLeft',
              offset: -10,
              fill: '#222',
              fontSize: 13,
              style: { textAnchor: 'middle' },
            }}
          />
          {measure === 'percent' && rule.kind === 'goodput' ? (
            <ReferenceLine
              y={rule.minPercent}
              stroke="#b71c1c"
              strokeDasharray="6 4"
              label={{
                value: `needed: ${formatNumber(rule.minPercent)}%`,
                fill: '#b71c1c',
                fontSize: 12,
                position: 'insideTopRight',
              }}
            />
          ) : null}
          <GoodputLines lines={lines} hover={hover} />
          <ChartLegend items={legendItems} top={8} />
        </LineChart>
        <GoodputTooltip hover={hover} chartWidth={width} chartHeight={260 + top} />
      </div>
      <GoodputFigures series={series} />
    </section>
  );
});

/** The same figures as text: a table per load level (screen readers, tests, and exact values). */
function GoodputFigures({ series }: { series: SeriesGoodput[] }) {
  return (
    <details className="goodput-figures">
      <summary>Goodput figures</summary>
      <table data-testid="goodput-figures">
        <thead>
          <tr>
            <th scope="col">Configuration</th>
            <th scope="col">Load</th>
            <th scope="col">Good requests</th>
            <th scope="col">Goodput (req/s)</th>
          </tr>
        </thead>
        <tbody>
          {series.flatMap((s) =>
            s.points.map((p) => (
              <tr key={p.pointId}>
                <td>{s.name}</td>
                <td>{p.loadLabel}</td>
                <td>
                  {p.goodput.known
                    ? `${formatNumber(p.goodput.percent, 1)}% (${p.goodput.good} of ${p.goodput.total})`
                    : p.goodput.reason}
                </td>
                <td>{p.goodput.known ? formatNumber(p.goodput.requestsPerSecond) : '—'}</td>
              </tr>
            )),
          )}
        </tbody>
      </table>
    </details>
  );
}
