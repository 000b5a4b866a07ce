import { z } from 'zod';

/** Schema of data/indicators.json: the indicator registry and the index method (docs/method.md). */
export const DOMAINS = ['cardiometabolic', 'maternal_perinatal', 'social_drivers', 'access_to_care'] as const;
export type Domain = (typeof DOMAINS)[number];

const SourceRef = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('places'), sourceId: z.enum(['places-zcta', 'places-place']), measure: z.string().regex(/^[A-Z0-9_]+$/) }),
  z.object({ kind: z.literal('masschip-2010'), sourceId: z.literal('masschip-2010'), key: z.string().min(1) }),
  z.object({ kind: z.literal('masschip-2005-2008'), sourceId: z.literal('masschip-2005-2008'), column: z.string().min(1) }),
  z.object({ kind: z.literal('ej-blockgroups'), sourceId: z.literal('ej-blockgroups'), computation: z.enum(['ej_population_share', 'minority_share', 'limited_english_share']) }),
  z.object({ kind: z.literal('ej-town-income'), sourceId: z.literal('ej-blockgroups') }),
  z.object({ kind: z.literal('facility-distance'), sourceId: z.enum(['hospitals', 'health-centers']) }),
]);
export type SourceRef = z.infer<typeof SourceRef>;

export const IndicatorSpecSchema = z.object({
  id: z.string().regex(/^[a-z0-9_]+$/),
  label: z.string().min(1),
  domain: z.enum(DOMAINS),
  unit: z.string().min(1),
  direction: z.enum(['higher_is_worse', 'higher_is_better']),
  nativeGeography: z.enum(['blockgroup', 'zcta', 'place', 'town', 'county']),
  source: SourceRef,
  /** How a standard error is obtained: from a 95 % CI, a 90 % ACS MOE, event counts, or not at all. */
  uncertainty: z.enum(['ci95', 'moe90', 'poisson-rate', 'binomial-percent', 'none']),
  vintage: z.string().min(1),
  citation: z.url(),
  /** false = published for context only, not part of any score (contextReason says why). */
  ranked: z.boolean().default(true),
  contextReason: z.string().optional(),
});
export type IndicatorSpec = z.infer<typeof IndicatorSpecSchema>;

export const MethodSpecSchema = z.object({
  id: z.string().regex(/^[a-z0-9.-]+$/),
  label: z.string(),
  flagPercentile: z.number().gt(0).lt(1),
  domainCoverage: z.number().gt(0).max(1),
  overallCoverage: z.number().gt(0).max(1),
  reallocationCoverage: z.number().gt(0).max(1),
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
      if (i.ranked === false && !i.contextReason) ctx.addIssue({ code: 'custom', path: ['indicators', n, 'contextReason'], message: 'an unranked indicator needs a contextReason' });
    });
    if (r.method.domains.reduce((s, d) => s + d.weight, 0) <= 0) ctx.addIssue({ code: 'custom', path: ['method', 'domains'], message: 'domain weights must not all be zero' });
  });
export type Registry = z.infer<typeof RegistrySchema>;
