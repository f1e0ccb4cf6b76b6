/**
 * Does a point meet the SLA? (docs/method.md §Feasibility) Every constraint must hold. A constraint whose metric and
 * stat the point lacks is "unknown", and an unknown point is never treated as feasible. Under the goodput rule
 * (docs/method.md §Goodput rule) the share of good requests decides instead (`goodputStatus`).
 */
import type { LoadPoint } from '../model/benchmark.ts';
import type { SlaConstraint } from '../model/scenario.ts';
import { formatNumber } from '../format/numbers.ts';
import { SLA_METRIC_INFO, slaMetricValue } from './metrics.ts';
import type { PreparedSla } from './goodput.ts';
import { goodCount } from './goodput.ts';

export type CheckStatus = 'pass' | 'fail' | 'unknown';

export interface ConstraintCheck {
  constraint: SlaConstraint;
  value: number | undefined;
  status: CheckStatus;
}

export interface Feasibility {
  /** `infeasible` as soon as one constraint fails; else `unknown` if one cannot be checked. */
  status: 'feasible' | 'infeasible' | 'unknown';
  checks: ConstraintCheck[];
}

export function meetsBound(value: number, constraint: SlaConstraint): boolean {
  return SLA_METRIC_INFO[constraint.metric].direction === 'upper'
    ? value <= constraint.bound
    : value >= constraint.bound;
}

/**
 * The status alone, without building the per-constraint checks: the hot path of operating-point picking and
 * of the sensitivity sweep (100 bounds × every point × every series).
 */
export function feasibilityStatus(point: LoadPoint, sla: readonly SlaConstraint[]): Feasibility['status'] {
  let unknown = false;
  for (const constraint of sla) {
    const value = slaMetricValue(point, constraint.metric, constraint.stat);
    if (value === undefined) unknown = true;
    else if (!meetsBound(value, constraint)) return 'infeasible';
  }
  return unknown ? 'unknown' : 'feasible';
}

export function checkPoint(point: LoadPoint, sla: readonly SlaConstraint[]): Feasibility {
  const checks = sla.map((constraint): ConstraintCheck => {
    const value = slaMetricValue(point, constraint.metric, constraint.stat);
    if (value === undefined) return { constraint, value, status: 'unknown' };
    return { constraint, value, status: meetsBound(value, constraint) ? 'pass' : 'fail' };
  });
  const status = checks.some((c) => c.status === 'fail')
    ? 'infeasible'
    : checks.some((c) => c.status === 'unknown')
      ? 'unknown'
      : 'feasible';
  return { status, checks };
}

/**
 * The goodput rule (docs/method.md §Goodput rule): feasible when at least `minPercent` % of the point's requests are
 * good; unknown when the point has no per-request data for every constrained metric (never feasible then).
 */
export function goodputStatus(point: LoadPoint, prepared: PreparedSla, minPercent: number): Feasibility['status'] {
  const samples = point.requests;
  if (samples === undefined || samples.count === 0) return 'unknown';
  const good = goodCount(samples, prepared);
  if (good === undefined) return 'unknown';
  return (good / samples.count) * 100 >= minPercent ? 'feasible' : 'infeasible';
}

/** "TTFT avg ≤ 250 ms" */
export function describeConstraint(constraint: SlaConstraint): string {
  const info = SLA_METRIC_INFO[constraint.metric];
  const sign = info.direction === 'upper' ? '≤' : '≥';
  return `${info.label} ${constraint.stat} ${sign} ${formatNumber(constraint.bound)} ${info.unit}`;
}
