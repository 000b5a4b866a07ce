import type { MultiPolygon, Polygon, Position } from 'geojson';

/**
 * Validity checks for a source polygon (docs/method.md "Input checks"): every
 * coordinate finite and inside Massachusetts' bounding box, rings closed with at
 * least three distinct points and a non-zero area, and no edge crossing another
 * edge of the same polygon (a "bow-tie"). Ring orientation is repaired, not
 * rejected: RFC 7946 §3.1.6 asks parsers not to reject the other winding, so
 * exteriors are rewound counter-clockwise and holes clockwise.
 */

/** Massachusetts with a margin (lon −73.51…−69.93, lat 41.19…42.89); the same box the facility loader uses. */
export const MA_BBOX: readonly [number, number, number, number] = [-74, 41, -69.5, 43];

export interface PolygonIssue {
  message: string;
  /** The coordinates at fault (a vertex, or a crossing point rounded to 1e-7°). */
  at?: Position;
}

export interface CheckedGeometry<G extends Polygon | MultiPolygon> {
  /** The geometry with RFC 7946 winding (the input object when nothing was rewound). */
  geometry: G;
  issues: PolygonIssue[];
  /** Rings whose winding was reversed. */
  rewound: number;
}

const fmt = (p: Position) => `[${p[0]}, ${p[1]}]`;

/** Twice the signed area (shoelace, degrees²): positive = counter-clockwise. */
function signedArea2(ring: Position[]): number {
  let s = 0;
  for (let i = 0, n = ring.length - 1; i < n; i++) s += ring[i]![0]! * ring[i + 1]![1]! - ring[i + 1]![0]! * ring[i]![1]!;
  return s;
}

const orient = (a: Position, b: Position, c: Position) => Math.sign((b[0]! - a[0]!) * (c[1]! - a[1]!) - (b[1]! - a[1]!) * (c[0]! - a[0]!));

/**
 * Find the first proper crossing between two edges of a polygon's rings: edges that
 * cross at a point interior to both. Touching at a vertex is allowed (MassGIS and
 * Census outlines have rings that touch). Edges sorted by min x and swept, so the
 * cost is near O(n log n) on outlines.
 */
export function firstCrossing(rings: Position[][]): { at: Position; ring: number; other: number } | null {
  let total = 0;
  for (const ring of rings) total += Math.max(0, ring.length - 1);
  // Edge e runs from (ax, ay) to (bx, by) with ax ≤ bx; typed arrays keep the sweep allocation-free.
  const ax = new Float64Array(total);
  const ay = new Float64Array(total);
  const bx = new Float64Array(total);
  const by = new Float64Array(total);
  const ringOf = new Uint32Array(total);
  let n = 0;
  rings.forEach((ring, r) => {
    for (let i = 0; i < ring.length - 1; i++) {
      const p = ring[i]!;
      const q = ring[i + 1]!;
      if (p[0] === q[0] && p[1] === q[1]) continue; // repeated vertex: no edge
      const swap = p[0]! > q[0]!;
      ax[n] = swap ? q[0]! : p[0]!;
      ay[n] = swap ? q[1]! : p[1]!;
      bx[n] = swap ? p[0]! : q[0]!;
      by[n] = swap ? p[1]! : q[1]!;
      ringOf[n++] = r;
    }
  });
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((i, j) => ax[i]! - ax[j]!);
  const side = (px: number, py: number, qx: number, qy: number, rx: number, ry: number) => Math.sign((qx - px) * (ry - py) - (qy - py) * (rx - px));
  for (let oi = 0; oi < n; oi++) {
    const i = order[oi]!;
    const iax = ax[i]!;
    const iay = ay[i]!;
    const ibx = bx[i]!;
    const iby = by[i]!;
    const iMinY = Math.min(iay, iby);
    const iMaxY = Math.max(iay, iby);
    for (let oj = oi + 1; oj < n; oj++) {
      const j = order[oj]!;
      const jax = ax[j]!;
      if (jax > ibx) break;
      const jay = ay[j]!;
      const jbx = bx[j]!;
      const jby = by[j]!;
      if (Math.max(jay, jby) < iMinY || Math.min(jay, jby) > iMaxY) continue;
      // A proper crossing: each edge's ends lie strictly on opposite sides of the other.
      if (side(iax, iay, ibx, iby, jax, jay) * side(iax, iay, ibx, iby, jbx, jby) >= 0) continue;
      if (side(jax, jay, jbx, jby, iax, iay) * side(jax, jay, jbx, jby, ibx, iby) >= 0) continue;
      const t = ((jax - iax) * (jby - jay) - (jay - iay) * (jbx - jax)) / ((ibx - iax) * (jby - jay) - (iby - iay) * (jbx - jax));
      const round = (v: number) => Math.round(v * 1e7) / 1e7;
      return { at: [round(iax + t * (ibx - iax)), round(iay + t * (iby - iay))], ring: ringOf[i]!, other: ringOf[j]! };
    }
  }
  return null;
}

