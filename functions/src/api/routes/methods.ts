import { createRoute, z } from '@hono/zod-openapi';
import type { IndexReader } from '../index-reader.js';
import { newRouter } from '../router.js';
import { IndicatorSpecApiSchema, MethodSpecApiSchema } from '../method-schemas.js';
import { problemResponses } from '../schemas.js';
import { METHOD_DOCUMENT_URL } from './method-document.js';
import { resolveVersion, versionQuery } from '../version-param.js';

const route = createRoute({
  method: 'get',
  path: '/methods',
  operationId: 'getMethods',
  summary: 'The index method of the current version: registry of indicators, domain weights, coverage rules, derivations and sources',
  request: { query: z.object(versionQuery) },
  responses: {
    200: {
      content: {
        'application/json': {
          schema: z
            .object({
              version: z.string(),
              method: MethodSpecApiSchema,
              indicators: z.array(IndicatorSpecApiSchema),
              derivation: z.record(z.string(), z.record(z.string(), z.string().nullable())),
              sources: z.array(z.object({ id: z.string(), title: z.string(), vintage: z.string(), sha256: z.string(), downloadUrl: z.string() })),
              documentation: z.string().openapi({ description: 'Where the method document (docs/method.md) is served by this API, as Markdown', example: '/v1/methods/document' }),
            })
            .openapi('Methods'),
        },
      },
      description: 'Method, indicator registry (id, label, domain, unit, direction, native geography, source, uncertainty, vintage, citation) and source manifest',
    },
    ...problemResponses,
  },
});

export function methodsRoutes(reader: IndexReader) {
  return newRouter().openapi(route, async (c) => {
    const meta = await resolveVersion(reader, c.req.valid('query').version);
    return c.json(
      {
        version: meta.version,
        method: meta.method,
        indicators: meta.indicators,
        derivation: meta.derivation,
        sources: meta.sources,
        documentation: METHOD_DOCUMENT_URL,
      },
      200,
    );
  });
}
