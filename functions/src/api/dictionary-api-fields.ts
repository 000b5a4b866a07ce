import type { VersionMeta } from '../indices/place-record.js';
import { entry, SCALE_PERCENTILE100, SCALE_RANK01, type DictionaryEntry, type EntryInput } from './dictionary-entry.js';

/**
 * Dictionary entries for the fields of the one-place answer (`GET /v1/places/{level}/{id}`),
 * named by their JSON path; `{indicator}` and `{domain}` stand for any key of those maps.
 * The API keeps full stored precision (decimals: null); the downloads round (column-precision.ts).
 */
export const API_PLACE = 'api:place';

const NULL_NO_DATA = 'null: no data (see the matching noDataReason)';
const ALWAYS = 'always present';
const PER_INDICATOR = { sourceId: 'see place.indicators.{indicator}.sourceId', vintage: 'see place.indicators.{indicator}.vintage' } as const;

/** PLACES county measure ids → what they measure (PLACES 2022 data dictionary). */
const PLACES_COUNTY_LABELS: Record<string, string> = {
  DIABETES: 'Diagnosed diabetes', BPHIGH: 'High blood pressure', OBESITY: 'Obesity', CHD: 'Coronary heart disease',
  STROKE: 'Stroke', CSMOKING: 'Current smoking', LPA: 'No leisure-time physical activity', ACCESS2: 'No health insurance (18–64)',
};

