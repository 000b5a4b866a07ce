import type { LevelIndex } from '../indices/compute-index.js';
import type { Registry } from '../indices/indicator-registry.js';
import type { Level, MeasureInfo, PlaceIndicator, PlaceRecord } from '../indices/place-record.js';
import { roundTo } from '../indices/round.js';

export function overallMeasure(registry: Registry): MeasureInfo {
  return {
    id: 'overall',
    label: `${registry.method.label} (overall)`,
    unit: 'weighted mean of domain percentile ranks (0–1)',
    direction: 'higher_is_worse',
    description: `Method ${registry.method.id}: percentile ranks of ${registry.indicators.filter((i) => i.ranked !== false).length} indicators averaged within ${registry.method.domains.length} domains, domains weighted ${registry.method.domains.map((d) => `${d.label} ${d.weight}`).join(', ')}.`,
    sourceIds: [...new Set(registry.indicators.map((i) => i.source.sourceId))],
    vintage: 'see each indicator',
  };
}

const toPct = (x: number | null) => (x === null ? null : roundTo(x * 100, 2));

/** Place records for one level: identity from the boundary files, everything else from the index result. */
export function placeRecords(
  level: Level,
  places: readonly { id: string; name: string; county: string | null; countyFips: string | null; population: number | null }[],
  index: LevelIndex,
  registry: Registry,
): PlaceRecord[] {
  const byId = new Map(index.places.map((p) => [p.id, p]));
  return places.map((place) => {
    const r = byId.get(place.id)!;
    const indicators: Record<string, PlaceIndicator> = r.indicators;
    const pi = r.overall.percentileInterval;
    return {
      level,
      id: place.id,
      name: place.name,
      county: place.county,
      countyFips: place.countyFips,
      population: place.population,
      score: r.overall.score,
      percentile: toPct(r.overall.percentile),
      percentileInterval: pi ? [toPct(pi[0])!, toPct(pi[1])!] : null,
      rank: r.overall.rank,
      rankInterval: r.overall.rankInterval,
      noDataReason: r.overall.noDataReason,
      ranked: r.ranked,
      flagCount: r.flagCount,
      domains: r.domains,
      indicators,
    };
  });
}
