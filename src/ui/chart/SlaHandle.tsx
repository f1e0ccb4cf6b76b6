/**
 * A draggable SLA line on the x axis, drawn inside the chart's SVG with the region it rules out shaded.
 * Mouse, touch and pen through pointer events with capture, snapping to round values (hold Alt to drag freely);
 * keyboard as a WAI-ARIA slider (arrows step, Shift or PageUp/PageDown ×10, Home/End). While dragging, the
 * bound is previewed in the store once per animation frame (so the table follows live) and committed on release
 * as one change. Its label sits above the plot area, where no load label or ring can be.
 *
 * It is drawn into the chart's overlay (an <svg> of the same size laid over the chart's, on its own compositor
 * layer): moving the line then repaints only the overlay, not the 1,000 dots and curves under it, which keeps a drag
 * within the frame budget. Being on top, dots and load labels never take the pointer from it.
 */
import type { KeyboardEvent, PointerEvent } from 'react';
import { useEffect, useRef } from 'react';
import { createPortal } from 'react-dom';
import { usePlotArea, useXAxisInverseScale, useXAxisScale } from 'recharts';
import { SLA_METRIC_INFO } from '../../core/analysis/metrics.ts';
import { formatNumber } from '../../core/format/numbers.ts';
import type { SlaConstraint } from '../../core/model/scenario.ts';
import { selectEffectiveSla } from '../../store/selectors.ts';
import type { Stat } from '../../core/model/benchmark.ts';
import { useAppStore, useAppStoreApi } from '../../store/StoreProvider.tsx';
import { clamp, niceStep, roundForDisplay, snapBound } from './scaleMath.ts';

const DRAG_HELP = 'Drag to move the limit: it snaps to round values; hold Alt to move it freely. Arrow keys step it.';

/** Height of the row above the plot area that holds the SLA line's label (the chart reserves it). */
export const SLA_LABEL_ROW = 20;

function stopPropagation(event: { stopPropagation(): void }) {
  event.stopPropagation();
}

interface Props {
  index: number;
  /** The committed constraint; while dragging, the bound shown is the store's preview. */
  constraint: SlaConstraint;
  /** The x axis domain: the handle stays inside it. */
  domain: [number, number];
  /** A log x axis: keyboard steps are then a fixed ratio (50 per decade) instead of a fixed amount. */
  log: boolean;
  /** The statistic the axis shows; when the constraint bounds another one, the label says so. */
  axisStat?: Stat;
  /** Its layer in the overlay <svg> laid over the chart's, in the same coordinates (null until it is mounted). */
  overlay: SVGGElement | null;
}

/** The lowest limit the keyboard reaches (Home): the axis minimum, or one step above zero on a linear axis. */
export function lowestBound(domain: [number, number], log: boolean): number {
  const [min, max] = domain;
  return roundForDisplay(log ? min : Math.max(min, niceStep(max - min)));
}

/** One keyboard step from `bound`, up or down, `times` over; never below what Home gives. */
export function stepBound(
  bound: number,
  direction: 1 | -1,
  times: number,
  domain: [number, number],
  log: boolean,
): number {
  const [, max] = domain;
  const floor = lowestBound(domain, log);
  let next: number;
  if (log) next = roundForDisplay(bound * 10 ** ((direction * times) / 50));
  else next = Number((bound + direction * times * niceStep(max - domain[0])).toPrecision(12));
  // Stay between Home and End, unless the bound already lies outside (then a step only moves it inwards).
  if (direction > 0) return bound >= max ? bound : Math.min(next, roundForDisplay(max));
  return bound <= floor ? bound : Math.max(next, floor);
}

