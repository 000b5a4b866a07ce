import { createRoute, z } from '@hono/zod-openapi';
import type { IndexReader } from '../index-reader.js';
import { newRouter } from '../router.js';
import { ResponseCache } from '../response-cache.js';
import { buildMeasureTable } from '../measure-table.js';
import { LevelSchema, problemResponses } from '../schemas.js';
import { resolveVersion, versionQuery } from '../version-param.js';

const nullableNumbers = z.array(z.number().nullable());

const MeasureColumnSchema = z
  .object({
    id: z.string().openapi({ description: '`overall`, `domain:<domain id>` or an indicator id (see /v1/methods).', example: 'domain:maternal_perinatal' }),
    kind: z.enum(['overall', 'domain', 'indicator']),
    label: z.string(),
    unit: z.string().openapi({ description: 'Unit of `values`.' }),
    direction: z.enum(['higher_is_worse', 'higher_is_better']),
    domain: z.string().nullable(),
    vintage: z.string(),
    sourceIds: z.array(z.string()),
    ranked: z.boolean().openapi({ description: 'false = context only, not part of any score (see contextReason).' }),
    contextReason: z.string().nullable(),
    values: nullableNumbers.openapi({ description: 'One value per entry of `places`, same order; null = no data.' }),
    percentiles: nullableNumbers.openapi({ description: 'Percentile 0–100 per place (high = more disadvantaged, whatever the direction); null = no data.' }),
    noData: z.array(z.string().nullable()).openapi({ description: 'Why a place has no value; null where it has one.' }),
    stateValue: z.number().nullable().openapi({ description: 'Indicators: the Massachusetts value in the unit of `values` (see stateValueBasis); null for the overall index and domains (percentiles are relative to the state already) and for versions published before state values.' }),
    stateValueBasis: z.enum(['source', 'population-weighted-mean']).nullable().openapi({ description: '`source`: the state figure the source publishes (MassCHIP); `population-weighted-mean`: the source publishes none, so the mean of the municipalities\' values weighted by residents (Census 2020).' }),
    stateValueNote: z.string().nullable().openapi({ description: 'Where the state value comes from, in plain language.' }),
  })
  .openapi('MeasureColumn');

const route = createRoute({
  method: 'get',
  path: '/layers/{level}',
  operationId: 'getLayers',
  summary: 'Every measure of a level (overall, each domain, each indicator) as columns over one list of places: what the map colours by',
  request: { params: z.object({ level: LevelSchema.openapi({ param: { name: 'level', in: 'path' } }) }), query: z.object(versionQuery) },
  responses: {
    200: {
      content: {
        'application/json': {
          schema: z
            .object({
              version: z.string(),
              level: LevelSchema,
              method: z.string(),
              places: z.array(
                z.object({
                  id: z.string(),
                  name: z.string(),
                  county: z.string().nullable(),
                  population: z.number().nullable(),
                  rank: z.number().int().nullable(),
                  flagCount: z.number().int(),
                  percentileInterval: z.tuple([z.number(), z.number()]).nullable().openapi({ description: '90 % interval of the overall percentile (Monte Carlo).' }),
                }),
              ),
              measures: z.array(MeasureColumnSchema),
            })
            .openapi('MeasureTable'),
        },
      },
      description: 'Places of the level (sorted by id) and one column per measure',
    },
    ...problemResponses,
  },
});

export function layersRoutes(reader: IndexReader) {
  const cache = new ResponseCache(8);
  return newRouter().openapi(route, async (c) => {
    const { level } = c.req.valid('param');
    const meta = await resolveVersion(reader, c.req.valid('query').version);
    return cache.json(c, `${meta.version}|${level}`, async () => buildMeasureTable(meta, level, await reader.listPlaces(meta.version, level))) as never;
  });
}
