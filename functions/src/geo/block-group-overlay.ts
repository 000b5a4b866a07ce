import { loadGeos, type GeosPolygon } from './geos-kernel.js';
import { overlayAreas } from './polygon-overlay.js';
import { withGeosPolygons, type AreaFeature } from './area-feature.js';

/** The part of one block group that lies in one ZCTA and one town. */
export interface BlockGroupPiece {
  blockGroup: string;
  zcta: string;
  town: string;
  /** Area of block group ∩ ZCTA ∩ town, m² (equal-area projection). */
  areaM2: number;
}

export interface BlockGroupOverlay {
  /** Sorted by (blockGroup, zcta, town); only pieces with positive area. */
  pieces: BlockGroupPiece[];
  /** Every block group given, with its whole polygon area, so callers can see coverage and unallocated ones. */
  blockGroups: { id: string; areaM2: number }[];
}

/**
 * Split every block group by ZCTA and by town (three-way overlay). Block groups
 * are intersected with ZCTAs first — both are Census 1:500k generalisations with
 * few vertices, so that overlay is cheap — and each block-group ∩ ZCTA piece is then intersected with
 * the full-resolution town polygons. Measured ≈ 1.4 s + 4.2 s here, against ≈ 7 s
 * for town-first orders. Pieces are not sliver-filtered: allocations renormalise
 * over them, so even a tiny piece keeps its exact share.
 */
export async function blockGroupOverlay(
  blockGroups: readonly AreaFeature[],
  zctas: readonly AreaFeature[],
  towns: readonly AreaFeature[],
): Promise<BlockGroupOverlay> {
  const geos = await loadGeos();
  return withGeosPolygons(geos, [blockGroups, zctas, towns], ([bgPolys, zctaPolys, townPolys]) => {
    const byZcta = overlayAreas(geos, zctaPolys!, bgPolys!, { keepPieces: true });
    const pieces: GeosPolygon[] = byZcta.map((p) => ({ ptr: p.piece!, areaM2: p.areaM2, bbox: overlapBox(zctaPolys![p.a]!.bbox, bgPolys![p.b]!.bbox) }));
    try {
      const byTown = overlayAreas(geos, townPolys!, pieces);
      const out: BlockGroupPiece[] = byTown.map((p) => {
        const zb = byZcta[p.b]!;
        return { blockGroup: blockGroups[zb.b]!.id, zcta: zctas[zb.a]!.id, town: towns[p.a]!.id, areaM2: p.areaM2 };
      });
      out.sort((a, b) => cmp(a.blockGroup, b.blockGroup) || cmp(a.zcta, b.zcta) || cmp(a.town, b.town));
      return { pieces: out, blockGroups: blockGroups.map((bg, i) => ({ id: bg.id, areaM2: bgPolys![i]!.areaM2 })) };
    } finally {
      for (const p of pieces) geos.GEOSGeom_destroy(p.ptr);
    }
  });
}

function overlapBox(a: GeosPolygon['bbox'], b: GeosPolygon['bbox']): GeosPolygon['bbox'] {
  return [Math.max(a[0], b[0]), Math.max(a[1], b[1]), Math.min(a[2], b[2]), Math.min(a[3], b[3])];
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
