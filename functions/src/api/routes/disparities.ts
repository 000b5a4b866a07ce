import { createRoute, z } from '@hono/zod-openapi';
import { disparityMeasures } from '../../indices/disparity.js';
import type { IndexReader } from '../index-reader.js';
import { problems } from '../problem.js';
import { newRouter } from '../router.js';
import { LevelSchema, problemResponses } from '../schemas.js';
import { resolveVersion, versionQuery } from '../version-param.js';

const Contrast = z.object({ rate: z.number(), reference: z.number(), rateRatio: z.number().nullable(), rateDifference: z.number(), places: z.number().int() });

const route = createRoute({
  method: 'get',
  path: '/disparities',
  operationId: 'getDisparities',
  summary: 'Disparity measures for one indicator across the places of a level (NCI HD*Calc family)',
  request: {
    query: z.object({
      indicator: z.string().min(1).max(64).openapi({ example: 'diabetes' }),
      level: LevelSchema.default('town'),
      group: z
        .string()
        .max(20_000)
        .optional()
        .openapi({ description: 'Comma-separated place ids forming a group to contrast with the rest of the state (e.g. a priority geography).', example: '2500545000,2501313660' }),
      ...versionQuery,
    }),
  },
  responses: {
    200: {
      content: {
        'application/json': {
          schema: z
            .object({
              version: z.string(),
              level: LevelSchema,
              indicator: z.object({ id: z.string(), label: z.string(), unit: z.string(), direction: z.string(), vintage: z.string() }),
              placesWithData: z.number().int(),
              stateRate: z.number(),
              worstVsBestDecile: Contrast,
              groupVsRest: Contrast.nullable(),
              indexOfDisparity: z.number().nullable(),
              theil: z.number().nullable(),
              betweenGroupVariance: z.number(),
              definitions: z.record(z.string(), z.string()),
            })
            .openapi('Disparities'),
        },
      },
      description: 'Rate ratio and difference (worst vs best decile; group vs rest), Index of Disparity, population-weighted Theil index, between-group variance',
    },
    ...problemResponses,
  },
});

const DEFINITIONS = {
  stateRate: 'population-weighted mean of the places with data',
  worstVsBestDecile: 'population-weighted mean of the worst 10 % of places (by the indicator direction) vs the best 10 %',
  indexOfDisparity: 'mean |place rate − state rate| / state rate × 100 (Pearcy & Keppel 2002)',
  theil: 'Σ pⱼ (rⱼ/μ) ln(rⱼ/μ), pⱼ = population share, μ = state rate',
  betweenGroupVariance: 'Σ pⱼ (rⱼ − μ)²',
};

export function disparitiesRoutes(reader: IndexReader) {
  return newRouter().openapi(route, async (c) => {
    const { indicator, level, group, version } = c.req.valid('query');
    const meta = await resolveVersion(reader, version);
    const spec = meta.indicators.find((i) => i.id === indicator);
    if (!spec) throw problems.badRequest(`Unknown indicator "${indicator}"; see /v1/methods for the registry.`, [{ path: 'indicator', message: `unknown indicator "${indicator}"` }]);
    const places = await reader.listPlaces(meta.version, level);
    const values = places.flatMap((p) => {
      const v = p.indicators[indicator]?.value;
      return v === null || v === undefined ? [] : [{ id: p.id, value: v, population: p.population ?? 0 }];
    });
    if (values.length < 10) throw problems.badRequest(`Indicator "${indicator}" has data for only ${values.length} ${level === 'town' ? 'municipalities' : 'ZCTAs'}; disparity measures need at least 10.`, [{ path: 'indicator', message: 'too few places with data at this level' }]);
    const ids = group ? new Set(group.split(',').map((s) => s.trim()).filter(Boolean)) : undefined;
    const d = disparityMeasures(values, { higherIsWorse: spec.direction === 'higher_is_worse', ...(ids ? { group: ids } : {}) });
    return c.json(
      { version: meta.version, level, indicator: { id: spec.id, label: spec.label, unit: spec.unit, direction: spec.direction, vintage: spec.vintage }, ...d, definitions: DEFINITIONS },
      200,
    );
  });
}
