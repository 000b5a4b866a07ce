import { createRoute, z } from '@hono/zod-openapi';
import type { CrosswalkRow } from '../../geo/zcta-town-crosswalk.js';
import { crosswalkKey } from '../../store/index-store.js';
import { csvResponse, wantsCsv } from '../csv-response.js';
import type { IndexReader } from '../index-reader.js';
import { problems } from '../problem.js';
import { newRouter } from '../router.js';
import { notFoundResponse, problemResponses } from '../schemas.js';
import { resolveVersion, versionQuery } from '../version-param.js';

const COLUMNS = ['zcta', 'town_geoid', 'frac_of_zcta', 'frac_of_town'] as const;

const route = createRoute({
  method: 'get',
  path: '/crosswalk',
  operationId: 'getCrosswalk',
  summary: 'ZCTA ↔ municipality crosswalk of the current version, by intersection area or by population (docs/crosswalks.md)',
  request: {
    query: z.object({
      from: z.enum(['zcta', 'town']).default('zcta'),
      to: z.enum(['town', 'zcta']).default('town'),
      weight: z.enum(['area', 'population']).default('area'),
      format: z.enum(['json', 'csv']).optional(),
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
              weight: z.enum(['area', 'population']),
              columns: z.array(z.string()),
              rows: z.array(z.object({ zcta: z.string(), town_geoid: z.string(), frac_of_zcta: z.number(), frac_of_town: z.number() })),
            })
            .openapi('Crosswalk'),
        },
        'text/csv': { schema: z.string().openapi({ example: 'zcta,town_geoid,frac_of_zcta,frac_of_town\n01001,2501300325,0.92,0.71\n' }) },
      },
      description: 'One row per ZCTA × town pair: the share of the ZCTA in the town and of the town in the ZCTA',
    },
    ...problemResponses,
    ...notFoundResponse,
  },
});

export function crosswalkRoutes(reader: IndexReader) {
  return newRouter().openapi(route, async (c) => {
    const { from, to, weight, format, version } = c.req.valid('query');
    if (from === to) throw problems.badRequest('from and to must differ (zcta ↔ town)', [{ path: 'to', message: `must differ from "from" (${from})` }]);
    const meta = await resolveVersion(reader, version);
    const json = await reader.blob(crosswalkKey(meta.version, weight));
    if (json === null) throw problems.notFound(`No ${weight} crosswalk stored for version ${meta.version}.`);
    const rows = (JSON.parse(json) as { rows: CrosswalkRow[] }).rows;
    const round = (x: number) => Math.round(x * 1e6) / 1e6;
    const table = rows.map((r) => [r.zcta, r.town, round(r.fracOfZcta), round(r.fracOfTown)] as const);
    if (wantsCsv(c, format)) return csvResponse(c, `crosswalk-zcta-town-${weight}-${meta.version}.csv`, [...COLUMNS], table.map((r) => [...r])) as never;
    return c.json({ version: meta.version, weight, columns: [...COLUMNS], rows: table.map(([zcta, town_geoid, frac_of_zcta, frac_of_town]) => ({ zcta, town_geoid, frac_of_zcta, frac_of_town })) }, 200);
  });
}
