/**
 * Number and money formatting shared by the UI, the breakdowns and the exports' captions.
 * Never prints NaN or Infinity: a value that is not a finite number is "—".
 */
const cache = new Map<string, Intl.NumberFormat>();
function formatter(options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = JSON.stringify(options);
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat('en-US', options);
    cache.set(key, f);
  }
  return f;
}

export const MISSING = '—';

/** Plain number: up to `digits` decimals below 100, fewer above (1,234 · 56.7 · 0.123). */
export function formatNumber(value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return MISSING;
  const abs = Math.abs(value);
  const decimals = abs >= 1000 ? 0 : abs >= 100 ? Math.min(digits, 1) : abs >= 1 || abs === 0 ? digits : undefined;
  if (decimals === undefined) return formatter({ maximumSignificantDigits: 3 }).format(value);
  return formatter({ maximumFractionDigits: decimals }).format(value);
}

/**
 * Money in the scenario's currency (ISO 4217, USD by default): whole units from 1,000, cents from 1, four
 * significant digits below (per-token costs are far below a cent).
 */
export function formatMoney(value: number | null | undefined, currency = 'USD'): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return MISSING;
  const abs = Math.abs(value);
  if (abs >= 1000) return formatter({ style: 'currency', currency, maximumFractionDigits: 0 }).format(value);
  if (abs >= 1 || abs === 0)
    return formatter({ style: 'currency', currency, minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);
  return formatter({ style: 'currency', currency, maximumSignificantDigits: 4 }).format(value);
}

/**
 * Money axis ticks that tell every tick apart: decimals enough for the step between ticks (0.005 apart → three
 * decimals), the same on every tick; from 10,000 the ticks read in thousands (K) or millions (M).
 */
export function moneyTickFormatter(ticks: readonly number[], currency = 'USD'): (value: number) => string {
  const sorted = [...ticks].sort((a, b) => a - b);
  const max = Math.max(0, ...sorted.map(Math.abs));
  const [scale, suffix] = max >= 1e6 ? [1e6, 'M'] : max >= 1e4 ? [1e3, 'K'] : [1, ''];
  const gaps = sorted
    .slice(1)
    .map((v, i) => v - sorted[i]!)
    .filter((g) => g > 0);
  const step = gaps.length > 0 ? Math.min(...gaps) / scale : max / scale || 1;
  let decimals = Math.min(6, Math.max(0, Math.ceil(-Math.log10(step) - 1e-9)));
  const make = (d: number) => {
    const f = formatter({ style: 'currency', currency, minimumFractionDigits: d, maximumFractionDigits: d });
    return (value: number) => `${f.format(value / scale)}${suffix}`;
  };
  // Steps like 0.25 need one more decimal than their magnitude says: add decimals until every tick is exact.
  const exact = (d: number) =>
    sorted.every((t) => {
      const v = t / scale;
      return Math.abs(Math.round(v * 10 ** d) / 10 ** d - v) <= 1e-9 * Math.max(1, Math.abs(v));
    });
  while (decimals < 6 && !exact(decimals)) decimals++;
  return make(decimals);
}

/** True when Intl knows the ISO 4217 code (USD, EUR, JPY …). */
export function isCurrencyCode(code: string): boolean {
  if (!/^[A-Z]{3}$/.test(code)) return false;
  try {
    new Intl.NumberFormat('en-US', { style: 'currency', currency: code }).format(1);
    return true;
  } catch {
    return false;
  }
}

export function formatPercent(fraction: number): string {
  return formatter({ style: 'percent', maximumFractionDigits: 1 }).format(fraction);
}

/** A number with thousands separators and every decimal it has (320,000 · 0.1 · 1,234.5), for money fields. */
export function formatGrouped(value: number): string {
  return Number.isFinite(value) ? formatter({ maximumFractionDigits: 12 }).format(value) : MISSING;
}

/**
 * A typed number, read as a whole: thousands separators (commas, spaces, underscores) are allowed between digit
 * groups; anything else that is not a complete number gives NaN ("1e", "12,34,5" and "" included).
 */
export function parseTypedNumber(text: string): number {
  const trimmed = text.trim();
  if (trimmed === '') return NaN;
  const grouped = /^[+-]?\d{1,3}(?:[,_ ]\d{3})+(?:\.\d*)?$/.test(trimmed);
  const plain = grouped ? trimmed.replace(/[,_ ]/g, '') : trimmed;
  if (!/^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i.test(plain)) return NaN;
  return Number(plain);
}
