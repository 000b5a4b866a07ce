import type { Estimate } from './estimate.js';

/** Share of a target area that a source area accounts for (e.g. from a population-weighted crosswalk). */
export interface SourceWeight {
  from: string;
  weight: number;
}

export interface Reallocated {
  estimate: Estimate | null;
  /** Sum of the weights of sources that had data (0–1). */
  coverage: number;
}

/**
 * Move estimates from one geography to another as a weighted mean of the
 * overlapping source areas that have data (e.g. ZCTA prevalences → towns with
 * population weights). A target gets a value only when sources with data carry
 * at least `minCoverage` of its weight; otherwise null (no data), never a guess.
 * SE assumes independent sources: √Σ (wᵢ/W)² seᵢ², null if any contributing SE is unknown.
 */
export function reallocate(source: ReadonlyMap<string, Estimate>, weights: ReadonlyMap<string, readonly SourceWeight[]>, minCoverage: number): Map<string, Reallocated> {
  if (!(minCoverage > 0 && minCoverage <= 1)) throw new Error(`minCoverage: expected (0, 1], got ${minCoverage}`);
  const out = new Map<string, Reallocated>();
  for (const [target, parts] of weights) {
    let w = 0;
    let sum = 0;
    let variance = 0;
    let seKnown = true;
    for (const { from, weight } of parts) {
      const e = source.get(from);
      if (!e || weight <= 0) continue;
      w += weight;
      sum += weight * e.value;
    }
    if (w < minCoverage - 1e-9) {
      out.set(target, { estimate: null, coverage: w });
      continue;
    }
    for (const { from, weight } of parts) {
      const e = source.get(from);
      if (!e || weight <= 0) continue;
      if (e.se === null) seKnown = false;
      else variance += (weight / w) ** 2 * e.se ** 2;
    }
    out.set(target, { estimate: { value: sum / w, se: seKnown ? Math.sqrt(variance) : null }, coverage: Math.min(1, w) });
  }
  return out;
}
