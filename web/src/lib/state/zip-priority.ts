import type { CrosswalkRow } from '../api';
import { m } from '../../paraglide/messages.js';

export interface GeographyRef {
  id: string;
  name: string;
  status: 'confirmed' | 'derived';
}

/** The priority geography most of a ZIP code's residents live in, by the population crosswalk. */
export interface ZipPriority {
  geography: GeographyRef;
  /** Share of the ZIP code's residents living in that geography's municipalities (0–1). */
  share: number;
}

/** A ZIP code counts as "in" a priority geography when most of its residents live there. */
export const ZIP_MAJORITY = 0.5;

/**
 * Priority geographies are sets of municipalities; a ZIP code is related to them
 * through the share of its residents living in member towns (never a membership claim).
 */
export function zipPriorities(rows: readonly CrosswalkRow[], members: ReadonlyMap<string, GeographyRef>): Map<string, ZipPriority> {
  const shares = new Map<string, Map<string, { geography: GeographyRef; share: number }>>();
  for (const r of rows) {
    const geography = members.get(r.town_geoid);
    if (!geography) continue;
    const byGeography = shares.get(r.zcta) ?? new Map();
    const entry = byGeography.get(geography.id) ?? { geography, share: 0 };
    entry.share += r.frac_of_zcta;
    byGeography.set(geography.id, entry);
    shares.set(r.zcta, byGeography);
  }
  const best = new Map<string, ZipPriority>();
  for (const [zcta, byGeography] of shares) {
    const top = [...byGeography.values()].sort((a, b) => b.share - a.share)[0]!;
    best.set(zcta, { geography: top.geography, share: Math.min(1, top.share) });
  }
  return best;
}

/** "83 % of residents live in …" for the tooltip and profile. */
export function describeZipPriority(z: ZipPriority | undefined): string {
  if (!z) return m.common_zip_priority_none();
  const pct = Math.round(z.share * 100);
  const inputs = { pct: pct < 1 ? '< 1' : String(pct), name: z.geography.name, status: z.geography.status === 'confirmed' ? m.common_zip_priority_confirmed() : m.common_zip_priority_derived() };
  return z.share >= ZIP_MAJORITY ? m.common_zip_priority_most(inputs) : m.common_zip_priority_few(inputs);
}
