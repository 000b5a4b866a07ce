import type { CrosswalkRow } from './zcta-town-crosswalk.js';

export interface ZipContext {
  /** Post-office name of the ZIP code with the ZCTA's own number; null when there is none. */
  poName: string | null;
  /** ZIP codes resolving to the ZCTA (its own first, then PO boxes and large-volume customers). */
  zips: string[];
  /** County of the municipalities holding most of its residents; null when unknown. */
  county: string | null;
  /** Municipalities it overlaps, largest share of its residents first. */
  towns: { id: string; name: string; county: string | null; share: number }[];
}

/**
 * What names a ZIP code area for people (issue 13, ZIP profiles): its main post office
 * (UDS Mapper ZIP → ZCTA table: the ZIP with the ZCTA's number, else the first ZIP that
 * resolves to it), the municipalities it overlaps with the share of its residents in each
 * (population crosswalk), and the county holding the largest share.
 */
export function zipContext(
  zcta: string,
  zipRows: readonly { zip: string; zcta: string; poName: string }[],
  crosswalk: readonly CrosswalkRow[],
  towns: ReadonlyMap<string, { name: string; county: string | null }>,
): ZipContext {
  const zips = zipRows.filter((r) => r.zcta === zcta).sort((a, b) => (a.zip === zcta ? -1 : b.zip === zcta ? 1 : a.zip.localeCompare(b.zip)));
  // Shares to 4 decimals; a town left with 0 (an area sliver with no residents to speak of) is not listed.
  const overlaps = crosswalk
    .filter((r) => r.zcta === zcta)
    .map((r) => ({ id: r.town, name: towns.get(r.town)?.name ?? r.town, county: towns.get(r.town)?.county ?? null, share: Math.round(r.fracOfZcta * 10_000) / 10_000 }))
    .filter((t) => t.share > 0)
    .sort((a, b) => b.share - a.share || a.name.localeCompare(b.name));
  const byCounty = new Map<string, number>();
  for (const t of overlaps) if (t.county) byCounty.set(t.county, (byCounty.get(t.county) ?? 0) + t.share);
  const county = [...byCounty].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? null;
  return { poName: zips[0]?.poName ?? null, zips: zips.map((z) => z.zip), county, towns: overlaps };
}
