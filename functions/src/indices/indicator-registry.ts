import { z } from 'zod';
import { NON_NEGATIVE, PERCENT, type ValueRange } from '../sources/value-codes.js';

/** Schema of data/indicators.json: the indicator registry and the index method (docs/method.md). */
export const DOMAINS = ['cardiometabolic', 'maternal_perinatal', 'social_drivers', 'access_to_care'] as const;
export type Domain = (typeof DOMAINS)[number];

const SourceRef = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('places'),
    sourceId: z.enum(['places-zcta', 'places-place']),
    measure: z.string().regex(/^[A-Z0-9_]+$/),
    /** Which PLACES estimate: age-adjusted where the file has it (place, county), crude otherwise (ZCTA). */
    adjustment: z.enum(['age-adjusted', 'crude']).default('crude'),
  }),
  z.object({ kind: z.literal('masschip-2010'), sourceId: z.literal('masschip-2010'), key: z.string().min(1) }),
  z.object({ kind: z.literal('masschip-2005-2008'), sourceId: z.literal('masschip-2005-2008'), column: z.string().min(1) }),
  z.object({ kind: z.literal('ej-blockgroups'), sourceId: z.literal('ej-blockgroups'), computation: z.enum(['ej_population_share', 'minority_share', 'limited_english_share']) }),
  z.object({ kind: z.literal('ej-town-income'), sourceId: z.literal('ej-blockgroups') }),
  z.object({ kind: z.literal('facility-distance'), sourceId: z.enum(['hospitals', 'health-centers']) }),
  /** A value computed per block group by the pipeline (e.g. 2SFCA bed access), averaged over residents. */
  z.object({ kind: z.literal('block-group-value'), sourceId: z.enum(['hospitals']), measure: z.enum(['hospital-beds-2sfca']) }),
]);
export type SourceRef = z.infer<typeof SourceRef>;

export const IndicatorSpecSchema = z.object({
  id: z.string().regex(/^[a-z0-9_]+$/),
  label: z.string().min(1),
  domain: z.enum(DOMAINS),
  unit: z.string().min(1),
  /** What the value is, which fixes its plausible range (docs/method.md "Input checks"): percent 0–100; rate, dollars, km ≥ 0. */
  valueKind: z.enum(['percent', 'rate', 'dollars', 'km']).optional(),
  /** A narrower range than the kind's, where the source documents one. */
  range: z.object({ min: z.number(), max: z.number() }).refine((r) => r.min <= r.max, 'range.min must not exceed range.max').optional(),
  direction: z.enum(['higher_is_worse', 'higher_is_better']),
  nativeGeography: z.enum(['blockgroup', 'zcta', 'place', 'town', 'county']),
  source: SourceRef,
  /** How a standard error is obtained: from a 95 % CI, a 90 % ACS MOE, event counts, the empirical-Bayes posterior (smoothed values), or not at all. */
  uncertainty: z.enum(['ci95', 'moe90', 'poisson-rate', 'binomial-percent', 'empirical-bayes', 'none']),
  vintage: z.string().min(1),
  citation: z.url(),
  /** false = published for context only, not part of any score (contextReason says why). */
  ranked: z.boolean().default(true),
  contextReason: z.string().optional(),
  /** Small-numbers policy for count-based values (docs/method.md §3a); absent = not count-based. */
  smallNumbers: z
    .object({
      model: z.enum(['poisson', 'binomial']),
      /** Value units per unit rate: 100000 (per 100,000), 1000 (per 1,000 births), 100 (percent). */
      scale: z.number().positive(),
      /** Denominator used as exposure: 2010 census residents, 2010 births, or births 2005–2008. */
      exposure: z.enum(['population-2010', 'births-2010', 'births-2005-2008']),
      /** The publisher's suppression rule, shown as the reason where a value is suppressed. */
      suppressedReason: z.string().min(1),
      /** The publisher suppresses counts 1…k and prints 0 (left-censoring): k (docs/method.md §3a). */
      leftCensoredUpTo: z.number().int().min(1).optional(),
    })
    .optional(),
  /** Whether the value is age-adjusted or crude (prevalences and rates); absent = not applicable. */
  adjustment: z.enum(['age-adjusted', 'crude']).optional(),
  /** Former ids of this indicator that the API still answers to (docs/method.md "Indicator ids"). */
  aliases: z.array(z.string().regex(/^[a-z0-9_]+$/)).optional(),
});
export type IndicatorSpec = z.infer<typeof IndicatorSpecSchema>;

export const MethodSpecSchema = z.object({
  id: z.string().regex(/^[a-z0-9.-]+$/),
  label: z.string(),
  flagPercentile: z.number().gt(0).lt(1),
  domainCoverage: z.number().gt(0).max(1),
  overallCoverage: z.number().gt(0).max(1),
  reallocationCoverage: z.number().gt(0).max(1),
  /** ma-hei-1.1: block-group shares need known denominators for at least this share of the place's residents. */
  blockGroupCoverage: z.number().gt(0).max(1).optional(),
  /** ma-hei-1.1: a domain score needs at least this many indicators with data, so one indicator is never a whole domain. */
  domainMinIndicators: z.number().int().min(1).optional(),
  /** ma-hei-1.1: places with fewer residents are shown but not ranked (towns: Census 2020; ZCTAs: ACS 2017–2021). */
  minRankPopulation: z.number().int().min(0).optional(),
  monteCarlo: z.object({ draws: z.number().int().min(0).max(100_000), seed: z.number().int(), interval: z.number().gt(0).lt(1) }),
  domains: z.array(z.object({ id: z.enum(DOMAINS), label: z.string(), weight: z.number().min(0) })).length(DOMAINS.length),
});
export type MethodSpec = z.infer<typeof MethodSpecSchema>;

export const RegistrySchema = z
  .object({ method: MethodSpecSchema, indicators: z.array(IndicatorSpecSchema).min(1) })
  .superRefine((r, ctx) => {
    const ids = new Set<string>();
    r.indicators.forEach((i, n) => {
      if (ids.has(i.id)) ctx.addIssue({ code: 'custom', path: ['indicators', n, 'id'], message: `duplicate indicator id "${i.id}"` });
      ids.add(i.id);
      if (!i.valueKind) ctx.addIssue({ code: 'custom', path: ['indicators', n, 'valueKind'], message: 'every indicator declares its valueKind (percent, rate, dollars or km)' });
      if (i.ranked === false && !i.contextReason) ctx.addIssue({ code: 'custom', path: ['indicators', n, 'contextReason'], message: 'an unranked indicator needs a contextReason' });
    });
    if (r.method.domains.reduce((s, d) => s + d.weight, 0) <= 0) ctx.addIssue({ code: 'custom', path: ['method', 'domains'], message: 'domain weights must not all be zero' });
  });
export type Registry = z.infer<typeof RegistrySchema>;

const KIND_RANGES: Record<NonNullable<IndicatorSpec['valueKind']>, ValueRange> = { percent: PERCENT, rate: NON_NEGATIVE, dollars: NON_NEGATIVE, km: NON_NEGATIVE };

/** The range an indicator's values must lie in: its own `range`, else its kind's (a spec without a kind: percent when its unit starts with "%", else ≥ 0). */
export function indicatorRange(spec: Pick<IndicatorSpec, 'valueKind' | 'range' | 'unit'>): ValueRange {
  if (spec.range) return spec.range;
  if (spec.valueKind) return KIND_RANGES[spec.valueKind];
  return spec.unit.startsWith('%') ? PERCENT : NON_NEGATIVE;
}
