/**
 * "What does relaxing the SLA save?" (docs/method.md §Sensitivity): cost per 1M tokens, servers or yearly cost of each
 * configuration as the bound of one constraint sweeps the measured range. Gaps are bounds a configuration
 * cannot meet. A marker follows the bound in force, live while the SLA line is dragged.
 */
import { memo, useId, useMemo, useRef, useState } from 'react';
import { CartesianGrid, LineChart, usePlotArea, useXAxisScale, XAxis, YAxis, ZIndexLayer } from 'recharts';
import { SLA_METRIC_INFO } from '../../core/analysis/metrics.ts';
import { describeConstraint } from '../../core/analysis/feasibility.ts';
import { formatMoney, formatNumber, moneyTickFormatter } from '../../core/format/numbers.ts';
import type { SensitivityCurve } from '../../core/sensitivity/sensitivity.ts';
import { isLogSweep } from '../../core/sensitivity/sensitivity.ts';
import { selectEffectiveSla, selectSensitivity } from '../../store/selectors.ts';
import type { SlaConstraint } from '../../core/model/scenario.ts';
import { useAppStore } from '../../store/StoreProvider.tsx';
import { useBackgroundAppStore, useBackgroundSelector } from '../common/useDeferredAppStore.ts';
import { selectSeriesColors } from '../common/palette.ts';
import { ChartExportButtons } from '../export/ExportButtons.tsx';
import { ChartLegend, legendHeight } from './ChartLegend.tsx';
import type { LegendItem } from './ChartLegend.tsx';
import { niceTicks, roundTicksThatFit, yAxisWidthPx } from './scaleMath.ts';
import { sameBound, SweepCurves, SweepTooltip } from './SweepCurves.tsx';
import type { SweepCurve } from './SweepCurves.tsx';
import { useHoverChannel } from './hoverChannel.ts';
import { useElementWidth } from './useElementWidth.ts';
import { AxisTick } from './AxisTick.tsx';

const MEASURES = {
  costPer1MTokensUsd: { label: 'Cost per 1M tokens', money: true },
  servers: { label: 'Servers', money: false },
  fleetYearUsd: { label: 'Cost per year', money: true },
} as const satisfies Record<string, { label: string; money: boolean }>;
type Measure = keyof typeof MEASURES & keyof SensitivityCurve;

/**
 * What the chart draws, read from the store a step behind (useBackgroundAppStore), and the chart itself memoised on
 * it: a change re-renders the chart only in React's background render, in slices, not in the task of the change.
 */
export function SensitivityChart({ width }: { width?: number }) {
  const data = useBackgroundSelector(selectSensitivity);
  // The committed SLA: while a line is dragged only the marker (its own subscriber) moves.
  const sla = useBackgroundAppStore((s) => s.settings.sla);
  const currency = useBackgroundAppStore((s) => s.settings.currency);
  const colors = useBackgroundAppStore(selectSeriesColors);
  return <SensitivityChartView fixedWidth={width} data={data} sla={sla} currency={currency} colors={colors} />;
}

interface ViewProps {
  fixedWidth: number | undefined;
  data: ReturnType<typeof selectSensitivity>;
  sla: readonly SlaConstraint[];
  currency: string;
  colors: ReadonlyMap<string, string>;
}

