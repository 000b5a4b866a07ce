import type { BlockGroupOverlay } from './block-group-overlay.js';
import { byZctaThenTown, type CrosswalkRow } from './zcta-town-crosswalk.js';

export interface PopulationCrosswalkRow extends CrosswalkRow {
  /** Residents estimated in ZCTA ∩ town (fractional: block groups are split by area). */
  population: number;
}

export interface PopulationCrosswalk {
  /** Sorted by (zcta, town). fracOfZcta sums to 1 for every ZCTA listed, fracOfTown for every town. */
  rows: PopulationCrosswalkRow[];
  /** Block groups in the overlay whose population is unknown (null): left out, never guessed. */
  unknownPopulation: string[];
  /** Block groups with known population that overlap no ZCTA ∩ town (their people cannot be placed). */
  unallocated: string[];
  /** ZCTAs / towns that appear in the overlay but receive no known population (no row; use the area crosswalk). */
  zctasWithoutPopulation: string[];
  townsWithoutPopulation: string[];
}

/**
 * Population-weighted ZCTA ↔ town crosswalk. Each block group's population is
 * spread over its ZCTA ∩ town pieces in proportion to area (areal interpolation
 * within the block group, the smallest unit with a population), renormalised over
 * the block group's area that lies in some ZCTA ∩ town, so no resident is lost
 * to water or boundary slivers. Then fracOfZcta = pop(z ∩ t) / pop(z) and
 * fracOfTown = pop(z ∩ t) / pop(t), with pop(z) and pop(t) the sums of the same
 * allocated populations (so both sum to 1 up to rounding).
 *
 * `population` maps block-group GEOID → residents or null. The pipeline passes the
 * ACS 2019–2023 population recovered from the EJ file (`recoverPopulation`:
 * minorityE ÷ (minorityPctE / 100)); the 110 block groups where that is undefined
 * (71 with no minority residents, 39 with no population or no estimate; 103 of
 * them are in the CB polygon file) are null: they carry zero weight and are listed
 * in `unknownPopulation`. Because the 71 are all-white, mostly rural or Cape block
 * groups, some towns come out short (docs/crosswalks.md, "Limitations").
 * A block group missing from the map counts as unknown too.
 */
export function populationCrosswalk(overlay: BlockGroupOverlay, population: ReadonlyMap<string, number | null>): PopulationCrosswalk {
  const covered = new Map<string, number>();
  for (const p of overlay.pieces) covered.set(p.blockGroup, (covered.get(p.blockGroup) ?? 0) + p.areaM2);

  const unknownPopulation: string[] = [];
  const unallocated: string[] = [];
  for (const { id } of overlay.blockGroups) {
    const pop = population.get(id);
    if (pop === null || pop === undefined) unknownPopulation.push(id);
    else if (pop < 0 || !Number.isFinite(pop)) throw new Error(`population: block group ${id} has invalid population ${pop}`);
    else if (!covered.has(id) && pop > 0) unallocated.push(id);
  }

  const pairPop = new Map<string, { zcta: string; town: string; population: number }>();
  const zctaPop = new Map<string, number>();
  const townPop = new Map<string, number>();
  for (const p of overlay.pieces) {
    zctaPop.set(p.zcta, zctaPop.get(p.zcta) ?? 0);
    townPop.set(p.town, townPop.get(p.town) ?? 0);
    const pop = population.get(p.blockGroup);
    if (pop === null || pop === undefined || pop === 0) continue;
    const share = (pop * p.areaM2) / covered.get(p.blockGroup)!;
    const key = `${p.zcta}|${p.town}`;
    const acc = pairPop.get(key) ?? { zcta: p.zcta, town: p.town, population: 0 };
    acc.population += share;
    pairPop.set(key, acc);
    zctaPop.set(p.zcta, zctaPop.get(p.zcta)! + share);
    townPop.set(p.town, townPop.get(p.town)! + share);
  }

  const rows = [...pairPop.values()]
    .map(({ zcta, town, population: pop }) => ({ zcta, town, population: pop, fracOfZcta: pop / zctaPop.get(zcta)!, fracOfTown: pop / townPop.get(town)! }))
    .sort(byZctaThenTown);
  const without = (m: Map<string, number>) => [...m].filter(([, pop]) => pop === 0).map(([id]) => id).sort();
  return {
    rows,
    unknownPopulation: unknownPopulation.sort(),
    unallocated: unallocated.sort(),
    zctasWithoutPopulation: without(zctaPop),
    townsWithoutPopulation: without(townPop),
  };
}
