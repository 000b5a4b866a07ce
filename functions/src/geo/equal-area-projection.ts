/**
 * Lambert cylindrical equal-area projection on the WGS84 ellipsoid, standard
 * parallel 42° N, central meridian 71.5° W (the middle of Massachusetts).
 *
 * Polygon overlay runs in a plane, so areas must be measured in a projection
 * that preserves area: a planar area here is the area on the ellipsoid (up to
 * the straight-edge approximation of each boundary segment, which is far below
 * a square metre for these full-resolution boundaries). Formulas: Snyder,
 * "Map Projections — A Working Manual" (USGS PP 1395, 1987), §10, eqs. 3-12 and 10-15/10-16.
 * NAD83 (GRS80) and WGS84 differ by 0.1 mm in the semi-minor axis, so one
 * ellipsoid serves both the Census and the MassGIS files.
 */
const A = 6378137;
const F = 1 / 298.257223563;
const E2 = F * (2 - F);
const E = Math.sqrt(E2);
const RAD = Math.PI / 180;
const STANDARD_PARALLEL = 42 * RAD;
const CENTRAL_MERIDIAN = -71.5 * RAD;
/** Scale along the standard parallel, chosen so the projection is true to scale there. */
const K0 = Math.cos(STANDARD_PARALLEL) / Math.sqrt(1 - E2 * Math.sin(STANDARD_PARALLEL) ** 2);

/** Snyder eq. 3-12: q, the authalic-latitude function of geodetic latitude φ (radians). */
export function authalicQ(phi: number): number {
  const s = Math.sin(phi);
  return (1 - E2) * (s / (1 - E2 * s * s) - (1 / (2 * E)) * Math.log((1 - E * s) / (1 + E * s)));
}

/** Project longitude/latitude (degrees) to metres. Writes into `out` (length ≥ offset + 2) to avoid allocation in hot loops. */
export function projectEqualArea(lon: number, lat: number, out: Float64Array | number[] = [0, 0], offset = 0): Float64Array | number[] {
  out[offset] = A * K0 * (lon * RAD - CENTRAL_MERIDIAN);
  out[offset + 1] = (A * authalicQ(lat * RAD)) / (2 * K0);
  return out;
}

/** Area of the whole WGS84 ellipsoid implied by the projection (2π a² q(90°)); used to check the formulas. */
export function ellipsoidArea(): number {
  return 2 * Math.PI * A * A * authalicQ(Math.PI / 2);
}
