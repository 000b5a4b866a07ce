import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { allocateScores, scoreLevel, type LevelLayout } from './score-level.js';

/** A seeded standard-normal source (Box–Muller over xoroshiro128+), so intervals are reproducible. */
export function normalSource(seed: number): () => number {
  const rng = xoroshiro128plus(seed);
  const uniform = () => ((rng.next() >>> 0) + 0.5) / 2 ** 32; // (0, 1): never 0, so log is finite
  let spare: number | null = null;
  return () => {
    if (spare !== null) {
      const s = spare;
      spare = null;
      return s;
    }
    const r = Math.sqrt(-2 * Math.log(uniform()));
    const theta = 2 * Math.PI * uniform();
    spare = r * Math.sin(theta);
    return r * Math.cos(theta);
  };
}

export interface Intervals {
  /** Per place [low, high] of the overall percentile (0–1); NaN where no data. */
  percentile: [number, number][];
  rank: [number, number][];
}

/** Linear-interpolated quantile of an ascending array (type 7, as R and NumPy default). */
export function quantile(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/**
 * Propagate indicator uncertainty to the overall percentile and rank: each
 * draw perturbs every value that has a standard error by N(0, se²), re-scores
 * the whole level, and the central `interval` of the draws is reported
 * (docs/method.md, "Uncertainty").
 */
export function monteCarloIntervals(
  layout: LevelLayout,
  values: readonly Float64Array[],
  standardErrors: readonly Float64Array[],
  options: { draws: number; seed: number; interval: number },
): Intervals {
  const n = layout.places;
  const draws = options.draws;
  const pctDraws = Array.from({ length: n }, () => new Float64Array(draws));
  const rankDraws = Array.from({ length: n }, () => new Float64Array(draws));
  const normal = normalSource(options.seed);
  const perturbed = values.map((v) => new Float64Array(v));
  const scores = allocateScores(layout);
  const scratch = new Float64Array(n);
  const hasSe = standardErrors.map((se) => se.some((x) => !Number.isNaN(x)));
  const unchangedAfterFirst = hasSe.map((h) => !h);
  for (let d = 0; d < draws; d++) {
    values.forEach((v, k) => {
      if (!hasSe[k] && d > 0) return;
      const se = standardErrors[k]!;
      const p = perturbed[k]!;
      for (let i = 0; i < n; i++) p[i] = Number.isNaN(se[i]!) ? v[i]! : v[i]! + se[i]! * normal();
    });
    scoreLevel(layout, perturbed, scores, scratch, d > 0 ? unchangedAfterFirst : undefined);
    for (let i = 0; i < n; i++) {
      pctDraws[i]![d] = scores.overallPct[i]!;
      rankDraws[i]![d] = scores.rank[i]!;
    }
  }
  const lowQ = (1 - options.interval) / 2;
  const highQ = 1 - lowQ;
  const interval = (samples: Float64Array): [number, number] => {
    const known = samples.filter((x) => !Number.isNaN(x)).sort();
    return [quantile(known, lowQ), quantile(known, highQ)];
  };
  return { percentile: pctDraws.map(interval), rank: rankDraws.map(interval) };
}
