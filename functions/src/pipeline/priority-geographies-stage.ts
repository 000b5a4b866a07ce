import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { dissolveOutline } from '../geo/dissolve-outline.js';
import { sharedBoundaryAdjacency } from '../geo/town-adjacency.js';
import type { PlaceRecord } from '../indices/place-record.js';
import { derivePriorityGeographies, NO_PREMATURE_MORTALITY, type DerivedGeography, type RankedTown } from '../indices/priority-derivation.js';
import { withMemberBasis, type MemberExplanation } from '../indices/member-basis.js';
import type { AhemCommunity } from '../sources/ahem-communities.js';
import type { PriorityConfig } from '../sources/priority-geographies-config.js';
import { SourceValidationError } from '../sources/source-problem.js';
import type { Town } from '../sources/towns.js';

export interface PriorityGeographyProperties {
  id: string;
  name: string;
  status: 'confirmed' | 'derived';
  sourceUrl: string | null;
  notes: string;
  /** Each member with `basis` (announced AHEM community, added by the rule, or listed by hand) and a plain-language `reason`. */
  members: (Omit<DerivedGeography['members'][number], 'reason'> & { population: number | null } & MemberExplanation)[];
  /** One line per member: why it is in. */
  reasons: { id: string; name: string; reason: string }[];
  /** 2020 census population of the members. */
  population: number;
  index: {
    /** Population-weighted mean overall percentile (0–100) of the ranked members. */
    percentile: number | null;
    bestRank: number | null;
    worstRank: number | null;
    /** Flagged indicators summed over members. */
    flagCount: number;
    membersRanked: number;
  };
}

export type PriorityGeographyCollection = FeatureCollection<Polygon | MultiPolygon, PriorityGeographyProperties> & {
  version: string;
  rule: PriorityConfig['derive'] & { text: string };
  notes: string;
};

const CONFIG_FILE = 'data/priority-geographies.json';

/**
 * After the town index: derive the priority geographies (docs/method.md) and
 * dissolve each into one outline (simplified map geometry, so the payload
 * stays small). Every publicly confirmed AHEM community must belong to a
 * confirmed geography of the configuration, otherwise the run stops.
 */
export function buildPriorityGeographies(input: {
  version: string;
  towns: readonly Town[];
  townsForMap: readonly Town[];
  townPlaces: readonly PlaceRecord[];
  config: PriorityConfig;
  communities: readonly AhemCommunity[];
}): PriorityGeographyCollection {
  const { config } = input;
  const byName = new Map(input.towns.map((t) => [t.name.toLowerCase(), t]));
  const problems = [];
  for (const c of input.communities) {
    const town = byName.get(c.municipality.toLowerCase());
    const home = town && config.geographies.find((g) => g.status === 'confirmed' && g.members.includes(town.id));
    if (!home) problems.push({ file: CONFIG_FILE, column: 'geographies', message: `confirmed AHEM community "${c.municipality}" (ahem/communities.csv) is not a member of any confirmed geography` });
  }
  const known = new Set(input.towns.map((t) => t.id));
  for (const g of config.geographies) for (const id of g.members) if (!known.has(id)) problems.push({ file: CONFIG_FILE, column: `geographies.${g.id}.members`, message: `${id} is not one of the 351 town GEOIDs` });
  if (problems.length > 0) throw new SourceValidationError(problems);

  const places = new Map(input.townPlaces.map((p) => [p.id, p]));
  const ranked: RankedTown[] = input.towns.map((t) => {
    const p = places.get(t.id);
    return {
      id: t.id,
      name: t.name,
      population: t.population2020,
      score: p?.score ?? null,
      percentile: p?.percentile ?? null,
      rank: p?.rank ?? null,
      flagCount: p?.flagCount ?? 0,
      tieBreak: p?.indicators.all_cause_death_rate?.value ?? null,
    };
  });
  const derived = derivePriorityGeographies(ranked, sharedBoundaryAdjacency(input.towns), config.geographies, config.derive);
  const outlines = new Map(input.townsForMap.map((t) => [t.id, t.geometry]));
  const population = new Map(input.towns.map((t) => [t.id, t.population2020]));

  const features: Feature<Polygon | MultiPolygon, PriorityGeographyProperties>[] = derived.map((g) => {
    const geometry = dissolveOutline(g.members.map((m) => outlines.get(m.id)!));
    if (!geometry) throw new Error(`priority geography ${g.id} has no members`);
    const rankedMembers = g.members.filter((m) => m.percentile !== null && m.rank !== null);
    const weight = rankedMembers.reduce((s, m) => s + (population.get(m.id) ?? 0), 0);
    const percentile = weight > 0 ? Math.round((rankedMembers.reduce((s, m) => s + m.percentile! * (population.get(m.id) ?? 0), 0) / weight) * 10) / 10 : null;
    const ranks = rankedMembers.map((m) => m.rank!);
    return {
      type: 'Feature',
      id: g.id,
      geometry,
      properties: {
        id: g.id,
        name: g.name,
        status: g.status,
        sourceUrl: g.sourceUrl,
        notes: g.notes,
        members: withMemberBasis({ status: g.status, members: g.members.map(({ reason: _r, ...m }) => ({ ...m, population: population.get(m.id) ?? null })) }),
        reasons: g.members.map((m) => ({ id: m.id, name: m.name, reason: m.reason })),
        population: g.members.reduce((s, m) => s + (population.get(m.id) ?? 0), 0),
        index: {
          percentile,
          bestRank: ranks.length ? Math.min(...ranks) : null,
          worstRank: ranks.length ? Math.max(...ranks) : null,
          flagCount: g.members.reduce((s, m) => s + m.flagCount, 0),
          membersRanked: rankedMembers.length,
        },
      },
    };
  });
  return {
    type: 'FeatureCollection',
    version: input.version,
    rule: {
      ...config.derive,
      text: `Configured geographies are kept (confirmed AHEM communities named after themselves). Towns at or above percentile ${config.derive.minPercentile} of the overall index are taken in rank order: a town bordering a geography with fewer than ${config.derive.maxMembersPerGeography} members joins the smallest such geography (while fewer than ${config.derive.targetMunicipalities} towns are members); a town bordering none seeds a derived geography (while fewer than ${config.derive.targetGeographies} exist). docs/method.md, "Priority geographies".`,
    },
    notes: NO_PREMATURE_MORTALITY,
    features,
  };
}
