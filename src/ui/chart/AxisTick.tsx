/**
 * An axis tick label as plain SVG text. Recharts' own label (<Text>) is handed the axis width and measures
 * every word of every label in the DOM to wrap it, which forces a layout of the whole page each time a tick
 * takes a value it has not measured before (most of a load's re-render with many series). Tick labels here are
 * short numbers, laid out by the charts so they do not collide (scaleMath.ts spacedTicks).
 */
import type { XAxisTickContentProps } from 'recharts';

/** The parts of recharts' tick props read here (the same for both axes). */
type TickProps = Pick<
  XAxisTickContentProps,
  'x' | 'y' | 'index' | 'payload' | 'textAnchor' | 'verticalAnchor' | 'fill' | 'tickFormatter'
>;

/** Offsets that put the text's cap height where recharts' <Text> would for each vertical anchor. */
const DY = { start: '0.71em', middle: '0.355em', end: '0' } as const;

export function AxisTick({ x, y, index, payload, textAnchor, verticalAnchor, fill, tickFormatter }: TickProps) {
  const text = tickFormatter ? tickFormatter(payload.value, index) : String(payload.value);
  return (
    <text
      x={x}
      y={y}
      dy={DY[verticalAnchor]}
      textAnchor={textAnchor}
      fill={fill}
      className="recharts-cartesian-axis-tick-value"
    >
      {text}
    </text>
  );
}
