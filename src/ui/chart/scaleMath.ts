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

/** Axis domain covering the values with some air; log scales pad multiplicatively and stay positive. */
export function paddedDomain(values: readonly number[], log: boolean): [number, number] {
  const finite = values.filter((v) => Number.isFinite(v) && (!log || v > 0));
  if (finite.length === 0) return log ? [1, 1000] : [0, 1];
  const min = Math.min(...finite);
  const max = Math.max(...finite);
  if (log) return [min / 1.25, max * 1.25];
  const span = max - min || Math.abs(max) || 1;
  return [Math.max(0, min - span * 0.05), max + span * 0.05];
}

/** Keeps a value inside [min, max]. */
export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
