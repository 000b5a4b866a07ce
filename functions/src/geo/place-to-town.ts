import bbox from '@turf/bbox';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { MultiPolygon, Polygon } from 'geojson';

/**
 * Which town each Census place (city or CDP) lies in, from the place's
 * internal point: MA places nest in towns (a city is its town; a CDP is part
 * of one), so the point decides. Places whose point falls in no town map to null.
 */
export function placeToTown(
  places: readonly { id: string; point: [number, number] }[],
  towns: readonly { id: string; geometry: Polygon | MultiPolygon }[],
): Map<string, string | null> {
  const boxes = towns.map((t) => ({ town: t, box: bbox(t.geometry) }));
  const out = new Map<string, string | null>();
  for (const place of places) {
    const [x, y] = place.point;
    const hit = boxes.find(({ town, box }) => x >= box[0]! && x <= box[2]! && y >= box[1]! && y <= box[3]! && booleanPointInPolygon(place.point, town.geometry));
    out.set(place.id, hit?.town.id ?? null);
  }
  return out;
}
