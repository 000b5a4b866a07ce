import { createZipTownLookup } from '../geo/zip-town-lookup.js';
import type { CrosswalkRow } from '../geo/zcta-town-crosswalk.js';
import type { PlaceRecord } from '../indices/place-record.js';
import type { ZipTableRow } from '../pipeline/zip-table.js';

export interface SearchHit {
  level: 'town' | 'zcta';
  id: string;
  name: string;
  score: number | null;
  percentile: number | null;
  rank: number | null;
  /** How the place matched: its name, or a ZIP code (ZIP → ZCTA → the towns that ZCTA overlaps). */
  match: 'name' | 'zip';
  zip: string | null;
  /** USPS post-office name of the ZIP. */
  poName: string | null;
  /** For towns found by ZIP: the share of the ZCTA's area in the town. */
  fracOfZcta: number | null;
}

/** Lower case, accents and punctuation dropped: "Agawam", "AGAWAM" and "agawám" are one key. */
export function foldName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const ZIP_QUERY = /^\d{3,5}$/;

/**
 * Search over one version: town names by prefix (of the name or of any word
 * in it, case- and accent-insensitive), and ZIP codes (3–5 leading digits)
 * through the UDS Mapper ZIP → ZCTA table and the area crosswalk.
 */
export function createPlaceSearch(towns: readonly PlaceRecord[], zctas: readonly PlaceRecord[], zipTable: readonly ZipTableRow[], crosswalk: readonly CrosswalkRow[]) {
  const folded = towns.map((t) => ({ place: t, key: foldName(t.name) }));
  const townById = new Map(towns.map((t) => [t.id, t]));
  const zctaById = new Map(zctas.map((z) => [z.id, z]));
  const lookup = createZipTownLookup(zipTable, crosswalk);
  const zips = [...zipTable].sort((a, b) => (a.zip < b.zip ? -1 : 1));
  const hit = (p: PlaceRecord, extra: Pick<SearchHit, 'match' | 'zip' | 'poName' | 'fracOfZcta'>): SearchHit => ({
    level: p.level,
    id: p.id,
    name: p.name,
    score: p.score,
    percentile: p.percentile,
    rank: p.rank,
    ...extra,
  });

  return (query: string, limit: number): SearchHit[] => {
    const q = query.trim();
    const out: SearchHit[] = [];
    if (ZIP_QUERY.test(q)) {
      for (const row of zips) {
        if (out.length >= limit) break;
        if (!row.zip.startsWith(q)) continue;
        const found = lookup(row.zip)!;
        const zcta = zctaById.get(found.zcta);
        if (zcta) out.push(hit(zcta, { match: 'zip', zip: row.zip, poName: row.poName, fracOfZcta: null }));
        for (const t of found.towns) {
          const town = townById.get(t.town);
          if (town) out.push(hit(town, { match: 'zip', zip: row.zip, poName: row.poName, fracOfZcta: Math.round(t.fracOfZcta * 1e4) / 1e4 }));
        }
      }
      return out.slice(0, limit);
    }
    const key = foldName(q);
    if (!key) return [];
    const scored: { quality: number; place: PlaceRecord }[] = [];
    for (const { place, key: name } of folded) {
      if (name === key) scored.push({ quality: 0, place });
      else if (name.startsWith(key)) scored.push({ quality: 1, place });
      else if (name.includes(` ${key}`)) scored.push({ quality: 2, place });
    }
    scored.sort((a, b) => a.quality - b.quality || a.place.name.localeCompare(b.place.name));
    return scored.slice(0, limit).map((s) => hit(s.place, { match: 'name', zip: null, poName: null, fracOfZcta: null }));
  };
}
