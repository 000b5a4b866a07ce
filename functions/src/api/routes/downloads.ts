import { createRoute, z } from '@hono/zod-openapi';
import { IMMUTABLE_CACHE_CONTROL } from '../http-cache.js';
import type { IndexReader } from '../index-reader.js';
import { problems } from '../problem.js';
import { newRouter } from '../router.js';
import { csvResponse } from '../csv-response.js';
import { bulkColumns, bulkRow, csvCells, negotiateFormat, toFeatureCollection } from '../place-formats.js';
import { LevelSchema, notFoundResponse, problemResponses } from '../schemas.js';
import { VersionIdSchema } from './versions.js';

/** Bulk downloads of one published version (`/v1/versions/{id}/download`): every place of a level, immutable. */
const downloadRoute = createRoute({
  method: 'get',
  path: '/versions/{id}/download',
  operationId: 'downloadVersion',
  summary: 'Bulk download of a version: every place of a level with every published value (summary, 90 % intervals, domains, each indicator value / SE / percentile / flag)',
  request: {
    params: z.object({ id: VersionIdSchema }),
    query: z.object({
      level: LevelSchema.default('town'),
      format: z.enum(['csv', 'geojson']).optional().openapi({ description: 'csv (default) or geojson; or send Accept: application/geo+json' }),
    }),
  },
  responses: {
    200: {
      content: {
        'text/csv': { schema: z.string().openapi({ description: 'Header row, then one row per place; empty cell = no data' }) },
        'application/geo+json': { schema: z.object({ type: z.literal('FeatureCollection'), version: z.string(), level: LevelSchema, columns: z.array(z.string()), features: z.array(z.any()) }).openapi('BulkGeoJson') },
      },
      description: 'An attachment named after the version and level; immutable',
    },
    ...problemResponses,
    ...notFoundResponse,
  },
});

export function downloadRoutes(reader: IndexReader) {
  return newRouter()
    .openapi(downloadRoute, async (c) => {
      const { id } = c.req.valid('param');
      const { level, format } = c.req.valid('query');
      const meta = await reader.versionMeta(id);
      if (!meta) throw problems.notFound(`No published version "${id}"; GET /v1/versions lists them.`);
      const columns = bulkColumns(meta);
      const rows = (await reader.listPlaces(meta.version, level)).map((p) => bulkRow(p, meta));
      c.header('cache-control', IMMUTABLE_CACHE_CONTROL);
      const name = `equity-atlas-${level}-${meta.version}`;
      if (negotiateFormat(c, format) === 'geojson') {
        const geometry = await reader.geometryJson(meta.version, level);
        if (geometry === null) throw problems.notFound(`No ${level} geometry stored for version ${meta.version}.`);
        c.header('content-type', 'application/geo+json');
        c.header('content-disposition', `attachment; filename="${name}.geojson"`);
        return c.body(JSON.stringify(toFeatureCollection(rows, geometry, { version: meta.version, level, columns })), 200) as never;
      }
      return csvResponse(c, `${name}.csv`, columns, csvCells(columns, rows)) as never;
    });
}
