import type { MultiPolygon, Polygon, Position } from 'geojson';
import { projectEqualArea } from './equal-area-projection.js';

/** A town (or any area of a gap-free layer) with its Census land and water areas. */
export interface OutlineArea {
  id: string;
  geometry: Polygon | MultiPolygon;
  /** Census ALAND (m²). */
  landAreaM2: number;
  /** Census AWATER (m²), including coastal water the outline may have been clipped from. */
  waterAreaM2: number;
}

export type Segment = [[number, number], [number, number]];

export interface LandBorder {
  /** Outline edges on the land border with other states, [lon, lat] pairs. */
  segments: Segment[];
  /** Ids of areas with at least one land-border edge, sorted. */
  borderAreas: string[];
  /** Ids of areas whose unshared edges were taken as shore (water was clipped from them), sorted. */
  shoreAreas: string[];
}

export interface LandBorderOptions {
  /** Clipped water (m²) above which an area counts as a shore area; default 10,000 (1 ha). */
  clippedWaterM2?: number;
}

type Ring = Position[];
const polygonsOf = (g: Polygon | MultiPolygon): Ring[][] => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates);

/** Shoelace area (m²) of a ring in the ellipsoidal equal-area projection, so it compares with the Census areas. */
function ringAreaM2(ring: Ring): number {
  const p = ring.map((q) => projectEqualArea(q[0]!, q[1]!));
  let twice = 0;
  for (let i = 0; i + 1 < p.length; i++) twice += p[i]![0]! * p[i + 1]![1]! - p[i + 1]![0]! * p[i]![1]!;
  return Math.abs(twice) / 2;
}

/** Census land + water area minus the outline's own area (m²): the water clipped off at the shore. */
export function clippedWaterM2(area: OutlineArea): number {
  let inside = 0;
  for (const rings of polygonsOf(area.geometry)) rings.forEach((ring, i) => (inside += i === 0 ? ringAreaM2(ring) : -ringAreaM2(ring)));
  return area.landAreaM2 + area.waterAreaM2 - inside;
}

/**
 * The state's land border with its neighbours, found from the town layer alone.
 *
 * Rule: (1) an outline edge that no other area shares (the same two vertices,
 * either direction, as in town-adjacency.ts) lies on the edge of the state:
 * either on the border with another state or on a shore, because the MassGIS
 * town outlines are the Census county subdivisions clipped at the shoreline
 * (coast, bays and tidal rivers). (2) Clipping is what tells the two apart: an
 * area that lost water to it has Census land + water larger than its outline's
 * area, and all its unshared edges are taken as shore; the unshared edges of an
 * area that lost nothing are the land border. On the 351 towns the two groups
 * are far apart: |clipped| ≤ 0.001 km² for the 60 inland border towns (rounding
 * of the 6-decimal coordinates), ≥ 0.025 km² for every shore town (Malden, on
 * the tidal Malden River, is the smallest), hence the 1 ha default.
 *
 * Known gap: a town with both a land border and a shore (Salisbury, on the New
 * Hampshire line; Westport, on the Rhode Island line) is all shore here, so
 * its stretch of land border (a few km each) is missed; distances from there
 * are measured to the neighbouring towns' stretches of the border instead.
 */
export function stateLandBorder(areas: readonly OutlineArea[], options: LandBorderOptions = {}): LandBorder {
  const threshold = options.clippedWaterM2 ?? 10_000;
  if (!(threshold >= 0)) throw new Error(`options.clippedWaterM2: expected ≥ 0, got ${threshold}`);
  const ids = new Set<string>();
  areas.forEach((a, i) => {
    if (ids.has(a.id)) throw new Error(`areas[${i}]: duplicate id "${a.id}"`);
    ids.add(a.id);
    for (const k of ['landAreaM2', 'waterAreaM2'] as const)
      if (!(Number.isFinite(a[k]) && a[k] >= 0)) throw new Error(`areas[${i}].${k}: expected a finite area ≥ 0 (m²), got ${a[k]}`);
  });

  const key = (p: Position) => `${p[0]},${p[1]}`;
  const edgeKey = (a: Position, b: Position) => {
    const ka = key(a);
    const kb = key(b);
    return ka < kb ? `${ka}|${kb}` : `${kb}|${ka}`;
  };
  const uses = new Map<string, number>();
  const eachEdge = (area: OutlineArea, visit: (a: Position, b: Position) => void) => {
    for (const rings of polygonsOf(area.geometry))
      for (const ring of rings) for (let i = 0; i + 1 < ring.length; i++) if (key(ring[i]!) !== key(ring[i + 1]!)) visit(ring[i]!, ring[i + 1]!);
  };
  for (const area of areas) eachEdge(area, (a, b) => uses.set(edgeKey(a, b), (uses.get(edgeKey(a, b)) ?? 0) + 1));

  const out: LandBorder = { segments: [], borderAreas: [], shoreAreas: [] };
  for (const area of areas) {
    const unshared: Segment[] = [];
    eachEdge(area, (a, b) => {
      if (uses.get(edgeKey(a, b)) === 1) unshared.push([[a[0]!, a[1]!], [b[0]!, b[1]!]]);
    });
    if (unshared.length === 0) continue;
    if (clippedWaterM2(area) > threshold) out.shoreAreas.push(area.id);
    else {
      out.borderAreas.push(area.id);
      out.segments.push(...unshared);
    }
  }
  out.borderAreas.sort();
  out.shoreAreas.sort();
  return out;
}
