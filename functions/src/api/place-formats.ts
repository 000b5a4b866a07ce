import type { Context } from 'hono';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { DOMAINS, type IndicatorSpec } from '../indices/indicator-registry.js';
import type { PlaceRecord, VersionMeta } from '../indices/place-record.js';
import { PRECISION, rounded, seDecimals } from './column-precision.js';
import { indicatorNoDataReason } from './measure-table.js';

export const FORMATS = ['json', 'csv', 'geojson'] as const;
export type Format = (typeof FORMATS)[number];

/** `?format=` wins; otherwise the Accept header: GeoJSON or CSV when asked for (and JSON not), else JSON. */
export function negotiateFormat(c: Context, format: Format | undefined): Format {
  if (format) return format;
  const accept = c.req.header('accept') ?? '';
  if (accept.includes('application/geo+json')) return 'geojson';
  if (accept.includes('text/csv') && !accept.includes('application/json')) return 'csv';
  return 'json';
}

export type Row = Record<string, string | number | boolean | null>;

/** CSV cells: empty for "no data", true/false spelled out. */
export function csvCells(columns: string[], rows: Row[]): unknown[][] {
  return rows.map((r) => columns.map((k) => (typeof r[k] === 'boolean' ? String(r[k]) : r[k])));
}

/** Join rows to the version's map geometry by id; rows without geometry get `geometry: null` (valid GeoJSON). */
export function toFeatureCollection(rows: Row[], geometryJson: string, members: Record<string, unknown>): FeatureCollection & Record<string, unknown> {
  const shapes = new Map((JSON.parse(geometryJson) as FeatureCollection).features.map((f) => [String(f.id ?? f.properties?.id), f.geometry]));
  const features: Feature<Geometry | null>[] = rows.map((r) => ({ type: 'Feature', id: String(r.id), properties: r, geometry: shapes.get(String(r.id)) ?? null }));
  return { type: 'FeatureCollection', ...members, features: features as Feature[] };
}

/**
 * Every published value of a place as one flat row (bulk download): summary,
 * 90 % intervals, the four domains, and value / SE / percentile / flag / no-data
 * reason of each indicator in registry order. Column names are stable snake_case;
 * each is described by the version's data dictionary (data-dictionary.ts).
 */
export function bulkColumns(meta: VersionMeta): string[] {
  return [
    'id', 'name', 'level', 'county', 'county_fips', 'population', 'score', 'percentile', 'percentile_lo90', 'percentile_hi90', 'rank', 'rank_lo90', 'rank_hi90', 'flag_count', 'no_data_reason',
    ...DOMAINS.flatMap((d) => [`${d}_score`, `${d}_percentile`, `${d}_no_data_reason`]),
    ...meta.indicators.flatMap((i) => [i.id, `${i.id}_se`, `${i.id}_percentile`, `${i.id}_flagged`, `${i.id}_no_data_reason`]),
  ];
}

/**
 * One place's row. Missing is one thing everywhere: where a value is missing its
 * SE, percentile and flag are empty too, and a flag exists only beside a
 * percentile (never-ranked indicators and places too small to rank have none).
 * Numbers are rounded as column-precision.ts states.
 */
export function bulkRow(p: PlaceRecord, meta: VersionMeta): Row {
  const interval = (x: [number, number] | null, i: 0 | 1, decimals: number) => rounded(x?.[i], decimals);
  const row: Row = {
    id: p.id, name: p.name, level: p.level, county: p.county, county_fips: p.countyFips, population: p.population,
    score: rounded(p.score, PRECISION.rank01), percentile: rounded(p.percentile, PRECISION.percentile100),
    percentile_lo90: interval(p.percentileInterval, 0, PRECISION.percentile100), percentile_hi90: interval(p.percentileInterval, 1, PRECISION.percentile100),
    rank: p.rank, rank_lo90: interval(p.rankInterval, 0, PRECISION.rankInterval), rank_hi90: interval(p.rankInterval, 1, PRECISION.rankInterval),
    flag_count: p.flagCount, no_data_reason: p.noDataReason,
  };
  for (const d of DOMAINS) {
    const domain = p.domains[d];
    row[`${d}_score`] = rounded(domain?.score, PRECISION.rank01);
    row[`${d}_percentile`] = rounded(domain?.percentile, PRECISION.rank01);
    row[`${d}_no_data_reason`] = domain?.percentile == null ? (domain?.noDataReason ?? 'No domain score.') : null;
  }
  for (const spec of meta.indicators) {
    const cell = indicatorCells(p, spec, meta);
    row[spec.id] = cell.value;
    row[`${spec.id}_se`] = cell.se;
    row[`${spec.id}_percentile`] = cell.percentile;
    row[`${spec.id}_flagged`] = cell.flagged;
    row[`${spec.id}_no_data_reason`] = cell.noDataReason;
  }
  return row;
}

/** The published cells of one indicator of one place, shared by the wide and the long download. */
export interface IndicatorCells {
  value: number | null;
  se: number | null;
  /** 0–1 (4 decimals), as in the API. */
  percentile: number | null;
  flagged: boolean | null;
  noDataReason: string | null;
}

export function indicatorCells(p: PlaceRecord, spec: IndicatorSpec, meta: VersionMeta): IndicatorCells {
  const r = p.indicators[spec.id];
  const value = rounded(r?.value, PRECISION.value);
  const derivation = meta.derivation[p.level]?.[spec.id] ?? null;
  // The same reason as the one-place answer (routes/places.ts): a present value keeps its stored reason (e.g. "Not ranked: …").
  const noDataReason = value !== null ? (r?.noDataReason ?? null) : indicatorNoDataReason(null, derivation, p.level, r?.noDataReason);
  if (value === null) return { value, se: null, percentile: null, flagged: null, noDataReason };
  const percentile = rounded(r?.percentile, PRECISION.rank01);
  return { value, se: rounded(r?.se, seDecimals(spec)), percentile, flagged: percentile === null ? null : (r?.flagged ?? false), noDataReason };
}
