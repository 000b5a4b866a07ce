/**
 * Percentile rank, CDC/ATSDR SVI convention (method.md §4): (ranked places with a strictly lower
 * direction-adjusted value) / (n − 1), n = ranked places with a value, rounded half up to 4 decimals
 * in integer arithmetic. Served values may be trimmed (6 significant digits in /v1/layers), so ties
 * there give a range [lowest, highest] rather than one number.
 */
import { loadTowns, loadZctaPopulation } from './raw.js';

/** R5: ≥ 500 residents — towns by 2020 census, ZCTAs by ACS 2017–2021 (absent = unranked). */
export function rankedIds(level: 'town' | 'zcta'): Set<string> {
  if (level === 'town') return new Set(loadTowns().filter((t) => t.pop2020 >= 500).map((t) => t.geoid));
  return new Set([...loadZctaPopulation()].filter(([, pop]) => pop >= 500).map(([z]) => z));
}

const roundHalfUp4 = (count: number, denominator: number) => Math.floor((2 * count * 10000 + denominator) / (2 * denominator)) / 10000;

/** Expected percentile (0–1) range per place id, for the places in `ranked` with a value. */
export function expectedPercentiles(values: ReadonlyMap<string, number | null>, ranked: ReadonlySet<string>, higherIsBetter: boolean): Map<string, [number, number]> {
  const xs = [...values].filter(([id, v]) => ranked.has(id) && v !== null).map(([id, v]) => [id, higherIsBetter ? -v! : v!] as const);
  const n = xs.length;
  const sorted = xs.map(([, v]) => v).sort((a, b) => a - b);
  const lowerThan = (v: number) => { let lo = 0, hi = n; while (lo < hi) { const mid = (lo + hi) >> 1; if (sorted[mid]! < v) lo = mid + 1; else hi = mid; } return lo; };
  const upTo = (v: number) => { let lo = 0, hi = n; while (lo < hi) { const mid = (lo + hi) >> 1; if (sorted[mid]! <= v) lo = mid + 1; else hi = mid; } return lo; };
  return new Map(xs.map(([id, v]) => {
    const below = lowerThan(v);
    const tiedOthers = upTo(v) - below - 1;
    return [id, n < 2 ? [0, 0] : [roundHalfUp4(below, n - 1), roundHalfUp4(below + tiedOthers, n - 1)]];
  }));
}
