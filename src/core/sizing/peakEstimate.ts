/**
 * Estimating the peak to size for when only averages are known (docs/method.md §Peak estimation, NVIDIA DLI
 * notebook 4):
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
  // P(X = k) is summed outwards from the mode in log space: no under- or overflow for a large λ, and only
  // the ~±40σ of terms that matter are visited (O(√λ) rather than O(λ)).
  const mode = Math.floor(lambda);
  const logAt = (k: number) => k * Math.log(lambda) - lambda - logGamma(k + 1);
  const reach = Math.ceil(40 * Math.sqrt(lambda) + 40);
  let below = 0; // P(X ≤ mode)
  for (let k = mode, logP = logAt(mode); k >= 0 && k >= mode - reach; k--) {
    below += Math.exp(logP);
    logP -= Math.log(lambda / k);
  }
  if (below >= q) {
    // The quantile is at or below the mode: step down while the CDF stays ≥ q.
    let k = mode;
    let cumulative = below;
    let logP = logAt(mode);
    while (k > 0 && cumulative - Math.exp(logP) >= q) {
      cumulative -= Math.exp(logP);
      logP -= Math.log(lambda / k);
      k--;
    }
    return k;
  }
  let k = mode;
  let cumulative = below;
  let logP = logAt(mode);
  while (cumulative < q && k < mode + reach) {
    k++;
    logP += Math.log(lambda / k);
    cumulative += Math.exp(logP);
  }
  return k;
}

/** ln Γ(x) (Lanczos, g = 7): ln k! = logGamma(k + 1) without summing k terms. */
function logGamma(x: number): number {
  const c = [
    0.9999999999998099, 676.5203681218851, -1259.1392167224028, 771.3234287776531, -176.6150291621406,
    12.507343278686905, -0.13857109526572012, 9.984369578019572e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let sum = c[0]!;
  for (let i = 1; i < 9; i++) sum += c[i]! / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** Inverse of the standard normal CDF (Acklam's rational approximation, |error| < 1.2e-9). */
export function normalQuantile(p: number): number {
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239,
  ];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const low = 0.02425;
  const poly = (coefficients: number[], x: number) =>
    coefficients.reduce((acc, coefficient) => acc * x + coefficient, 0);
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

/** A demand the estimator proposes: the peak requests/s and the average-to-peak ratio behind it. */
export interface EstimatedDemand {
  peak: number;
  averageToPeak: number;
}

/**
 * The demand for a user count: peak = users × requests per user per hour ÷ 3600 × peak factor, and the average is
 * the peak ÷ peak factor, so averageToPeak = 1 / peak factor (10,000 users × 12/h × 3 → 100 req/s, ratio 1/3).
 * Rounded as the form shows them: peak to 6 significant digits, the ratio to 3.
 */
export function demandFromUsers(users: number, requestsPerUserPerHour: number, peakFactor: number): EstimatedDemand {
  const peak = peakFromUsers(users, requestsPerUserPerHour, peakFactor);
  return shownDemand(peak, peak / peakFactor);
}

/** The demand for an average rate: the peak is its Poisson percentile, averageToPeak = average ÷ that peak. */
export function demandFromAverage(averageRequestsPerSecond: number, percentile: number): EstimatedDemand {
  return shownDemand(poissonQuantile(averageRequestsPerSecond, percentile), averageRequestsPerSecond);
}

function shownDemand(peak: number, averageRequestsPerSecond: number): EstimatedDemand {
  const ratio = peak > 0 ? Math.min(1, Math.max(1e-6, averageRequestsPerSecond / peak)) : 1;
  return { peak: Number(peak.toPrecision(6)), averageToPeak: Number(ratio.toPrecision(3)) };
}

/** The percentiles the estimator offers for the peak of a Poisson arrival rate. */
export const PEAK_PERCENTILES = [0.9, 0.95, 0.99, 0.999] as const;

/**
 * The estimator's starting figures: an average of 200 requests/s taken at its p95; 10,000 users sending 12 requests
 * an hour each, the peak hour 3 × the average (→ 100 requests/s at peak, averageToPeak 1/3).
 */
export const PEAK_ESTIMATE_DEFAULTS = {
  averageRequestsPerSecond: 200,
  percentile: 0.95,
  users: 10_000,
  requestsPerUserPerHour: 12,
  peakToAverage: 3,
} as const;
