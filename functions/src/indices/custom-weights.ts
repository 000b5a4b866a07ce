import { DOMAINS, type Domain } from './indicator-registry.js';
import { scoreOverall } from './score-level.js';

export interface Reweighted {
  id: string;
  score: number | null;
  /** Percentile rank 0–1 under the custom weights. */
  percentile: number | null;
  rank: number | null;
}

/**
 * Re-rank every place of a level under custom domain weights, from the
 * published domain percentiles (the indicator and domain steps do not depend
 * on the weights). Pure and fast: one pass plus one sort per call.
 */
export function reweight(
  places: readonly { id: string; domains: Record<Domain, { percentile: number | null }> }[],
  weights: Record<Domain, number>,
  overallCoverage: number,
): Reweighted[] {
  const w = DOMAINS.map((d) => weights[d]);
  if (w.some((x) => !(x >= 0) || !Number.isFinite(x))) throw new Error('weights: every domain weight must be a finite number ≥ 0');
  if (w.every((x) => x === 0)) throw new Error('weights: at least one domain weight must be positive');
  const n = places.length;
  const domainPct = DOMAINS.map((d) => Float64Array.from(places, (p) => p.domains[d]?.percentile ?? Number.NaN));
  const out = { overallScore: new Float64Array(n), overallPct: new Float64Array(n), rank: new Float64Array(n) };
  scoreOverall(domainPct, w, overallCoverage, out);
  const orNull = (x: number) => (Number.isNaN(x) ? null : x);
  return places.map((p, i) => ({ id: p.id, score: orNull(out.overallScore[i]!), percentile: orNull(out.overallPct[i]!), rank: orNull(out.rank[i]!) }));
}
