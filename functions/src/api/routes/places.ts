import { createRoute, z } from '@hono/zod-openapi';
import type { IndexReader } from '../index-reader.js';
import { problems } from '../problem.js';
import { newRouter } from '../router.js';
import { featureCollectionSchema, PlaceFeatureSchema } from '../geojson-schemas.js';
import type { PlaceRecord, VersionMeta } from '../../indices/place-record.js';
import { csvResponse } from '../csv-response.js';
import { ResponseCache } from '../response-cache.js';
import { indicatorNoDataReason } from '../measure-table.js';
import { csvCells, FORMATS, negotiateFormat, toFeatureCollection } from '../place-formats.js';
import { decodeCursor, encodeCursor, queryFingerprint, queryPlaces, SORT_KEYS } from '../place-query.js';
import { crosswalkKey, zipTableKey } from '../../store/index-store.js';
import type { CrosswalkRow } from '../../geo/zcta-town-crosswalk.js';
import { zipContext, type ZipContext } from '../../geo/zip-context.js';
import type { ZipTableRow } from '../../pipeline/zip-table.js';
import { LevelSchema, MeasureSchema, notFoundResponse, PlaceSchema, PlaceSummarySchema, problemResponses } from '../schemas.js';
import { resolveVersion, versionQuery } from '../version-param.js';

const LIST_COLUMNS = ['id', 'name', 'score', 'percentile', 'rank', 'noDataReason'] as const;

export const PlaceListQuery = z.object({
  level: LevelSchema,
  flagged: z.enum(['true', 'false']).optional().openapi({ description: '`true`: only places with at least one indicator flagged (percentile ≥ 0.90); `false`: only places with none.' }),
  county: z.string().min(1).max(40).optional().openapi({ description: 'County name ("Hampden", "Hampden County") or 5-digit FIPS ("25013"), case-insensitive. ZCTAs have no county.', example: 'Hampden' }),
  minPercentile: z.coerce.number().min(0).max(100).optional().openapi({ description: 'Only places whose overall percentile (0–100) is at least this.', example: 80 }),
  sort: z.enum(SORT_KEYS).default('id').openapi({ description: 'Sort key; places without a value for it come last.' }),
  order: z.enum(['asc', 'desc']).optional().openapi({ description: 'Default: `desc` for percentile, `asc` otherwise (rank 1 = most disadvantaged first).' }),
  limit: z.coerce.number().int().min(1).max(1000).optional().openapi({ description: 'Page size; without it every matching place is returned in one answer.' }),
  format: z.enum(FORMATS).optional().openapi({ description: 'json (default), csv or geojson (features joined to the map geometry); or send Accept: text/csv / application/geo+json' }),
  cursor: z.string().max(400).optional().openapi({ description: 'Opaque `nextCursor` of the previous page; repeat the same filters and sort with it. Pages stay on the version of the first page.' }),
  ...versionQuery,
});

const listRoute = createRoute({
  method: 'get',
  path: '/places',
  operationId: 'listPlaces',
  summary: 'Places of a level with score, percentile and rank (current version, or the one `version` pins); filter, sort and page',
  request: { query: PlaceListQuery },
  responses: {
    200: {
      content: {
        'application/json': {
          schema: z
            .object({
              version: z.string(),
              level: LevelSchema,
              measure: MeasureSchema,
              items: z.array(PlaceSummarySchema),
              nextCursor: z.string().nullable().openapi({ description: 'Pass as `cursor` for the next page; null on the last page.' }),
            })
            .openapi('PlaceList'),
        },
        'text/csv': { schema: z.string().openapi({ example: 'id,name,score,percentile,rank,noDataReason\n2500100060,Abington,0.41,38.3,217,\n' }) },
        'application/geo+json': { schema: featureCollectionSchema('PlaceListGeoJson', PlaceFeatureSchema, { version: z.string(), level: LevelSchema, nextCursor: z.string().nullable() }) },
      },
      description: 'Places sorted by id unless `sort` says otherwise',
    },
    ...problemResponses,
  },
});

const oneRoute = createRoute({
  method: 'get',
  path: '/places/{level}/{id}',
  operationId: 'getPlace',
  summary: 'One place with every indicator (value, SE, percentile, flag, source, vintage), domain scores, overall score, rank and 90 % intervals',
  request: {
    params: z.object({
      level: LevelSchema.openapi({ param: { name: 'level', in: 'path' } }),
      id: z.string().min(1).max(20).openapi({ param: { name: 'id', in: 'path' }, example: '2502507000' }),
    }),
    query: z.object(versionQuery),
  },
  responses: {
    200: {
      content: { 'application/json': { schema: z.object({ version: z.string(), method: z.string(), measure: MeasureSchema, place: PlaceSchema }).openapi('PlaceDetail') } },
      description: 'The place',
    },
    ...problemResponses,
    ...notFoundResponse,
  },
});

