import { describe, expect, it } from 'vitest';
import {
  PEAK_ESTIMATE_DEFAULTS,
  PEAK_PERCENTILES,
  demandFromAverage,
  demandFromUsers,
  normalQuantile,
  peakFromUsers,
  poissonQuantile,
} from '../../../src/core/sizing/peakEstimate.ts';

describe('poissonQuantile (scipy.stats.poisson.ppf)', () => {
  it.each([
    [200, 0.95, 224], // NVIDIA DLI notebook 4: poisson.ppf(0.95, 200) = 224.0
    [1, 0.5, 1], // P(X ≤ 0) = e^-1 = 0.368 < 0.5 ≤ P(X ≤ 1) = 0.736
    [1, 0.3, 0], // 0.368 ≥ 0.3
    [10, 0.99, 18], // P(X ≤ 17) = 0.9857, P(X ≤ 18) = 0.9928
    [0, 0.95, 0],
  ])('λ = %d, q = %d → %d', (lambda, q, k) => {
    expect(poissonQuantile(lambda, q)).toBe(k);
  });

  it('agrees with a plain summation of the probabilities from 0 up', () => {
    const naive = (lambda: number, q: number) => {
      let k = 0;
      let p = Math.exp(-lambda);
      let cumulative = p;
      while (cumulative < q) {
        k++;
        p *= lambda / k;
        cumulative += p;
      }
      return k;
    };
    for (const lambda of [0.5, 3, 12.7, 50, 200, 650]) {
      for (const q of [0.05, 0.5, 0.9, 0.95, 0.99, 0.999])
        expect(poissonQuantile(lambda, q), `λ ${lambda}, q ${q}`).toBe(naive(lambda, q));
    }
  });

  it('agrees with the normal approximation for a large λ (within 0.1 %)', () => {
    const lambda = 500_000;
    const exact = poissonQuantile(lambda, 0.95);
    const approx = lambda + normalQuantile(0.95) * Math.sqrt(lambda);
    expect(Math.abs(exact - approx) / lambda).toBeLessThan(0.001);
    expect(poissonQuantile(5e6, 0.95)).toBe(Math.ceil(5e6 + 1.6448536269514722 * Math.sqrt(5e6) - 0.5));
  });

  it('refuses a percentile outside (0, 1) and a λ that is negative or not finite, saying which', () => {
    expect(() => poissonQuantile(10, 1)).toThrow(new RangeError('the percentile must be strictly between 0 and 1'));
    expect(() => poissonQuantile(10, 0)).toThrow(new RangeError('the percentile must be strictly between 0 and 1'));
    expect(() => poissonQuantile(10, -0.5)).toThrow(RangeError);
    expect(() => poissonQuantile(-1, 0.5)).toThrow(new RangeError('λ must be a finite number ≥ 0'));
    expect(() => poissonQuantile(Infinity, 0.5)).toThrow(RangeError);
  });

  it('counts a CDF that equals the percentile exactly as reaching it', () => {
    // λ = 1: P(X = 0) = P(X = 1) = 1/e, P(X = 2) = 1/(2e). P(X ≤ 0) = 1/e, so q = 1/e is reached at k = 0 (not 1);
    // P(X ≤ 2) = 2.5/e, so q = 2.5/e is reached at k = 2 (not 3). Both sums are exact in floating point.
    expect(poissonQuantile(1, Math.exp(-1))).toBe(0);
    expect(poissonQuantile(1, 2.5 * Math.exp(-1))).toBe(2);
  });

  it('answers 0 for a percentile below P(X = 0), whatever the rounding of the summed terms', () => {
    // P(X = 0) = e^-λ: e^-30 = 9.36e-14 and e^-5 = 6.7e-3 are both ≥ 1e-20, so the quantile is 0 (scipy agrees).
    expect(poissonQuantile(30, 1e-20)).toBe(0);
    expect(poissonQuantile(5, 1e-20)).toBe(0);
    expect(poissonQuantile(12.7, 1e-20)).toBe(0);
  });

  it('never searches past 40σ + 40 above the mode, even when the summed CDF cannot reach q', () => {
    // q = 1 − 2⁻⁵³ (the largest number below 1): at λ = 3 the floating-point sum of P(X = k) stays below it.
    // scipy's poisson.ppf gives 26; the search stops at mode + ⌈40√3 + 40⌉ = 3 + 110 = 113 rather than loop forever.
    const q = 1 - 2 ** -53;
    expect(poissonQuantile(3, q)).toBeGreaterThanOrEqual(26);
    expect(poissonQuantile(3, q)).toBeLessThanOrEqual(113);
  });

  it('sums exactly up to λ = 10⁶ and uses the normal approximation only above', () => {
    // scipy: poisson.ppf(0.999999, 1e6) = 1,004,757; the approximation would say ⌈1e6 + 4.7534243 × 1000 − 0.5⌉ =
    // 1,004,753.
    expect(poissonQuantile(1e6, 0.999999)).toBe(1_004_757);
    // λ = 4·10⁶: ⌈4e6 + 4.7534243 × 2000 − 0.5⌉ = ⌈4,009,506.35⌉ = 4,009,507 (scipy's exact 4,009,509: 0.00005 %
    // apart).
    expect(poissonQuantile(4e6, 0.999999)).toBe(4_009_507);
  });
});

