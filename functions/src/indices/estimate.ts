/** A value with its standard error (null = no uncertainty published). */
export interface Estimate {
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
