import { describe, expect, it } from 'vitest';
import { convertDemand } from '../../../src/core/sizing/demandConversion.ts';

// The NIM sweep's operating point at TTFT avg ≤ 250 ms: concurrency 10, mean OSL 58.67 tokens, mean E2E 878.517 ms.
const basis = { meanOutputTokens: 58.67, meanE2eMs: 878.517281225, source: 'NIM TP1 at concurrency 10' };

describe('convertDemand', () => {
  it('turns requests/s into output tokens/s with the mean OSL', () => {
    // 200 × 58.67 = 11,734 → kept to four significant digits: 11,730
    expect(convertDemand(200, 'requestsPerSecond', 'outputTokensPerSecond', basis)).toEqual({
      ok: true,
      value: 11730,
      explanation:
        '200 requests/s × 58.67 output tokens per request = 11,734 output tokens/s — ' +
        'figures of NIM TP1 at concurrency 10, kept to 11,730.',
    });
  });

  it("turns requests/s into concurrent requests by Little's law, and back", () => {
    // 200 × 0.878517 s = 175.703 → 175.7
    const there = convertDemand(200, 'requestsPerSecond', 'concurrentRequests', basis);
    expect(there).toMatchObject({ ok: true, value: 175.7 });
    // 175.7 ÷ 0.878517 s = 199.996 req/s
    const back = convertDemand(175.7, 'concurrentRequests', 'requestsPerSecond', basis);
    expect(back).toEqual({
      ok: true,
      value: 200,
      explanation:
        "175.7 concurrent requests ÷ 0.879 s mean E2E latency = 200 requests/s (Little's law) — " +
        'figures of NIM TP1 at concurrency 10.',
    });
  });

  it('goes from concurrent requests to output tokens/s through requests/s', () => {
    // 175.7 ÷ 0.878517 = 199.9961 req/s × 58.67 = 11,733.8 → 11,730
    expect(convertDemand(175.7, 'concurrentRequests', 'outputTokensPerSecond', basis)).toMatchObject({
      ok: true,
      value: 11730,
    });
  });

  it('refuses rather than guess, and says why', () => {
    expect(convertDemand(200, 'requestsPerSecond', 'concurrentRequests', { ...basis, meanE2eMs: undefined })).toEqual({
      ok: false,
      reason: 'NIM TP1 at concurrency 10 does not report the mean E2E latency',
    });
    expect(convertDemand(200, 'requestsPerSecond', 'outputTokensPerSecond', null)).toEqual({
      ok: false,
      reason: 'no benchmark is loaded, so there are no workload figures to convert with',
    });
    expect(convertDemand(0, 'requestsPerSecond', 'outputTokensPerSecond', null)).toMatchObject({ ok: true, value: 0 });
  });
});

describe('convertDemand: every path in words', () => {
  it('keeps a value in its own unit as it is, with nothing to explain', () => {
    const same = convertDemand(7, 'requestsPerSecond', 'requestsPerSecond', null);
    expect(same).toEqual({ ok: true, value: 7, explanation: '' });
  });

  it('converts zero without figures, and says so', () => {
    expect(convertDemand(0, 'requestsPerSecond', 'outputTokensPerSecond', null)).toEqual({
      ok: true,
      value: 0,
      explanation: '0 requests/s = 0 output tokens/s',
    });
  });

  it('turns output tokens/s into requests/s with the mean OSL', () => {
    // 11,734 ÷ 58.67 = 200 requests/s exactly: nothing to keep to four digits.
    expect(convertDemand(11_734, 'outputTokensPerSecond', 'requestsPerSecond', basis)).toEqual({
      ok: true,
      value: 200,
      explanation:
        '11,734 output tokens/s ÷ 58.67 output tokens per request = 200 requests/s — figures of NIM TP1 at ' +
        'concurrency 10.',
    });
  });

  it("writes Little's law step by step, and both steps of a conversion through requests/s", () => {
    // 200 × 0.878517 s = 175.703 (175.7 written with one decimal from 100 up; four digits: 175.7 too).
    expect(convertDemand(200, 'requestsPerSecond', 'concurrentRequests', basis)).toEqual({
      ok: true,
      value: 175.7,
      explanation:
        "200 requests/s × 0.879 s mean E2E latency = 175.7 concurrent requests (Little's law) — figures of NIM " +
        'TP1 at concurrency 10.',
    });
    // 175.7 ÷ 0.878517 s = 199.996 req/s ("200"); × 58.67 = 11,733.77 ("11,734"), kept to 11,730.
    expect(convertDemand(175.7, 'concurrentRequests', 'outputTokensPerSecond', basis)).toEqual({
      ok: true,
      value: 11730,
      explanation:
        "175.7 concurrent requests ÷ 0.879 s mean E2E latency = 200 requests/s (Little's law); " +
        '200 requests/s × 58.67 output tokens per request = 11,734 output tokens/s — figures of NIM TP1 at ' +
        'concurrency 10, kept to 11,730.',
    });
  });

  it('needs a positive mean OSL for output tokens/s, from or to', () => {
    const noOsl = 'NIM TP1 at concurrency 10 does not report the mean output length';
    for (const meanOutputTokens of [undefined, 0]) {
      const b = { ...basis, meanOutputTokens };
      expect(convertDemand(200, 'requestsPerSecond', 'outputTokensPerSecond', b)).toEqual({ ok: false, reason: noOsl });
      expect(convertDemand(200, 'outputTokensPerSecond', 'requestsPerSecond', b)).toEqual({ ok: false, reason: noOsl });
    }
  });

  it('needs a positive mean E2E latency for concurrent requests, and only for them', () => {
    const noE2e = 'NIM TP1 at concurrency 10 does not report the mean E2E latency';
    for (const meanE2eMs of [undefined, 0]) {
      const b = { ...basis, meanE2eMs };
      expect(convertDemand(200, 'requestsPerSecond', 'concurrentRequests', b)).toEqual({ ok: false, reason: noE2e });
      expect(convertDemand(200, 'concurrentRequests', 'requestsPerSecond', b)).toEqual({ ok: false, reason: noE2e });
      // Requests/s ↔ output tokens/s does not use the latency: 200 × 58.67 = 11,734 → 11,730.
      expect(convertDemand(200, 'requestsPerSecond', 'outputTokensPerSecond', b)).toMatchObject({ value: 11730 });
    }
  });
});
