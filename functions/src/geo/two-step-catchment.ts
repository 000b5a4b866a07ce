import distance from '@turf/distance';

export interface DemandPoint {
  id: string;
  /** [lon, lat] */
  point: [number, number];
  /** Residents; null = unknown: left out of every catchment and given no value. */
  population: number | null;
}

export interface SupplyPoint {
  id: string;
  /** [lon, lat] */
  point: [number, number];
  /** e.g. staffed or licensed beds; null or 0 = contributes nothing. */
  capacity: number | null;
}

export interface TwoStepCatchmentOptions {
  /** Catchment radius, great-circle km (default 30). */
  radiusKm?: number;
  /** Report capacity per this many residents (default 1,000). */
  perResidents?: number;
}

/** Below the 111.195 km of a degree of latitude on Turf's sphere, so the box test below never rejects a point in reach. */
const KM_PER_DEGREE_LAT = 111;

/**
 * Two-step floating catchment area accessibility (Luo & Wang 2003,
 * "Measures of spatial accessibility to health care in a GIS environment",
 * Environment and Planning B 30(6): 865–884):
 *
 *   step 1, each supply j:  R_j = S_j / Σ_{k : d_kj ≤ r} P_k
 *   step 2, each demand i:  A_i = Σ_{j : d_ij ≤ r} R_j        (× perResidents)
 *
 * with d the great-circle distance (Turf haversine, as in nearest-distance.ts).
 * Total supply is conserved: Σ_i A_i P_i / perResidents = Σ S_j over the
 * supplies that have any demand within r, which the tests check on real data.
 *
 * Returns a value for every demand point whose population is known (0 where no
 * supply lies within r: no capacity in reach is a real answer, not missing data).
 * The demand × supply distances are computed once, with a bounding-box test
 * first, and the within-radius pairs serve both steps.
 */
export function twoStepCatchment(
  demand: readonly DemandPoint[],
  supply: readonly SupplyPoint[],
  options: TwoStepCatchmentOptions = {},
): Map<string, number> {
  const radiusKm = options.radiusKm ?? 30;
  const perResidents = options.perResidents ?? 1000;
  if (!(radiusKm > 0 && Number.isFinite(radiusKm))) throw new Error(`options.radiusKm: expected a positive number of km, got ${radiusKm}`);
  if (!(perResidents > 0 && Number.isFinite(perResidents))) throw new Error(`options.perResidents: expected a positive number, got ${perResidents}`);
  const seen = new Set<string>();
  demand.forEach((d, i) => {
    if (seen.has(d.id)) throw new Error(`demand[${i}]: duplicate id "${d.id}"`);
    seen.add(d.id);
    if (d.population !== null && !(d.population >= 0 && Number.isFinite(d.population))) throw new Error(`demand[${i}].population: expected ≥ 0 or null, got ${d.population}`);
  });
  supply.forEach((s, j) => {
    if (s.capacity !== null && !(s.capacity >= 0 && Number.isFinite(s.capacity))) throw new Error(`supply[${j}].capacity: expected ≥ 0 or null, got ${s.capacity}`);
  });

  const known = demand.filter((d): d is DemandPoint & { population: number } => d.population !== null);
  // Degrees that are certainly farther than the radius (box widened by 1 %): a cheap reject before the haversine.
  const dLat = (radiusKm / KM_PER_DEGREE_LAT) * 1.01;
  const inReach = supply
    .filter((s) => s.capacity !== null && s.capacity > 0)
    .map((s) => {
      const cos = Math.cos(((Math.abs(s.point[1]) + dLat) * Math.PI) / 180);
      const dLon = cos > 0.01 ? dLat / cos : 360;
      const within = known.filter(
        (d) => Math.abs(d.point[1] - s.point[1]) <= dLat && Math.abs(d.point[0] - s.point[0]) <= dLon && distance(d.point, s.point, { units: 'kilometers' }) <= radiusKm,
      );
      return { capacity: s.capacity!, within };
    });

  const access = new Map<string, number>(known.map((d) => [d.id, 0]));
  for (const { capacity, within } of inReach) {
    const population = within.reduce((sum, d) => sum + d.population, 0);
    if (population === 0) continue; // nobody to serve in reach: R_j is undefined and the capacity reaches no one
    const ratio = capacity / population;
    for (const d of within) access.set(d.id, access.get(d.id)! + ratio);
  }
  for (const [id, a] of access) access.set(id, a * perResidents);
  return access;
}
