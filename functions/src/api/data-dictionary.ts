import { DOMAINS } from '../indices/indicator-registry.js';
import type { VersionMeta } from '../indices/place-record.js';
import { PRECISION, seDecimals } from './column-precision.js';
import { entry, SCALE_PERCENTILE100, SCALE_RANK01, type DictionaryEntry, type EntryInput } from './dictionary-entry.js';
import { apiFieldEntries } from './dictionary-api-fields.js';
import { LONG_COLUMNS, Z90 } from './long-format.js';
import { bulkColumns } from './place-formats.js';

/**
 * The data dictionary of a version (`GET /v1/versions/{id}/dictionary`): one
 * entry per column of every download and per field of the place answer, built
 * from the version's own meta so labels, units and vintages are the version's.
 * Modelled on the CDC PLACES data dictionary and the Census API's variables.json.
 */

/** Downloads carrying the wide columns (one row per place). A new wide format adds itself here. */
export const WIDE_DOWNLOADS = ['download:csv', 'download:geojson', 'download:parquet', 'download:gpkg'];
export const LONG_DOWNLOAD = 'download:long';

const MISSING_NEVER = 'never missing';
const ID_DEFINITION =
  'Place id, always text: towns are the 10-digit Census 2020 county-subdivision GEOID20 (e.g. 2502507000), ZIP code areas the 5-digit 2010 ZCTA (e.g. 01247). Read it as a string: a number type drops the leading zero of ZCTAs.';

export function buildDictionary(meta: VersionMeta): DictionaryEntry[] {
  return [...wideEntries(meta), ...longEntries(meta), ...apiFieldEntries(meta)];
}

function vintageOf(meta: VersionMeta, sourceId: string): string | null {
  return meta.sources.find((s) => s.id === sourceId)?.vintage ?? null;
}

