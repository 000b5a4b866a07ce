import type { Context } from 'hono';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { DOMAINS } from '../indices/indicator-registry.js';
import type { PlaceRecord, VersionMeta } from '../indices/place-record.js';

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
 * 90 % intervals, the four domains, and value / SE / percentile / flag of each
 * indicator in registry order. Column names are stable snake_case.
 */
export function bulkColumns(meta: VersionMeta): string[] {
  return [
    'id', 'name', 'level', 'county', 'county_fips', 'population', 'score', 'percentile', 'percentile_lo90', 'percentile_hi90', 'rank', 'rank_lo90', 'rank_hi90', 'flag_count', 'no_data_reason',
    ...DOMAINS.flatMap((d) => [`${d}_score`, `${d}_percentile`]),
    ...meta.indicators.flatMap((i) => [i.id, `${i.id}_se`, `${i.id}_percentile`, `${i.id}_flagged`]),
  ];
}

export function bulkRow(p: PlaceRecord, meta: VersionMeta): Row {
  const row: Row = {
    id: p.id, name: p.name, level: p.level, county: p.county, county_fips: p.countyFips, population: p.population,
    score: p.score, percentile: p.percentile, percentile_lo90: p.percentileInterval?.[0] ?? null, percentile_hi90: p.percentileInterval?.[1] ?? null,
    rank: p.rank, rank_lo90: p.rankInterval?.[0] ?? null, rank_hi90: p.rankInterval?.[1] ?? null, flag_count: p.flagCount, no_data_reason: p.noDataReason,
  };
  for (const d of DOMAINS) {
    row[`${d}_score`] = p.domains[d]?.score ?? null;
    row[`${d}_percentile`] = p.domains[d]?.percentile ?? null;
  }
  for (const i of meta.indicators) {
    const r = p.indicators[i.id];
    row[i.id] = r?.value ?? null;
    row[`${i.id}_se`] = r?.se ?? null;
    row[`${i.id}_percentile`] = r?.percentile ?? null;
    row[`${i.id}_flagged`] = r?.flagged ?? null;
  }
  return row;
}