export function apiFieldEntries(meta: VersionMeta): DictionaryEntry[] {
  const a = (e: EntryInput) => entry([API_PLACE], { decimals: null, ...e });
  const vintage = (id: string) => meta.sources.find((s) => s.id === id)?.vintage ?? null;
  const ind = (field: string, e: Omit<EntryInput, 'name'>) => a({ ...PER_INDICATOR, ...e, name: `place.indicators.{indicator}.${field}` });
  const dom = (field: string, e: Omit<EntryInput, 'name'>) => a({ ...e, name: `place.domains.{domain}.${field}` });
  const cc = (field: string, sourceId: string | null, e: Omit<EntryInput, 'name'>) =>
    a({ sourceId, vintage: sourceId ? vintage(sourceId) : null, missing: 'null: the county has no value in the source', ...e, name: `place.countyContext.${field}` });
  const measures = [...new Set(Object.values(meta.countyContext).flatMap((c) => Object.keys(c.places2022)))].sort();
  return [
    a({ name: 'version', label: 'Version id', type: 'string', missing: ALWAYS, definition: 'The immutable version the answer comes from; cite it.' }),
    a({ name: 'method', label: 'Method id', type: 'string', missing: ALWAYS, definition: 'The index method (docs/method.md), e.g. ma-hei-1.1.' }),
    ...(['id', 'label', 'unit', 'direction', 'description', 'vintage'] as const).map((f) => a({ name: `measure.${f}`, label: `Headline measure: ${f}`, type: 'string', missing: ALWAYS, definition: `The ${f} of the headline measure (the overall index) of the level.` })),
    a({ name: 'measure.sourceIds', label: 'Headline measure: sources', type: 'string', missing: ALWAYS, definition: 'Array of source ids behind the overall index.' }),
    a({ name: 'place.id', label: 'Place id (GEOID20 or ZCTA)', type: 'string', missing: ALWAYS, definition: 'Text id: 10-digit GEOID20 for towns, 5-digit 2010 ZCTA (leading zero kept) for ZIP code areas.' }),
    a({ name: 'place.name', label: 'Place name', type: 'string', missing: ALWAYS, definition: 'Municipality name, or "ZIP <zcta>".' }),
    a({ name: 'place.level', label: 'Geographic level', type: 'string', missing: ALWAYS, definition: '`town` or `zcta`.' }),
    a({ name: 'place.county', label: 'County name', type: 'string', missing: 'null for ZIP code areas', definition: 'County the municipality lies in.' }),
    a({ name: 'place.countyFips', label: 'County FIPS code', type: 'string', missing: 'null for ZIP code areas', definition: '5-digit county FIPS code (text).' }),
    a({ name: 'place.population', label: 'Residents', type: 'integer', unit: 'persons', missing: 'null: no population count', definition: 'Census 2020 (towns), ACS 2017–2021 5-year (ZCTAs).' }),
    a({ name: 'place.score', label: 'Overall index score', type: 'number', scale: 'score 0–1', missing: NULL_NO_DATA, definition: 'Weighted mean of the domain percentile ranks (docs/method.md §4).' }),
    a({ name: 'place.percentile', label: 'Overall percentile', type: 'number', scale: SCALE_PERCENTILE100, missing: NULL_NO_DATA, definition: 'Percentile rank of the overall score among ranked places of the level, ×100.' }),
    a({ name: 'place.percentileInterval', label: 'Overall percentile, 90 % interval', type: 'number', scale: `[lower, upper] pair, ${SCALE_PERCENTILE100}`, missing: NULL_NO_DATA, definition: '5th and 95th percentiles over the Monte Carlo draws (docs/method.md §3).' }),
    a({ name: 'place.rank', label: 'Overall rank', type: 'integer', scale: 'rank 1…n (1 = most disadvantaged)', missing: NULL_NO_DATA, definition: 'Rank among ranked places of the level; ties share the best rank.' }),
    a({ name: 'place.rankInterval', label: 'Rank, 90 % interval', type: 'number', scale: '[lower, upper] pair of ranks', missing: NULL_NO_DATA, definition: '5th and 95th percentiles of the rank over the Monte Carlo draws.' }),
    a({ name: 'place.noDataReason', label: 'Why there is no overall score', type: 'string', missing: 'null: the place has an overall score', definition: 'Too few domains with data, or not ranked (too few residents).' }),
    a({ name: 'place.ranked', label: 'Ranked', type: 'boolean', missing: 'absent in method 1.0 versions (= ranked)', definition: 'false for a place shown but not ranked (fewer residents than minRankPopulation, or no count).' }),
    a({ name: 'place.flagCount', label: 'Flagged indicators', type: 'integer', missing: ALWAYS, definition: `Indicators with percentile rank ≥ ${meta.method.flagPercentile}.` }),
    dom('score', { label: 'Domain score', type: 'number', scale: 'score 0–1', missing: NULL_NO_DATA, definition: 'Mean of the domain\'s indicator percentile ranks under the coverage rule.' }),
    dom('percentile', { label: 'Domain percentile rank', type: 'number', scale: SCALE_RANK01, missing: NULL_NO_DATA, definition: 'Percentile rank (0–1) of the domain score.' }),
    dom('indicatorsWithData', { label: 'Indicators with data', type: 'integer', missing: ALWAYS, definition: 'Indicators of the domain the place has a percentile for.' }),
    dom('indicatorsAvailable', { label: 'Indicators available', type: 'integer', missing: ALWAYS, definition: 'Ranked indicators of the domain with data anywhere at the level.' }),
    dom('noDataReason', { label: 'Why there is no domain score', type: 'string', missing: 'null: the domain has a score', definition: 'Too few indicators with data, none available at the level, or not ranked.' }),
    ind('label', { label: 'Indicator label', type: 'string', missing: ALWAYS, definition: 'Human-readable indicator name.' }),
    ind('domain', { label: 'Indicator domain', type: 'string', missing: ALWAYS, definition: 'Domain the indicator belongs to.' }),
    ind('unit', { label: 'Unit', type: 'string', missing: ALWAYS, definition: 'Unit of value, se and stateValue.' }),
    ind('direction', { label: 'Direction', type: 'string', missing: ALWAYS, definition: 'higher_is_worse or higher_is_better; percentiles are direction-adjusted (high = more disadvantaged).' }),
    ind('sourceId', { label: 'Source id', type: 'string', missing: ALWAYS, definition: 'Input file id in /v1/versions/{id} (sources).' }),
    ind('vintage', { label: 'Vintage', type: 'string', missing: ALWAYS, definition: 'Years the data describe.' }),
    ind('ranked', { label: 'Ranked indicator', type: 'boolean', missing: ALWAYS, definition: 'false = context only, in no score; its percentile is null and flagged false.' }),
    ind('value', { label: 'Value', type: 'number', unit: 'see unit', missing: NULL_NO_DATA, definition: 'The value in its unit, as stored (at most 2 decimals).' }),
    ind('se', { label: 'Standard error', type: 'number', unit: 'see unit', missing: 'null: no value or no published uncertainty', definition: 'Standard error in full floating point (the downloads round it).' }),
    ind('percentile', { label: 'Percentile rank', type: 'number', scale: SCALE_RANK01, missing: 'null: no value, context-only indicator, or place not ranked', definition: 'Direction-adjusted percentile rank, 4 decimals (0–1, unlike place.percentile).' }),
    ind('flagged', { label: 'Flagged', type: 'boolean', missing: 'never null: false where percentile is null (the downloads leave it empty there)', definition: `percentile ≥ ${meta.method.flagPercentile}.` }),
    ind('derivation', { label: 'Derivation', type: 'string', missing: 'null: not available at the level', definition: 'How the indicator reaches the level (native, population-weighted mean of …).' }),
    ind('noDataReason', { label: 'Why there is no value (or percentile)', type: 'string', missing: 'null: value present and ranked', definition: 'Publisher suppression rule, zero denominator, too little coverage, or why a present value is not ranked.' }),
    ind('coverage', { label: 'Coverage', type: 'number', scale: 'share 0–1', missing: 'absent: the source\'s own value for the whole place', definition: 'Share of the place\'s residents (or reallocation weight) behind the value.' }),
    ind('adjustment', { label: 'Adjustment', type: 'string', missing: 'absent or null: not a prevalence or rate', definition: 'age-adjusted or crude.' }),
    ind('notes', { label: 'Notes', type: 'string', missing: 'absent: no qualifier', definition: 'Array of qualifiers (top-coding, fewer than 5 events, border town…).' }),
    ...(
      [
        ['method', 'string', 'Smoothing method (empirical-bayes).'], ['raw', 'number', 'The value as the source printed it.'], ['weight', 'number', 'Weight of the printed value (0–1).'],
        ['prior', 'number', 'The prior (state) value shrunk toward.'], ['priorLabel', 'string', 'What the prior is.'], ['events', 'integer', 'Events behind the value; null when unknown.'],
        ['exposure', 'number', 'Exposure (residents or births).'], ['exposureEstimated', 'boolean', 'true when the exposure is estimated.'],
      ] as const
    ).map(([f, type, definition]) => ind(`smoothing.${f}`, { label: `Smoothing: ${f}`, type, missing: 'absent or null: the value is not smoothed', definition: `${definition} docs/method.md §3a.` })),
    ind('stateValue', { label: 'Massachusetts value', type: 'number', unit: 'see unit', missing: 'null: none for this indicator or version', definition: 'The state value beside the place\'s (see stateValueBasis).' }),
    ind('stateValueBasis', { label: 'State value basis', type: 'string', missing: 'null with no state value', definition: 'source or population-weighted-mean.' }),
    ind('stateValueNote', { label: 'State value note', type: 'string', missing: 'null with no state value', definition: 'Where the state value comes from.' }),
    cc('fips', null, { label: 'County FIPS', type: 'string', missing: ALWAYS, definition: 'County context (never ranked with towns): 5-digit FIPS. countyContext itself is null for ZIP code areas.' }),
    cc('name', null, { label: 'County name', type: 'string', missing: ALWAYS, definition: 'County name.' }),
    ...(['overall', 'socioeconomic', 'household', 'minority', 'housingTransportation'] as const).map((t) =>
      cc(`svi2022.${t}`, 'svi-2022-county', { label: `SVI 2022 county ${t} percentile rank`, type: 'number', scale: 'percentile rank 0–1 among all US counties (national SVI)', missing: 'null (whole svi2022 object): no SVI row', definition: `CDC/ATSDR SVI 2022 ${t === 'overall' ? 'overall (RPL_THEMES)' : `theme (${t})`} national percentile rank of the county, as published.` }),
    ),
    ...measures.flatMap((m) => [
      cc(`places2022.${m}.value`, 'places-county', { label: `PLACES 2022 county: ${PLACES_COUNTY_LABELS[m] ?? m}`, type: 'number', unit: '% of adults (crude prevalence)', missing: 'null (whole measure): not in the file', definition: `PLACES ${m} county crude prevalence, as published.` }),
      cc(`places2022.${m}.ci95`, 'places-county', { label: `PLACES 2022 county: ${PLACES_COUNTY_LABELS[m] ?? m}, 95 % CI`, type: 'number', unit: '% of adults', scale: '[lower, upper] pair', missing: 'null (whole measure): not in the file', definition: `95 % confidence limits of PLACES ${m}, as published.` }),
    ]),
    cc('chr2011.prematureDeathYpll', 'chr-2011', { label: 'Premature death (YPLL)', type: 'number', unit: 'years of potential life lost before 75 per 100,000', definition: 'County Health Rankings 2011 premature death.' }),
    cc('chr2011.prematureDeathCi', 'chr-2011', { label: 'Premature death, 95 % CI', type: 'number', unit: 'years per 100,000', scale: '[lower, upper] pair', definition: 'Confidence limits as published.' }),
    cc('chr2011.lowBirthWeight', 'chr-2011', { label: 'Low birth weight', type: 'number', unit: '% of live births', definition: 'County Health Rankings 2011.' }),
    cc('chr2011.teenBirthRate', 'chr-2011', { label: 'Teen birth rate', type: 'number', unit: 'births per 1,000 females 15–19', definition: 'County Health Rankings 2011.' }),
    cc('sources', null, { label: 'County context sources', type: 'string', missing: ALWAYS, definition: 'Array of source ids of the county context.' }),
    a({ name: 'place.zip.poName', label: 'Post-office name', type: 'string', missing: 'null: no ZIP code of that number; place.zip is null for towns', definition: 'Post-office name of the ZIP code equal to the ZCTA (UDS Mapper).' }),
    a({ name: 'place.zip.zips', label: 'ZIP codes', type: 'string', missing: ALWAYS, definition: 'Array of ZIP codes resolving to this ZCTA (text).' }),
    a({ name: 'place.zip.county', label: 'Main county', type: 'string', missing: 'null: unknown', definition: 'County of the municipalities holding most residents.' }),
    a({ name: 'place.zip.towns[].id', label: 'Overlapping town id', type: 'string', missing: ALWAYS, definition: 'GEOID20 of a municipality the ZCTA overlaps.' }),
    a({ name: 'place.zip.towns[].name', label: 'Overlapping town name', type: 'string', missing: ALWAYS, definition: 'Municipality name.' }),
    a({ name: 'place.zip.towns[].county', label: 'Overlapping town county', type: 'string', missing: 'null: unknown', definition: 'County of the municipality.' }),
    a({ name: 'place.zip.towns[].share', label: 'Share of residents', type: 'number', scale: 'share 0–1', missing: ALWAYS, definition: 'Share of the ZCTA\'s residents living in the municipality.' }),
  ];
}
