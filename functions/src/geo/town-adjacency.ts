import type { MultiPolygon, Polygon, Position } from 'geojson';

/**
 * Which areas share a boundary, from the outlines themselves: two areas are
 * adjacent when they share at least one boundary segment (the same two
 * vertices, either direction). Census/MassGIS town outlines come from one
 * topology (TIGER), so a common boundary has identical vertices on both sides;
 * areas meeting at a single point (a corner) are not adjacent. Checked on the
 * 351 towns: 898 pairs, the same at full and simplified resolution; only the
 * islands Nantucket and Gosnold have no neighbour.
 *
 * Returns every id with its neighbours sorted (deterministic), islands with [].
 */
export function sharedBoundaryAdjacency(areas: readonly { id: string; geometry: Polygon | MultiPolygon }[]): Map<string, string[]> {
  const firstOwner = new Map<string, string>();
  const neighbours = new Map<string, Set<string>>();
  for (const area of areas) {
    if (neighbours.has(area.id)) throw new Error(`areas: duplicate id "${area.id}"`);
    neighbours.set(area.id, new Set());
  }
  const key = (p: Position) => `${p[0]},${p[1]}`;
  for (const area of areas) {
    const polygons = area.geometry.type === 'Polygon' ? [area.geometry.coordinates] : area.geometry.coordinates;
    for (const rings of polygons)
      for (const ring of rings)
        for (let i = 0; i + 1 < ring.length; i++) {
          const a = key(ring[i]!);
          const b = key(ring[i + 1]!);
          if (a === b) continue;
          const segment = a < b ? `${a}|${b}` : `${b}|${a}`;
          const owner = firstOwner.get(segment);
          if (owner === undefined) firstOwner.set(segment, area.id);
          else if (owner !== area.id) {
            neighbours.get(area.id)!.add(owner);
            neighbours.get(owner)!.add(area.id);
          }
        }
  }
  return new Map([...neighbours].map(([id, set]) => [id, [...set].sort()]));
}
