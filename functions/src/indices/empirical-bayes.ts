/**
 * Global empirical-Bayes shrinkage of small-area rates (Marshall 1991, "Mapping
 * disease and mortality rates using empirical Bayes estimators", Applied
 * Statistics 40:283–294; the estimator GeoDa and CDC's small-area guidance use).
 * A rate from few events moves toward the prior (the state rate) by how
 * little its exposure can tell; a rate from many events barely moves. Pure.
 *
 * Rates are per unit of exposure (e.g. deaths per person, not per 100,000).
 * `poisson`: within-area variance prior / exposure (event rates);
 * `binomial`: prior·(1 − prior) / exposure (shares of births).
 */
export interface Observed {
  id: string;
  rate: number;
  exposure: number;
}

export interface Shrunk {
  rate: number;
  /** Weight of the observed rate (0–1). */
  weight: number;
  /** Posterior standard error: √(weight · within-area variance). */
  se: number;
}

export function empiricalBayes(observed: readonly Observed[], prior: number, model: 'poisson' | 'binomial'): Map<string, Shrunk> {
  const within = (exposure: number) => (model === 'poisson' ? prior : prior * (1 - prior)) / exposure;
  const usable = observed.filter((o) => o.exposure > 0);
  const totalExposure = usable.reduce((s, o) => s + o.exposure, 0);
  const meanExposure = totalExposure / usable.length;
  // Between-area variance: the exposure-weighted spread of the rates minus what chance alone gives.
  const spread = usable.reduce((s, o) => s + o.exposure * (o.rate - prior) ** 2, 0) / totalExposure;
  const between = Math.max(0, spread - within(meanExposure));
  const out = new Map<string, Shrunk>();
  for (const o of observed) {
    if (!(o.exposure > 0)) throw new Error(`empiricalBayes: ${o.id} has exposure ${o.exposure}; zero denominators have no rate`);
    const v = within(o.exposure);
    const weight = between + v > 0 ? between / (between + v) : 0;
    out.set(o.id, { rate: weight * o.rate + (1 - weight) * prior, weight, se: Math.sqrt(weight * v) });
  }
  return out;
}
