import { createRoute, z } from '@hono/zod-openapi';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { createPointIndex } from '../../geo/point-index.js';
import type { Level, PlaceRecord } from '../../indices/place-record.js';
import type { IndexReader } from '../index-reader.js';
import { problems } from '../problem.js';
import { newRouter } from '../router.js';
import { notFoundResponse, PlaceSummarySchema, problemResponses } from '../schemas.js';
import { VersionMemo } from '../version-memo.js';
import { resolveVersion, versionQuery } from '../version-param.js';

const LookupPlaceSchema = PlaceSummarySchema.extend({ county: z.string().nullable() }).openapi('LookupPlace');

const route = createRoute({
  method: 'get',
  path: '/lookup',
  operationId: 'lookupPlace',
  summary: 'The town and ZCTA containing a point (WGS 84), with their overall scores',
  request: {
    query: z.object({
      lon: z.coerce.number().min(-180).max(180).openapi({ param: { required: true }, description: 'Longitude (WGS 84 degrees)', example: -71.0589 }),
      lat: z.coerce.number().min(-90).max(90).openapi({ param: { required: true }, description: 'Latitude (WGS 84 degrees)', example: 42.3601 }),
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
              lon: z.number(),
              lat: z.number(),
              town: LookupPlaceSchema,
              zcta: LookupPlaceSchema.nullable().openapi({ description: 'null where no ZCTA covers the point (ZCTAs leave unpopulated areas out)' }),
            })
            .openapi('Lookup'),
        },
      },
      description: 'The places containing the point (map geometry of the version: simplified towns, ZCTAs at 1:500k)',
    },
    ...problemResponses,
    ...notFoundResponse,
  },
});

export function lookupRoutes(reader: IndexReader) {
  // One spatial index per version and level, built from the published map geometry on first use.
  const layer = (level: Level) =>
    new VersionMemo(async (version) => {
      const json = await reader.geometryJson(version, level);
      if (json === null) throw problems.notFound(`No ${level} geometry stored for version ${version}.`);
      return createPointIndex((JSON.parse(json) as FeatureCollection<Polygon | MultiPolygon>).features);
    });
  const towns = layer('town');
  const zctas = layer('zcta');
  const summary = (p: PlaceRecord) => ({ id: p.id, name: p.name, county: p.county, score: p.score, percentile: p.percentile, rank: p.rank, noDataReason: p.noDataReason });

  return newRouter().openapi(route, async (c) => {
    const { lon, lat, version } = c.req.valid('query');
    const meta = await resolveVersion(reader, version);
    const [findTown, findZcta] = await Promise.all([towns.get(meta.version), zctas.get(meta.version)]);
    const townId = findTown(lon, lat);
    if (townId === null) throw problems.notFound(`The point (${lon}, ${lat}) is outside Massachusetts: no municipality of version ${meta.version} contains it.`);
    const zctaId = findZcta(lon, lat);
    const [town, zcta] = await Promise.all([reader.getPlace(meta.version, 'town', townId), zctaId === null ? null : reader.getPlace(meta.version, 'zcta', zctaId)]);
    if (!town) throw problems.notFound(`Town ${townId} has geometry but no record in version ${meta.version}.`);
    return c.json({ version: meta.version, lon, lat, town: summary(town), zcta: zcta ? summary(zcta) : null }, 200);
  });
}
