import bbox from '@turf/bbox';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { geojsonToGeosGeom, geosGeomToGeojson } from 'geos-wasm/helpers';
import type { Geos } from './geos-kernel.js';

type Area = Polygon | MultiPolygon;
type Outline = { id: string; name: string; geometry: Area };

/** Round coordinates (5 decimals ≈ 1 m) so map geometry stays small; drawing needs no more. Can break validity: see `gridRoundValid`. */
export function roundGeometry<G extends Area>(geometry: G, decimals = 5): G {
  const f = 10 ** decimals;
  const p = (pos: Position): Position => [Math.round(pos[0]! * f) / f, Math.round(pos[1]! * f) / f];
  if (geometry.type === 'Polygon') return { ...geometry, coordinates: geometry.coordinates.map((ring) => ring.map(p)) };
  return { ...geometry, coordinates: geometry.coordinates.map((poly) => poly.map((ring) => ring.map(p))) };
}

/** GEOS's reason a polygon is invalid (OGC simple-features rules), or null when valid. */
export function invalidReason(geos: Geos, geometry: Area): string | null {
  const g = geojsonToGeosGeom(geometry, geos);
  try {
    if (geos.GEOSisValid(g) === 1) return null;
    const ptr = geos.GEOSisValidReason(g);
    const reason = ptr ? geos.Module.UTF8ToString(ptr) : 'GEOS could not say why';
    if (ptr) geos.GEOSFree(ptr);
    return reason;
  } finally {
    geos.GEOSGeom_destroy(g);
  }
}

/**
 * Coordinates on a 10^-decimals grid that stay a valid polygon. Rounding each vertex
 * on its own can pull two close edges across each other (ZCTAs 01247 and 02771
 * self-intersected at 5 decimals); GEOS snap-rounding (GEOSGeom_setPrecision) moves
 * vertices to the grid and nodes the edges it makes meet, so the result is valid by
 * construction. Exteriors come out counter-clockwise (RFC 7946 §3.1.6).
 */
export function gridRoundValid(geos: Geos, geometry: Area, decimals = 5): Area {
  const g = geojsonToGeosGeom(geometry, geos);
  const snapped = geos.GEOSGeom_setPrecision(g, 10 ** -decimals, 0);
  geos.GEOSGeom_destroy(g);
  if (!snapped) throw new Error('GEOS could not snap-round a polygon');
  try {
    geos.GEOSOrientPolygons(snapped, 0);
    const out = geosGeomToGeojson(snapped, geos) as { type: string };
    if (out.type !== 'Polygon' && out.type !== 'MultiPolygon') throw new Error(`snap-rounding collapsed a polygon to ${out.type}`);
    // Vertices are on the grid already; rounding again only drops float noise (42.12345000000001) from the JSON.
    return roundGeometry(out as Area, decimals);
  } finally {
    geos.GEOSGeom_destroy(snapped);
  }
}

function collection(features: Feature<Area>[]): FeatureCollection<Area> {
  const fc: FeatureCollection<Area> = { type: 'FeatureCollection', features };
  fc.bbox = bbox(fc).map((x) => Math.round(x * 1e4) / 1e4) as [number, number, number, number];
  return fc;
}

/** Throw, naming the place, unless every outline is a valid polygon: nothing invalid is published. */
function assertValid(geos: Geos, features: Feature<Area>[]): void {
  for (const f of features) {
    const reason = invalidReason(geos, f.geometry);
    if (reason) throw new Error(`published outline of ${f.id} is not a valid polygon: ${reason}`);
  }
}

/**
 * Map geometry for one level: only `id` and `name` per feature (values come
 * from the API and are joined in the browser), plus the collection's bbox.
 * Coordinates are snap-rounded to 5 decimals (≈ 1 m) and checked valid.
 */
export function webGeometry(places: readonly Outline[], geos: Geos, decimals = 5): FeatureCollection<Area> {
  const features: Feature<Area>[] = places.map((p) => ({ type: 'Feature', id: p.id, properties: { id: p.id, name: p.name }, geometry: gridRoundValid(geos, p.geometry, decimals) }));
  assertValid(geos, features);
  return collection(features);
}

/** Full-resolution outlines as the source publishes them (no rounding, no simplification), checked valid. */
export function fullGeometry(places: readonly Outline[], geos: Geos): FeatureCollection<Area> {
  const features: Feature<Area>[] = places.map((p) => ({ type: 'Feature', id: p.id, properties: { id: p.id, name: p.name }, geometry: p.geometry }));
  assertValid(geos, features);
  return collection(features);
}
