import type { Geometry, PlaceSummary } from '../api';

export interface JoinedProperties {
  id: string;
  name: string;
  /** Omitted (not null) when there is no data: MapLibre expressions test for a number. */
  percentile?: number;
  score?: number;
  rank?: number;
  noDataReason?: string;
}

/**
 * Put each place's values on its map feature. Features without a place in the
 * list keep no values and are drawn as "no data", never as zero.
 */
export function joinValues(geometry: Geometry, items: readonly PlaceSummary[]): { collection: Geometry; unmatched: number } {
  const byId = new Map(items.map((p) => [p.id, p]));
  let unmatched = 0;
  const features = geometry.features.map((f) => {
    const place = byId.get(f.properties.id);
    const properties: JoinedProperties = { id: f.properties.id, name: place?.name ?? f.properties.name };
    if (!place) {
      unmatched++;
      properties.noDataReason = 'This place is not in the current index version.';
    } else if (place.percentile === null || place.score === null) properties.noDataReason = place.noDataReason ?? 'No data.';
    else {
      properties.percentile = place.percentile;
      properties.score = place.score;
      if (place.rank !== null && place.rank !== undefined) properties.rank = place.rank;
    }
    return { ...f, properties };
  });
  return { collection: { ...geometry, features } as Geometry, unmatched };
}
