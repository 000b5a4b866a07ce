import type { IndicatorSpec } from '../indices/indicator-registry.js';
import { roundTo } from '../indices/round.js';

/**
 * How many decimals each published number keeps in the bulk downloads (the data
 * dictionary states them). The one place precision is decided: every download
 * format and the dictionary read it from here.
 *
 * Nothing the store holds is cut: indicator values are stored with at most 2
 * decimals (sources print 1; smoothed and population-weighted values are kept to
 * 2), percentile ranks with 4 (SVI convention), overall percentiles and their
 * intervals with 2. Only standard errors, computed in full floating point, are
 * rounded here — to 3 decimals (dollars: whole dollars), far below their own size.
 */
export const PRECISION = {
  /** Indicator value in its unit. */
  value: 2,
  /** Standard error of an indicator value (same unit). */
  se: 3,
  /** Standard error of a dollar value. */
  seDollars: 0,
  /** Scores and percentile ranks on the 0–1 scale (indicator, domain, overall score). */
  rank01: 4,
  /** Percentiles on the 0–100 scale (overall percentile and its interval; long-format percentiles). */
  percentile100: 2,
  /** Monte Carlo rank interval bounds (quantiles of ranks, may fall between two ranks). */
  rankInterval: 2,
} as const;

export const seDecimals = (spec: Pick<IndicatorSpec, 'valueKind'>) => (spec.valueKind === 'dollars' ? PRECISION.seDollars : PRECISION.se);

/** Round to `decimals`, keeping null (no data) as null; -0 becomes 0 so a CSV never says "-0". */
export function rounded(x: number | null | undefined, decimals: number): number | null {
  if (x === null || x === undefined) return null;
  return roundTo(x, decimals) + 0;
}