describe('normalQuantile', () => {
  it.each([
    [0.5, 0],
    [0.95, 1.6448536269514722],
    [0.975, 1.959963984540054],
    [0.01, -2.3263478740408408],
    [0.999, 3.090232306167813], // upper tail (p > 0.97575), scipy norm.ppf
    [0.02425, -1.972961051311885], // the lower breakpoint of Acklam's approximation
  ])('Φ⁻¹(%d) = %d', (p, z) => expect(normalQuantile(p)).toBeCloseTo(z, 8));
});

describe('peakFromUsers', () => {
  it('turns users and their hourly requests into a peak rate', () => {
    // 10,000 users × 12 requests/hour ÷ 3600 s × peak factor 3 = 100 requests/s
    expect(peakFromUsers(10_000, 12, 3)).toBeCloseTo(100, 12);
  });
});

describe('estimated demand', () => {
  it('from users: 10,000 users × 12 requests/h × peak factor 3 → 100 req/s peak, average a third of it', () => {
    expect(demandFromUsers(10_000, 12, 3)).toEqual({ peak: 100, averageToPeak: 0.333 });
    // Peak factor 4: 10,000 × 12 × 4 / 3600 = 133.333… req/s, average 33.3 req/s → ratio 0.25.
    expect(demandFromUsers(10_000, 12, 4)).toEqual({ peak: 133.333, averageToPeak: 0.25 });
  });

  it('from an average rate: the Poisson p95 of 200 req/s is 224, so average ÷ peak = 200 / 224', () => {
    expect(demandFromAverage(200, 0.95)).toEqual({ peak: 224, averageToPeak: 0.893 });
  });

  it('keeps the ratio at 1 for a zero peak', () => {
    expect(demandFromUsers(0, 12, 3)).toEqual({ peak: 0, averageToPeak: 1 });
  });
});

describe('the estimator’s starting figures', () => {
  it('give 224 requests/s at p95 of 200, and 100 requests/s for 10,000 users at 12 an hour, peak 3 × average', () => {
    const d = PEAK_ESTIMATE_DEFAULTS;
    expect(PEAK_PERCENTILES).toEqual([0.9, 0.95, 0.99, 0.999]);
    // poisson.ppf(0.95, 200) = 224; averageToPeak = 200 / 224 = 0.8929 → 0.893
    expect(demandFromAverage(d.averageRequestsPerSecond, d.percentile)).toEqual({ peak: 224, averageToPeak: 0.893 });
    // 10,000 × 12 ÷ 3600 × 3 = 100 req/s; averageToPeak = 1/3 → 0.333
    const fromUsers = demandFromUsers(d.users, d.requestsPerUserPerHour, d.peakToAverage);
    expect(fromUsers).toEqual({ peak: 100, averageToPeak: 0.333 });
  });
});
