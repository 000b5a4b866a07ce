import bbox from '@turf/bbox';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';

type Area = Polygon | MultiPolygon;

/** Round coordinates (5 decimals ≈ 1 m) so map geometry stays small; drawing needs no more. */
export function roundGeometry<G extends Area>(geometry: G, decimals = 5): G {
  const f = 10 ** decimals;
  const p = (pos: Position): Position => [Math.round(pos[0]! * f) / f, Math.round(pos[1]! * f) / f];
  if (geometry.type === 'Polygon') return { ...geometry, coordinates: geometry.coordinates.map((ring) => ring.map(p)) };
  return { ...geometry, coordinates: geometry.coordinates.map((poly) => poly.map((ring) => ring.map(p))) };
}

/**
 * Map geometry for one level: only `id` and `name` per feature (values come
 * from the API and are joined in the browser), plus the collection's bbox.
 */
export function webGeometry(places: readonly { id: string; name: string; geometry: Area }[], decimals = 5): FeatureCollection<Area> {
  const features: Feature<Area>[] = places.map((p) => ({
    type: 'Feature',
    id: p.id,
    properties: { id: p.id, name: p.name },
    geometry: roundGeometry(p.geometry, decimals),
  }));
  const collection: FeatureCollection<Area> = { type: 'FeatureCollection', features };
  collection.bbox = bbox(collection).map((x) => Math.round(x * 1e4) / 1e4) as [number, number, number, number];
  return collection;
}