export function placesRoutes(reader: IndexReader) {
  const cache = new ResponseCache();
  return newRouter()
    .openapi(listRoute, async (c) => {
      const { level, limit, cursor, format, version, ...query } = c.req.valid('query');
      const fingerprint = queryFingerprint(level, query);
      const page = cursor ? decodeCursor(cursor, fingerprint) : { version: null, offset: 0 };
      if (page.version && version !== undefined && version !== page.version) {
        throw problems.badRequest(`version: the cursor continues version ${page.version}, not "${version}"`, [{ path: 'version', message: `the cursor continues version ${page.version}; drop version or use that id` }]);
      }
      const meta = page.version ? await reader.versionMeta(page.version) : await resolveVersion(reader, version);
      if (!meta) throw problems.badRequest('cursor: its version is no longer published', [{ path: 'cursor', message: 'its version is no longer published; start again without cursor' }]);
      // Filter, sort and cut the page; for JSON only on a cache miss (the same request on the same version is the same answer).
      const cut = async () => {
        const matching = queryPlaces(await reader.listPlaces(meta.version, level), query);
        const end = limit === undefined ? matching.length : Math.min(matching.length, page.offset + limit);
        const items = matching.slice(page.offset, end).map(({ id, name, score, percentile, rank, noDataReason }) => ({ id, name, score, percentile, rank, noDataReason }));
        return { items, nextCursor: end < matching.length ? encodeCursor({ v: meta.version, o: end, q: fingerprint }) : null };
      };
      const as = negotiateFormat(c, format);
      if (as === 'json') {
        return cache.json(c, `list|${meta.version}|${fingerprint}|${page.offset}|${limit ?? ''}`, async () => ({ version: meta.version, level, measure: meta.measures[level], ...(await cut()) })) as never;
      }
      const { items, nextCursor } = await cut();
      if (as === 'csv') {
        if (nextCursor) c.header('x-next-cursor', nextCursor);
        return csvResponse(c, `places-${level}-${meta.version}.csv`, [...LIST_COLUMNS], csvCells([...LIST_COLUMNS], items)) as never;
      }
      const geometry = await reader.geometryJson(meta.version, level);
      if (geometry === null) throw problems.notFound(`No ${level} geometry stored for version ${meta.version}.`);
      c.header('content-type', 'application/geo+json');
      return c.body(JSON.stringify(toFeatureCollection(items, geometry, { version: meta.version, level, nextCursor })), 200) as never;
    })
    .openapi(oneRoute, async (c) => {
      const { level, id } = c.req.valid('param');
      const meta = await resolveVersion(reader, c.req.valid('query').version);
      const place = await reader.getPlace(meta.version, level, id);
      if (!place) throw problems.notFound(`No ${level} with id "${id}" in version ${meta.version}.`);
      return cache.json(c, `place|${meta.version}|${level}|${id}`, async () => ({
        version: meta.version,
        method: meta.method.id,
        measure: meta.measures[level],
        place: { ...withIndicatorMetadata(place, meta), ...(level === 'zcta' ? { zip: await zipOf(reader, meta.version, id) } : {}) },
      })) as never;
    });
}

/** Each indicator value travels with its label, unit, source, vintage and derivation, so no value is shown without its provenance. */
function withIndicatorMetadata(place: PlaceRecord, meta: VersionMeta) {
  const indicators = Object.fromEntries(
    meta.indicators.map((spec) => {
      const result = place.indicators[spec.id]!;
      const derivation = meta.derivation[place.level][spec.id] ?? null;
      return [
        spec.id,
        {
          label: spec.label,
          domain: spec.domain,
          unit: spec.unit,
          direction: spec.direction,
          sourceId: spec.source.sourceId,
          vintage: spec.vintage,
          ranked: spec.ranked !== false,
          ...result,
          derivation,
          // The Massachusetts value beside the place's (issue 13); null for versions published before it.
          stateValue: meta.stateReference?.[spec.id]?.value ?? null,
          stateValueBasis: meta.stateReference?.[spec.id]?.basis ?? null,
          stateValueNote: meta.stateReference?.[spec.id]?.note ?? null,
          // A value that is present but not ranked (place too small) keeps its stored reason.
          noDataReason: result.value !== null ? (result.noDataReason ?? null) : indicatorNoDataReason(result.value, derivation, place.level, result.noDataReason),
        },
      ];
    }),
  );
  const county = place.countyFips ? meta.countyContext[place.countyFips] : undefined;
  const countyContext = county ? { ...county, sources: ['svi-2022-county', 'places-county', 'chr-2011'] } : null;
  return { ...place, countyContext, indicators };
}

/** Post office, county and overlapping towns of a ZCTA; null for a version published without the ZIP table or crosswalk. */
async function zipOf(reader: IndexReader, version: string, zcta: string): Promise<ZipContext | null> {
  const [zipJson, crosswalkJson, towns] = await Promise.all([reader.blob(zipTableKey(version)), reader.blob(crosswalkKey(version, 'population')), reader.listPlaces(version, 'town')]);
  if (zipJson === null || crosswalkJson === null) return null;
  const rows = (JSON.parse(zipJson) as { rows: ZipTableRow[] }).rows;
  const crosswalk = (JSON.parse(crosswalkJson) as { rows: CrosswalkRow[] }).rows;
  return zipContext(zcta, rows, crosswalk, new Map(towns.map((t) => [t.id, { name: t.name, county: t.county }])));
}
