/** One entry of a version's data dictionary (data-dictionary.ts) and the helpers that build entries. */
export type FieldType = 'string' | 'integer' | 'number' | 'boolean';

export interface DictionaryEntry {
  name: string;
  label: string;
  type: FieldType;
  unit: string | null;
  /** e.g. "percentile rank 0–1" or "percentile 0–100"; null where no scale applies. */
  scale: string | null;
  /** Decimals the number is published with (downloads); null = as stored / not a number. */
  decimals: number | null;
  /** How a missing value is written. */
  missing: string;
  sourceId: string | null;
  vintage: string | null;
  definition: string;
  /** Where the name occurs: download:<format> (csv, geojson, long, parquet, gpkg: the `format=` of /v1/versions/{id}/download), api:place (GET /v1/places/{level}/{id}). */
  appliesTo: string[];
}

export const SCALE_RANK01 = 'percentile rank 0–1 (CDC/ATSDR SVI convention; 1 = most disadvantaged)';
export const SCALE_PERCENTILE100 = 'percentile 0–100 (100 = most disadvantaged)';

export const MISSING_EMPTY = 'empty (CSV cell) / null (JSON): no data; the matching no_data_reason says why';

type Defaulted = 'unit' | 'scale' | 'decimals' | 'missing' | 'sourceId' | 'vintage';
/** An entry without appliesTo; the optional fields default to null (missing: empty = no data). */
export type EntryInput = Omit<DictionaryEntry, 'appliesTo' | Defaulted> & Partial<Pick<DictionaryEntry, Defaulted>>;
export const entry = (appliesTo: string[], e: EntryInput): DictionaryEntry => ({
  unit: null, scale: null, decimals: null, missing: MISSING_EMPTY, sourceId: null, vintage: null, ...e, appliesTo,
});
