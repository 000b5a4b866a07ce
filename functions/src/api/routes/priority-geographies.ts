import { createRoute, z } from '@hono/zod-openapi';
import type { PriorityGeographyCollection } from '../../pipeline/priority-geographies-stage.js';
import { priorityGeographiesKey } from '../../store/index-store.js';
import type { IndexReader } from '../index-reader.js';
import { problems } from '../problem.js';
import { newRouter } from '../router.js';
import { notFoundResponse, problemResponses } from '../schemas.js';

/** The current version's priority geographies, or a 404 problem when the version predates them. */
export async function currentPriorityGeographies(reader: IndexReader): Promise<{ version: string; json: string; collection: () => PriorityGeographyCollection }> {
  const meta = await reader.requireCurrentVersion();
  const json = await reader.blob(priorityGeographiesKey(meta.version));
  if (json === null) throw problems.notFound(`Version ${meta.version} has no priority geographies (it was published before they existed); run the pipeline again.`);
  return { version: meta.version, json, collection: () => JSON.parse(json) as PriorityGeographyCollection };
}

const route = createRoute({
  method: 'get',
  path: '/priority-geographies',
  summary: 'The ten AHEM priority geographies: confirmed communities and geographies derived from the index, each with members and why they are in',
  description:
    'GeoJSON FeatureCollection, one dissolved outline per geography. Properties: id, name, status (`confirmed` with sourceUrl, or `derived`), members (GEOID, rank, percentile, flags, adjacency), reasons, population (2020), index summary. The collection carries the rule applied and the version it was derived from. Rule: docs/method.md, "Priority geographies".',
  responses: {
    200: {
      content: {
        'application/geo+json': {
          schema: z
            .object({ type: z.literal('FeatureCollection'), version: z.string(), rule: z.record(z.string(), z.any()), notes: z.string(), features: z.array(z.any()) })
            .openapi('PriorityGeographies'),
        },
      },
      description: 'GeoJSON FeatureCollection of the priority geographies',
    },
    ...problemResponses,
    ...notFoundResponse,
  },
});

export function priorityGeographiesRoutes(reader: IndexReader) {
  return newRouter().openapi(route, async (c) => {
    const { json } = await currentPriorityGeographies(reader);
    c.header('content-type', 'application/geo+json');
    return c.body(json, 200) as never;
  });
}
