/**
 * The numeric rules of every scenario field (DESIGN.md §7), in one place: the scenario validator and the
 * forms' inline validation both read them, so a form never accepts what a saved file would refuse.
 */
export interface NumberRule {
  min?: number;
  /** Strictly greater than min. */
  exclusiveMin?: boolean;
  max?: number;
  integer?: boolean;
}

export const RULES = {
  slaBound: { min: 0, exclusiveMin: true },
  peak: { min: 0 },
  headroomPercent: { min: 0, max: 1000 },
  spareInstances: { min: 0, integer: true },
  averageToPeak: { min: 0, exclusiveMin: true, max: 1 },
  money: { min: 0 },
  gpusPerServer: { min: 1, integer: true },
  gpusPerInstance: { min: 1, integer: true },
  depreciationYears: { min: 0, exclusiveMin: true, max: 50 },
  serverKw: { min: 0 },
  pue: { min: 1, max: 5 },
  uptime: { min: 0, exclusiveMin: true, max: 1 },
  loadLevel: { min: 0, exclusiveMin: true },
  measurement: { min: 0 },
} as const satisfies Record<string, NumberRule>;

/** What the rule asks for, in words: "a whole number ≥ 1". */
export function describeRule(rule: NumberRule): string {
  const { min = 0, exclusiveMin = false, max, integer = false } = rule;
  return `${integer ? 'a whole number' : 'a number'} ${exclusiveMin ? '>' : '≥'} ${min}${max === undefined ? '' : ` and ≤ ${max}`}`;
}

/** Null when `value` satisfies the rule, else what is wrong ("must be a number ≥ 0, got -1"). */
export function numberProblem(value: unknown, rule: NumberRule): string | null {
  const { min = 0, exclusiveMin = false, max, integer = false } = rule;
  const wanted = describeRule(rule);
  if (typeof value !== 'number' || !Number.isFinite(value)) return `must be ${wanted}`;
  if ((exclusiveMin ? value <= min : value < min) || (max !== undefined && value > max) || (integer && !Number.isInteger(value))) {
    return `must be ${wanted}, got ${value}`;
  }
  return null;
}
