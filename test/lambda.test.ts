import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Context } from 'aws-lambda';
import { publishedStore } from './support/published-store.js';
import { httpApiGetEvent } from './support/api-gateway-event.js';

// The Lambda entry point, invoked with API Gateway HTTP API v2 events, against the same local store.
let ctx: Awaited<ReturnType<typeof publishedStore>>;
let lambda: typeof import('../functions/src/api/lambda.js');

beforeAll(async () => {
  ctx = await publishedStore();
  // The handler module reads its configuration at import, as it does in a Lambda container.
  Object.assign(process.env, { DYNAMODB_ENDPOINT: ctx.endpoint, TABLE_NAME: ctx.tableName, BLOB_DIR: ctx.blobDir });
  lambda = await import('../functions/src/api/lambda.js');
});
afterAll(() => ctx?.cleanup());

const invoke = (path: string) => lambda.handler(httpApiGetEvent(path), {} as Context) as Promise<{ statusCode: number; headers: Record<string, string>; body: string }>;

describe('Lambda handler (API Gateway HTTP API v2)', () => {
  it('lists 351 towns including Boston', async () => {
    const res = await invoke('/v1/places?level=town');
    expect(res.statusCode).toBe(200);
    const body = JSON.parse(res.body) as { version: string; items: { id: string; name: string }[] };
    expect(body.version).toBe(ctx.result.version);
    expect(body.items).toHaveLength(351);
    expect(body.items.find((p) => p.id === '2502507000')?.name).toBe('Boston');
  });

  it('answers like the Node server for one place, health and a bad level', async () => {
    const direct = (path: string) => lambda.app.request(path);
    for (const path of ['/v1/places/town/2502507000', '/v1/health', '/v1/places?level=nope']) {
      const [viaLambda, viaApp] = [await invoke(path), await direct(path)];
      expect(viaLambda.statusCode).toBe(viaApp.status);
      expect(JSON.parse(viaLambda.body)).toEqual(await viaApp.json());
    }
    const bad = await invoke('/v1/places?level=nope');
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toBe('application/problem+json');
  });
});
