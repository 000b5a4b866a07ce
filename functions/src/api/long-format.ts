import type { PlaceRecord, VersionMeta } from '../indices/place-record.js';
import { PRECISION, rounded } from './column-precision.js';
import { indicatorCells, type Row } from './place-formats.js';

/** z of a two-sided 90 % normal interval, as ACS margins of error use it. */
export const Z90 = 1.645;

/**
 * Long ("tidy") bulk download, as CDC PLACES publishes: one row per place ×
 * indicator. Percentiles here are on the 0–100 scale, like the overall
 * percentile (the wide download keeps its 0–1 indicator percentiles).
 */
export const LONG_COLUMNS = ['id', 'name', 'level', 'indicator', 'label', 'domain', 'value', 'se', 'lo90', 'hi90', 'percentile', 'flagged', 'no_data_reason', 'unit', 'vintage', 'source_id'] as const;

export function longRows(places: PlaceRecord[], meta: VersionMeta): Row[] {
  return places.flatMap((p) =>
    meta.indicators.map((spec): Row => {
      const cell = indicatorCells(p, spec, meta);
      // value ± 1.645·SE, a normal approximation; empty where no SE is published.
      const bound = (sign: 1 | -1) => (cell.value === null || cell.se === null ? null : rounded(cell.value + sign * Z90 * cell.se, PRECISION.value));
      return {
        id: p.id, name: p.name, level: p.level,
        indicator: spec.id, label: spec.label, domain: spec.domain,
        value: cell.value, se: cell.se, lo90: bound(-1), hi90: bound(1),
        percentile: rounded(cell.percentile === null ? null : cell.percentile * 100, PRECISION.percentile100),
        flagged: cell.flagged, no_data_reason: cell.noDataReason,
        unit: spec.unit, vintage: spec.vintage, source_id: spec.source.sourceId,
      };
    }),
  );
}
