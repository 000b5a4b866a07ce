import distance from '@turf/distance';

/**
 * Great-circle distance (km, Turf haversine) from each origin to its nearest
 * destination. Brute force is fine at this size (5,109 block groups × ≤ 152
 * facilities ≈ 0.8 M distance calls) and has no index to get wrong.
 */
export function nearestDistanceKm(
  origins: readonly { id: string; point: [number, number] }[],
  destinations: readonly { point: [number, number] }[],
): Map<string, number> {
  if (destinations.length === 0) throw new Error('destinations: need at least one facility');
  const out = new Map<string, number>();
  for (const o of origins) {
    let best = Infinity;
    for (const d of destinations) best = Math.min(best, distance(o.point, d.point, { units: 'kilometers' }));
    out.set(o.id, best);
  }
  return out;
}