export function SlaHandle({ index, constraint, domain, log, axisStat = constraint.stat, overlay }: Props) {
  const scale = useXAxisScale();
  const invert = useXAxisInverseScale();
  const area = usePlotArea();
  const store = useAppStoreApi();
  // The bound in force: the store's preview while dragging (one source of truth), else the committed one.
  const value = useAppStore((s) => selectEffectiveSla(s)[index]?.bound) ?? constraint.bound;
  const frame = useRef(0);
  const latest = useRef<number | null>(null);
  const dragging = useRef(false);

  useEffect(() => () => cancelAnimationFrame(frame.current), []);

  if (!scale || !invert || !area || !overlay) return null;
  const [min, max] = domain;
  const px = scale(clamp(value, min, max));
  if (px === undefined || !Number.isFinite(px)) return null;
  // A limit beyond the measured range sits at the axis edge, marked as off the chart.
  const offChart = value > max ? '→' : value < min ? '←' : '';
  const info = SLA_METRIC_INFO[constraint.metric];
  const label = `${info.label} ${constraint.stat} limit`;

  const cancelFrame = () => {
    cancelAnimationFrame(frame.current);
    frame.current = 0;
    latest.current = null;
  };
  const preview = (v: number) => {
    latest.current = v;
    if (frame.current === 0) {
      frame.current = requestAnimationFrame(() => {
        frame.current = 0;
        if (latest.current !== null) store.getState().previewSla(index, latest.current);
      });
    }
  };
  const commit = (v: number, coalesce: boolean) => {
    cancelFrame();
    store.getState().setSla(index, { ...constraint, bound: v }, { coalesce });
  };
  // recharts' tooltip (shown while hovering before the drag) would otherwise stay over the curves.
  const markDragging = (element: Element, on: boolean) =>
    element.closest('.chart')?.classList.toggle('chart--dragging', on);
  const abandon = (event: PointerEvent<SVGElement>) => {
    markDragging(event.currentTarget, false);
    if (!dragging.current) return;
    dragging.current = false;
    cancelFrame();
    store.getState().cancelSlaPreview();
  };
  const valueAt = (event: PointerEvent<SVGElement>) => {
    const svg = event.currentTarget.ownerSVGElement;
    const matrix = svg?.getScreenCTM();
    if (!svg || !matrix) return value;
    const x = new DOMPoint(event.clientX, event.clientY).matrixTransform(matrix.inverse()).x;
    const data = Number(invert(clamp(x, area.x, area.x + area.width)));
    // A limit is positive: at the axis' zero end the smallest keyboard step is the floor.
    const floor = Math.max(min, log ? min : niceStep(max - min));
    const free = clamp(data, floor, max);
    return event.altKey ? roundForDisplay(free) : snapBound(free, domain, log, roundForDisplay(floor));
  };
  const onKeyDown = (event: KeyboardEvent<SVGElement>) => {
    const times = event.shiftKey ? 10 : 1;
    const moves: Record<string, [1 | -1, number]> = {
      ArrowRight: [1, times],
      ArrowUp: [1, times],
      ArrowLeft: [-1, times],
      ArrowDown: [-1, times],
      PageUp: [1, 10],
      PageDown: [-1, 10],
    };
    let next: number | undefined;
    if (event.key === 'Home') next = lowestBound(domain, log);
    else if (event.key === 'End') next = roundForDisplay(max);
    else {
      const move = moves[event.key];
      if (move) next = stepBound(constraint.bound, move[0], move[1], domain, log);
    }
    if (next === undefined) return;
    // Keep recharts' own keyboard handling (tooltip navigation) out of it.
    event.preventDefault();
    event.stopPropagation();
    // Key presses on one line within a second are one undo step, like typing a number.
    commit(next, true);
  };

  const upper = info.direction === 'upper';
  const shadeX = upper ? px : area.x;
  const shadeWidth = upper ? area.x + area.width - px : px - area.x;
  const otherStat = constraint.stat !== axisStat ? ` (bounds ${constraint.stat}; the axis shows ${axisStat})` : '';
  const offChartText = offChart ? ` (off the chart ${offChart})` : '';
  const limitText = `${upper ? '≤' : '≥'} ${formatNumber(value)} ${info.unit}`;
  const text = `${info.label} ${constraint.stat} ${limitText}${offChartText}${otherStat}`;
  // Above the plot, beside the line on the side with more room (about 6.6 px a character at 12 px).
  const roomRight = area.x + area.width - px;
  const labelOnRight = roomRight > text.length * 6.6 + 8 || roomRight > px - area.x;
  return createPortal(
    <g className="sla-handle" data-sla-index={index}>
      <rect
        className="sla-infeasible"
        x={shadeX}
        y={area.y}
        width={Math.max(0, shadeWidth)}
        height={area.height}
        fill="#b71c1c"
        fillOpacity={0.07}
        pointerEvents="none"
      />
      <line
        className="sla-line"
        x1={px}
        x2={px}
        y1={area.y}
        y2={area.y + area.height}
        stroke="#b71c1c"
        strokeWidth={2}
        strokeDasharray="6 4"
        pointerEvents="none"
      />
      <line
        x1={px}
        x2={px}
        y1={area.y - SLA_LABEL_ROW + 2}
        y2={area.y}
        stroke="#b71c1c"
        strokeWidth={2}
        pointerEvents="none"
      />
      <text
        className="sla-label"
        x={labelOnRight ? px + 6 : px - 6}
        y={area.y - 6}
        textAnchor={labelOnRight ? 'start' : 'end'}
        fill="#b71c1c"
        fontSize={12}
        fontWeight={600}
      >
        {text}
      </text>
      <rect
        data-export="skip"
        className="sla-hit"
        x={px - 8}
        y={area.y}
        width={16}
        height={area.height}
        fill="transparent"
        style={{ cursor: 'ew-resize', touchAction: 'none', pointerEvents: 'all' }}
        role="slider"
        tabIndex={0}
        aria-label={label}
        aria-description={DRAG_HELP}
        aria-orientation="horizontal"
        aria-valuemin={Math.min(min, value)}
        aria-valuemax={Math.max(max, value)}
        aria-valuenow={value}
        aria-valuetext={`${formatNumber(value)} ${info.unit}`}
        onPointerDown={(e) => {
          e.currentTarget.setPointerCapture(e.pointerId);
          e.stopPropagation();
          dragging.current = true;
          markDragging(e.currentTarget, true);
          preview(valueAt(e));
        }}
        onPointerMove={(e) => {
          if (dragging.current && e.currentTarget.hasPointerCapture(e.pointerId)) preview(valueAt(e));
        }}
        onPointerUp={(e) => {
          if (!dragging.current) return;
          dragging.current = false;
          markDragging(e.currentTarget, false);
          const v = valueAt(e);
          if (v === constraint.bound) {
            // A click that did not move the line is not an edit.
            cancelFrame();
            store.getState().cancelSlaPreview();
          } else commit(v, false); // one drag, one undo step
        }}
        onPointerCancel={abandon}
        onLostPointerCapture={abandon}
        onKeyDown={onKeyDown}
        // recharts tracks the mouse on its wrapper (tooltip, active dot): each event it sees re-runs selectors for
        // every dot. Over the handle the pointer belongs to the handle, so mouse events stop here.
        onMouseMove={stopPropagation}
        onMouseDown={stopPropagation}
        onMouseUp={stopPropagation}
        onTouchMove={stopPropagation}
      />
    </g>,
    overlay,
  );
}