const SensitivityChartView = memo(function SensitivityChartView({
  fixedWidth,
  data,
  sla,
  currency,
  colors,
}: ViewProps) {
  const [containerRef, measuredWidth] = useElementWidth<HTMLDivElement>(fixedWidth ?? 800);
  const width = fixedWidth ?? measuredWidth;
  const panelRef = useRef<HTMLElement>(null);
  const id = useId();
  const [measure, setMeasure] = useState<Measure>('costPer1MTokensUsd');
  const constraint = sla[data.constraintIndex];

  const hover = useHoverChannel(sameBound);
  const curves = useMemo(
    (): SweepCurve[] =>
      data.curves.map((c) => ({
        key: c.seriesKey,
        name: c.seriesName,
        color: colors.get(c.seriesKey) ?? '#000',
        values: c[measure],
      })),
    [data.curves, colors, measure],
  );
  const legendItems: LegendItem[] = data.curves.map((c) => ({
    label: c.seriesName,
    color: colors.get(c.seriesKey) ?? '#000',
    kind: 'series',
  }));
  const top = legendHeight(legendItems, Math.max(200, width - 110)) + 16;

  if (!constraint || data.bounds.length < 2) return null;
  const info = SLA_METRIC_INFO[constraint.metric];
  const { money } = MEASURES[measure];
  const format = (v: number) => (money ? formatMoney(v, currency) : formatNumber(v, 0));
  const values = data.curves.flatMap((c) => c[measure].filter((v): v is number => v !== null));
  const yTicks = niceTicks(0, Math.max(0, ...values) * 1.04 || 1, 5);
  const tick = money ? moneyTickFormatter(yTicks, currency) : (v: number) => formatNumber(v);
  const yWidth = yAxisWidthPx(yTicks.map((t) => tick(t)));
  const first = data.bounds[0]!;
  const last = data.bounds[data.bounds.length - 1]!;
  const measureLabel = money ? `${MEASURES[measure].label} (${currency})` : MEASURES[measure].label;
  // The axis is log where the sweep is log-spaced (sensitivityBounds).
  const logScale = isLogSweep(first, last);
  const margin = { top, right: 24, bottom: 40, left: 8 };
  const xTicks = roundTicksThatFit([first, last], logScale, width - yWidth - margin.left - margin.right, formatNumber);
  const boundLabel = (bound: number) => `${info.label} ${constraint.stat} limit ${formatNumber(bound)} ${info.unit}`;
  return (
    <section className="panel" aria-labelledby={`${id}-title`} ref={panelRef}>
      <div className="panel__head">
        <h2 id={`${id}-title`}>What relaxing the SLA saves</h2>
        <ChartExportButtons
          chartRef={panelRef}
          title={`${measureLabel} vs ${info.label} ${constraint.stat} limit`}
          fileName="llm-tco-sensitivity"
        />
      </div>
      <div className="chart-controls">
        <div className="field">
          <label htmlFor={`${id}-m`}>Show</label>
          <select id={`${id}-m`} value={measure} onChange={(e) => setMeasure(e.target.value as Measure)}>
            {Object.entries(MEASURES).map(([key, m]) => (
              <option key={key} value={key}>
                {m.money ? `${m.label} (${currency})` : m.label}
              </option>
            ))}
          </select>
        </div>
        <p className="panel__hint">
          As the limit <strong>{describeConstraint(constraint)}</strong> sweeps the measured range; the other
          constraints stay as set. A gap means the configuration cannot meet the limit there.
        </p>
      </div>
      {values.length === 0 ? (
        <p className="chart__note">
          No configuration can be sized at any limit in the measured range (the other constraints, or a peak of zero,
          rule every point out).
        </p>
      ) : null}
      <div ref={containerRef} className="chart" data-testid="sensitivity-chart">
        <LineChart width={width} height={300 + top} margin={margin}>
          <CartesianGrid stroke="#e6e6e6" />
          <XAxis
            type="number"
            dataKey="bound"
            domain={[first, last]}
            allowDataOverflow
            scale={logScale ? 'log' : 'linear'}
            ticks={xTicks}
            interval={0}
            tick={AxisTick}
            tickFormatter={(v: number) => formatNumber(v)}
            label={{
              value: `${info.label} ${constraint.stat} limit (${info.unit})`,
              position: 'insideBottom',
              offset: -26,
              fill: '#222',
              fontSize: 13,
            }}
          />
          <YAxis
            domain={[0, yTicks[yTicks.length - 1] ?? 1]}
            allowDataOverflow
            ticks={yTicks}
            interval={0}
            tick={AxisTick}
            tickFormatter={(v: number) => tick(v)}
            width={yWidth}
            label={{
              value: measureLabel,
              angle: -90,
              position: 'insideLeft',
              offset: 4,
              fill: '#222',
              fontSize: 13,
              style: { textAnchor: 'middle' },
            }}
          />
          <SweepCurves bounds={data.bounds} curves={curves} hover={hover} />
          <BoundMarker index={data.constraintIndex} unit={info.unit} />
          <ChartLegend items={legendItems} top={8} />
        </LineChart>
        <SweepTooltip
          hover={hover}
          bounds={data.bounds}
          curves={curves}
          boundLabel={boundLabel}
          format={format}
          chartWidth={width}
          top={top}
        />
      </div>
    </section>
  );
});

/** The bound in force, drawn through the x scale and subscribed on its own, so a drag re-renders only it. */
function BoundMarker({ index, unit }: { index: number; unit: string }) {
  const bound = useAppStore((s) => selectEffectiveSla(s)[index]?.bound);
  const scale = useXAxisScale();
  const area = usePlotArea();
  if (bound === undefined || !scale || !area) return null;
  const raw = scale(bound);
  if (raw === undefined || !Number.isFinite(raw)) return null;
  // A limit outside the swept range sits at the edge, marked, as on the main chart.
  const x = Math.min(area.x + area.width, Math.max(area.x, raw));
  const off = raw > area.x + area.width ? ' (off the chart →)' : raw < area.x ? ' (← off the chart)' : '';
  const right = area.x + area.width - x > 160;
  return (
    <ZIndexLayer zIndex={1500}>
      <g className="sensitivity-marker" pointerEvents="none">
        <line
          x1={x}
          x2={x}
          y1={area.y}
          y2={area.y + area.height}
          stroke="#b71c1c"
          strokeWidth={2}
          strokeDasharray="6 4"
        />
        <text
          x={right ? x + 6 : x - 6}
          y={area.y + 14}
          textAnchor={right ? 'start' : 'end'}
          fill="#b71c1c"
          fontSize={12}
          fontWeight={600}
        >
          now: {formatNumber(bound)} {unit}
          {off}
        </text>
      </g>
    </ZIndexLayer>
  );
}
