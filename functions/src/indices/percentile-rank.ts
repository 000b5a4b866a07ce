/**
 * Percentile rank as CDC/ATSDR SVI computes it (Excel PERCENTRANK.INC):
 * (number of values strictly lower) / (n − 1), in [0, 1]. Ties share the
 * lowest rank. Null values ("no data") get null and do not count in n.
 * See docs/method.md.
 */
export function percentileRank(values: readonly (number | null)[]): (number | null)[] {
  for (const v of values) if (v !== null && !Number.isFinite(v)) throw new Error(`values: expected finite numbers or null, got ${v}`);
  const input = Float64Array.from(values, (v) => (v === null ? Number.NaN : v));
  const out = percentileRankInto(input, new Float64Array(input.length));
  return Array.from(out, (r) => (Number.isNaN(r) ? null : r));
}

/**
 * The same rank on typed arrays, NaN = no data, written into `out` (reused by
 * the Monte Carlo loop to avoid allocating per draw).
 */
export function percentileRankInto(values: Float64Array, out: Float64Array, scratch?: Float64Array, options: { round4?: boolean } = {}): Float64Array {
  let n = 0;
  const sorted = scratch && scratch.length >= values.length ? scratch : new Float64Array(values.length);
  for (const v of values) if (!Number.isNaN(v)) sorted[n++] = v;
  const known = sorted.subarray(0, n).sort();
  const denominator = n - 1;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isNaN(v) || denominator === 0) out[i] = Number.NaN; // a lone value has no rank among others
    else out[i] = options.round4 ? roundRatio4(lowerBound(known, v), denominator) : lowerBound(known, v) / denominator;
  }
  return out;
}

/**
 * k / d rounded half up to 4 decimals in exact integer arithmetic (k, d ≥ 0
 * integers): the same result as rounding the exact ratio, with no
 * floating-point ties and no string conversion in hot loops.
 */
export function roundRatio4(k: number, d: number): number {
  const num = k * 10_000;
  let q = Math.floor(num / d);
  if (2 * (num - q * d) >= d) q++;
  return q / 10_000;
}

/** Index of the first element ≥ target in an ascending array. */
function lowerBound(sorted: Float64Array, target: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
