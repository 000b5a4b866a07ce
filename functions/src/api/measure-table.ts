import type { Level, PlaceRecord, VersionMeta } from '../indices/place-record.js';
import type { StateValueBasis } from '../indices/state-reference.js';

/** A measure the map can colour places by: the overall index, a domain or one indicator. */
export interface MeasureColumn {
  /** "overall", "domain:<id>" or the indicator id. */
  id: string;
  kind: 'overall' | 'domain' | 'indicator';
  label: string;
  /** Unit of `values`. */
  unit: string;
  direction: 'higher_is_worse' | 'higher_is_better';
  domain: string | null;
  vintage: string;
  sourceIds: string[];
  /** false = context only, not in any score (`contextReason` says why). */
  ranked: boolean;
  contextReason: string | null;
  /** One entry per place, in the order of `places`; null = no data. */
  values: (number | null)[];
  /** Percentile 0–100, high = more disadvantaged whatever the direction; null = no data. */
  percentiles: (number | null)[];
  /** Why a place has no value (null where it has one). */
  noData: (string | null)[];
  /** Indicators: the Massachusetts value in the same unit (issue 13); null for the overall index, domains and versions without one. Always sent; optional here so older fixtures still type-check. */
  stateValue?: number | null;
  /** `source` (the source's own state figure) or `population-weighted-mean` (of the towns' values); null with no state value. */
  stateValueBasis?: StateValueBasis | null;
  /** Where the state value comes from, in plain language. */
  stateValueNote?: string | null;
}

export interface MeasureTable {
  version: string;
  level: Level;
  method: string;
  places: { id: string; name: string; county: string | null; population: number | null; rank: number | null; flagCount: number; percentileInterval: [number, number] | null }[];
  measures: MeasureColumn[];
}

/** Why an indicator has no value for a place (shared with the one-place answer). */
export function indicatorNoDataReason(value: number | null, derivation: string | null, level: Level, stored?: string | null): string | null {
  if (value !== null) return null;
  if (stored) return stored; // ma-hei-1.1 records say why per value; 1.0 records get the generic reasons below
  if (derivation === null) return `Not available for ${level === 'town' ? 'municipalities' : 'ZIP codes'} in the staged sources.`;
  return 'No value for this place: suppressed by the publisher (small numbers), not covered by the source, or too little of the area covered by places with data.';
}

/** Percentile measures (overall, domains) are relative to Massachusetts already: no state value. */
const NO_STATE = { stateValue: null, stateValueBasis: null, stateValueNote: null } as const;

/** Six significant digits are more than any source publishes and keep the table small. */
const trim = (x: number | null): number | null => (x === null ? null : Number(x.toPrecision(6)));
const toPercent = (p: number | null): number | null => (p === null ? null : Math.round(p * 10000) / 100);

/**
 * Every measure of a level as columns over one list of places: the map switches
 * measure without another request, and names, units and vintages travel once.
 */
export function buildMeasureTable(meta: VersionMeta, level: Level, records: PlaceRecord[]): MeasureTable {
  const overall = meta.measures[level];
  const measures: MeasureColumn[] = [
    {
      id: 'overall',
      kind: 'overall',
      label: overall.label,
      unit: 'percentile (0–100)',
      direction: 'higher_is_worse',
      domain: null,
      vintage: overall.vintage,
      sourceIds: overall.sourceIds,
      ranked: true,
      contextReason: null,
      values: records.map((r) => r.percentile),
      percentiles: records.map((r) => r.percentile),
      noData: records.map((r) => (r.percentile === null ? r.noDataReason ?? 'No overall score.' : null)),
      ...NO_STATE,
    },
    ...meta.method.domains.map((d): MeasureColumn => ({
      id: `domain:${d.id}`,
      kind: 'domain',
      label: d.label,
      unit: 'domain percentile (0–100)',
      direction: 'higher_is_worse',
      domain: d.id,
      vintage: 'see each indicator',
      sourceIds: [...new Set(meta.indicators.filter((i) => i.domain === d.id).map((i) => i.source.sourceId))],
      ranked: true,
      contextReason: null,
      values: records.map((r) => toPercent(r.domains[d.id]?.percentile ?? null)),
      percentiles: records.map((r) => toPercent(r.domains[d.id]?.percentile ?? null)),
      noData: records.map((r) => (r.domains[d.id]?.percentile == null ? r.domains[d.id]?.noDataReason ?? 'No domain score.' : null)),
      ...NO_STATE,
    })),
    ...meta.indicators.map((spec): MeasureColumn => {
      const derivation = meta.derivation[level][spec.id] ?? null;
      return {
        id: spec.id,
        kind: 'indicator',
        label: spec.label,
        unit: spec.unit,
        direction: spec.direction,
        domain: spec.domain,
        vintage: spec.vintage,
        sourceIds: [spec.source.sourceId],
        ranked: spec.ranked !== false,
        contextReason: spec.contextReason ?? null,
        values: records.map((r) => trim(r.indicators[spec.id]?.value ?? null)),
        percentiles: records.map((r) => toPercent(r.indicators[spec.id]?.percentile ?? null)),
        noData: records.map((r) => indicatorNoDataReason(r.indicators[spec.id]?.value ?? null, derivation, level, r.indicators[spec.id]?.noDataReason)),
        stateValue: meta.stateReference?.[spec.id]?.value ?? null,
        stateValueBasis: meta.stateReference?.[spec.id]?.basis ?? null,
        stateValueNote: meta.stateReference?.[spec.id]?.note ?? null,
      };
    }),
  ];
  return {
    version: meta.version,
    level,
    method: meta.method.id,
    places: records.map((r) => ({ id: r.id, name: r.name, county: r.county, population: r.population, rank: r.rank, flagCount: r.flagCount, percentileInterval: r.percentileInterval })),
    measures,
  };
}
