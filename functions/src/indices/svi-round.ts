/**
 * Round a non-negative SVI value to 4 decimals, half up, as CDC/ATSDR publishes
 * every EPL_*, SPL_* and RPL_* value (docs/svi-reproduction.md).
 *
 * `Math.round(x * 1e4) / 1e4` is not enough: a percentile rank k/(n−1) that is
 * exactly a half at the 5th decimal is often a hair below it in binary
 * (1 − 103/160 = 0.35624999999999996, which must round to 0.3563). Taking 12
 * significant digits of x·10⁴ first removes that representation error; for
 * ranks over up to ~10⁵ places, a true value is never within 10⁻⁶ of a half
 * unless it is one.
 */
export function roundSvi(x: number): number {
  if (!Number.isFinite(x) || x < 0) throw new Error(`x: expected a finite non-negative number, got ${x}`);
  return Math.round(Number((x * 1e4).toPrecision(12))) / 1e4;
}