/** Distinct positions in a ring, counted up to 3 (enough to tell a ring from a point or a segment). */
function distinctUpTo3(ring: Position[]): number {
  const seen: Position[] = [];
  for (const p of ring) {
    if (!seen.some((q) => q[0] === p[0] && q[1] === p[1])) seen.push(p);
    if (seen.length === 3) break;
  }
  return seen.length;
}

function checkPolygon(rings: Position[][], where: string, bbox: readonly number[], issues: PolygonIssue[]): { rings: Position[][]; rewound: number } {
  let rewound = 0;
  let usable = true;
  const out = rings.map((ring, r) => {
    const name = `${where}ring ${r + 1}${r === 0 ? ' (exterior)' : ' (hole)'}`;
    for (const p of ring) {
      if (!Number.isFinite(p[0]) || !Number.isFinite(p[1])) {
        issues.push({ message: `${name}: coordinate is not a finite number`, at: p });
        usable = false;
        return ring;
      }
      if (p[0]! < bbox[0]! || p[1]! < bbox[1]! || p[0]! > bbox[2]! || p[1]! > bbox[3]!) {
        issues.push({ message: `${name}: coordinate ${fmt(p)} lies outside Massachusetts (lon ${bbox[0]}…${bbox[2]}, lat ${bbox[1]}…${bbox[3]})`, at: p });
        usable = false;
        return ring;
      }
    }
    const first = ring[0]!;
    const last = ring[ring.length - 1]!;
    if (first[0] !== last[0] || first[1] !== last[1]) {
      issues.push({ message: `${name}: ring is not closed (starts at ${fmt(first)}, ends at ${fmt(last)})`, at: last });
      usable = false;
      return ring;
    }
    const distinct = distinctUpTo3(ring);
    const area2 = signedArea2(ring);
    const collinear = area2 === 0 && ring.every((p) => orient(first, ring[1]!, p) === 0);
    if (distinct < 3 || collinear) {
      issues.push({ message: `${name}: ring has ${distinct < 3 ? `${distinct} distinct point${distinct === 1 ? '' : 's'}` : 'all its points on one line'} and no area (needs 3 or more, not all on one line)`, at: first });
      usable = false;
      return ring;
    }
    // RFC 7946: exterior counter-clockwise (positive area), holes clockwise. A zero net area
    // without collinearity is a figure-eight: left for the crossing check below to name.
    if (area2 !== 0 && (r === 0) !== area2 > 0) {
      rewound++;
      return [...ring].reverse();
    }
    return ring;
  });
  if (usable) {
    const crossing = firstCrossing(out);
    if (crossing) {
      const [a, b] = [crossing.ring, crossing.other].sort((x, y) => x - y);
      const what = a === b ? `ring ${a! + 1} crosses itself` : `rings ${a! + 1} and ${b! + 1} cross`;
      issues.push({ message: `${where}self-intersection: ${what} at ${fmt(crossing.at)}`, at: crossing.at });
    }
  }
  return { rings: out, rewound };
}

/** Check a Polygon or MultiPolygon; issues name the part and ring (1-based) and the coordinates at fault. */
export function checkAreaGeometry<G extends Polygon | MultiPolygon>(geometry: G, bbox: readonly number[] = MA_BBOX): CheckedGeometry<G> {
  const issues: PolygonIssue[] = [];
  if (geometry.type === 'Polygon') {
    const { rings, rewound } = checkPolygon(geometry.coordinates, '', bbox, issues);
    return { geometry: rewound > 0 ? ({ ...geometry, coordinates: rings } as G) : geometry, issues, rewound };
  }
  let rewound = 0;
  const parts = geometry.coordinates.map((polygon, i) => {
    const checked = checkPolygon(polygon, `part ${i + 1}, `, bbox, issues);
    rewound += checked.rewound;
    return checked.rings;
  });
  return { geometry: rewound > 0 ? ({ ...geometry, coordinates: parts } as G) : geometry, issues, rewound };
}
