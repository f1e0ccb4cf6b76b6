/**
 * The numeric rules of every scenario field (docs/scenario.md §Fields), in one place: the scenario validator and the
 * forms' inline validation both read them, so a form never accepts what a saved file would refuse.
 */
export interface NumberRule {
  min?: number;
  /** Strictly greater than min. */
  exclusiveMin?: boolean;
  max?: number;
  integer?: boolean;
  /**
   * A bound no real deployment reaches: beyond it the value is a typing slip (1e308), refused without cluttering the
   * usual message.
   */
  sanityMax?: number;
}

export const RULES = {
  // sanityMax: far beyond any real deployment; keeps typing slips (1e308) from turning into Infinity or
  // 300-digit numbers downstream.
  slaBound: { min: 0, exclusiveMin: true, sanityMax: 1e9 },
  /** Share of good requests a load level needs under the goodput rule, percent. */
  goodputPercent: { min: 0, exclusiveMin: true, max: 100 },
  peak: { min: 0, sanityMax: 1e12 },
  headroomPercent: { min: 0, max: 1000 },
  spareInstances: { min: 0, integer: true, sanityMax: 1e5 },
  averageToPeak: { min: 0, exclusiveMin: true, max: 1 },
  money: { min: 0, sanityMax: 1e12 },
  gpusPerServer: { min: 1, integer: true, sanityMax: 1024 },
  gpusPerInstance: { min: 1, integer: true, sanityMax: 1e5 },
  depreciationYears: { min: 0, exclusiveMin: true, max: 50 },
  serverKw: { min: 0, sanityMax: 1e4 },
  pue: { min: 1, max: 5 },
  uptime: { min: 0, exclusiveMin: true, max: 1 },
  loadLevel: { min: 0, exclusiveMin: true, sanityMax: 1e9 },
  // Latencies (ms), throughputs, token counts: beyond 1e15 a value is corrupt (and products of it overflow).
  measurement: { min: 0, sanityMax: 1e15 },
  /** Mean input / output lengths typed for a series whose files lack them. */
  sequenceTokens: { min: 0, exclusiveMin: true, sanityMax: 1e7 },
} as const satisfies Record<string, NumberRule>;

/** What the rule asks for, in words: "a whole number ≥ 1". */
export function describeRule(rule: NumberRule): string {
  const { min = 0, exclusiveMin = false, max, integer = false } = rule;
  const upTo = max === undefined ? '' : ` and ≤ ${max}`;
  return `${integer ? 'a whole number' : 'a number'} ${exclusiveMin ? '>' : '≥'} ${min}${upTo}`;
}

/** Null when `value` satisfies the rule, else what is wrong ("must be a number ≥ 0, got -1"). */
export function numberProblem(value: unknown, rule: NumberRule): string | null {
  const { min = 0, exclusiveMin = false, max, integer = false } = rule;
  const wanted = describeRule(rule);
  if (typeof value !== 'number' || !Number.isFinite(value)) return `must be ${wanted}`;
  if (
    (exclusiveMin ? value <= min : value < min) ||
    (max !== undefined && value > max) ||
    (integer && !Number.isInteger(value))
  ) {
    return `must be ${wanted}, got ${value}`;
  }
  if (rule.sanityMax !== undefined && value > rule.sanityMax) {
    return `must be at most ${rule.sanityMax.toLocaleString('en-US')} (a larger value is surely a slip), got ${value}`;
  }
  return null;
}
