/**
 * Estimating the peak to size for when only averages are known (DESIGN.md §2 Demand, NVIDIA DLI notebook 4):
 * - arrivals of independent users are Poisson: the peak requests/s is a high percentile of Poisson(λ = average
 *   requests/s), e.g. poisson.ppf(0.95, 200) = 224;
 * - from a user count: users × requests per user per hour ÷ 3600 × peak factor.
 */

/**
 * The smallest k with P(X ≤ k) ≥ q for X ~ Poisson(λ) (scipy's poisson.ppf). Summed exactly in log space up
 * to λ = 1e6; above that the normal approximation with continuity correction, exact to well under 0.1 %.
 */
export function poissonQuantile(lambda: number, q: number): number {
  if (!(lambda >= 0) || !Number.isFinite(lambda)) throw new RangeError('λ must be a finite number ≥ 0');
  if (!(q > 0 && q < 1)) throw new RangeError('the percentile must be strictly between 0 and 1');
  if (lambda === 0) return 0;
  if (lambda > 1e6) return Math.max(0, Math.ceil(lambda + normalQuantile(q) * Math.sqrt(lambda) - 0.5));
  // Start at the mode and walk outwards in log space: no under- or overflow for large λ.
  const logPmf = (k: number) => k * Math.log(lambda) - lambda - logFactorial(k);
  let k = 0;
  let cumulative = Math.exp(logPmf(0));
  let logP = logPmf(0);
  while (cumulative < q) {
    k++;
    logP += Math.log(lambda / k);
    cumulative += Math.exp(logP);
    if (k > lambda + 50 * Math.sqrt(lambda) + 100) break; // numerically converged far in the tail
  }
  return k;
}

function logFactorial(n: number): number {
  let sum = 0;
  for (let i = 2; i <= n; i++) sum += Math.log(i);
  return sum;
}

/** Inverse of the standard normal CDF (Acklam's rational approximation, |error| < 1.2e-9). */
export function normalQuantile(p: number): number {
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const low = 0.02425;
  const poly = (coefficients: number[], x: number) => coefficients.reduce((acc, coefficient) => acc * x + coefficient, 0);
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    return poly(c, q) / (poly(d, q) * q + 1);
  }
  if (p > 1 - low) {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    return -poly(c, q) / (poly(d, q) * q + 1);
  }
  const q = p - 0.5;
  const r = q * q;
  return (poly(a, r) * q) / (poly(b, r) * r + 1);
}

/** users × requests per user per hour ÷ 3600 × peak factor = peak requests/s. */
export function peakFromUsers(users: number, requestsPerUserPerHour: number, peakFactor: number): number {
  return (users * requestsPerUserPerHour * peakFactor) / 3600;
}