/** Columns of the wide downloads (CSV, GeoJSON properties): the order of bulkColumns. */
function wideEntries(meta: VersionMeta): DictionaryEntry[] {
  const w = (e: EntryInput) => entry(WIDE_DOWNLOADS, e);
  const domainLabel = new Map(meta.method.domains.map((d) => [d.id, d.label]));
  const byName = new Map<string, DictionaryEntry>([
    ['id', w({ name: 'id', label: 'Place id (GEOID20 or ZCTA)', type: 'string', missing: MISSING_NEVER, sourceId: 'towns; zctas', definition: ID_DEFINITION })],
    ['name', w({ name: 'name', label: 'Place name', type: 'string', missing: MISSING_NEVER, definition: 'Municipality name (MassGIS), or "ZIP <zcta>" for a ZIP code area.' })],
    ['level', w({ name: 'level', label: 'Geographic level', type: 'string', missing: MISSING_NEVER, definition: '`town` (351 municipalities) or `zcta` (537 ZIP Code Tabulation Areas); places are ranked only within their level.' })],
    ['county', w({ name: 'county', label: 'County name', type: 'string', missing: 'empty for ZIP code areas (they cross county lines)', definition: 'County the municipality lies in.' })],
    ['county_fips', w({ name: 'county_fips', label: 'County FIPS code', type: 'string', missing: 'empty for ZIP code areas', definition: '5-digit county FIPS code (text, e.g. 25025); county context for it is in the place answer (`countyContext`).' })],
    ['population', w({ name: 'population', label: 'Residents', type: 'integer', unit: 'persons', missing: 'empty: no population count (e.g. ZCTA 02651 has no ACS count)', sourceId: 'towns; acs-zcta-population', vintage: `towns: ${vintageOf(meta, 'towns') ?? 'Census 2020'}; ZCTAs: ${vintageOf(meta, 'acs-zcta-population') ?? 'ACS 2017–2021'}`, definition: 'Residents: Census 2020 (towns), ACS 2017–2021 5-year (ZCTAs).' })],
    ['score', w({ name: 'score', label: 'Overall index score', type: 'number', scale: 'score 0–1 (weighted mean of domain percentile ranks)', decimals: PRECISION.rank01, vintage: 'see each indicator', definition: 'Weighted mean of the domain percentile ranks the place has (docs/method.md §4); empty when too few domains have data or the place is not ranked.' })],
    ['percentile', w({ name: 'percentile', label: 'Overall percentile', type: 'number', scale: SCALE_PERCENTILE100, decimals: PRECISION.percentile100, definition: 'Percentile rank of the overall score among ranked places of the level, ×100.' })],
    ['percentile_lo90', w({ name: 'percentile_lo90', label: 'Overall percentile, 90 % interval lower bound', type: 'number', scale: SCALE_PERCENTILE100, decimals: PRECISION.percentile100, definition: '5th percentile of the overall percentile over the Monte Carlo draws (docs/method.md §3).' })],
    ['percentile_hi90', w({ name: 'percentile_hi90', label: 'Overall percentile, 90 % interval upper bound', type: 'number', scale: SCALE_PERCENTILE100, decimals: PRECISION.percentile100, definition: '95th percentile of the overall percentile over the Monte Carlo draws.' })],
    ['rank', w({ name: 'rank', label: 'Overall rank', type: 'integer', scale: 'rank 1…n (1 = most disadvantaged; ties share the best rank)', definition: 'Rank of the overall score among ranked places of the level.' })],
    ['rank_lo90', w({ name: 'rank_lo90', label: 'Rank, 90 % interval lower bound', type: 'number', scale: 'rank 1…n', decimals: PRECISION.rankInterval, definition: '5th percentile of the rank over the Monte Carlo draws (a quantile: may fall between ranks).' })],
    ['rank_hi90', w({ name: 'rank_hi90', label: 'Rank, 90 % interval upper bound', type: 'number', scale: 'rank 1…n', decimals: PRECISION.rankInterval, definition: '95th percentile of the rank over the Monte Carlo draws.' })],
    ['flag_count', w({ name: 'flag_count', label: 'Flagged indicators', type: 'integer', missing: MISSING_NEVER, definition: `Number of indicators whose percentile rank is at or above ${meta.method.flagPercentile}.` })],
    ['no_data_reason', w({ name: 'no_data_reason', label: 'Why there is no overall score', type: 'string', missing: 'empty: the place has an overall score', definition: 'Why score, percentile and rank are empty (too few domains with data, or not ranked: fewer residents than the method ranks).' })],
  ]);
  for (const d of DOMAINS) {
    const label = domainLabel.get(d) ?? d;
    byName.set(`${d}_score`, w({ name: `${d}_score`, label: `${label}: domain score`, type: 'number', scale: 'score 0–1 (mean of the domain\'s indicator percentile ranks)', decimals: PRECISION.rank01, definition: `Mean of the ${label} indicator percentile ranks the place has, under the coverage rule (docs/method.md §4).` }));
    byName.set(`${d}_percentile`, w({ name: `${d}_percentile`, label: `${label}: domain percentile rank`, type: 'number', scale: SCALE_RANK01, decimals: PRECISION.rank01, definition: `Percentile rank (0–1, not ×100) of the ${label} domain score among ranked places of the level.` }));
    byName.set(`${d}_no_data_reason`, w({ name: `${d}_no_data_reason`, label: `${label}: why there is no domain percentile`, type: 'string', missing: 'empty: the domain percentile is present', definition: 'Why the domain score or percentile is empty (too few indicators with data, none available at this level, or the place is not ranked).' }));
  }
  for (const spec of meta.indicators) {
    const common = { sourceId: spec.source.sourceId, vintage: spec.vintage };
    const context = spec.ranked === false ? ` Context only, never ranked (${spec.contextReason ?? 'see the registry'}): percentile and flag are always empty.` : '';
    byName.set(spec.id, w({ name: spec.id, label: spec.label, type: 'number', unit: spec.unit, decimals: PRECISION.value, ...common, definition: `${spec.label}, ${spec.direction === 'higher_is_better' ? 'higher is better' : 'higher is worse'}; derivation per level in /v1/versions/{id} (derivation).${context}` }));
    byName.set(`${spec.id}_se`, w({ name: `${spec.id}_se`, label: `${spec.label}: standard error`, type: 'number', unit: spec.unit, decimals: seDecimals(spec), ...common, missing: 'empty: no value, or the source publishes no uncertainty for it', definition: `Standard error of ${spec.id} (method: ${spec.uncertainty}; docs/method.md §3).` }));
    byName.set(`${spec.id}_percentile`, w({ name: `${spec.id}_percentile`, label: `${spec.label}: percentile rank`, type: 'number', scale: SCALE_RANK01, decimals: PRECISION.rank01, ...common, missing: 'empty: no value, a context-only indicator, or a place too small to rank', definition: `Direction-adjusted percentile rank (0–1, not ×100) of ${spec.id} among ranked places of the level with data.${context}` }));
    byName.set(`${spec.id}_flagged`, w({ name: `${spec.id}_flagged`, label: `${spec.label}: flagged`, type: 'boolean', ...common, missing: 'empty wherever the percentile is empty (no value, context-only indicator, place not ranked)', definition: `true when ${spec.id}_percentile ≥ ${meta.method.flagPercentile}, else false.` }));
    byName.set(`${spec.id}_no_data_reason`, w({ name: `${spec.id}_no_data_reason`, label: `${spec.label}: why there is no value (or percentile)`, type: 'string', ...common, missing: 'empty: the value is present (and ranked where the indicator is)', definition: `Why ${spec.id} is empty (the publisher's suppression rule, not available at the level, too little coverage…), or for a present value of a place too small to rank, why its percentile is empty. The same text as noDataReason in the place answer.` }));
  }
  return bulkColumns(meta).map((name) => {
    const e = byName.get(name);
    if (!e) throw new Error(`data dictionary: no entry for download column "${name}"`);
    return e;
  });
}

