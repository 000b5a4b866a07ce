import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Context } from 'aws-lambda';
import { publishedStore } from './support/published-store.js';
import { httpApiGetEvent } from './support/api-gateway-event.js';

// The Lambda entry point, invoked with API Gateway HTTP API v2 events, against the same local store.
let ctx: Awaited<ReturnType<typeof publishedStore>>;
let lambda: typeof import('../functions/src/api/lambda.js');
// The handler writes one JSON log line per request: captured here (and asserted below) instead of filling the test output.
const log = vi.spyOn(console, 'log').mockImplementation(() => {});

beforeAll(async () => {
  ctx = await publishedStore();
  // The handler module reads its configuration at import, as it does in a Lambda container.
  // DynamoDB Local keeps one database per access key (no -sharedDb): the handler must use the test store's credential.
  Object.assign(process.env, { DYNAMODB_ENDPOINT: ctx.endpoint, TABLE_NAME: ctx.tableName, BLOB_DIR: ctx.blobDir, AWS_ACCESS_KEY_ID: ctx.credentials.accessKeyId, AWS_SECRET_ACCESS_KEY: ctx.credentials.secretAccessKey });
  lambda = await import('../functions/src/api/lambda.js');
});
afterAll(() => {
  log.mockRestore();
  ctx?.cleanup();
});

const EXECUTE_API_HOST = 'abc123.execute-api.us-east-1.amazonaws.com';
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

  it('answers like the Node app for the researcher routes (status, content type, body) and logs one JSON line per request', async () => {
    {
      for (const path of [
        '/v1/places?level=zcta&sort=rank&limit=25&flagged=true',
        '/v1/places?level=town&county=Hampden&format=csv',
        '/v1/search?q=01001',
        '/v1/lookup?lon=-71.0637&lat=42.3588',
        '/v1/lookup?lon=-73.9857&lat=40.7484',
        '/v1/versions',
        `/v1/versions/${ctx.result.version}`,
        `/v1/versions/${ctx.result.version}/download?level=town&format=csv`,
        '/v1/methods',
        '/v1/layers/zcta',
      ]) {
        // Same origin as the Lambda event's, so origin-bearing fields (the citation's URL) compare equal.
        const [viaLambda, viaApp] = [await invoke(path), await lambda.app.request(`https://${EXECUTE_API_HOST}${path}`, { headers: { accept: 'application/json' } })];
        expect(viaLambda.statusCode, path).toBe(viaApp.status);
        expect(viaLambda.headers['content-type'], path).toBe(viaApp.headers.get('content-type'));
        expect(viaLambda.headers.etag, path).toBe(viaApp.headers.get('etag') ?? undefined);
        const text = await viaApp.text();
        if (viaApp.headers.get('content-type')!.includes('json')) expect(JSON.parse(viaLambda.body), path).toEqual(JSON.parse(text));
        else expect(viaLambda.body, path).toBe(text);
      }
      const res = await invoke('/v1/health');
      expect(res.headers['x-request-id']).toBe('test-request-id'); // API Gateway's request id
      const lines = log.mock.calls.map(([line]) => JSON.parse(String(line)) as Record<string, unknown>);
      expect(lines.at(-1)).toMatchObject({ level: 'info', message: 'request', requestId: 'test-request-id', method: 'GET', path: '/v1/health', status: 200, coldStart: false });
      expect(typeof lines.at(-1)!.ms).toBe('number');
    }
  });
  it('answers the full-resolution town outlines gzipped under Lambda\'s 6 MB, and a 413 problem saying how to ask when the client takes no gzip', async () => {
    const path = `/v1/versions/${ctx.result.version}/download?level=town&format=geojson&geometry=full`;
    const plain = (await lambda.handler(httpApiGetEvent(path, { accept: 'application/geo+json' }), {} as Context)) as { statusCode: number; headers: Record<string, string>; body: string };
    const gzipped = (await lambda.handler(httpApiGetEvent(path, { accept: 'application/geo+json', 'accept-encoding': 'gzip' }), {} as Context)) as { statusCode: number; body: string; isBase64Encoded: boolean };
    // The same answer from the app itself is over the limit uncompressed: that is what the guard is for.
    const direct = await lambda.app.request(path, { headers: { accept: 'application/geo+json' } });
    expect((await direct.arrayBuffer()).byteLength).toBeGreaterThan(6 * 1024 * 1024);
    expect(plain.statusCode).toBe(413);
    expect(plain.headers['content-type']).toBe('application/problem+json');
    expect(JSON.parse(plain.body).detail).toMatch(/Accept-Encoding: gzip/);
    expect(gzipped.statusCode).toBe(200);
    expect(gzipped.isBase64Encoded).toBe(true);
    expect(Buffer.byteLength(JSON.stringify(gzipped))).toBeLessThan(6 * 1024 * 1024);
  });
});
