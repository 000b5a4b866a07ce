/**
 * Population-weighted distance to the nearest facility (method.md §2): great-circle km from a
 * representative point of each block group (@turf/point-on-feature) to the nearest facility,
 * weighted by share × persons (R1 persons). R3: hospitals closed on or before the as-of date are gone.
 */
import distance from '@turf/distance';
import pointOnFeature from '@turf/point-on-feature';
import { blockGroupCounts } from './block-group-counts.js';
import { loadBlockGroupPolygons, loadHospitalClosures, loadHospitals, type Hospital } from './raw.js';

const points = new Map<string, [number, number]>();
function representativePoint(geoid: string): [number, number] {
  let p = points.get(geoid);
  if (!p) points.set(geoid, (p = pointOnFeature(loadBlockGroupPolygons().get(geoid)!).geometry.coordinates as [number, number]));
  return p;
}

/** Open on `asOf` (ISO date): the 2018 layer minus rows of hospital_status_changes.csv closed on or before it. */
export function openHospitals(asOf: string): Hospital[] {
  const closed = new Set(loadHospitalClosures().filter((c) => c.status === 'closed' && c.effectiveDate <= asOf).map((c) => c.dphid));
  return loadHospitals().filter((h) => !closed.has(h.dphid));
}

/** Weighted mean of the nearest-facility distance (km) over the place's block groups; null without persons. */
export function weightedNearestKm(shares: ReadonlyMap<string, number>, facilities: readonly Hospital[]): number | null {
  const counts = blockGroupCounts();
  let w = 0, wd = 0;
  for (const [geoid, share] of shares) {
    const persons = counts.get(geoid)?.persons;
    if (!persons || share === 0) continue;
    const from = representativePoint(geoid);
    const d = Math.min(...facilities.map((f) => distance(from, [f.lon, f.lat], { units: 'kilometers' })));
    w += share * persons;
    wd += share * persons * d;
  }
  return w > 0 ? wd / w : null;
}
