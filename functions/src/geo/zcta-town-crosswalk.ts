import { loadGeos } from './geos-kernel.js';
import { overlayAreas } from './polygon-overlay.js';
import { withGeosPolygons, type AreaFeature } from './area-feature.js';

/** One ZCTA × town pair: the share of the ZCTA that lies in the town and of the town that lies in the ZCTA. */
export interface CrosswalkRow {
  zcta: string;
  /** 10-digit Census county-subdivision GEOID. */
  town: string;
  fracOfZcta: number;
  fracOfTown: number;
}

export interface AreaCrosswalkRow extends CrosswalkRow {
  /** Area of ZCTA ∩ town on the WGS84 ellipsoid (equal-area projection), m². */
  intersectionM2: number;
}

/** A ZCTA (or town) whose fractions do not sum to 1 ± CONSERVATION_TOLERANCE, with the sum. */
export interface ZctaException {
  zcta: string;
  sum: number;
}
export interface TownException {
  town: string;
  sum: number;
}

export interface AreaCrosswalk {
  rows: AreaCrosswalkRow[];
  /** ZCTAs whose fracOfZcta sum is outside 1 ± 0.01: coastal water in the CB ZCTA that no town polygon covers (docs/crosswalks.md). */
  exceptions: ZctaException[];
  /** Towns whose fracOfTown sum is outside 1 ± 0.01: harbour islands and land no ZCTA covers (Quabbin, state forests). */
  townExceptions: TownException[];
}

/**
 * A pair is a sliver — an artefact of two boundary files digitised at different
 * scales, not a real overlap — when it is under 1e-4 (0.01 %) of the ZCTA *and*
 * of the town. Dropping slivers moves any fraction sum by < 0.002 on these files.
 */
export const SLIVER_FRACTION = 1e-4;
/** Fraction sums are expected within 1 ± 0.01 (issue 7); others are listed as exceptions. */
export const CONSERVATION_TOLERANCE = 0.01;

/**
 * ZCTA ↔ town crosswalk by polygon intersection area: flatbush bbox prefilter,
 * GEOS (WebAssembly) overlay in a Lambert cylindrical equal-area projection, so
 * fracOfZcta = area(z ∩ t) / area(z) and fracOfTown = area(z ∩ t) / area(t) use
 * true ellipsoidal areas. Denominators are the whole polygons, so water in a ZCTA
 * that lies outside every town lowers that ZCTA's sum: those are reported, not hidden.
 * Rows are sorted by (zcta, town); the result is deterministic.
 */
export async function areaCrosswalk(zctas: readonly AreaFeature[], towns: readonly AreaFeature[]): Promise<AreaCrosswalk> {
  const geos = await loadGeos();
  return withGeosPolygons(geos, [towns, zctas], ([townPolys, zctaPolys]) => {
    // Towns are prepared (the larger, full-resolution polygons): measured 1.1 s vs 1.3 s the other way round.
    const pairs = overlayAreas(geos, townPolys!, zctaPolys!);
    const rows: AreaCrosswalkRow[] = [];
    for (const p of pairs) {
      const fracOfTown = p.areaM2 / townPolys![p.a]!.areaM2;
      const fracOfZcta = p.areaM2 / zctaPolys![p.b]!.areaM2;
      if (fracOfZcta < SLIVER_FRACTION && fracOfTown < SLIVER_FRACTION) continue;
      rows.push({ zcta: zctas[p.b]!.id, town: towns[p.a]!.id, intersectionM2: p.areaM2, fracOfZcta, fracOfTown });
    }
    rows.sort(byZctaThenTown);
    return {
      rows,
      exceptions: sumExceptions(zctas, rows, (r) => r.zcta, (r) => r.fracOfZcta).map(({ id, sum }) => ({ zcta: id, sum })),
      townExceptions: sumExceptions(towns, rows, (r) => r.town, (r) => r.fracOfTown).map(({ id, sum }) => ({ town: id, sum })),
    };
  });
}

export function byZctaThenTown(a: CrosswalkRow, b: CrosswalkRow): number {
  return a.zcta < b.zcta ? -1 : a.zcta > b.zcta ? 1 : a.town < b.town ? -1 : a.town > b.town ? 1 : 0;
}

/** Ids (in id order) whose fractions sum outside 1 ± CONSERVATION_TOLERANCE; an id with no rows sums to 0. */
export function sumExceptions<R>(
  features: readonly { id: string }[],
  rows: readonly R[],
  idOf: (r: R) => string,
  fracOf: (r: R) => number,
  tolerance = CONSERVATION_TOLERANCE,
): { id: string; sum: number }[] {
  const sums = new Map<string, number>(features.map((f) => [f.id, 0]));
  for (const r of rows) sums.set(idOf(r), (sums.get(idOf(r)) ?? 0) + fracOf(r));
  return [...sums]
    .filter(([, sum]) => Math.abs(sum - 1) > tolerance)
    .map(([id, sum]) => ({ id, sum }))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
}
