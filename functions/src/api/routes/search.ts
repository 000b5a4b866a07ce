import { createRoute, z } from '@hono/zod-openapi';
import type { CrosswalkRow } from '../../geo/zcta-town-crosswalk.js';
import type { ZipTableRow } from '../../pipeline/zip-table.js';
import { crosswalkKey, zipTableKey } from '../../store/index-store.js';
import type { IndexReader } from '../index-reader.js';
import { createPlaceSearch } from '../place-search.js';
import { problems } from '../problem.js';
import { newRouter } from '../router.js';
import { LevelSchema, problemResponses } from '../schemas.js';
import { VersionMemo } from '../version-memo.js';
import { resolveVersion, versionQuery } from '../version-param.js';

const SearchHitSchema = z
  .object({
    level: LevelSchema,
    id: z.string(),
    name: z.string(),
    score: z.number().nullable(),
    percentile: z.number().nullable(),
    rank: z.number().int().nullable(),
    match: z.enum(['name', 'zip']),
    zip: z.string().nullable(),
    poName: z.string().nullable().openapi({ description: 'USPS post-office name of the ZIP' }),
    fracOfZcta: z.number().nullable().openapi({ description: 'Towns found by ZIP: share of the ZCTA area in the town (largest first)' }),
  })
  .openapi('SearchHit');

const route = createRoute({
  method: 'get',
  path: '/search',
  operationId: 'searchPlaces',
  summary: 'Find towns by name (prefix, case- and accent-insensitive) or by ZIP code (ZIP → ZCTA → the towns it overlaps)',
  request: {
    query: z.object({
      q: z.string().trim().min(1).max(100).openapi({ description: 'Town name or its beginning ("spring", "Agawam"), or 3–5 leading digits of a ZIP code', example: '01001' }),
      limit: z.coerce.number().int().min(1).max(100).default(20),
      ...versionQuery,
    }),
  },
  responses: {
    200: {
      content: { 'application/json': { schema: z.object({ version: z.string(), q: z.string(), items: z.array(SearchHitSchema) }).openapi('SearchResult') } },
      description: 'Matches, best first: exact name, name prefix, word prefix; a ZIP gives its ZCTA, then the towns that ZCTA overlaps',
    },
    ...problemResponses,
  },
});

export function searchRoutes(reader: IndexReader) {
  const indexes = new VersionMemo(async (version) => {
    const [towns, zctas, zipJson, crosswalkJson] = await Promise.all([
      reader.listPlaces(version, 'town'),
      reader.listPlaces(version, 'zcta'),
      reader.blob(zipTableKey(version)),
      reader.blob(crosswalkKey(version, 'area')),
    ]);
    if (zipJson === null || crosswalkJson === null) return null; // a version published before ZIP search existed
    return createPlaceSearch(towns, zctas, (JSON.parse(zipJson) as { rows: ZipTableRow[] }).rows, (JSON.parse(crosswalkJson) as { rows: CrosswalkRow[] }).rows);
  });
  return newRouter().openapi(route, async (c) => {
    const { q, limit, version } = c.req.valid('query');
    const meta = await resolveVersion(reader, version);
    const search = await indexes.get(meta.version);
    if (!search) throw problems.notFound(`Version ${meta.version} has no ZIP table; run the pipeline again to publish one.`);
    return c.json({ version: meta.version, q, items: search(q, limit) }, 200);
  });
}
