import { describe, expect, it } from 'vitest';
import { demandFromAverage, demandFromUsers, normalQuantile, peakFromUsers, poissonQuantile } from '../../../src/core/sizing/peakEstimate.ts';

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
      for (const q of [0.05, 0.5, 0.9, 0.95, 0.99, 0.999]) expect(poissonQuantile(lambda, q), `λ ${lambda}, q ${q}`).toBe(naive(lambda, q));
    }
  });

  it('agrees with the normal approximation for a large λ (within 0.1 %)', () => {
    const lambda = 500_000;
    const exact = poissonQuantile(lambda, 0.95);
    const approx = lambda + normalQuantile(0.95) * Math.sqrt(lambda);
    expect(Math.abs(exact - approx) / lambda).toBeLessThan(0.001);
    expect(poissonQuantile(5e6, 0.95)).toBe(Math.ceil(5e6 + 1.6448536269514722 * Math.sqrt(5e6) - 0.5));
  });

  it('refuses a percentile outside (0, 1) and a negative λ', () => {
    expect(() => poissonQuantile(10, 1)).toThrow(RangeError);
    expect(() => poissonQuantile(-1, 0.5)).toThrow(RangeError);
  });
});

describe('normalQuantile', () => {
  it.each([
    [0.5, 0],
    [0.95, 1.6448536269514722],
    [0.975, 1.959963984540054],
    [0.01, -2.3263478740408408],
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
