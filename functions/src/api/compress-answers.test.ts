import { Hono } from 'hono';
import { gunzipSync, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { apiCors } from './api-cors.js';
import { compressAnswers, selectEncoding } from './compress-answers.js';

const big = JSON.stringify({ items: Array.from({ length: 200 }, (_, i) => ({ id: i, name: `place ${i}` })) });

function app() {
  let builds = 0;
  const a = new Hono();
  a.use('*', compressAnswers());
  a.use('*', apiCors({ allowMethods: ['GET', 'POST'], exposeHeaders: ['ETag', 'X-Request-Id'] }));
  // Answers after the first differ, under the same strong ETag: a compressed body served later shows it was reused.
  a.get('/big', (c) => {
    builds++;
    return c.body(builds === 1 ? big : `${big} `, 200, { 'content-type': 'application/json', etag: '"v1.abc"' });
  });
  a.get('/small', (c) => c.json({ ok: true }));
  a.get('/live', (c) => c.body(big, 200, { 'content-type': 'application/json', etag: '"c-1"', 'cache-control': 'no-store' }));
  return { a, builds: () => builds };
}

describe('selectEncoding', () => {
  it('honours q-values and the wildcard, gzip first on a tie', () => {
    expect(selectEncoding(undefined)).toBeUndefined();
    expect(selectEncoding('br')).toBeUndefined();
    expect(selectEncoding('gzip, deflate, br')).toBe('gzip');
    expect(selectEncoding('deflate')).toBe('deflate');
    expect(selectEncoding('gzip;q=0.5, deflate')).toBe('deflate');
    expect(selectEncoding('gzip;q=0, *')).toBe('deflate');
    expect(selectEncoding('identity')).toBeUndefined();
  });
});

describe('compressAnswers', () => {
  it('adds Vary but sends the bytes as they are to a client that accepts no encoding', async () => {
    const res = await app().a.request('/big');
    expect(res.headers.get('content-encoding')).toBeNull();
    expect(res.headers.get('vary')).toBe('Accept-Encoding');
    expect(res.headers.get('etag')).toBe('"v1.abc"');
    expect(await res.text()).toBe(big);
  });

  it('gzips large answers with the weak form of the strong ETag, and compresses one tag once', async () => {
    const { a, builds } = app();
    const bodies: string[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await a.request('/big', { headers: { 'accept-encoding': 'gzip, deflate' } });
      expect(res.headers.get('content-encoding')).toBe('gzip');
      expect(res.headers.get('etag')).toBe('W/"v1.abc"');
      expect(res.headers.get('access-control-allow-origin')).toBe('*');
      const bytes = Buffer.from(await res.arrayBuffer());
      expect(res.headers.get('content-length') ?? String(bytes.length)).toBe(String(bytes.length));
      bodies.push(gunzipSync(bytes).toString());
    }
    expect(bodies).toEqual([big, big, big]);
    expect(builds()).toBe(3); // the route still runs (the ETag middleware answers 304s before it); its bytes were compressed once
    const deflated = await a.request('/big', { headers: { 'accept-encoding': 'deflate' } }); // another encoding: compressed anew
    expect(inflateSync(Buffer.from(await deflated.arrayBuffer())).toString()).toBe(`${big} `);
  });

  it('does not compress small answers', async () => {
    const res = await app().a.request('/small', { headers: { 'accept-encoding': 'gzip' } });
    expect(res.headers.get('content-encoding')).toBeNull();
    expect(await res.json()).toEqual({ ok: true });
  });

  it('compresses no-store answers without keeping them', async () => {
    const res = await app().a.request('/live', { headers: { 'accept-encoding': 'gzip' } });
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await res.arrayBuffer())).toString()).toBe(big);
  });

  it('leaves HEAD answers alone', async () => {
    const res = await app().a.request('/big', { method: 'HEAD', headers: { 'accept-encoding': 'gzip' } });
    expect(res.headers.get('content-encoding')).toBeNull();
  });
});

describe('apiCors', () => {
  it('answers preflights and puts the CORS headers on every other answer, errors included', async () => {
    const { a } = app();
    const pre = await a.request('/big', { method: 'OPTIONS', headers: { origin: 'http://x.example', 'access-control-request-method': 'GET' } });
    expect(pre.status).toBe(204);
    // Another origin is offered the read methods only (writes: the site's origin, cors-policy.test.ts).
    expect(pre.headers.get('access-control-allow-methods')).toBe('GET');
    const missing = await a.request('/nothing', { headers: { origin: 'http://x.example' } });
    expect(missing.status).toBe(404);
    expect(missing.headers.get('access-control-allow-origin')).toBe('*');
    expect(missing.headers.get('access-control-expose-headers')).toBe('ETag,X-Request-Id');
  });
});
