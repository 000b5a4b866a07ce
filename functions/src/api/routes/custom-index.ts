import { createRoute, z } from '@hono/zod-openapi';
import { reweight } from '../../indices/custom-weights.js';
import { DOMAINS, type Domain } from '../../indices/indicator-registry.js';
import type { IndexReader } from '../index-reader.js';
import { ResponseCache } from '../response-cache.js';
import { newRouter } from '../router.js';
import { LevelSchema, problemResponses } from '../schemas.js';
import { resolveVersion, versionBodyField } from '../version-param.js';

const Weight = z.number().min(0).max(1000);
const Body = z
  .object({
    level: LevelSchema,
    weights: z
      .object(Object.fromEntries(DOMAINS.map((d) => [d, Weight.optional()])) as Record<Domain, z.ZodOptional<typeof Weight>>)
      .strict()
      .refine((w) => Object.values(w).some((x) => (x ?? 0) > 0), 'at least one domain weight must be positive')
      .openapi({ description: 'Relative domain weights; omitted domains weigh 0. Normalized to sum to 1.', example: { cardiometabolic: 1, maternal_perinatal: 2, social_drivers: 1, access_to_care: 0 } }),
    version: versionBodyField,
  })
  .strict()
  .openapi('CustomWeightsRequest');

const route = createRoute({
  method: 'post',
  path: '/indices/custom',
  operationId: 'computeCustomIndex',
  summary: 'Re-rank every place of a level under custom domain weights (same indicators and domain scores as the current version, or the one `version` pins)',
  request: { body: { content: { 'application/json': { schema: Body } }, required: true } },
  responses: {
    200: {
      content: {
        'application/json': {
          schema: z
            .object({
              version: z.string(),
              level: LevelSchema,
              weights: z.record(z.string(), z.number()),
              items: z.array(
                z.object({
                  id: z.string(),
                  name: z.string(),
                  score: z.number().nullable(),
                  percentile: z.number().nullable().openapi({ description: '0–100 under the custom weights' }),
                  rank: z.number().nullable(),
                  publishedPercentile: z.number().nullable(),
                }),
              ),
            })
            .openapi('CustomWeightsResult'),
        },
      },
      description: 'Places sorted by rank under the custom weights',
    },
    ...problemResponses,
  },
});

export function customIndexRoutes(reader: IndexReader) {
  // Same version + same normalized weights = same ranking: answers are cached (bounded LRU).
  const cache = new ResponseCache(256);
  return newRouter().openapi(route, async (c) => {
    const { level, weights, version } = c.req.valid('json');
    const meta = await resolveVersion(reader, version);
    const total = DOMAINS.reduce((s, d) => s + (weights[d] ?? 0), 0);
    const normalized = Object.fromEntries(DOMAINS.map((d) => [d, (weights[d] ?? 0) / total])) as Record<Domain, number>;
    return cache.json(c, `${meta.version}|${level}|${DOMAINS.map((d) => normalized[d]).join(',')}`, async () => {
      const places = await reader.listPlaces(meta.version, level);
      const result = reweight(places, normalized, meta.method.overallCoverage);
      const items = result
        .map((r, i) => ({ id: r.id, name: places[i]!.name, score: r.score, percentile: r.percentile === null ? null : Math.round(r.percentile * 10_000) / 100, rank: r.rank, publishedPercentile: places[i]!.percentile }))
        .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.id.localeCompare(b.id));
      return { version: meta.version, level, weights: normalized, items };
    }) as never;
  });
}
