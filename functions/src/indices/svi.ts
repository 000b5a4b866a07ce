import { percentileRank } from './percentile-rank.js';
import { sviVariables, type SviMethod } from './svi-methods.js';
import { roundSvi } from './svi-round.js';

/** One place (county or tract) as the SVI ranks it. */
export interface SviPlace {
  /** E_TOTPOP. A place with zero population is left out of every ranking and gets no scores (CDC). */
  population: number | null;
  /** The `EP_*` value of each variable, keyed by variable id ("POV", …); null = no data (-999 in the file). */
  values: Readonly<Record<string, number | null>>;
}

type Four<T> = [T, T, T, T];

/** The published SVI outputs for one place; null where CDC writes -999. */
export interface SviScores {
  /** EPL_<id>: percentile rank of each variable, 4 decimals. */
  epl: Record<string, number | null>;
  /** SPL_THEME1–4: sum of the theme's EPL values. */
  splTheme: Four<number | null>;
  /** RPL_THEME1–4: percentile rank of SPL_THEMEn. */
  rplTheme: Four<number | null>;
  /** SPL_THEMES: sum of SPL_THEME1–4 (= sum of every EPL). */
  splThemes: number | null;
  /** RPL_THEMES: percentile rank of SPL_THEMES — the overall SVI. */
  rplThemes: number | null;
}

/**
 * The CDC/ATSDR SVI ranking, within the places given (a state file ranks a
 * state's places, the national file the nation's). Rules, each confirmed
 * against the published 2018 MA and 2022 US county files
 * (docs/svi-reproduction.md):
 *  1. EPL = percentile rank of EP among places with data ((count lower)/(n−1),
 *     ties lowest), inverted (1 − rank) for per capita income, then rounded to
 *     4 decimals;
 *  2. SPL_THEMEn = sum of the theme's *rounded* EPLs, rounded to 4 decimals;
 *     RPL_THEMEn = its percentile rank, 4 decimals;
 *  3. SPL_THEMES = sum of the four SPLs; RPL_THEMES = its percentile rank.
 * A missing EP leaves its EPL, that theme and the overall score null, and the
 * place is left out of those rankings; zero-population places are left out of all.
 */
export function computeSvi(places: readonly SviPlace[], method: SviMethod): SviScores[] {
  const inRanking = places.map((p) => p.population !== 0);
  const epl: Record<string, (number | null)[]> = {};
  for (const variable of sviVariables(method)) {
    const raw = places.map((p, i) => (inRanking[i] ? valueOf(p, variable.id, i) : null));
    epl[variable.id] = percentileRank(raw).map((r) => (r === null ? null : roundSvi(variable.inverted ? 1 - r : r)));
  }
  const splTheme = method.themes.map((theme) => places.map((_, i) => roundedSum(theme.map((v) => epl[v.id]![i]!)))) as Four<(number | null)[]>;
  const rplTheme = splTheme.map(roundedRanks) as Four<(number | null)[]>;
  const splThemes = places.map((_, i) => roundedSum(splTheme.map((s) => s[i]!)));
  const rplThemes = roundedRanks(splThemes);

  return places.map((_, i) => ({
    epl: Object.fromEntries(Object.entries(epl).map(([id, ranks]) => [id, ranks[i]!])),
    splTheme: splTheme.map((s) => s[i]!) as Four<number | null>,
    rplTheme: rplTheme.map((r) => r[i]!) as Four<number | null>,
    splThemes: splThemes[i]!,
    rplThemes: rplThemes[i]!,
  }));
}

function valueOf(place: SviPlace, id: string, index: number): number | null {
  const value = place.values[id];
  if (value === undefined) throw new Error(`places[${index}].values: no value for SVI variable "${id}"`);
  return value;
}

/** Sum of 4-decimal values, rounded again so float noise cannot split ties; null if any part is null. */
function roundedSum(parts: (number | null)[]): number | null {
  if (parts.some((p) => p === null)) return null;
  return roundSvi((parts as number[]).reduce((a, b) => a + b, 0));
}

function roundedRanks(values: (number | null)[]): (number | null)[] {
  return percentileRank(values).map((r) => (r === null ? null : roundSvi(r)));
}
