/**
 * A draggable SLA line on the x axis, drawn inside the chart's SVG with the region it rules out shaded.
 * Mouse, touch and pen through pointer events with capture; keyboard as a WAI-ARIA slider (arrows step,
 * Shift or PageUp/PageDown ×10, Home/End). While dragging, the bound is previewed in the store once per
 * animation frame (so the table follows live) and committed on release as one change. It sits above every
 * recharts layer (labels are at z-index 2000), so dots and load labels never take the pointer from it.
 */
import type { KeyboardEvent, PointerEvent } from 'react';
import { useEffect, useRef, useState } from 'react';
import { usePlotArea, useXAxisInverseScale, useXAxisScale, ZIndexLayer } from 'recharts';
import { SLA_METRIC_INFO } from '../../core/analysis/metrics.ts';
import { formatNumber } from '../../core/format/numbers.ts';
import type { SlaConstraint } from '../../core/model/scenario.ts';
import { useAppStoreApi } from '../../store/StoreProvider.tsx';
import { clamp, niceStep, roundForDisplay } from './scaleMath.ts';

function stopPropagation(event: { stopPropagation(): void }) {
  event.stopPropagation();
}

interface Props {
  index: number;
  constraint: SlaConstraint;
  /** The x axis domain: the handle stays inside it. */
  domain: [number, number];
}

export function SlaHandle({ index, constraint, domain }: Props) {
  const scale = useXAxisScale();
  const invert = useXAxisInverseScale();
  const area = usePlotArea();
  const store = useAppStoreApi();
  const [draft, setDraft] = useState<number | null>(null);
  const frame = useRef(0);
  const latest = useRef<number | null>(null);

  useEffect(() => () => cancelAnimationFrame(frame.current), []);

  if (!scale || !invert || !area) return null;
  const [min, max] = domain;
  const value = draft ?? constraint.bound;
  const px = scale(clamp(value, min, max));
  if (px === undefined || !Number.isFinite(px)) return null;
  const info = SLA_METRIC_INFO[constraint.metric];
  const label = `${info.label} ${constraint.stat} limit`;
  const step = niceStep(max - min);

  const preview = (v: number) => {
    latest.current = v;
    if (frame.current === 0) {
      frame.current = requestAnimationFrame(() => {
        frame.current = 0;
        if (latest.current !== null) store.getState().previewSla(index, latest.current);
      });
    }
  };
  const commit = (v: number) => {
    cancelAnimationFrame(frame.current);
    frame.current = 0;
    latest.current = null;
    setDraft(null);
    store.getState().setSla(index, { ...constraint, bound: v });
  };
  const valueAt = (event: PointerEvent<SVGElement>) => {
    const svg = event.currentTarget.ownerSVGElement;
    const matrix = svg?.getScreenCTM();
    if (!svg || !matrix) return value;
    const x = new DOMPoint(event.clientX, event.clientY).matrixTransform(matrix.inverse()).x;
    const data = Number(invert(clamp(x, area.x, area.x + area.width)));
    return roundForDisplay(clamp(data, min, max));
  };
  const onKeyDown = (event: KeyboardEvent<SVGElement>) => {
    const big = event.shiftKey ? 10 : 1;
    const deltas: Record<string, number> = { ArrowRight: step * big, ArrowUp: step * big, ArrowLeft: -step * big, ArrowDown: -step * big, PageUp: step * 10, PageDown: -step * 10 };
    let next: number | undefined;
    if (event.key === 'Home') next = min;
    else if (event.key === 'End') next = max;
    else if (deltas[event.key] !== undefined) next = constraint.bound + (deltas[event.key] ?? 0);
    if (next === undefined) return;
    // Keep recharts' own keyboard handling (tooltip navigation) out of it.
    event.preventDefault();
    event.stopPropagation();
    // A bound must stay positive: the lowest is one step (or the axis minimum, if higher).
    const bounded = clamp(next, Math.max(min, step), max);
    commit(Number(bounded.toPrecision(12)));
  };

  const upper = info.direction === 'upper';
  const shadeX = upper ? px : area.x;
  const shadeWidth = upper ? area.x + area.width - px : px - area.x;
  // The label sits in the shaded (ruled-out) side unless that side is too narrow for it.
  const labelOnRight = upper ? area.x + area.width - px > 170 : px - area.x < 170;
  const text = `${info.label} ${constraint.stat} ${upper ? '≤' : '≥'} ${formatNumber(value)} ${info.unit}`;
  return (
    <ZIndexLayer zIndex={2500}>
      <g className="sla-handle" data-sla-index={index}>
        <rect className="sla-infeasible" x={shadeX} y={area.y} width={Math.max(0, shadeWidth)} height={area.height} fill="#b71c1c" fillOpacity={0.07} pointerEvents="none" />
        <line className="sla-line" x1={px} x2={px} y1={area.y} y2={area.y + area.height} stroke="#b71c1c" strokeWidth={2} strokeDasharray="6 4" pointerEvents="none" />
        <text className="sla-label" x={labelOnRight ? px + 6 : px - 6} y={area.y + 14} textAnchor={labelOnRight ? 'start' : 'end'} fill="#b71c1c" fontSize={12} fontWeight={600}>
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
          style={{ cursor: 'ew-resize', touchAction: 'none' }}
          role="slider"
          tabIndex={0}
          aria-label={label}
          aria-orientation="horizontal"
          aria-valuemin={min}
          aria-valuemax={max}
          aria-valuenow={value}
          aria-valuetext={`${formatNumber(value)} ${info.unit}`}
          onPointerDown={(e) => {
            e.currentTarget.setPointerCapture(e.pointerId);
            e.stopPropagation();
            const v = valueAt(e);
            setDraft(v);
            preview(v);
          }}
          onPointerMove={(e) => {
            if (!e.currentTarget.hasPointerCapture(e.pointerId)) return;
            const v = valueAt(e);
            setDraft(v);
            preview(v);
          }}
          onPointerUp={(e) => {
            if (draft !== null) commit(valueAt(e));
          }}
          onPointerCancel={() => {
            setDraft(null);
            store.getState().cancelSlaPreview();
          }}
          onKeyDown={onKeyDown}
          // recharts tracks the mouse on its wrapper (tooltip, active dot): each event it sees re-runs selectors for
          // every dot. Over the handle the pointer belongs to the handle, so mouse events stop here.
          onMouseMove={stopPropagation}
          onMouseDown={stopPropagation}
          onMouseUp={stopPropagation}
          onTouchMove={stopPropagation}
        />
      </g>
    </ZIndexLayer>
  );
}
