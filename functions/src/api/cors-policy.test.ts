import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { apiCors } from './api-cors.js';
import { CORS_ALLOW_HEADERS, CORS_ALLOW_METHODS, CORS_EXPOSE_HEADERS, corsAllowOrigin } from './cors-policy.js';

// Issue 17, item 9: reads stay open to every origin; write methods only from the site's own origin.
const SITE = 'https://d111111abcdef8.cloudfront.net';
const EVIL = 'https://evil.example';

describe('corsAllowOrigin', () => {
  const allow = (origin: string, method: string, path = '/v1/investments') => corsAllowOrigin({ origin, method, path }, [SITE]);

  it('opens reads and the public compute POST to any origin', () => {
    for (const method of ['GET', 'HEAD', 'OPTIONS']) expect(allow(EVIL, method, '/v1/places/town'), method).toBe('*');
    expect(allow(EVIL, 'POST', '/v1/indices/custom')).toBe('*');
  });

  it('allows write methods only from the site origin (echoed, never *)', () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      expect(allow(EVIL, method), method).toBeNull();
      expect(allow('null', method), method).toBeNull();
      expect(allow(SITE, method), method).toBe(SITE);
    }
    // Without a configured site (local server: same origin), no cross-origin write at all.
    expect(corsAllowOrigin({ origin: SITE, method: 'PUT', path: '/v1/investments/x' }, [])).toBeNull();
  });
});

describe('apiCors', () => {
  const app = () => {
    const a = new Hono();
    a.use('/v1/*', apiCors({ allowMethods: [...CORS_ALLOW_METHODS], allowHeaders: [...CORS_ALLOW_HEADERS], exposeHeaders: [...CORS_EXPOSE_HEADERS], siteOrigins: [SITE] }));
    a.all('/v1/*', (c) => c.json({ ok: true }));
    return a;
  };
  const preflight = (origin: string, method: string, path = '/v1/investments') =>
    app().request(path, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': method, 'access-control-request-headers': 'authorization,content-type' } });

  it('refuses a write preflight from another origin (no Allow-Origin, so the browser blocks it)', async () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      const res = await preflight(EVIL, method);
      expect(res.status, method).toBe(204);
      expect(res.headers.get('access-control-allow-origin'), method).toBeNull();
    }
  });

  it('answers a write preflight from the site with its origin, every method, the write headers and Vary: Origin', async () => {
    const res = await preflight(SITE, 'PUT', '/v1/investments/abc');
    expect(res.headers.get('access-control-allow-origin')).toBe(SITE);
    expect(res.headers.get('access-control-allow-methods')).toBe(CORS_ALLOW_METHODS.join(','));
    expect(res.headers.get('access-control-allow-headers')).toBe(CORS_ALLOW_HEADERS.join(','));
    expect(res.headers.get('vary')).toMatch(/origin/i);
  });

  it('keeps reads and the public compute POST open to every origin', async () => {
    const pre = await preflight(EVIL, 'POST', '/v1/indices/custom');
    expect(pre.headers.get('access-control-allow-origin')).toBe('*');
    expect(pre.headers.get('access-control-allow-methods')).toBe('GET,HEAD,POST,OPTIONS');
    const read = await app().request('/v1/places/town', { headers: { origin: EVIL } });
    expect(read.headers.get('access-control-allow-origin')).toBe('*');
    expect(read.headers.get('access-control-expose-headers')).toBe(CORS_EXPOSE_HEADERS.join(','));
  });

  it('gives a write answer an Allow-Origin only for the site', async () => {
    const evil = await app().request('/v1/investments', { method: 'POST', headers: { origin: EVIL } });
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
    const site = await app().request('/v1/investments', { method: 'POST', headers: { origin: SITE } });
    expect(site.headers.get('access-control-allow-origin')).toBe(SITE);
    expect(site.headers.get('vary')).toMatch(/origin/i);
  });
});
