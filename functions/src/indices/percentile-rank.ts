/**
 * Percentile rank as CDC/ATSDR SVI computes it (Excel PERCENTRANK.INC):
 * (number of values strictly lower) / (n − 1), in [0, 1]. Ties share the
 * lowest rank. Null values ("no data") get null and do not count in n.
 * See docs/method.md.
 */
export function percentileRank(values: readonly (number | null)[]): (number | null)[] {
  const known = values.filter((v): v is number => v !== null);
  for (const v of known) if (!Number.isFinite(v)) throw new Error(`values: expected finite numbers or null, got ${v}`);
  const sorted = [...known].sort((a, b) => a - b);
  const denominator = sorted.length - 1;
  return values.map((v) => {
    if (v === null) return null;
    if (denominator === 0) return null; // a single value has no rank among others
    return lowerBound(sorted, v) / denominator;
  });
}

/** Index of the first element ≥ target in an ascending array. */
function lowerBound(sorted: number[], target: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
