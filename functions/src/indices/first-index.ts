import type { MeasureInfo, PlaceRecord } from './place-record.js';
import { percentileRank } from './percentile-rank.js';
import { ejPopulationShareByMunicipality, type EjBlockGroupInput } from './ej-population-share.js';

/**
 * The foundation's first index (docs/method.md): one real measure per level,
 * ranked into percentiles. The index engine (issue 7) replaces it with
 * multi-domain indices.
 */
export const TOWN_MEASURE: MeasureInfo = {
  id: 'ej_population_share',
  label: 'Residents living in Environmental Justice block groups',
  unit: '% of residents',
  direction: 'higher_is_worse',
  description:
    'Share of residents living in block groups that meet the Massachusetts Environmental Justice criteria (income, minority, limited English), ACS 2019–2023.',
  sourceIds: ['ej-blockgroups', 'towns'],
  vintage: 'ACS 2019–2023 5-year',
};

export const ZCTA_MEASURE: MeasureInfo = {
  id: 'obesity_prevalence',
  label: 'Adult obesity',
  unit: '% of adults (crude prevalence)',
  direction: 'higher_is_worse',
  description: 'Model-based crude prevalence of obesity among adults 18+, CDC PLACES 2022 release (BRFSS 2020).',
  sourceIds: ['places-zcta', 'zctas'],
  vintage: 'PLACES 2022 release (BRFSS 2020)',
};

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;
const toPercentile = (rank: number | null) => (rank === null ? null : round(rank * 100, 2));

export interface TownInput {
  id: string;
  name: string;
  county: string;
  population2020: number;
}

export const normalizeTownName = (name: string) => name.trim().toUpperCase();

export function townRecords(towns: readonly TownInput[], blockGroups: readonly EjBlockGroupInput[]): PlaceRecord[] {
  const shares = ejPopulationShareByMunicipality(blockGroups, normalizeTownName);
  const values = towns.map((t) => shares.get(normalizeTownName(t.name))?.share ?? null);
  const ranks = percentileRank(values);
  return towns.map((town, i): PlaceRecord => {
    const s = shares.get(normalizeTownName(town.name));
    const value = values[i]!;
    return {
      level: 'town',
      id: town.id,
      name: town.name,
      county: town.county,
      population: town.population2020,
      score: value === null ? null : value * 100, // full precision: ranks are computed on it; clients round for display
      percentile: toPercentile(ranks[i]!),
      noDataReason:
        value !== null
          ? null
          : s
            ? 'The population of every block group assigned to this municipality is unknown in the EJ source.'
            : 'No block group in the EJ source is assigned to this municipality (small towns can share block groups with neighbours).',
      details: s
        ? {
            ejPopulation: Math.round(s.ejPopulation),
            knownPopulation: Math.round(s.knownPopulation),
            blockGroups: s.blockGroups,
            blockGroupsUnknownPopulation: s.blockGroupsUnknownPopulation,
          }
        : {},
    };
  });
}

export interface ZctaEstimateInput {
  zcta: string;
  population2010: number;
  value: number;
  ci95: [number, number];
}

export function zctaRecords(zctaIds: readonly string[], estimates: readonly ZctaEstimateInput[]): PlaceRecord[] {
  const byId = new Map(estimates.map((e) => [e.zcta, e]));
  const values = zctaIds.map((id) => byId.get(id)?.value ?? null);
  const ranks = percentileRank(values);
  return zctaIds.map((id, i): PlaceRecord => {
    const e = byId.get(id);
    return {
      level: 'zcta',
      id,
      name: `ZCTA ${id}`,
      county: null,
      population: e?.population2010 ?? null,
      score: e ? e.value : null,
      percentile: toPercentile(ranks[i]!),
      noDataReason: e ? null : 'CDC PLACES 2022 publishes no estimate for this ZCTA (PLACES omits ZCTAs with very small populations).',
      details: e ? { ci95: e.ci95 } : {},
    };
  });
}
