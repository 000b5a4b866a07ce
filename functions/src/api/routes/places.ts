import { createRoute, z } from '@hono/zod-openapi';
import type { IndexReader } from '../index-reader.js';
import { problems } from '../problem.js';
import { newRouter } from '../router.js';
import type { PlaceRecord, VersionMeta } from '../../indices/place-record.js';
import { LevelSchema, MeasureSchema, notFoundResponse, PlaceSchema, PlaceSummarySchema, problemResponses } from '../schemas.js';

const listRoute = createRoute({
  method: 'get',
  path: '/places',
  summary: 'All places of a level with score and percentile (current version)',
  request: { query: z.object({ level: LevelSchema }) },
  responses: {
    200: {
      content: {
        'application/json': {
          schema: z.object({ version: z.string(), level: LevelSchema, measure: MeasureSchema, items: z.array(PlaceSummarySchema) }).openapi('PlaceList'),
        },
      },
      description: 'Places sorted by id',
    },
    ...problemResponses,
  },
});

const oneRoute = createRoute({
  method: 'get',
  path: '/places/{level}/{id}',
  summary: 'One place with every indicator (value, SE, percentile, flag, source, vintage), domain scores, overall score, rank and 90 % intervals',
  request: {
    params: z.object({
      level: LevelSchema.openapi({ param: { name: 'level', in: 'path' } }),
      id: z.string().min(1).max(20).openapi({ param: { name: 'id', in: 'path' }, example: '2502507000' }),
    }),
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
  return newRouter()
    .openapi(listRoute, async (c) => {
      const { level } = c.req.valid('query');
      const meta = await reader.requireCurrentVersion();
      const places = await reader.listPlaces(meta.version, level);
      const items = places.map(({ id, name, score, percentile, rank, noDataReason }) => ({ id, name, score, percentile, rank, noDataReason }));
      return c.json({ version: meta.version, level, measure: meta.measures[level], items }, 200);
    })
    .openapi(oneRoute, async (c) => {
      const { level, id } = c.req.valid('param');
      const meta = await reader.requireCurrentVersion();
      const place = await reader.getPlace(meta.version, level, id);
      if (!place) throw problems.notFound(`No ${level} with id "${id}" in version ${meta.version}.`);
      return c.json({ version: meta.version, method: meta.method.id, measure: meta.measures[level], place: withIndicatorMetadata(place, meta) }, 200);
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
          noDataReason: indicatorNoDataReason(result.value, derivation, place.level),
        },
      ];
    }),
  );
  const county = place.countyFips ? meta.countyContext[place.countyFips] : undefined;
  const countyContext = county ? { ...county, sources: ['svi-2022-county', 'places-county', 'chr-2011'] } : null;
  return { ...place, countyContext, indicators };
}

function indicatorNoDataReason(value: number | null, derivation: string | null, level: PlaceRecord['level']): string | null {
  if (value !== null) return null;
  if (derivation === null) return `Not available for ${level === 'town' ? 'municipalities' : 'ZIP codes'} in the staged sources.`;
  return 'No value for this place: suppressed by the publisher (small numbers), not covered by the source, or too little of the area covered by places with data.';
}
