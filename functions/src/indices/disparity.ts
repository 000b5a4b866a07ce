/**
 * Area-based disparity measures from the NCI HD*Calc family (Harper & Lynch,
 * "Methods for Measuring Cancer Disparities", NCI 2005; Pearcy & Keppel 2002),
 * treating each place as a group weighted by its population. Pure.
 */
export interface PlaceValue {
  id: string;
  value: number;
  population: number;
}

export interface GroupContrast {
  /** Population-weighted mean of the group and of the comparison. */
  rate: number;
  reference: number;
  /** rate / reference and rate − reference. */
  rateRatio: number | null;
  rateDifference: number;
  places: number;
}

export interface Disparities {
  placesWithData: number;
  /** Population-weighted mean over all places with data. */
  stateRate: number;
  /** Worst decile of places (by the indicator's direction) against the best decile. */
  worstVsBestDecile: GroupContrast;
  /** A named group (e.g. priority geographies) against the rest of the state; null when no group is given. */
  groupVsRest: GroupContrast | null;
  /** Index of Disparity: mean absolute deviation of place rates from the state rate, as % of the state rate. */
  indexOfDisparity: number | null;
  /** Population-weighted Theil index Σ pⱼ (rⱼ/μ) ln(rⱼ/μ) (a zero rate contributes 0); null if any rate < 0. */
  theil: number | null;
  /** Between-group variance Σ pⱼ (rⱼ − μ)². */
  betweenGroupVariance: number;
}

const weightedMean = (xs: readonly PlaceValue[]) => {
  const pop = xs.reduce((s, x) => s + x.population, 0);
  return pop > 0 ? xs.reduce((s, x) => s + x.value * x.population, 0) / pop : xs.reduce((s, x) => s + x.value, 0) / xs.length;
};

function contrast(group: readonly PlaceValue[], reference: readonly PlaceValue[]): GroupContrast {
  const rate = weightedMean(group);
  const ref = weightedMean(reference);
  return { rate, reference: ref, rateRatio: ref === 0 ? null : rate / ref, rateDifference: rate - ref, places: group.length };
}

export function disparityMeasures(values: readonly PlaceValue[], options: { higherIsWorse: boolean; group?: ReadonlySet<string> }): Disparities {
  const xs = values.filter((v) => Number.isFinite(v.value) && v.population >= 0);
  if (xs.length < 10) throw new Error(`values: need at least 10 places with data for deciles, got ${xs.length}`);
  const totalPop = xs.reduce((s, x) => s + x.population, 0);
  const mu = weightedMean(xs);
  const share = (x: PlaceValue) => (totalPop > 0 ? x.population / totalPop : 1 / xs.length);

  const sorted = [...xs].sort((a, b) => (options.higherIsWorse ? b.value - a.value : a.value - b.value) || a.id.localeCompare(b.id));
  const decile = Math.max(1, Math.floor(sorted.length / 10));
  const worst = sorted.slice(0, decile);
  const best = sorted.slice(-decile);

  let groupVsRest: GroupContrast | null = null;
  if (options.group && options.group.size > 0) {
    const inGroup = xs.filter((x) => options.group!.has(x.id));
    const rest = xs.filter((x) => !options.group!.has(x.id));
    if (inGroup.length > 0 && rest.length > 0) groupVsRest = contrast(inGroup, rest);
  }
  // A zero rate contributes its limit (r ln r → 0); negative rates have no Theil index.
  const theil = xs.some((x) => x.value < 0) || mu <= 0 ? null : xs.reduce((s, x) => s + (x.value === 0 ? 0 : share(x) * (x.value / mu) * Math.log(x.value / mu)), 0);
  return {
    placesWithData: xs.length,
    stateRate: mu,
    worstVsBestDecile: contrast(worst, best),
    groupVsRest,
    indexOfDisparity: mu === 0 ? null : (100 * xs.reduce((s, x) => s + Math.abs(x.value - mu), 0)) / xs.length / mu,
    theil,
    betweenGroupVariance: xs.reduce((s, x) => s + share(x) * (x.value - mu) ** 2, 0),
  };
}
