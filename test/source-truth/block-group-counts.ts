/** Block-group persons and households under ma-hei-1.1 rule R1, from the EJ file only. */
import { loadEjRows, type EjRow } from './raw.js';

export interface BgCounts {
  geoid: string; ej: boolean;
  /** Persons: null = unknown. `personsHow` says where the number came from. */
  persons: number | null; personsHow: 'direct' | 'housing-unit' | 'empty' | 'unknown';
  households: number | null; householdsHow: 'direct' | 'moe-ratio' | 'empty' | 'unknown';
  minorityE: number; limitEngE: number;
}

/**
 * Households: limitEngpctE > 0 → limitEngE / (pct/100); limitEngE = 0 and limitEngpctM > 0 →
 * limitEngM / (limitEngpctM/100) (ACS: MOE of a proportion with a zero numerator is MOE_x / Y);
 * limitEngpctE empty → 0; otherwise unknown.
 */
export function households(r: EjRow): { value: number | null; how: BgCounts['householdsHow'] } {
  if (r.limitEngpctE !== null && r.limitEngpctE > 0) return { value: r.limitEngE! / (r.limitEngpctE / 100), how: 'direct' };
  if (r.limitEngpctE !== null && r.limitEngE === 0 && r.limitEngpctM !== null && r.limitEngpctM > 0) return { value: r.limitEngM! / (r.limitEngpctM / 100), how: 'moe-ratio' };
  if (r.limitEngpctE === null) return { value: 0, how: 'empty' };
  return { value: null, how: 'unknown' };
}

/** PPH per county (GEOID[0:5]): Σ persons / Σ households over block groups where both are directly known. */
export function personsPerHousehold(rows: readonly EjRow[]): Map<string, number> {
  const sums = new Map<string, { p: number; h: number }>();
  for (const r of rows) {
    if (!(r.minorityPctE !== null && r.minorityPctE > 0 && r.limitEngpctE !== null && r.limitEngpctE > 0)) continue;
    const s = sums.get(r.county) ?? { p: 0, h: 0 };
    s.p += r.minorityE! / (r.minorityPctE / 100);
    s.h += r.limitEngE! / (r.limitEngpctE / 100);
    sums.set(r.county, s);
  }
  return new Map([...sums].map(([c, s]) => [c, s.p / s.h]));
}

let counts: Map<string, BgCounts> | undefined;
/** Every block group of the EJ file with its R1 persons and households. */
export function blockGroupCounts(): Map<string, BgCounts> {
  if (counts) return counts;
  const rows = loadEjRows();
  const pph = personsPerHousehold(rows);
  counts = new Map(rows.map((r) => {
    const h = households(r);
    let persons: number | null;
    let personsHow: BgCounts['personsHow'];
    if (r.minorityPctE === null) [persons, personsHow] = [0, 'empty'];
    else if (r.minorityPctE > 0) [persons, personsHow] = [r.minorityE! / (r.minorityPctE / 100), 'direct'];
    else if (h.value !== null) [persons, personsHow] = [h.value * pph.get(r.county)!, 'housing-unit'];
    else [persons, personsHow] = [null, 'unknown'];
    return [r.geoid, { geoid: r.geoid, ej: r.ej, persons, personsHow, households: h.value, householdsHow: h.how, minorityE: r.minorityE ?? 0, limitEngE: r.limitEngE ?? 0 }];
  }));
  return counts;
}

export interface BgShares { minority_share: number | null; ej_population_share: number | null; limited_english: number | null; coverage: { minority_share: number | null; ej_population_share: number | null; limited_english: number | null }; persons: number }

/** R1 shares of one place from its block groups' area shares (GEOID → share of the block group in the place). */
export function placeShares(shares: ReadonlyMap<string, number>): BgShares {
  const all = blockGroupCounts();
  let persons = 0, minority = 0, ejPersons = 0, hh = 0, lep = 0, personsWithHh = 0;
  for (const [geoid, s] of shares) {
    const c = all.get(geoid);
    if (!c || s === 0) continue;
    if (c.persons !== null) {
      persons += s * c.persons;
      minority += s * c.minorityE;
      if (c.ej) ejPersons += s * c.persons;
      if (c.households !== null) personsWithHh += s * c.persons;
    }
    if (c.households !== null) { hh += s * c.households; lep += s * c.limitEngE; }
  }
  const pct = (a: number, b: number) => (b > 0 ? (100 * a) / b : null);
  const cov = persons > 0 ? 1 : null; // denominators of minority and EJ shares are persons themselves
  return {
    minority_share: pct(minority, persons), ej_population_share: pct(ejPersons, persons), limited_english: pct(lep, hh), persons,
    coverage: { minority_share: cov, ej_population_share: cov, limited_english: persons > 0 ? personsWithHh / persons : null },
  };
}
