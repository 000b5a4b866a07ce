/**
 * Block group × town × ZCTA pieces for a sample of places, with @turf/intersect (polyclip-ts) and
 * geodesic @turf/area — a different kernel and area formula from the pipeline's GEOS + equal-area
 * projection. Only block groups whose box meets a sample place's box are overlaid (bbox prefilter);
 * each town / ZCTA is first cut to the piece's box (@turf/bbox-clip) so the overlay stays small.
 */
import area from '@turf/area';
import bbox from '@turf/bbox';
import bboxClip from '@turf/bbox-clip';
import { featureCollection } from '@turf/helpers';
import intersect from '@turf/intersect';
import type { BBox, MultiPolygon, Polygon, Position } from 'geojson';
import { loadBlockGroupPolygons, loadTowns, loadZctaPolygons, type Area } from './raw.js';

const overlaps = (a: BBox, b: BBox) => a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];

/** bbox-clip leaves degenerate rings behind; polyclip wants closed rings of ≥ 4 positions. */
function clipTo(f: Area, box: BBox): Area | null {
  const g = bboxClip(f, box).geometry as Polygon | MultiPolygon;
  const polys: Position[][][] = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  const kept = polys.filter((rings) => (rings[0]?.length ?? 0) >= 4).map((rings) => rings.filter((r) => r.length >= 4));
  if (kept.length === 0) return null;
  return { type: 'Feature', properties: {}, geometry: { type: 'MultiPolygon', coordinates: kept } };
}

function cut(a: Area, b: Area): Area | null {
  const clipped = clipTo(b, bbox(a));
  if (!clipped) return null;
  return intersect(featureCollection([a, clipped])) as Area | null;
}

export interface BgPieces {
  /** area(bg ∩ town) in m² by town GEOID20. */
  town: Map<string, number>;
  /** area(bg ∩ town ∩ zcta) in m² by "zcta|town". */
  zctaTown: Map<string, number>;
}

/**
 * The overlay of every block group meeting a sample town or ZCTA. ZCTA pieces (bg ∩ zcta ∩ town) are
 * computed only for block groups meeting a sample ZCTA or a town of `zctaSplitTownIds` (they cost most).
 */
export function overlaySample(townIds: readonly string[], zctaIds: readonly string[], zctaSplitTownIds: readonly string[] = []): Map<string, BgPieces> {
  const towns = loadTowns().map((t) => ({ id: t.geoid, f: t.feature, box: bbox(t.feature) }));
  const zctas = [...loadZctaPolygons()].map(([id, f]) => ({ id, f, box: bbox(f) }));
  const sampleTowns = towns.filter((t) => townIds.includes(t.id) || zctaSplitTownIds.includes(t.id));
  const sampleZctas = zctas.filter((z) => zctaIds.includes(z.id));
  const out = new Map<string, BgPieces>();
  for (const [geoid, bg] of loadBlockGroupPolygons()) {
    const box = bbox(bg);
    const pieces: BgPieces = { town: new Map(), zctaTown: new Map() };
    const inTown = new Map<string, Area>();
    const addTown = (t: { id: string; f: Area }) => {
      if (inTown.has(t.id)) return true;
      const bt = cut(bg, t.f);
      const a = bt ? area(bt) : 0;
      if (a <= 0) return false;
      pieces.town.set(t.id, a);
      inTown.set(t.id, bt!);
      return true;
    };
    // Members only: a block group meeting no sample place's polygon (only its box) is not overlaid further.
    const inSampleTown = sampleTowns.filter((t) => overlaps(t.box, box) && addTown(t));
    const inSampleZcta = sampleZctas.some((z) => overlaps(z.box, box) && areaOf(cut(bg, z.f)) > 0);
    if (inSampleTown.length === 0 && !inSampleZcta) continue;
    for (const t of towns) if (overlaps(t.box, box)) addTown(t);
    out.set(geoid, pieces);
    if (!inSampleZcta && !inSampleTown.some((t) => zctaSplitTownIds.includes(t.id))) continue;
    // ZCTA first (both Census 1:500k, few vertices); a block group wholly inside one ZCTA reuses its town pieces.
    const bgArea = area(bg);
    for (const z of zctas) {
      if (!overlaps(z.box, box)) continue;
      const bz = cut(bg, z.f);
      const az = areaOf(bz);
      if (az <= 0) continue;
      const whole = az >= bgArea * (1 - 1e-9);
      for (const [townId, bt] of inTown) {
        const a = whole ? pieces.town.get(townId)! : areaOf(intersect(featureCollection([bz!, bt])) as Area | null);
        if (a > 0) pieces.zctaTown.set(`${z.id}|${townId}`, a);
      }
    }
  }
  return out;
}

const areaOf = (f: Area | null) => (f ? area(f) : 0);
const sum = (xs: Iterable<number>) => [...xs].reduce((s, x) => s + x, 0);

/**
 * A block group's shares over every town (or ZCTA) it meets: town share = area(bg ∩ town) / Σ area(bg ∩ every
 * town); ZCTA share = area(bg ∩ zcta ∩ any town) / area(bg ∩ any town). With `sliver` > 0 (the method's 1 %,
 * docs/method.md §2a "Slivers"), shares below it are dropped and the rest renormalised to sum to 1.
 */
function sharesOf(p: BgPieces, level: 'town' | 'zcta', sliver: number): Map<string, number> {
  const denominator = sum(p.town.values());
  const raw = new Map<string, number>();
  if (level === 'town') for (const [t, a] of p.town) raw.set(t, a / denominator);
  else for (const [key, a] of p.zctaTown) { const z = key.slice(0, 5); raw.set(z, (raw.get(z) ?? 0) + a / denominator); }
  if (sliver <= 0) return raw;
  const kept = [...raw].filter(([, s]) => s >= sliver);
  const total = sum(kept.map(([, s]) => s));
  return new Map(kept.map(([k, s]) => [k, s / total]));
}

/** Block group → share in one town (R1). */
export function townShares(overlay: ReadonlyMap<string, BgPieces>, townId: string, sliver = 0): Map<string, number> {
  const out = new Map<string, number>();
  for (const [geoid, p] of overlay) {
    if (!p.town.has(townId)) continue;
    const s = sharesOf(p, 'town', sliver).get(townId);
    if (s) out.set(geoid, s);
  }
  return out;
}

/** Block group → share in one ZCTA (R1); needs the ZCTA pieces (overlaySample's zctaIds / zctaSplitTownIds). */
export function zctaShares(overlay: ReadonlyMap<string, BgPieces>, zctaId: string, sliver = 0): Map<string, number> {
  const out = new Map<string, number>();
  for (const [geoid, p] of overlay) {
    if (![...p.zctaTown.keys()].some((k) => k.startsWith(`${zctaId}|`))) continue;
    const s = sharesOf(p, 'zcta', sliver).get(zctaId);
    if (s) out.set(geoid, s);
  }
  return out;
}
