import { createRoute, z } from '@hono/zod-openapi';
import type { IndexReader } from '../index-reader.js';
import { problems } from '../problem.js';
import { ResponseCache } from '../response-cache.js';
import { newRouter } from '../router.js';
import { LevelSchema, notFoundResponse, problemResponses } from '../schemas.js';
import { DOMAINS } from '../../indices/indicator-registry.js';
import { historyEntry, type PlaceHistoryEntry } from '../../indices/place-history.js';

const Interval = z.tuple([z.number(), z.number()]).nullable();

const EntrySchema = z
  .object({
    version: z.string(),
    method: z.string().nullable().openapi({ description: 'Method id of the version (e.g. ma-hei-1.1).' }),
    createdAt: z.string().openapi({ description: 'When the version was computed (ISO 8601).' }),
    asOf: z.string().nullable().openapi({ description: 'The day the index describes (method 1.1); null for versions without one.' }),
    current: z.boolean(),
    present: z.boolean().openapi({ description: 'false: the place is not in this version (every number below is null, and noDataReason says so).' }),
    name: z.string().nullable(),
    score: z.number().nullable(),
    percentile: z.number().nullable().openapi({ description: 'Overall percentile (0–100).' }),
    percentileInterval: Interval,
    rank: z.number().int().nullable().openapi({ description: '1 = most disadvantaged; null = not ranked in that version.' }),
    rankInterval: Interval,
    ranked: z.boolean().nullable(),
    noDataReason: z.string().nullable(),
    domains: z
      .record(z.enum(DOMAINS), z.object({ score: z.number().nullable(), percentile: z.number().nullable().openapi({ description: 'Domain percentile (0–1).' }) }))
      .nullable()
      .openapi({ description: 'Domain score and percentile; domains have no published rank.' }),
  })
  .openapi('PlaceHistoryEntry');

const historyRoute = createRoute({
  method: 'get',
  path: '/places/{level}/{id}/history',
  operationId: 'getPlaceHistory',
  summary: 'A place in every published version, newest first: overall score, percentile and rank, domain percentiles, with each version\'s method and date',
  request: {
    params: z.object({
      level: LevelSchema.openapi({ param: { name: 'level', in: 'path' } }),
      id: z.string().min(1).max(20).openapi({ param: { name: 'id', in: 'path' }, example: '2502507000' }),
    }),
  },
  responses: {
    200: {
      content: {
        'application/json': {
          schema: z.object({ level: LevelSchema, id: z.string(), current: z.string().nullable(), items: z.array(EntrySchema) }).openapi('PlaceHistory'),
        },
      },
      description: 'One entry per published version, newest first; a version without the place says so (`present: false`)',
    },
    ...problemResponses,
    ...notFoundResponse,
  },
});

export function placeHistoryRoutes(reader: IndexReader) {
  const cache = new ResponseCache(500, { maxBytes: 8 * 1024 * 1024 });
  return newRouter().openapi(historyRoute, async (c) => {
    const { level, id } = c.req.valid('param');
    const [current, versions] = await Promise.all([reader.requireCurrentVersion(), reader.listVersions()]);
    // The set of published versions is the answer's identity: a publish or a retirement makes a new key.
    const key = `${level}|${id}|${current.version}|${versions.map((v) => v.version).join(',')}`;
    return cache.json(c, key, async () => {
      const label = level === 'town' ? `municipality with id "${id}"` : `ZIP code area (ZCTA) with id "${id}"`;
      // One single-item read per version (IndexReader.peekPlace): no version's whole level is loaded or evicted.
      const items: PlaceHistoryEntry[] = await Promise.all(
        versions.map(async (v) => {
          const [meta, place] = await Promise.all([reader.versionMeta(v.version), reader.peekPlace(v.version, level, id)]);
          return historyEntry({ version: v.version, methodId: v.methodId, createdAt: v.createdAt, asOf: meta?.asOf ?? null }, current.version, place, label);
        }),
      );
      if (!items.some((i) => i.present)) throw problems.notFound(`No ${label} in any published version.`);
      return { level, id, current: current.version, items };
    }) as never;
  });
}
