import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import bbox from '@turf/bbox';
import Flatbush from 'flatbush';
import type { Feature, MultiPolygon, Polygon } from 'geojson';

type Area = Feature<Polygon | MultiPolygon>;

/**
 * Point-in-polygon lookup over one layer: a flatbush R-tree of feature bounding
 * boxes narrows the candidates, Turf's exact ray-casting test decides. Built
 * once (≈ ms for 351 towns); each lookup touches only the few polygons whose
 * boxes contain the point. Returns the id (feature id, else properties.id) of
 * the first feature containing the point, or null ("no place there").
 */
export function createPointIndex(features: readonly Area[]): (lon: number, lat: number) => string | null {
  if (features.length === 0) return () => null;
  const index = new Flatbush(features.length);
  for (const f of features) {
    const [minX, minY, maxX, maxY] = bbox(f);
    index.add(minX, minY, maxX, maxY);
  }
  index.finish();
  const ids = features.map((f, i) => {
    const id = f.id ?? (f.properties as { id?: unknown } | null)?.id;
    if (id === undefined || id === null) throw new Error(`features[${i}] has no id (feature.id or properties.id)`);
    return String(id);
  });
  return (lon, lat) => {
    for (const i of index.search(lon, lat, lon, lat)) {
      if (booleanPointInPolygon([lon, lat], features[i]!)) return ids[i]!;
    }
    return null;
  };
}
