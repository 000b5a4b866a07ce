/** Number formatting shared by the legend, tooltip, profile and tables (en-US, units spelled out). */

const num = (x: number, digits: number) => x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 });

/** Decimals that suit the magnitude: 3.21, 29.9, 452. */
export function roundFor(x: number): number {
  const a = Math.abs(x);
  return a >= 100 ? 0 : a >= 10 ? 1 : 2;
}

/** A value in its unit, compactly: "29.9 %", "$52,310", "3.2 km", "245". */
export function formatValue(value: number | null, unit: string): string {
  if (value === null || !Number.isFinite(value)) return 'no data';
  if (unit.startsWith('%')) return `${num(value, 1)} %`;
  if (unit.startsWith('US dollars')) return `$${num(value, 0)}`;
  if (unit === 'km') return `${num(value, 1)} km`;
  if (unit.includes('percentile')) return num(value, 1);
  return num(value, roundFor(value));
}

export function formatPercentile(p: number | null): string {
  return p === null ? 'no data' : num(p, 1);
}

export function formatUsd(amount: number | null): string {
  return amount === null ? 'not published' : `$${num(amount, 0)}`;
}

export function formatCount(n: number | null): string {
  return n === null ? 'unknown' : num(n, 0);
}

/** "$2.47" — per-resident amounts are small, so keep cents (formatUsd rounds to dollars). */
export function formatUsdCents(amount: number | null): string {
  if (amount === null || !Number.isFinite(amount)) return 'not available';
  return `$${amount.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}
