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
  if (abs >= 1 || abs === 0) return formatter({ style: 'currency', currency, minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);
  return formatter({ style: 'currency', currency, maximumSignificantDigits: 4 }).format(value);
}

/** Money axis ticks: the same number of decimals on every tick (0.40, 0.80, 1.20), set by the largest value. */
export function moneyTickFormatter(max: number, currency = 'USD'): (value: number) => string {
  const decimals = max < 10 ? 2 : 0;
  const f = formatter({ style: 'currency', currency, minimumFractionDigits: decimals, maximumFractionDigits: decimals });
  return (value: number) => f.format(value);
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
