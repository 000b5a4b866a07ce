import distance from '@turf/distance';
import type { Segment } from './state-land-border.js';

const RAD = Math.PI / 180;

/**
 * Great-circle distance (km) from each origin to the nearest point of a set of
 * segments (the state land border from stateLandBorder). For each origin the
 * segments are compared in a local equirectangular plane centred on it (exact
 * at the origin, ≈ 1 % off at 100 km within Massachusetts' 2° of latitude);
 * the nearest point found is then measured with Turf's haversine like
 * nearest-distance.ts. Brute force over origins × segments (5,109 block groups ×
 * ~4,000 border edges ≈ 20 M cheap steps) needs no index to get wrong.
 */
export function distanceToLandBorderKm(origins: readonly { id: string; point: [number, number] }[], segments: readonly Segment[]): Map<string, number> {
  if (segments.length === 0) throw new Error('segments: need at least one border segment');
  const n = segments.length;
  const ax = new Float64Array(n);
  const ay = new Float64Array(n);
  const bx = new Float64Array(n);
  const by = new Float64Array(n);
  segments.forEach(([a, b], i) => {
    ax[i] = a[0];
    ay[i] = a[1];
    bx[i] = b[0];
    by[i] = b[1];
  });
  const out = new Map<string, number>();
  for (const { id, point } of origins) {
    const [lon0, lat0] = point;
    const kx = Math.cos(lat0 * RAD); // degrees of longitude shrink by cos(latitude)
    let best = Infinity;
    let bestLon = 0;
    let bestLat = 0;
    for (let i = 0; i < n; i++) {
      const x1 = (ax[i]! - lon0) * kx;
      const y1 = ay[i]! - lat0;
      const dx = (bx[i]! - lon0) * kx - x1;
      const dy = by[i]! - lat0 - y1;
      const len2 = dx * dx + dy * dy;
      const t = len2 === 0 ? 0 : Math.min(1, Math.max(0, -(x1 * dx + y1 * dy) / len2));
      const px = x1 + t * dx;
      const py = y1 + t * dy;
      const d2 = px * px + py * py;
      if (d2 < best) {
        best = d2;
        bestLon = ax[i]! + t * (bx[i]! - ax[i]!);
        bestLat = ay[i]! + t * (by[i]! - ay[i]!);
      }
    }
    out.set(id, best === 0 ? 0 : distance(point, [bestLon, bestLat], { units: 'kilometers' }));
  }
  return out;
}

/**
 * Places (towns) whose distance to the state land border is less than their
 * distance to the nearest Massachusetts hospital. The 2018 hospital layer has
 * no out-of-state hospitals, and any such hospital is at least as far as the
 * border, so only these places can have a closer hospital we do not see: an
 * upper bound on where access is understated, not a finding that it is. With
 * population-weighted mean distances per town the bound is for the average
 * resident; pass block-group maps for a bound that holds point by point.
 * Places missing from either map are left out. Returns ids, sorted.
 */
export function borderTownsWhereOutOfStateMayBeCloser(hospitalKmByTown: ReadonlyMap<string, number>, borderKmByTown: ReadonlyMap<string, number>): string[] {
  const out: string[] = [];
  for (const [id, border] of borderKmByTown) {
    if (!Number.isFinite(border) || border < 0) throw new Error(`borderKmByTown: "${id}" has ${border}, expected km ≥ 0`);
    const hospital = hospitalKmByTown.get(id);
    if (hospital === undefined) continue;
    if (!Number.isFinite(hospital) || hospital < 0) throw new Error(`hospitalKmByTown: "${id}" has ${hospital}, expected km ≥ 0`);
    if (border < hospital) out.push(id);
  }
  return out.sort();
}
