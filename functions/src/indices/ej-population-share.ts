/**
 * Share of a municipality's residents who live in block groups that meet the
 * Massachusetts Environmental Justice criteria (docs/method.md, "first index").
 *
 * The EJ source has no total-population column, so a block group's population
 * is recovered as minority count ÷ minority share. Where that is impossible
 * (no minority residents, or no population at all) the block group's population
 * is unknown and it is left out of both numerator and denominator; the count of
 * such block groups is reported as coverage, never guessed.
 */
export interface EjBlockGroupInput {
  municipality: string | null;
  minorityCount: number;
  minorityPercent: number | null;
  isEj: boolean;
}

export interface EjShare {
  /** Share 0–1, or null when no block group with known population is assigned to the municipality. */
  share: number | null;
  ejPopulation: number;
  knownPopulation: number;
  blockGroups: number;
  blockGroupsUnknownPopulation: number;
}

export function recoverPopulation(bg: EjBlockGroupInput): number | null {
  if (bg.minorityPercent === null || bg.minorityPercent <= 0) return null;
  return bg.minorityCount / (bg.minorityPercent / 100);
}

/** Group block groups by a municipality key (the caller normalizes names) and compute each share. */
export function ejPopulationShareByMunicipality(
  blockGroups: readonly EjBlockGroupInput[],
  keyOf: (municipality: string) => string,
): Map<string, EjShare> {
  const out = new Map<string, EjShare>();
  for (const bg of blockGroups) {
    if (bg.municipality === null) continue;
    const key = keyOf(bg.municipality);
    const acc = out.get(key) ?? { share: null, ejPopulation: 0, knownPopulation: 0, blockGroups: 0, blockGroupsUnknownPopulation: 0 };
    acc.blockGroups += 1;
    const population = recoverPopulation(bg);
    if (population === null) acc.blockGroupsUnknownPopulation += 1;
    else {
      acc.knownPopulation += population;
      if (bg.isEj) acc.ejPopulation += population;
    }
    out.set(key, acc);
  }
  for (const acc of out.values()) acc.share = acc.knownPopulation > 0 ? acc.ejPopulation / acc.knownPopulation : null;
  return out;
}
