import { describe, expect, it } from 'vitest';
import type { Level, PlaceRecord, VersionMeta } from '../indices/place-record.js';
import type { BlobStore, IndexStore } from '../store/index-store.js';
import { createApp } from './app.js';
import { IndexReader } from './index-reader.js';

const down = () => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:8000 (secret-host)'));
/** A store whose every call fails, as when DynamoDB does not answer. */
const downStore = new Proxy({}, { get: () => down }) as unknown as IndexStore;
const noBlobs: BlobStore = { put: async () => {}, get: async () => null };

const meta = { version: 'ma-hei-1.0-20261123T000000Z-abcd', measures: { town: {}, zcta: {} } } as unknown as VersionMeta;
/** A store with one version and no places (route-level behaviour only; data paths are covered in test/). */
const tinyStore = { getCurrentVersion: async () => meta, getVersion: async () => meta, listPlaces: async (_v: string, _l: Level): Promise<PlaceRecord[]> => [] } as unknown as IndexStore;

const json = async (res: Response) => JSON.parse(await res.text()) as Record<string, unknown>;

describe('HTTP behaviour', () => {
  it('answers 503 store-unavailable with Retry-After when the store is down, without leaking the cause', async () => {
    const logged: unknown[] = [];
    const app = createApp({ reader: new IndexReader(downStore, noBlobs), logError: (e) => logged.push(e) });
    for (const path of ['/v1/places?level=town', '/v1/places/town/2502507000', '/v1/methods']) {
      const res = await app.request(path);
      expect(res.status).toBe(503);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      expect(res.headers.get('retry-after')).toBe('5');
      const body = await json(res);
      expect(body.type).toBe('/problems/store-unavailable');
      expect(JSON.stringify(body)).not.toMatch(/ECONNREFUSED|secret-host|at .*\.ts/);
    }
    expect(logged.length).toBeGreaterThan(0); // the cause goes to the log instead
  });

  it('answers an unexpected error with a generic 500 carrying the request id, never a stack trace', async () => {
    class Broken extends IndexReader {
      override async listPlaces(): Promise<PlaceRecord[]> {
        throw new TypeError("Cannot read properties of undefined (reading 'x')");
      }
    }
    const app = createApp({ reader: new Broken(tinyStore, noBlobs), logError: () => {} });
    const res = await app.request('/v1/places?level=town');
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).not.toMatch(/Cannot read|TypeError|\.ts:\d+/);
    expect(text).toContain(res.headers.get('x-request-id')!);
  });

  it('answers a known path with a wrong method 405 with Allow, and an unknown path 404', async () => {
    const app = createApp({ reader: new IndexReader(tinyStore, noBlobs) });
    const res = await app.request('/v1/places?level=town', { method: 'DELETE' });
    expect(res.status).toBe(405);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(res.headers.get('allow')).toBe('GET, HEAD');
    expect((await json(res)).type).toBe('/problems/method-not-allowed');
    const get = await app.request('/v1/indices/custom');
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    expect((await app.request('/v1/places/town/x/y', { method: 'DELETE' })).status).toBe(404);
  });

  it('rate-limits per client with a token bucket: 429 problem with Retry-After once the burst is spent', async () => {
    let t = 0;
    const app = createApp({ reader: new IndexReader(tinyStore, noBlobs), rateLimit: { perSecond: 2, burst: 3, key: (c) => c.req.header('x-client') ?? '?', now: () => t } });
    const hit = (client: string) => app.request('/v1/health', { headers: { 'x-client': client } });
    for (let i = 0; i < 3; i++) expect((await hit('a')).status).toBe(200);
    const limited = await hit('a');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('content-type')).toBe('application/problem+json');
    expect(limited.headers.get('retry-after')).toBe('1');
    expect((await json(limited)).type).toBe('/problems/too-many-requests');
    expect((await hit('b')).status).toBe(200); // another client has its own bucket
    t += 500; // one token back at 2/s
    expect((await hit('a')).status).toBe(200);
    expect((await hit('a')).status).toBe(429);
  });

  it('tags GETs with a strong ETag per version and answers If-None-Match with 304', async () => {
    const app = createApp({ reader: new IndexReader(tinyStore, noBlobs) });
    const first = await app.request('/v1/places?level=town');
    expect(first.status).toBe(200);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"ma-hei-1\.0-20261123T000000Z-abcd\.[0-9a-z]+"$/);
    expect(first.headers.get('cache-control')).toBe('public, max-age=60, stale-while-revalidate=300, stale-if-error=86400');
    const again = await app.request('/v1/places?level=town', { headers: { 'if-none-match': etag, origin: 'https://example.org' } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    // A cross-origin revalidation can read its 304 (CORS runs outside the ETag middleware).
    expect(again.headers.get('access-control-allow-origin')).toBe('*');
    expect(again.headers.get('access-control-expose-headers')).toMatch(/etag/i);
    expect((await app.request('/v1/places?level=town', { headers: { 'if-none-match': `W/${etag}` } })).status).toBe(304);
    const other = await app.request('/v1/places?level=zcta', { headers: { 'if-none-match': etag } });
    expect(other.status).toBe(200);
    expect(other.headers.get('etag')).not.toBe(etag);
    expect((await app.request('/v1/health')).headers.get('etag')).toBeNull();
  });
});
