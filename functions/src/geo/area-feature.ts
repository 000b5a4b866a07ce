import type { MultiPolygon, Polygon } from 'geojson';
import { destroyAll, toGeosPolygon, type Geos, type GeosPolygon } from './geos-kernel.js';

/** Any polygon layer keyed by id (towns, ZCTAs, block groups as returned by the loaders). */
export interface AreaFeature {
  id: string;
  geometry: Polygon | MultiPolygon;
}

/**
 * Convert features to projected GEOS polygons, run `work`, and free every
 * geometry afterwards, even when `work` throws: the WebAssembly heap is not
 * garbage-collected.
 */
export function withGeosPolygons<T>(geos: Geos, layers: readonly (readonly AreaFeature[])[], work: (polygons: GeosPolygon[][]) => T): T {
  const built: GeosPolygon[][] = [];
  try {
    for (const layer of layers) {
      const polygons: GeosPolygon[] = [];
      built.push(polygons);
      for (const f of layer) polygons.push(toGeosPolygon(geos, f.geometry, f.id));
    }
    return work(built);
  } finally {
    for (const polygons of built) destroyAll(geos, polygons);
  }
}
