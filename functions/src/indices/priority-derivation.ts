/**
 * Derivation of AHEM priority geographies from the town index (docs/method.md,
 * "Priority geographies"). Pure and deterministic: the same ranks, adjacency
 * and configuration always give the same geographies, members and reasons.
 */

export interface ConfiguredGeography {
  id: string;
  name: string;
  status: 'confirmed' | 'derived';
  /** Town GEOIDs. */
  members: string[];
  sourceUrl: string | null;
  notes: string;
}

export interface DeriveOptions {
  /** Stop once this many geographies exist (AHEM: ten). */
  targetGeographies: number;
  /** Stop growing once the geographies hold this many towns in all (AHEM: about 30). */
  targetMunicipalities: number;
  maxMembersPerGeography: number;
  /** Only towns at or above this overall percentile (0–100) may seed or join a geography. */
  minPercentile: number;
  /** Grow configured (confirmed) geographies with adjacent towns too. */
  growConfirmed: boolean;
}

export interface RankedTown {
  id: string;
  name: string;
  population: number | null;
  score: number | null;
  percentile: number | null;
  /** 1 = most disadvantaged; null = no overall score. */
  rank: number | null;
  flagCount: number;
  /** All-cause age-adjusted death rate: breaks ties in rank (higher first); null = no data. */
  tieBreak: number | null;
}

export interface MemberReason {
  id: string;
  name: string;
  /** configured: listed in data/priority-geographies.json; seed: started a derived geography; adjacent: joined a neighbour. */
  role: 'configured' | 'seed' | 'adjacent';
  rank: number | null;
  percentile: number | null;
  score: number | null;
  flagCount: number;
  /** Members of the same geography this town shares a boundary with (GEOIDs). */
  adjacentTo: string[];
  reason: string;
}

export interface DerivedGeography {
  id: string;
  name: string;
  status: 'confirmed' | 'derived';
  sourceUrl: string | null;
  notes: string;
  members: MemberReason[];
}

/** Said wherever a rank is the reason: the selection metric EOHHS used is not available by town. */
export const NO_PREMATURE_MORTALITY =
  'Premature mortality (a pivotal AHEM metric) is not published by town for Massachusetts, so towns are ranked by the overall index; ties are broken by the all-cause age-adjusted death rate (MassCHIP 2010).';

const fmt = (t: RankedTown, ranked: number) =>
  t.rank === null ? 'no overall index (no data)' : `overall index rank ${t.rank} of ${ranked} (percentile ${t.percentile}), ${t.flagCount} flagged indicator${t.flagCount === 1 ? '' : 's'}`;

const slug = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/** Rank order: rank, then the higher all-cause death rate, then GEOID — total and deterministic. */
export function compareTowns(a: RankedTown, b: RankedTown): number {
  if (a.rank !== b.rank) return (a.rank ?? Infinity) - (b.rank ?? Infinity);
  if (a.tieBreak !== b.tieBreak) return (b.tieBreak ?? -Infinity) - (a.tieBreak ?? -Infinity);
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Keep every configured geography; then repeatedly take the best-ranked
 * eligible town (percentile ≥ minPercentile, not yet a member) that can act:
 * it joins the smallest geography with room that it shares a boundary with
 * (while fewer than targetMunicipalities are members), or — when it borders no
 * geography at all — seeds a new derived geography named after it (while
 * fewer than targetGeographies exist). Stop when neither is possible.
 */
export function derivePriorityGeographies(
  towns: readonly RankedTown[],
  adjacency: ReadonlyMap<string, readonly string[]>,
  configured: readonly ConfiguredGeography[],
  options: DeriveOptions,
): DerivedGeography[] {
  const byId = new Map(towns.map((t) => [t.id, t]));
  const ranked = towns.filter((t) => t.rank !== null).length;
  const neighbours = (id: string) => adjacency.get(id) ?? [];
  const owner = new Map<string, DerivedGeography>();
  const geographies: DerivedGeography[] = [];
  let members = 0;

  const member = (t: RankedTown, g: DerivedGeography, role: MemberReason['role'], reason: string): void => {
    const adjacentTo = neighbours(t.id).filter((n) => owner.get(n) === g);
    g.members.push({ id: t.id, name: t.name, role, rank: t.rank, percentile: t.percentile, score: t.score, flagCount: t.flagCount, adjacentTo, reason });
    for (const n of adjacentTo) g.members.find((m) => m.id === n)!.adjacentTo.push(t.id);
    owner.set(t.id, g);
    members++;
  };

  for (const c of configured) {
    const g: DerivedGeography = { id: c.id, name: c.name, status: c.status, sourceUrl: c.sourceUrl, notes: c.notes, members: [] };
    geographies.push(g);
    for (const id of c.members) {
      const t = byId.get(id);
      if (!t) throw new Error(`configured: geography "${c.id}" lists town ${id}, which has no index record`);
      if (owner.has(id)) throw new Error(`configured: town ${id} is in both "${owner.get(id)!.id}" and "${c.id}"`);
      const why = c.status === 'confirmed' ? `Confirmed AHEM community${c.sourceUrl ? ` (${c.sourceUrl})` : ''}` : 'Listed in data/priority-geographies.json';
      member(t, g, 'configured', `${why}; ${fmt(t, ranked)}.`);
    }
  }

  const order = towns.filter((t) => t.rank !== null && t.percentile !== null && t.percentile >= options.minPercentile).sort(compareTowns);
  const growable = (g: DerivedGeography) => (g.status === 'derived' || options.growConfirmed) && g.members.length < options.maxMembersPerGeography;

  for (;;) {
    let acted = false;
    for (const t of order) {
      if (owner.has(t.id)) continue;
      const bordering = [...new Set(neighbours(t.id).map((n) => owner.get(n)).filter((g): g is DerivedGeography => g !== undefined))];
      if (bordering.length > 0) {
        const open = bordering.filter(growable);
        if (open.length === 0 || members >= options.targetMunicipalities) continue;
        // Smallest first spreads towns across geographies; configuration order breaks ties.
        const g = open.sort((a, b) => a.members.length - b.members.length || geographies.indexOf(a) - geographies.indexOf(b))[0]!;
        const via = neighbours(t.id).filter((n) => owner.get(n) === g).map((n) => byId.get(n)!.name);
        member(t, g, 'adjacent', `Shares a boundary with ${via.join(', ')} (${g.name}); ${fmt(t, ranked)}; the best-ranked remaining town bordering a geography with room.`);
      } else {
        if (geographies.length >= options.targetGeographies) continue;
        const g: DerivedGeography = {
          id: `derived-${slug(t.name)}`,
          name: t.name,
          status: 'derived',
          sourceUrl: null,
          notes: `Derived from the index (not an official AHEM geography). ${NO_PREMATURE_MORTALITY}`,
          members: [],
        };
        geographies.push(g);
        member(t, g, 'seed', `Best-ranked remaining town bordering no priority geography: seeds this derived geography; ${fmt(t, ranked)}.`);
      }
      acted = true;
      break; // rescan from the top: a new member may make a better-ranked town adjacent
    }
    if (!acted) return geographies;
  }
}
