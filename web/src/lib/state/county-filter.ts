import type { CrosswalkRow, MeasureTable } from '../api';
import { m } from '../../paraglide/messages.js';

/**
 * The county filter (issue 13): towns carry their county in the layer table
 * (GET /v1/layers/town); a ZIP code takes the county where most of its
 * residents live, summed over the towns it overlaps (population crosswalk),
 * which is the county of its main town in all but split ZIP codes.
 */

/** The counties of a town table, sorted (Massachusetts: 14). */
export function countiesOf(table: MeasureTable | null): string[] {
  return [...new Set((table?.places ?? []).map((p) => p.county).filter((c): c is string => !!c))].sort((a, b) => a.localeCompare(b));
}

/** ZIP code → the county holding the largest share of its residents; a tie goes to the county named first alphabetically. */
export function zipCounties(rows: readonly CrosswalkRow[], townCounty: ReadonlyMap<string, string | null>): Map<string, string> {
  const shares = new Map<string, Map<string, number>>();
  for (const r of rows) {
    const county = townCounty.get(r.town_geoid);
    if (!county) continue;
    const byCounty = shares.get(r.zcta) ?? new Map<string, number>();
    byCounty.set(county, (byCounty.get(county) ?? 0) + r.frac_of_zcta);
    shares.set(r.zcta, byCounty);
  }
  const out = new Map<string, string>();
  for (const [zcta, byCounty] of shares) {
    const [best] = [...byCounty].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    if (best) out.set(zcta, best[0]);
  }
  return out;
}

/** Town id → county, from the town layer table. */
export function townCounties(table: MeasureTable | null): Map<string, string | null> {
  return new Map((table?.places ?? []).map((p) => [p.id, p.county]));
}

/** "Hampden", "Hampden and Worcester", "Berkshire, Hampden and Worcester" (for headings and captions). */
export function countyPhrase(counties: readonly string[]): string {
  if (counties.length <= 1) return counties[0] ?? '';
  return m.common_list_and({ head: counties.slice(0, -1).join(', '), last: counties.at(-1)! });
}

/** Whether a row passes the county filter (no county chosen = every row). */
export function inCounties(counties: readonly string[], county: string | null | undefined): boolean {
  return counties.length === 0 || (!!county && counties.includes(county));
}
