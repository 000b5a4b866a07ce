import bbox from '@turf/bbox';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import pointToPolygonDistance from '@turf/point-to-polygon-distance';
import type { MultiPolygon, Polygon } from 'geojson';

/**
 * How far outside every town outline a Census place's internal point may lie
 * and still join the nearest town. The town outlines are clipped to the
 * shoreline, while a coastal city's internal point may sit on the water side of
 * it (Gloucester's lies 1.5 m out): 250 m absorbs such cartographic slivers and
 * is far smaller than any town.
 */
export const PLACE_JOIN_TOLERANCE_KM = 0.25;

export interface PlaceJoin {
  town: string | null;
  /** 'inside' the town outline, 'nearest' outline within the tolerance, or null when none. */
  how: 'inside' | 'nearest' | null;
  /** Distance (km) to the outline when joined by 'nearest'. */
  km?: number;
}

/**
 * Which town each Census place (city or CDP) lies in, from the place's
 * internal point: MA places nest in towns (a city is its town; a CDP is part
 * of one), so the point decides; a point just off every outline joins the
 * nearest one within PLACE_JOIN_TOLERANCE_KM; beyond that the place maps to null.
 */
export function placeToTown(
  places: readonly { id: string; point: [number, number] }[],
  towns: readonly { id: string; geometry: Polygon | MultiPolygon }[],
  toleranceKm = PLACE_JOIN_TOLERANCE_KM,
): Map<string, PlaceJoin> {
  const boxes = towns.map((t) => ({ town: t, box: bbox(t.geometry) }));
  const pad = toleranceKm / 80; // degrees of longitude at 42° N ≥ km / 83: a safe bbox margin
  const out = new Map<string, PlaceJoin>();
  for (const place of places) {
    const [x, y] = place.point;
    const hit = boxes.find(({ town, box }) => x >= box[0]! && x <= box[2]! && y >= box[1]! && y <= box[3]! && booleanPointInPolygon(place.point, town.geometry));
    if (hit) {
      out.set(place.id, { town: hit.town.id, how: 'inside' });
      continue;
    }
    let best: { town: string; km: number } | null = null;
    for (const { town, box } of boxes) {
      if (x < box[0]! - pad || x > box[2]! + pad || y < box[1]! - pad || y > box[3]! + pad) continue;
      const km = Math.abs(pointToPolygonDistance(place.point, town.geometry, { units: 'kilometers' }));
      if (km <= toleranceKm && (!best || km < best.km)) best = { town: town.id, km };
    }
    out.set(place.id, best ? { town: best.town, how: 'nearest', km: best.km } : { town: null, how: null });
  }
  return out;
}
