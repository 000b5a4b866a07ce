/**
 * Which places are too small to rank (method ma-hei-1.1, docs/method.md §4):
 * with fewer than `minPopulation` residents nearly every count-based value is
 * suppressed or rests on a handful of events, and ACS shares have margins
 * wider than the shares, so a rank would describe noise (1.0 ranked ZCTA 02651
 * 18th of 535 from about 17 residents). Such places keep their values, shown
 * with the reason, and take no part in any percentile. A place without a
 * population count is not ranked either. Pure.
 */
export function unrankedPlaces(population: ReadonlyMap<string, number | null>, minPopulation: number, countLabel: string): Map<string, string> {
  const out = new Map<string, string>();
  if (minPopulation <= 0) return out;
  for (const [id, pop] of population) {
    if (pop === null) out.set(id, `no ${countLabel} population count for this place; places need at least ${minPopulation.toLocaleString('en-US')} residents to be ranked.`);
    else if (pop < minPopulation) out.set(id, `${pop.toLocaleString('en-US')} residents (${countLabel}); places need at least ${minPopulation.toLocaleString('en-US')} to be ranked, as rates and shares from so few people are too unstable to compare.`);
  }
  return out;
}
