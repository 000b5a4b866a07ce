/**
 * Population crosswalk (docs/crosswalks.md "Rule", method.md §2): a block group's persons spread over its
 * ZCTA ∩ town pieces by area (renormalised over the pieces), summed per (ZCTA, town).
 */
import { blockGroupCounts } from './block-group-counts.js';
import type { BgPieces } from './overlay.js';

/** persons in "zcta|town", from the block groups of the overlay that carry ZCTA pieces. */
export function populationCrosswalk(overlay: ReadonlyMap<string, BgPieces>): Map<string, number> {
  const counts = blockGroupCounts();
  const out = new Map<string, number>();
  for (const [geoid, p] of overlay) {
    const persons = counts.get(geoid)?.persons;
    const total = [...p.zctaTown.values()].reduce((s, a) => s + a, 0);
    if (!persons || total === 0) continue;
    for (const [key, a] of p.zctaTown) out.set(key, (out.get(key) ?? 0) + (persons * a) / total);
  }
  return out;
}

/**
 * Population-weighted mean of the other level's values over the pieces of one place, renormalised over
 * the pieces with a value; null below `minCoverage` of the place's persons (method.md §2: 50 %).
 */
export function reallocate(crosswalk: ReadonlyMap<string, number>, place: { level: 'town' | 'zcta'; id: string }, values: ReadonlyMap<string, number | null>, minCoverage = 0.5) {
  let all = 0, covered = 0, sum = 0;
  for (const [key, persons] of crosswalk) {
    const [zcta, town] = key.split('|') as [string, string];
    const [self, other] = place.level === 'town' ? [town, zcta] : [zcta, town];
    if (self !== place.id) continue;
    all += persons;
    const v = values.get(other);
    if (v === null || v === undefined) continue;
    covered += persons;
    sum += persons * v;
  }
  const coverage = all > 0 ? covered / all : 0;
  return { value: coverage >= minCoverage && covered > 0 ? sum / covered : null, coverage };
}
