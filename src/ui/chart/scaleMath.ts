/** Pure helpers for the chart's axes and the SLA handle's keyboard steps. */

/** A 1-2-5 step near range/100: the arrow-key step of an SLA handle. */
export function niceStep(range: number): number {
  if (!(range > 0) || !Number.isFinite(range)) return 1;
  const raw = range / 100;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const normalised = raw / magnitude;
  return (normalised < 1.5 ? 1 : normalised < 3.5 ? 2 : normalised < 7.5 ? 5 : 10) * magnitude;
}

/** Rounds a dragged value to a precision that reads well: 3 significant digits, at least 0.01. */
export function roundForDisplay(value: number): number {
  if (!(value > 0)) return value;
  const digits = Math.max(0, 2 - Math.floor(Math.log10(value)));
  const factor = 10 ** Math.min(digits, 2);
  return Math.round(value * factor) / factor;
}

/**
 * Axis domain covering the values with some air, ending on round numbers so the last tick reads well
 * (0–2,400 rather than 0–2,263); log scales pad multiplicatively and stay positive.
 */
export function paddedDomain(values: readonly number[], log: boolean): [number, number] {
  const finite = values.filter((v) => Number.isFinite(v) && (!log || v > 0));
  if (finite.length === 0) return log ? [1, 1000] : [0, 1];
  const min = Math.min(...finite);
  const max = Math.max(...finite);
  if (log) return [min / 1.25, max * 1.25];
  const span = max - min || Math.abs(max) || 1;
  const step = niceStep(span) * 10;
  const low = Math.max(0, Math.floor((min - span * 0.03) / step) * step);
  const high = Math.ceil((max + span * 0.03) / step) * step;
  return [Number(low.toPrecision(12)), Number(high.toPrecision(12))];
}

/** Keeps a value inside [min, max]. */
export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** Ticks at 1, 2 and 5 × 10^k inside [min, max], for log axes (recharts otherwise picks awkward values). */
export function logTicks(min: number, max: number): number[] {
  if (!(min > 0) || !(max > min)) return [];
  const ticks: number[] = [];
  for (let exponent = Math.floor(Math.log10(min)); exponent <= Math.ceil(Math.log10(max)); exponent++) {
    for (const mantissa of [1, 2, 5]) {
      const tick = Number((mantissa * 10 ** exponent).toPrecision(12));
      if (tick >= min && tick <= max) ticks.push(tick);
    }
  }
  return ticks;
}

/**
 * The ticks whose labels fit side by side on an axis `lengthPx` long over `domain` (log or linear), at least
 * `gapPx` apart: the first always, then each one clear of the last kept, and the last tick instead of the one
 * before it when those two collide. Thinned here so the chart library need not measure label text in the DOM
 * (which forces a layout of the whole page).
 */
export function spacedTicks(
  ticks: readonly number[],
  domain: readonly [number, number],
  log: boolean,
  lengthPx: number,
  labelPx: (tick: number) => number,
  gapPx = 16,
): number[] {
  const [min, max] = log ? [Math.log10(domain[0]), Math.log10(domain[1])] : domain;
  const at = (tick: number) => (((log ? Math.log10(tick) : tick) - min) / (max - min || 1)) * lengthPx;
  const apart = (a: number, b: number) => Math.abs(at(a) - at(b)) >= (labelPx(a) + labelPx(b)) / 2 + gapPx;
  const kept: number[] = [];
  for (const tick of ticks) {
    const previous = kept[kept.length - 1];
    if (previous === undefined || apart(previous, tick)) kept.push(tick);
  }
  const last = ticks[ticks.length - 1];
  if (last !== undefined && kept[kept.length - 1] !== last && kept.length > 1) {
    const beforeLast = kept[kept.length - 2];
    if (beforeLast === undefined || apart(beforeLast, last)) kept[kept.length - 1] = last;
  }
  return kept;
}

/** Approximate width of a tick label character at 12 px. */
export const TICK_CHAR_PX = 7;

/** The width of a y axis whose tick labels are `labels`: the longest label, the tick marks, the axis title. */
export function yAxisWidthPx(labels: readonly string[]): number {
  return Math.max(...labels.map((label) => label.length)) * TICK_CHAR_PX + 14 + 24;
}

/**
 * Round ticks inside `domain` (1, 2 and 5 × 10^k on a log axis, about six 1-2-5 steps on a linear one), thinned to
 * the labels (`format`) that fit side by side on an axis `lengthPx` long (spacedTicks).
 */
export function roundTicksThatFit(
  domain: readonly [number, number],
  log: boolean,
  lengthPx: number,
  format: (tick: number) => string,
): number[] {
  const [min, max] = domain;
  const candidates = log ? logTicks(min, max) : niceTicks(min, max, 6).filter((t) => t >= min && t <= max);
  return spacedTicks(candidates, domain, log, lengthPx, (t) => format(t).length * TICK_CHAR_PX);
}

/** The 1-2-5 × 10^k step nearest above `raw`. */
export function niceStepAtLeast(raw: number): number {
  if (!(raw > 0) || !Number.isFinite(raw)) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const normalised = raw / magnitude;
  return (normalised <= 1 ? 1 : normalised <= 2 ? 2 : normalised <= 5 ? 5 : 10) * magnitude;
}

/**
 * Ticks at round steps (1, 2 or 5 × 10^k) covering [min, max] with about `target` intervals; the first and last
 * tick are multiples of the step at or beyond the ends.
 */
export function niceTicks(min: number, max: number, target = 5): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max) || max < min) return [];
  if (max === min) return [min];
  const step = niceStepAtLeast((max - min) / target);
  const first = Math.floor(min / step + 1e-9) * step;
  const ticks: number[] = [];
  for (let v = first; v <= max + step * (1 - 1e-9); v += step) ticks.push(Number(v.toPrecision(12)));
  return ticks;
}

/**
 * A dragged bound snapped to a round value: on a linear axis to a 1-2-5 step near 1/50 of the axis span, on a
 * log axis to a step near 1/20 of the value itself (5 % resolution at any magnitude). Never below `floor`.
 */
export function snapBound(value: number, domain: [number, number], log: boolean, floor: number): number {
  const step = log ? niceStep(value * 5) : niceStep((domain[1] - domain[0]) * 2);
  const snapped = Number((Math.round(value / step) * step).toPrecision(12));
  return Math.max(floor, snapped);
}
