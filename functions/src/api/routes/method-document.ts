import { createRoute, z } from '@hono/zod-openapi';
import { createHash } from 'node:crypto';
import { currentCacheControl, ifNoneMatchHits } from '../http-cache.js';
import { methodDocument } from '../method-document.js';
import { newRouter } from '../router.js';
import { problemResponses } from '../schemas.js';

export const METHOD_DOCUMENT_URL = '/v1/methods/document';

const route = createRoute({
  method: 'get',
  path: '/methods/document',
  operationId: 'getMethodDocument',
  summary: 'The method document (docs/method.md of the deployed code) as Markdown',
  description:
    'How every indicator, percentile, rank, interval and priority geography is computed, with citations. It describes the code now deployed; ' +
    "a version's own method is the `method` and `indicators` of GET /v1/versions/{id}.",
  responses: {
    200: {
      content: { 'text/markdown': { schema: z.string().openapi({ example: '# Equity Atlas method\n…' }) } },
      description: 'The Markdown text (UTF-8)',
    },
    ...problemResponses,
  },
});

let etagOf: { text: string; etag: string } | null = null;
function documentEtag(text: string): string {
  if (etagOf?.text !== text) etagOf = { text, etag: `"method-${createHash('sha256').update(text).digest('hex').slice(0, 16)}"` };
  return etagOf.etag;
}

export function methodDocumentRoutes() {
  // The document changes with deploys, not with data versions: its own content ETag (http-cache.ts leaves it unversioned).
  // Read on first request, not at app creation: a missing document breaks this route only.
  return newRouter().openapi(route, (c) => {
    const text = methodDocument();
    const etag = documentEtag(text);
    const headers = { etag, 'cache-control': currentCacheControl() };
    const inm = c.req.header('if-none-match');
    if (inm && ifNoneMatchHits(inm, etag.slice(1, -1))) return c.body(null, 304, headers);
    return c.body(text, 200, { ...headers, 'content-type': 'text/markdown; charset=utf-8' });
  });
}
