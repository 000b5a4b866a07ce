/**
 * Aggregate block-group quantities to larger areas through an allocation
 * (block group → [target, share of the block group in it]). Sums of counts
 * follow the Census approximation for aggregated ACS estimates: MOE of a sum
 * = √Σ MOEᵢ², counting only the largest MOE among zero estimates (ACS General
 * Handbook, ch. 8). Pure.
 */
export interface Allocation {
  target: string;
  share: number;
}

export interface BlockGroupAmount {
  id: string;
  /** Null = unknown: contributes to neither numerator nor denominator. */
  amount: number | null;
  moe?: number | null;
}

export interface Sum {
  total: number;
  /** √Σ (share·MOE)²; null when any contributing MOE is unknown. */
  moe: number | null;
  contributors: number;
}

export function sumByTarget(amounts: readonly BlockGroupAmount[], allocation: ReadonlyMap<string, readonly Allocation[]>): Map<string, Sum> {
  const out = new Map<string, { total: number; moe2: number; zeroMoe2: number; moeKnown: boolean; contributors: number }>();
  for (const bg of amounts) {
    if (bg.amount === null) continue;
    for (const { target, share } of allocation.get(bg.id) ?? []) {
      if (share <= 0) continue;
      const acc = out.get(target) ?? { total: 0, moe2: 0, zeroMoe2: 0, moeKnown: true, contributors: 0 };
      acc.total += share * bg.amount;
      if (bg.moe === undefined || bg.moe === null) acc.moeKnown = false;
      // Zero estimates: only the largest of their MOEs enters the sum (ACS General Handbook 2020, ch. 8),
      // or a town of many zero block groups would get a margin larger than any of them.
      else if (bg.amount === 0) acc.zeroMoe2 = Math.max(acc.zeroMoe2, (share * bg.moe) ** 2);
      else acc.moe2 += (share * bg.moe) ** 2;
      acc.contributors++;
      out.set(target, acc);
    }
  }
  return new Map([...out].map(([k, a]) => [k, { total: a.total, moe: a.moeKnown ? Math.sqrt(a.moe2 + a.zeroMoe2) : null, contributors: a.contributors }]));
}

/**
 * Ratio of two aggregated sums (a share), in percent, with the Census MOE of a
 * proportion when the numerator's MOE is known and the denominator is treated
 * as fixed (its MOE is not published in the source): MOE_p = MOE_num / den.
 */
export function shareOf(numerator: Sum | undefined, denominator: Sum | undefined): { value: number; moe: number | null } | null {
  if (!numerator || !denominator || denominator.total <= 0) return null;
  return { value: (100 * numerator.total) / denominator.total, moe: numerator.moe === null ? null : (100 * numerator.moe) / denominator.total };
}
