import { featureCollection, feature } from '@turf/helpers';
import union from '@turf/union';
import type { MultiPolygon, Polygon } from 'geojson';
import { roundGeometry } from './web-geometry.js';

type Area = Polygon | MultiPolygon;

/**
 * One outline for a group of areas (a priority geography's member towns):
 * the polygon union (Turf, Martinez–Rueda–Feito clipping), so shared inner
 * boundaries disappear; members that do not touch stay separate parts of a
 * MultiPolygon. Coordinates are rounded (5 decimals ≈ 1 m) like the map's own
 * geometry. No areas → null.
 */
export function dissolveOutline(geometries: readonly Area[], options: { decimals?: number } = {}): Area | null {
  if (geometries.length === 0) return null;
  const merged = geometries.length === 1 ? feature(geometries[0]!) : union(featureCollection(geometries.map((g) => feature(g))));
  return merged ? roundGeometry(merged.geometry, options.decimals ?? 5) : null;
}
