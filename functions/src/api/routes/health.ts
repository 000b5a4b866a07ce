import { createRoute, z } from '@hono/zod-openapi';
import type { IndexReader } from '../index-reader.js';
import { newRouter } from '../router.js';

const route = createRoute({
  method: 'get',
  path: '/health',
  operationId: 'getHealth',
  summary: 'Liveness and the current index version',
  responses: {
    200: {
      content: { 'application/json': { schema: z.object({ status: z.literal('ok'), version: z.string().nullable() }) } },
      description: 'The API is up; `version` is null until the first pipeline run publishes one.',
    },
  },
});

export function healthRoutes(reader: IndexReader) {
  return newRouter().openapi(route, async (c) => {
    const meta = await reader.currentVersion();
    return c.json({ status: 'ok' as const, version: meta?.version ?? null }, 200);
  });
}