/** Columns of the long download: one row per place × indicator. */
function longEntries(meta: VersionMeta): DictionaryEntry[] {
  const l = (e: EntryInput) => entry([LONG_DOWNLOAD], e);
  const perIndicator = { sourceId: 'see source_id', vintage: 'see vintage' } as const;
  const byName: Record<(typeof LONG_COLUMNS)[number], DictionaryEntry> = {
    id: l({ name: 'id', label: 'Place id (GEOID20 or ZCTA)', type: 'string', missing: MISSING_NEVER, sourceId: 'towns; zctas', definition: ID_DEFINITION }),
    name: l({ name: 'name', label: 'Place name', type: 'string', missing: MISSING_NEVER, definition: 'Municipality name, or "ZIP <zcta>".' }),
    level: l({ name: 'level', label: 'Geographic level', type: 'string', missing: MISSING_NEVER, definition: '`town` or `zcta`.' }),
    indicator: l({ name: 'indicator', label: 'Indicator id', type: 'string', missing: MISSING_NEVER, definition: `Stable indicator id (${meta.indicators.length} per place, registry order); the wide download's column of the same name.` }),
    label: l({ name: 'label', label: 'Indicator label', type: 'string', missing: MISSING_NEVER, definition: 'Human-readable indicator name.' }),
    domain: l({ name: 'domain', label: 'Domain', type: 'string', missing: MISSING_NEVER, definition: `One of ${DOMAINS.join(', ')}.` }),
    value: l({ name: 'value', label: 'Value', type: 'number', unit: 'see unit', decimals: PRECISION.value, ...perIndicator, definition: 'The indicator value in its unit (the wide column <indicator>).' }),
    se: l({ name: 'se', label: 'Standard error', type: 'number', unit: 'see unit', decimals: PRECISION.se, ...perIndicator, missing: 'empty: no value, or no published uncertainty', definition: `Standard error of value (the wide column <indicator>_se; ${PRECISION.se} decimals, whole dollars for dollar values).` }),
    lo90: l({ name: 'lo90', label: '90 % interval, lower bound', type: 'number', unit: 'see unit', decimals: PRECISION.value, ...perIndicator, missing: 'empty wherever se is empty', definition: `value − ${Z90}·se (normal approximation from the published, rounded se; not truncated at 0).` }),
    hi90: l({ name: 'hi90', label: '90 % interval, upper bound', type: 'number', unit: 'see unit', decimals: PRECISION.value, ...perIndicator, missing: 'empty wherever se is empty', definition: `value + ${Z90}·se (normal approximation from the published, rounded se).` }),
    percentile: l({ name: 'percentile', label: 'Indicator percentile', type: 'number', scale: SCALE_PERCENTILE100, decimals: PRECISION.percentile100, ...perIndicator, missing: 'empty: no value, a context-only indicator, or a place too small to rank', definition: 'Direction-adjusted percentile rank of the indicator ×100 — the same scale as the overall percentile (the wide <indicator>_percentile is the same number on 0–1).' }),
    flagged: l({ name: 'flagged', label: 'Flagged', type: 'boolean', ...perIndicator, missing: 'empty wherever percentile is empty', definition: `true when percentile ≥ ${meta.method.flagPercentile * 100}, else false.` }),
    no_data_reason: l({ name: 'no_data_reason', label: 'Why there is no value (or percentile)', type: 'string', ...perIndicator, missing: 'empty: the value is present (and ranked where the indicator is)', definition: 'The same text as noDataReason in the place answer.' }),
    unit: l({ name: 'unit', label: 'Unit of value, se, lo90, hi90', type: 'string', missing: MISSING_NEVER, definition: 'Unit of the indicator (e.g. "% of adults (crude prevalence)").' }),
    vintage: l({ name: 'vintage', label: 'Vintage', type: 'string', missing: MISSING_NEVER, definition: 'Years the data describe, as the registry states them.' }),
    source_id: l({ name: 'source_id', label: 'Source id', type: 'string', missing: MISSING_NEVER, definition: 'Id of the input file in /v1/versions/{id} (sources: title, vintage, sha256, URL).' }),
  };
  return LONG_COLUMNS.map((name) => byName[name]);
}
