import type { CrosswalkRow } from './zcta-town-crosswalk.js';

export interface ZipTowns {
  zip: string;
  zcta: string;
  /** Towns the ZCTA overlaps, largest share of the ZCTA first. */
  towns: { town: string; fracOfZcta: number }[];
}

/**
 * ZIP → ZCTA → towns. A ZIP is resolved through its ZCTA (UDS Mapper), then to
 * every town that ZCTA overlaps in the crosswalk given (area or population
 * weighted). PO-box ZIPs resolve through the ZCTA they sit in, so their town
 * list is that ZCTA's. Returns null for a ZIP not in the ZIP → ZCTA table.
 */
export function createZipTownLookup(
  zipToZcta: readonly { zip: string; zcta: string }[],
  crosswalk: readonly CrosswalkRow[],
): (zip: string) => ZipTowns | null {
  const zctaOf = new Map(zipToZcta.map((r) => [r.zip, r.zcta]));
  const townsOf = new Map<string, { town: string; fracOfZcta: number }[]>();
  for (const r of crosswalk) {
    const list = townsOf.get(r.zcta) ?? [];
    list.push({ town: r.town, fracOfZcta: r.fracOfZcta });
    townsOf.set(r.zcta, list);
  }
  for (const list of townsOf.values()) list.sort((a, b) => b.fracOfZcta - a.fracOfZcta || (a.town < b.town ? -1 : 1));
  return (zip) => {
    const zcta = zctaOf.get(zip);
    if (zcta === undefined) return null;
    return { zip, zcta, towns: townsOf.get(zcta) ?? [] };
  };
}
