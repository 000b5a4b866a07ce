/**
 * Small-numbers handling of one value (method ma-hei-1.1, docs/method.md §3a):
 * the published value is `weight · raw + (1 − weight) · prior`.
 */
export interface Smoothing {
  method: 'empirical-bayes';
  /** The value as the source printed it. */
  raw: number;
  /** Weight of the raw value (0–1): small for few events, near 1 for many. */
  weight: number;
  /** The rate the value is shrunk toward (same unit). */
  prior: number;
  /** What the prior is, e.g. "Massachusetts rate (MassCHIP 2010)". */
  priorLabel: string;
  /** Events (deaths, births, discharges) behind the raw value; null where the source prints none. */
  events: number | null;
  /** Denominator used as exposure (persons or births); `exposureEstimated` says whether it was estimated. */
  exposure: number;
  exposureEstimated: boolean;
}

/**
 * How a value was obtained, shown with it so a surprising value can be
 * explained from the profile alone (issue 12). Every field is optional:
 * versions of method 1.0 carry none of them.
 */
export interface ValueQuality {
  /** Share (0–1) of the place's residents (or of its reallocation weight) behind the value; absent = the source's own value for the whole place. */
  coverage?: number | null;
  /** Whether a prevalence or rate is age-adjusted or crude; null = not applicable (shares, dollars, distances). */
  adjustment?: 'age-adjusted' | 'crude' | null;
  /** Empirical-Bayes shrinkage of a count-based value; null = not smoothed. */
  smoothing?: Smoothing | null;
  /** Plain-language qualifiers, e.g. "top-coded: the source prints 250,001 for “$250,000 or more”". */
  notes?: string[];
}

/** A value with its standard error (null = no uncertainty published) and how it was obtained. */
export interface Estimate extends ValueQuality {
  value: number;
  se: number | null;
}

/** ACS margins of error are 90 % intervals: SE = MOE / 1.645 (ACS Accuracy of the Data). */
export const seFromMoe90 = (moe: number) => moe / 1.645;

/** A symmetric-enough 95 % CI: SE ≈ (upper − lower) / (2 × 1.96). */
export const seFromCi95 = ([lower, upper]: readonly [number, number]) => (upper - lower) / (2 * 1.96);

/** Percent p from n events: binomial SE with n = events / p. Null when it cannot be derived. */
export function seFromPercentAndCount(percent: number, count: number | null): number | null {
  if (count === null || count <= 0 || percent <= 0 || percent >= 100) return null;
  const n = count / (percent / 100);
  return Math.sqrt((percent * (100 - percent)) / n);
}

/** A rate from `count` events: Poisson SE = rate / √count (age adjustment ignored: an approximation). */
export function seFromRateAndCount(rate: number, count: number | null): number | null {
  if (count === null || count <= 0) return null;
  return rate / Math.sqrt(count);
}
