import { createRoute, z } from '@hono/zod-openapi';
import { csvResponse } from '../csv-response.js';
import { buildDictionary } from '../data-dictionary.js';
import type { IndexReader } from '../index-reader.js';
import { newRouter } from '../router.js';
import { notFoundResponse, problemResponses } from '../schemas.js';
import { VersionIdSchema } from '../version-id.js';
import { resolveVersion } from '../version-param.js';

const EntrySchema = z
  .object({
    name: z.string().openapi({ description: 'Column name (downloads) or JSON path (API; `{indicator}`, `{domain}` stand for any key).', example: 'low_birth_weight_percentile' }),
    label: z.string(),
    type: z.enum(['string', 'integer', 'number', 'boolean']),
    unit: z.string().nullable(),
    scale: z.string().nullable().openapi({ description: 'e.g. "percentile rank 0–1 …" or "percentile 0–100 …"; null where none applies.' }),
    decimals: z.number().int().nullable().openapi({ description: 'Decimals the download publishes; null = as stored (API) or not a number.' }),
    missing: z.string().openapi({ description: 'How a missing value is encoded.' }),
    sourceId: z.string().nullable().openapi({ description: 'Source id(s) in /v1/versions/{id} (sources).' }),
    vintage: z.string().nullable(),
    definition: z.string(),
    appliesTo: z.array(z.string()).openapi({ description: '`download:<format>` (csv, geojson, long, parquet, gpkg: the format of /v1/versions/{id}/download) or `api:place` (GET /v1/places/{level}/{id}).', example: ['download:csv', 'download:geojson'] }),
  })
  .openapi('DictionaryEntry');

const CSV_COLUMNS = ['name', 'label', 'type', 'unit', 'scale', 'decimals', 'missing', 'sourceId', 'vintage', 'definition', 'appliesTo'] as const;

const dictionaryRoute = createRoute({
  method: 'get',
  path: '/versions/{id}/dictionary',
  operationId: 'getVersionDictionary',
  summary: 'Data dictionary of a version: every column of every download and every field of the place answer (label, type, unit, scale, decimals, missing-value encoding, source, vintage, definition)',
  request: {
    params: z.object({ id: VersionIdSchema }),
    query: z.object({ format: z.enum(['json', 'csv']).optional().openapi({ description: 'json (default) or csv (one row per entry; appliesTo space-separated)', example: 'csv' }) }),
  },
  responses: {
    200: {
      content: {
        'application/json': { schema: z.object({ version: z.string(), entries: z.array(EntrySchema) }).openapi('DataDictionary') },
        'text/csv': { schema: z.string().openapi({ description: `Header ${CSV_COLUMNS.join(',')}, then one row per entry` }) },
      },
      description: 'The dictionary; immutable like the version',
    },
    ...problemResponses,
    ...notFoundResponse,
  },
});

export function dictionaryRoutes(reader: IndexReader) {
  return newRouter().openapi(dictionaryRoute, async (c) => {
    const { id } = c.req.valid('param');
    const { format } = c.req.valid('query');
    const meta = await resolveVersion(reader, id); // immutable: versionCache pins /v1/versions/{id}…
    const entries = buildDictionary(meta);
    if (format === 'csv') {
      const rows = entries.map((e) => CSV_COLUMNS.map((k) => (k === 'appliesTo' ? e.appliesTo.join(' ') : e[k])));
      return csvResponse(c, `equity-atlas-dictionary-${meta.version}.csv`, [...CSV_COLUMNS], rows) as never;
    }
    return c.json({ version: meta.version, entries }, 200);
  });
}
