import { createRoute, z } from '@hono/zod-openapi';
import { currentCacheControl } from '../http-cache.js';
import type { IndexReader } from '../index-reader.js';
import { problems } from '../problem.js';
import { newRouter } from '../router.js';
import { featureCollectionSchema, OutlineFeatureSchema } from '../geojson-schemas.js';
import { LevelSchema, notFoundResponse, problemResponses } from '../schemas.js';
import { resolveVersion, versionQuery } from '../version-param.js';

const route = createRoute({
  method: 'get',
  path: '/geometry/{level}',
  operationId: 'getGeometry',
  summary: 'Map geometry of a level (GeoJSON, feature id = place id, coordinates rounded to 5 decimals)',
  request: { params: z.object({ level: LevelSchema.openapi({ param: { name: 'level', in: 'path' } }) }), query: z.object(versionQuery) },
  responses: {
    200: {
      content: { 'application/geo+json': { schema: featureCollectionSchema('GeometryCollection', OutlineFeatureSchema, {}) } },
      description: 'GeoJSON FeatureCollection',
    },
    ...problemResponses,
    ...notFoundResponse,
  },
});

export function geometryRoutes(reader: IndexReader) {
  return newRouter().openapi(route, async (c) => {
    const { level } = c.req.valid('param');
    const meta = await resolveVersion(reader, c.req.valid('query').version);
    const json = await reader.geometryJson(meta.version, level);
    if (json === null) throw problems.notFound(`No ${level} geometry stored for version ${meta.version}.`);
    c.header('content-type', 'application/geo+json');
    c.header('cache-control', currentCacheControl(300)); // ≈ 1 MB: kept a little longer than other answers
    return c.body(json, 200) as never;
  });
}
