import Flatbush from 'flatbush';
import { geosArea, takeGeosError, type Geos, type GeosPolygon } from './geos-kernel.js';

export interface OverlayPair {
  /** Index into the first list. */
  a: number;
  /** Index into the second list. */
  b: number;
  /** Area of a ∩ b in the projection's unit (m²). */
  areaM2: number;
  /** GEOS pointer to a ∩ b when `keepPieces` is set; the caller owns it and must destroy it. */
  piece?: number;
}

export interface OverlayOptions {
  /** Keep the intersection geometries (for a further overlay); default false. */
  keepPieces?: boolean;
}

/** A flatbush index over bounding boxes: the R-tree prefilter that keeps GEOS off pairs that cannot touch. */
export function bboxIndex(items: readonly { bbox: readonly number[] }[]): Flatbush {
  const index = new Flatbush(Math.max(1, items.length));
  for (const { bbox } of items) index.add(bbox[0]!, bbox[1]!, bbox[2]!, bbox[3]!);
  if (items.length === 0) index.add(0, 0, 0, 0);
  index.finish();
  return index;
}

/**
 * a ∩ b, computed as (a clipped to b's bounding box) ∩ b. Clipping a large polygon
 * (a full-resolution town) to a small one's box first halves the overlay time on
 * block groups, because GEOS then nodes only the edges near b. A rectangle clip
 * of a valid polygon is valid, but if GEOS still fails we retry unclipped.
 */
function clippedIntersection(geos: Geos, a: GeosPolygon, b: GeosPolygon): number {
  const [minX, minY, maxX, maxY] = b.bbox;
  // 1 m margin keeps b's boundary strictly inside the clip rectangle.
  const clipped = geos.GEOSClipByRect(a.ptr, minX - 1, minY - 1, maxX + 1, maxY + 1);
  if (clipped) {
    const piece = geos.GEOSIntersection(clipped, b.ptr);
    geos.GEOSGeom_destroy(clipped);
    if (piece) return piece;
    takeGeosError();
  } else takeGeosError();
  return geos.GEOSIntersection(a.ptr, b.ptr);
}

/**
 * Areas of every non-empty intersection between two polygon lists. `a` is
 * prepared (GEOS caches its edge index) so the intersects/covers tests against
 * each candidate are cheap; a candidate that `a` covers needs no overlay at all
 * (its area is known), which is the common case for block groups inside towns.
 * Pairs come out sorted by (a, b), so results are deterministic.
 */
export function overlayAreas(geos: Geos, as: readonly GeosPolygon[], bs: readonly GeosPolygon[], options: OverlayOptions = {}): OverlayPair[] {
  const index = bboxIndex(bs);
  const pairs: OverlayPair[] = [];
  try {
    as.forEach((a, i) => overlayOne(geos, a, i, bs, index, pairs, options.keepPieces === true));
  } catch (err) {
    // Kept pieces belong to the caller only on success.
    for (const p of pairs) if (p.piece) geos.GEOSGeom_destroy(p.piece);
    throw err;
  }
  return pairs.sort((x, y) => x.a - y.a || x.b - y.b);
}

/** Overlay one `a` against its bbox candidates, appending to `pairs`. */
function overlayOne(geos: Geos, a: GeosPolygon, i: number, bs: readonly GeosPolygon[], index: Flatbush, pairs: OverlayPair[], keepPieces: boolean): void {
  const candidates = bs.length === 0 ? [] : index.search(a.bbox[0], a.bbox[1], a.bbox[2], a.bbox[3]);
  if (candidates.length === 0) return;
  const prepared = geos.GEOSPrepare(a.ptr);
  try {
    for (const j of candidates) {
      const b = bs[j]!;
      if (geos.GEOSPreparedIntersects(prepared, b.ptr) !== 1) continue;
      if (geos.GEOSPreparedCovers(prepared, b.ptr) === 1) {
        pairs.push(keepPieces ? { a: i, b: j, areaM2: b.areaM2, piece: geos.GEOSGeom_clone(b.ptr) } : { a: i, b: j, areaM2: b.areaM2 });
        continue;
      }
      const piece = clippedIntersection(geos, a, b);
      if (!piece) throw new Error(`GEOS intersection failed for pair (${i}, ${j}): ${takeGeosError()}`);
      const areaM2 = geosArea(geos, piece);
      if (areaM2 > 0 && keepPieces) pairs.push({ a: i, b: j, areaM2, piece });
      else {
        if (areaM2 > 0) pairs.push({ a: i, b: j, areaM2 });
        geos.GEOSGeom_destroy(piece);
      }
    }
  } finally {
    geos.GEOSPreparedGeom_destroy(prepared);
  }
}
