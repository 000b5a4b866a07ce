/** Number formatting shared by the legend, tooltip, profile and tables (en-US or es-US, units spelled out). */
import { numberLocale } from './i18n/locale';
import { m } from '../paraglide/messages.js';

const num = (x: number, digits: number) => x.toLocaleString(numberLocale(), { maximumFractionDigits: digits, minimumFractionDigits: 0 });

/** Decimals that suit the magnitude: 3.21, 29.9, 452. */
export function roundFor(x: number): number {
  const a = Math.abs(x);
  return a >= 100 ? 0 : a >= 10 ? 1 : 2;
}

/** Which value is meant, when its text depends on more than number and unit. */
export interface ValueContext {
  /** Indicator id (e.g. "median_household_income"). */
  id?: string;
  /** The API's notes on the value (method 1.1), e.g. "top-coded: the source prints 250,001 for “$250,000 or more”". */
  notes?: readonly string[] | null;
}

/**
 * Values the source prints for "this or more": ACS tables code an open top
 * category as its lower limit + 1 (B19013 median household income: 250,001 =
 * "$250,000 or more"; ACS Accuracy of the Data, "top-coded" medians).
 */
const TOP_CODES: Readonly<Record<string, number>> = { median_household_income: 250001 };

/**
 * The lower limit ("… or more") when the value is a top code, else null: known
 * top codes by indicator id, or a "top-coded" note naming this value and its limit.
 */
export function topCodeFloor(value: number | null, context: ValueContext = {}): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  if (!Number.isInteger(value)) return null;
  const known = context.id !== undefined && TOP_CODES[context.id] === value;
  // The note must name both the printed code and the limit ("prints 250,001 for $250,000 or more") as whole numbers.
  const names = (x: number) => new RegExp(`(^|[^\\d.,])(${num(x, 0)}|${x})(?!\\d|[.,]\\d)`);
  const noted = (context.notes ?? []).some((n) => /top-coded/i.test(n) && names(value).test(n) && names(value - 1).test(n));
  return known || noted ? value - 1 : null;
}

/**
 * A value in its unit, compactly: "29.9 %", "$52,310", "3.2 km", "245"; a top
 * code reads "$250,000 or more", never as an exact figure.
 */
export function formatValue(value: number | null, unit: string, context?: ValueContext): string {
  if (value === null || !Number.isFinite(value)) return m.fmt_no_data();
  const floor = context ? topCodeFloor(value, context) : null;
  if (floor !== null) return m.fmt_or_more({ value: formatValue(floor, unit) });
  if (unit.startsWith('%')) return `${num(value, 1)} %`;
  if (unit.startsWith('US dollars')) return `$${num(value, 0)}`;
  if (unit === 'km') return `${num(value, 1)} km`;
  if (unit.includes('percentile')) return num(value, 1);
  return num(value, roundFor(value));
}

/** A 0–1 share as a whole percent that never rounds to a false 0 or 100: 0.93 → "93 %", 0.996 → "> 99 %". */
export function formatShare(share: number | null): string {
  if (share === null || !Number.isFinite(share)) return m.fmt_unknown();
  const pct = Math.round(share * 100);
  if (pct >= 100 && share < 1) return '> 99 %';
  if (pct <= 0 && share > 0) return '< 1 %';
  return `${pct} %`;
}

export function formatPercentile(p: number | null): string {
  return p === null ? m.fmt_no_data() : num(p, 1);
}

export function formatUsd(amount: number | null): string {
  return amount === null ? m.fmt_not_published() : `$${num(amount, 0)}`;
}

export function formatCount(n: number | null): string {
  return n === null ? m.fmt_unknown() : num(n, 0);
}

/** "$2.47" — per-resident amounts are small, so keep cents (formatUsd rounds to dollars). */
export function formatUsdCents(amount: number | null): string {
  if (amount === null || !Number.isFinite(amount)) return m.fmt_not_available();
  return `$${amount.toLocaleString(numberLocale(), { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}
