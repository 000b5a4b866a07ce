import { z } from '@hono/zod-openapi';
import { LEVELS } from '../indices/place-record.js';
import { DOMAINS } from '../indices/indicator-registry.js';

export const LevelSchema = z.enum(LEVELS).openapi({ description: 'Geographic level: `town` (351 municipalities) or `zcta` (537 ZIP Code Tabulation Areas).', example: 'town' });

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string().optional(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .openapi('Problem', { description: 'RFC 9457 problem details' });

export const MeasureSchema = z
  .object({
    id: z.string(),
    label: z.string(),
    unit: z.string(),
    direction: z.literal('higher_is_worse'),
    description: z.string(),
    sourceIds: z.array(z.string()),
    vintage: z.string(),
  })
  .openapi('Measure');

export const PlaceSummarySchema = z
  .object({
    id: z.string().openapi({ example: '2502507000' }),
    name: z.string().openapi({ example: 'Boston' }),
    score: z.number().nullable().openapi({ description: 'Overall index score: weighted mean of domain percentile ranks (0–1); null = no data (see noDataReason).' }),
    percentile: z.number().min(0).max(100).nullable().openapi({ description: 'Overall percentile 0–100 among places of the level (higher = more disadvantaged).' }),
    rank: z.number().int().min(1).nullable().openapi({ description: '1 = most disadvantaged place of the level; ties share a rank.' }),
    noDataReason: z.string().nullable(),
  })
  .openapi('PlaceSummary');

export const IndicatorValueSchema = z
  .object({
    label: z.string(),
    domain: z.enum(DOMAINS),
    unit: z.string(),
    direction: z.enum(['higher_is_worse', 'higher_is_better']),
    sourceId: z.string(),
    vintage: z.string(),
    ranked: z.boolean(),
    value: z.number().nullable(),
    se: z.number().nullable().openapi({ description: 'Standard error of the value (from a CI, an ACS MOE / 1.645, or event counts); null when none is published.' }),
    percentile: z.number().min(0).max(1).nullable().openapi({ description: 'Percentile rank 0–1 (SVI convention, 4 decimals), direction-adjusted so high = more disadvantaged.' }),
    flagged: z.boolean().openapi({ description: 'Percentile rank at or above the flag threshold (0.90). false where percentile is null (no value, context-only indicator, place not ranked); the bulk downloads leave that cell empty instead.' }),
    derivation: z.string().nullable(),
    noDataReason: z.string().nullable().openapi({ description: 'Why there is no value (or, for a place too small to rank, no percentile): the publisher\'s suppression rule, a zero denominator, too little coverage, … (method 1.1; generic in 1.0 versions).' }),
    coverage: z.number().min(0).max(1).nullable().optional().openapi({ description: 'Method 1.1: share (0–1) of the place\'s residents (or reallocation weight) behind the value; absent = the source\'s own value for the whole place.' }),
    adjustment: z.enum(['age-adjusted', 'crude']).nullable().optional().openapi({ description: 'Method 1.1: whether a prevalence or rate is age-adjusted or crude.' }),
    smoothing: z
      .object({
        method: z.literal('empirical-bayes'),
        raw: z.number().openapi({ description: 'The value as the source printed it.' }),
        weight: z.number().min(0).max(1).openapi({ description: 'Weight of the printed value; value = weight·raw + (1 − weight)·prior (to 2 decimals).' }),
        prior: z.number(),
        priorLabel: z.string(),
        events: z.number().nullable(),
        exposure: z.number(),
        exposureEstimated: z.boolean(),
      })
      .nullable()
      .optional()
      .openapi({ description: 'Method 1.1: empirical-Bayes small-numbers smoothing of a count-based value (docs/method.md §3a).' }),
    notes: z.array(z.string()).optional().openapi({ description: 'Method 1.1: qualifiers such as top-coding, fewer than 5 events, or a border town where an out-of-state hospital may be nearer.' }),
    stateValue: z.number().nullable().openapi({ description: 'The Massachusetts value in the same unit, shown beside the place\'s: see stateValueBasis. null = none (or a version published before state values existed).' }),
    stateValueBasis: z.enum(['source', 'population-weighted-mean']).nullable().openapi({ description: '`source`: the state figure the source itself publishes (MassCHIP); `population-weighted-mean`: the source publishes none, so the mean of the municipalities\' values weighted by residents (Census 2020).' }),
    stateValueNote: z.string().nullable().openapi({ description: 'Where the state value comes from, in plain language (publisher, or how many municipalities and what share of residents the mean covers).' }),
  })
  .openapi('IndicatorValue');

export const DomainScoreSchema = z
  .object({
    score: z.number().nullable(),
    percentile: z.number().min(0).max(1).nullable(),
    indicatorsWithData: z.number().int(),
    indicatorsAvailable: z.number().int(),
    noDataReason: z.string().nullable(),
  })
  .openapi('DomainScore');

const Interval = z.tuple([z.number(), z.number()]).nullable();

const Estimate = z.object({ value: z.number(), ci95: z.tuple([z.number(), z.number()]) }).nullable();
export const CountyContextSchema = z
  .object({
    fips: z.string(),
    name: z.string(),
    svi2022: z.object({ overall: z.number(), socioeconomic: z.number(), household: z.number(), minority: z.number(), housingTransportation: z.number() }).nullable(),
    places2022: z.record(z.string(), Estimate),
    chr2011: z.object({ prematureDeathYpll: z.number().nullable(), prematureDeathCi: Interval, lowBirthWeight: z.number().nullable(), teenBirthRate: z.number().nullable() }),
    sources: z.array(z.string()),
  })
  .openapi('CountyContext', {
    description:
      'Context for the county the town lies in, never ranked with towns: CDC/ATSDR SVI 2022 national percentile ranks (0–1), PLACES 2022 county crude prevalences (%), County Health Rankings 2011 premature death (years of potential life lost before 75 per 100,000), low birth weight (%), teen birth rate (per 1,000 females 15–19).',
  });

export const ZipContextSchema = z
  .object({
    poName: z.string().nullable().openapi({ description: 'The post-office name of the ZIP code equal to this ZCTA (UDS Mapper ZIP → ZCTA table); null when no ZIP code of that number exists.' }),
    zips: z.array(z.string()).openapi({ description: 'ZIP codes that resolve to this ZCTA (PO boxes and large-volume customers included).' }),
    county: z.string().nullable().openapi({ description: 'County of the municipalities holding most of its residents (population-weighted crosswalk).' }),
    towns: z
      .array(z.object({ id: z.string(), name: z.string(), county: z.string().nullable(), share: z.number().min(0).max(1).openapi({ description: 'Share (0–1) of the ZCTA\'s residents living in the municipality.' }) }))
      .openapi({ description: 'Municipalities the ZCTA overlaps, largest share first.' }),
  })
  .openapi('ZipContext');

export const PlaceSchema = PlaceSummarySchema.extend({
  level: LevelSchema,
  county: z.string().nullable(),
  countyFips: z.string().nullable(),
  countyContext: CountyContextSchema.nullable(),
  population: z.number().nullable(),
  percentileInterval: Interval.openapi({ description: '90 % Monte Carlo interval of the overall percentile (0–100).' }),
  rankInterval: Interval.openapi({ description: '90 % Monte Carlo interval of the rank.' }),
  flagCount: z.number().int(),
  ranked: z.boolean().optional().openapi({ description: 'Method 1.1: false for a place shown but not ranked (fewer than 500 residents, or no population count); noDataReason says why.' }),
  domains: z.record(z.enum(DOMAINS), DomainScoreSchema),
  indicators: z.record(z.string(), IndicatorValueSchema),
  zip: ZipContextSchema.nullable().optional().openapi({ description: 'ZIP code areas (ZCTAs) only: the main post-office town, the county most residents live in, and the municipalities the area overlaps with their share of its residents. null for municipalities.' }),
}).openapi('Place');

export const problemResponses = {
  400: { content: { 'application/problem+json': { schema: ProblemSchema } }, description: 'Invalid request' },
  503: { content: { 'application/problem+json': { schema: ProblemSchema } }, description: 'No published version or store unavailable' },
} as const;
export const notFoundResponse = { 404: { content: { 'application/problem+json': { schema: ProblemSchema } }, description: 'Not found' } } as const;
