import { percentileRankInto, roundRatio4 } from './percentile-rank.js';
import { roundSvi } from './svi-round.js';

/**
 * One scoring pass over a level, on typed arrays (NaN = no data) so the Monte
 * Carlo loop can call it a thousand times (docs/method.md, "Scores"):
 * indicator percentile ranks (direction-adjusted, 4 decimals) → domain score =
 * mean of its indicators' ranks under the coverage rule → domain percentile →
 * overall = weighted mean of domain percentiles → overall percentile and rank.
 */
export interface LevelLayout {
  places: number;
  /** Per ranked indicator: its domain index and whether higher values are better. */
  indicators: { domain: number; higherIsBetter: boolean }[];
  domainWeights: number[];
  /** Indicators with data somewhere at this level, per domain (the coverage denominator). */
  availablePerDomain: number[];
  domainCoverage: number;
  /** A domain score needs at least this many indicators with data (ma-hei-1.1: 2; absent = 1). */
  domainMinIndicators?: number;
  overallCoverage: number;
}

export interface LevelScores {
  indicatorPct: Float64Array[];
  domainScore: Float64Array[];
  domainPct: Float64Array[];
  overallScore: Float64Array;
  overallPct: Float64Array;
  /** 1 = most disadvantaged; ties share the best rank. NaN = no data. */
  rank: Float64Array;
}

export function allocateScores(layout: LevelLayout): LevelScores {
  const n = layout.places;
  const d = layout.domainWeights.length;
  return {
    indicatorPct: layout.indicators.map(() => new Float64Array(n)),
    domainScore: Array.from({ length: d }, () => new Float64Array(n)),
    domainPct: Array.from({ length: d }, () => new Float64Array(n)),
    overallScore: new Float64Array(n),
    overallPct: new Float64Array(n),
    rank: new Float64Array(n),
  };
}

/**
 * `unchanged[k]` = indicator k has the same values as in the previous call
 * with this `out` (Monte Carlo draws leave indicators without an SE fixed), so
 * its ranks are reused instead of recomputed.
 */
export function scoreLevel(layout: LevelLayout, values: readonly Float64Array[], out: LevelScores, scratch = new Float64Array(layout.places), unchanged?: readonly boolean[]): LevelScores {
  const n = layout.places;
  const oriented = new Float64Array(n);
  layout.indicators.forEach((ind, k) => {
    if (unchanged?.[k]) return;
    const v = values[k]!;
    for (let i = 0; i < n; i++) oriented[i] = ind.higherIsBetter ? -v[i]! : v[i]!;
    percentileRankInto(oriented, out.indicatorPct[k]!, scratch, { round4: true });
  });

  const domains = layout.domainWeights.length;
  const members = Array.from({ length: domains }, (_, dIdx) => layout.indicators.flatMap((ind, k) => (ind.domain === dIdx ? [out.indicatorPct[k]!] : [])));
  for (let dIdx = 0; dIdx < domains; dIdx++) {
    const needed = Math.max(layout.domainMinIndicators ?? 1, Math.ceil(layout.domainCoverage * layout.availablePerDomain[dIdx]! - 1e-9));
    const score = out.domainScore[dIdx]!;
    const columns = members[dIdx]!;
    for (let i = 0; i < n; i++) {
      // Ranks are multiples of 1e-4: sum them as integers so the mean rounds exactly (half up).
      let sum = 0;
      let count = 0;
      for (const column of columns) {
        const p = column[i]!;
        if (!Number.isNaN(p)) {
          sum += Math.round(p * 10_000);
          count++;
        }
      }
      score[i] = count > 0 && count >= needed ? roundRatio4(sum, count * 10_000) : Number.NaN;
    }
    percentileRankInto(score, out.domainPct[dIdx]!, scratch, { round4: true });
  }

  scoreOverall(out.domainPct, layout.domainWeights, layout.overallCoverage, out, scratch);
  return out;
}

/**
 * Overall score = weighted mean of the domain percentile ranks a place has,
 * when the domains with data carry at least `overallCoverage` of the total
 * weight; then its percentile rank and rank. Shared with custom weights.
 */
export function scoreOverall(
  domainPct: readonly Float64Array[],
  weights: readonly number[],
  overallCoverage: number,
  out: Pick<LevelScores, 'overallScore' | 'overallPct' | 'rank'>,
  scratch?: Float64Array,
): void {
  const n = out.overallScore.length;
  const totalWeight = weights.reduce((s, w) => s + w, 0);
  for (let i = 0; i < n; i++) {
    let w = 0;
    let sum = 0;
    for (let dIdx = 0; dIdx < weights.length; dIdx++) {
      const p = domainPct[dIdx]![i]!;
      const weight = weights[dIdx]!;
      if (!Number.isNaN(p) && weight > 0) {
        w += weight;
        sum += weight * p;
      }
    }
    out.overallScore[i] = w > 0 && w / totalWeight >= overallCoverage - 1e-9 ? roundSvi(sum / w) : Number.NaN;
  }
  percentileRankInto(out.overallScore, out.overallPct, scratch, { round4: true });
  rankDescending(out.overallScore, out.rank);
}

/** Rank 1 = highest score; ties share the best rank; NaN stays NaN. */
export function rankDescending(scores: Float64Array, out: Float64Array): Float64Array {
  const known = Array.from(scores).filter((s) => !Number.isNaN(s)).sort((a, b) => b - a);
  const first = new Map<number, number>();
  known.forEach((s, i) => {
    if (!first.has(s)) first.set(s, i + 1);
  });
  for (let i = 0; i < scores.length; i++) out[i] = Number.isNaN(scores[i]!) ? Number.NaN : first.get(scores[i]!)!;
  return out;
}
