import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

/**
 * A seeded source of flat Dirichlet(1, …, 1) weight vectors over `k` parts:
 * each Gamma(1) variate is −ln U (U uniform on (0, 1)), normalised by their
 * sum, which samples the weight simplex uniformly (Devroye 1986, ch. XI.4).
 * Same generator style as monte-carlo.ts (xoroshiro128+), so draws are
 * reproducible for a seed.
 */
export function dirichletSource(seed: number, k: number): () => number[] {
  if (!Number.isInteger(k) || k < 1) throw new Error(`k: expected a positive integer, got ${k}`);
  const rng = xoroshiro128plus(seed);
  const uniform = () => ((rng.next() >>> 0) + 0.5) / 2 ** 32; // (0, 1): never 0 or 1, so every weight is finite and > 0
  return () => {
    const gammas = Array.from({ length: k }, () => -Math.log(uniform()));
    const total = gammas.reduce((s, g) => s + g, 0);
    return gammas.map((g) => g / total);
  };
}
