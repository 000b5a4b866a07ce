import type { MultiPolygon, Polygon, Position } from 'geojson';

export type Bbox = [number, number, number, number];

function polygonsOf(g: Polygon | MultiPolygon): Position[][][] {
  return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
}

export function bboxOf(g: Polygon | MultiPolygon): Bbox {
  const b: Bbox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const poly of polygonsOf(g))
    for (const [x, y] of poly[0]!) {
      if (x! < b[0]) b[0] = x!;
      if (y! < b[1]) b[1] = y!;
      if (x! > b[2]) b[2] = x!;
      if (y! > b[3]) b[3] = y!;
    }
  return b;
}

/** Shoelace area and centroid of a ring (planar degrees: only used to place a label). */
function ringCentroid(ring: Position[]): { area: number; x: number; y: number } {
  let a = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [x0, y0] = ring[j]!;
    const [x1, y1] = ring[i]!;
    const f = x0! * y1! - x1! * y0!;
    a += f;
    cx += (x0! + x1!) * f;
    cy += (y0! + y1!) * f;
  }
  return a === 0 ? { area: 0, x: ring[0]![0]!, y: ring[0]![1]! } : { area: Math.abs(a / 2), x: cx / (3 * a), y: cy / (3 * a) };
}

/**
 * Where to put a label or a symbol: the centroid of the largest polygon's outer
 * ring (islands and detached parts do not drag it into the sea).
 */
export function labelPoint(g: Polygon | MultiPolygon): [number, number] {
  let best = { area: -1, x: 0, y: 0 };
  for (const poly of polygonsOf(g)) {
    const c = ringCentroid(poly[0]!);
    if (c.area > best.area) best = c;
  }
  return [best.x, best.y];
}

/** Even-odd ray casting against every ring (holes included). */
export function containsPoint(g: Polygon | MultiPolygon, [px, py]: [number, number]): boolean {
  let inside = false;
  for (const poly of polygonsOf(g))
    for (const ring of poly)
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xi, yi] = ring[i]!;
        const [xj, yj] = ring[j]!;
        if (yi! > py !== yj! > py && px < ((xj! - xi!) * (py - yi!)) / (yj! - yi!) + xi!) inside = !inside;
      }
  return inside;
}

/**
 * A point inside the shape to hang a label on: the label point when it lies
 * inside, else the middle of the widest span of the largest part along the
 * label point's latitude (a crescent's centroid falls outside it).
 */
export function interiorPoint(g: Polygon | MultiPolygon): [number, number] {
  const p = labelPoint(g);
  if (containsPoint(g, p)) return p;
  let largest: Position[][] = polygonsOf(g)[0]!;
  let area = -1;
  for (const poly of polygonsOf(g)) {
    const a = ringCentroid(poly[0]!).area;
    if (a > area) [largest, area] = [poly, a];
  }
  const [, y] = p;
  const xs: number[] = [];
  for (const ring of largest)
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i]!;
      const [xj, yj] = ring[j]!;
      if (yi! > y !== yj! > y) xs.push(((xj! - xi!) * (y - yi!)) / (yj! - yi!) + xi!);
    }
  xs.sort((a, b) => a - b);
  let best: [number, number] = p;
  let width = -1;
  for (let i = 0; i + 1 < xs.length; i += 2)
    if (xs[i + 1]! - xs[i]! > width) [best, width] = [[(xs[i]! + xs[i + 1]!) / 2, y], xs[i + 1]! - xs[i]!];
  return best;
}
