/**
 * docs/method.md §3a rule 5 (left-censoring), written out from the method text: where the publisher
 * suppresses 1–k events (MassCHIP discharges: k = 6; births-based counts: k = 4), a town is valued only
 * where at least λ* events are expected at the state value (exposure × prior), λ* being the count above
 * which P(1 ≤ X ≤ k) < 5 % for X ~ Poisson(λ*).
 */
export const MAX_SUPPRESSION_CHANCE = 0.05;

/** P(1 ≤ X ≤ k) = P(X ≤ k) − P(X = 0) for X ~ Poisson(λ). */
export function suppressionChance(lambda: number, k: number): number {
  let p = Math.exp(-lambda); // P(X = 0)
  let chance = 0;
  for (let x = 1; x <= k; x++) chance += (p *= lambda / x);
  return chance;
}

/**
 * λ*: d/dλ P(1 ≤ X ≤ k) = e^(−λ)(1 − λᵏ/k!) < 0 once λᵏ > k!, so the chance falls monotonically on [k, ∞)
 * and λ* is found by bisection there (9.15 for k = 4, 11.84 for k = 6, as method §3a prints).
 */
export function lambdaStar(k: number): number {
  let lo = k, hi = 200;
  while (hi - lo > 1e-10) {
    const mid = (lo + hi) / 2;
    if (suppressionChance(mid, k) < MAX_SUPPRESSION_CHANCE) hi = mid;
    else lo = mid;
  }
  return hi;
}
