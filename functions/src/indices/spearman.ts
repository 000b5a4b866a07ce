/**
 * Spearman rank correlation: Pearson's r of the mid-ranks (ties share the mean
 * of their ranks), over the pairs where both values are known. Used for the
 * face-validity figures of docs/method.md. Pure.
 */
export function midRanks(values: readonly number[]): number[] {
  const order = values.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0]);
  const ranks = new Array<number>(values.length);
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && order[j + 1]![0] === order[i]![0]) j++;
    for (let k = i; k <= j; k++) ranks[order[k]![1]] = (i + j) / 2 + 1;
    i = j + 1;
  }
  return ranks;
}

export function spearman(x: readonly (number | null)[], y: readonly (number | null)[]): { rho: number; n: number } {
  if (x.length !== y.length) throw new Error(`spearman: ${x.length} x values but ${y.length} y values`);
  const pairs = x.flatMap((a, i) => (a !== null && y[i] !== null && y[i] !== undefined ? [[a, y[i]!] as const] : []));
  const rx = midRanks(pairs.map((p) => p[0]));
  const ry = midRanks(pairs.map((p) => p[1]));
  const n = pairs.length;
  const mean = (n + 1) / 2;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (rx[i]! - mean) * (ry[i]! - mean);
    sxx += (rx[i]! - mean) ** 2;
    syy += (ry[i]! - mean) ** 2;
  }
  return { rho: sxy / Math.sqrt(sxx * syy), n };
}
