import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../functions/src/api/app.js';
import { IndexReader } from '../functions/src/api/index-reader.js';
import { serveLocal } from '../functions/src/api/local-server.js';
import { publishedStore } from './support/published-store.js';

// End to end: real sources → pipeline → DynamoDB Local → Hono on Node → HTTP on a free port.
let ctx: Awaited<ReturnType<typeof publishedStore>>;
let server: Awaited<ReturnType<typeof serveLocal>>;

beforeAll(async () => {
  ctx = await publishedStore();
  server = await serveLocal({ app: createApp({ reader: new IndexReader(ctx.store, ctx.blobs) }), port: 0 });
});
afterAll(async () => {
  await server?.close();
  ctx?.cleanup();
});

const get = (path: string, init?: RequestInit) => fetch(`${server.url}${path}`, init);

describe('HTTP API over the local store', () => {
  it('reports health with the published version', async () => {
    const res = await get('/v1/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', version: ctx.result.version });
  });

  it('lists all 351 towns including Boston', async () => {
    const res = await get('/v1/places?level=town');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { version: string; level: string; items: { id: string; name: string; score: number | null; percentile: number | null }[] };
    expect(body.version).toBe(ctx.result.version);
    expect(body.level).toBe('town');
    expect(body.items).toHaveLength(351);
    const boston = body.items.find((p) => p.id === '2502507000');
    expect(boston?.name).toBe('Boston');
    expect(boston?.percentile).toBeGreaterThan(80); // most Boston residents live in EJ block groups
    expect(boston?.score).toBeGreaterThan(50);
  });

  it('lists all 537 ZCTAs', async () => {
    const body = (await (await get('/v1/places?level=zcta')).json()) as { items: unknown[]; measure: { id: string } };
    expect(body.items).toHaveLength(537);
    expect(body.measure.id).toBe('obesity_prevalence');
  });

  it('returns one place with its details', async () => {
    const body = (await (await get('/v1/places/zcta/01001')).json()) as { place: { score: number; details: { ci95: number[] } } };
    expect(body.place.score).toBe(27.9); // PLACES 2022, ZCTA 01001 obesity crude prevalence
    expect(body.place.details.ci95).toEqual([27.1, 28.7]);
  });

  it('answers a bad level with a 400 problem naming the field', async () => {
    const res = await get('/v1/places?level=county');
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    const problem = (await res.json()) as { status: number; errors: { path: string }[]; detail: string };
    expect(problem.status).toBe(400);
    expect(problem.errors[0]!.path).toBe('level');
  });

  it('answers an unknown id and an unknown route with 404 problems', async () => {
    const res = await get('/v1/places/town/2599999999');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(((await res.json()) as { detail: string }).detail).toMatch(/No town with id "2599999999"/);
    const route = await get('/v1/nothing-here');
    expect(route.status).toBe(404);
    expect(route.headers.get('content-type')).toBe('application/problem+json');
  });

  it('serves map geometry gzip-compressed with one feature per place', async () => {
    const res = await get('/v1/geometry/town', { headers: { 'accept-encoding': 'gzip' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('gzip');
    const geo = (await res.json()) as { features: { id: string }[]; bbox: number[] };
    expect(geo.features).toHaveLength(351);
    expect(geo.bbox[0]).toBeCloseTo(-73.5, 1);
  });

  it('documents its routes in OpenAPI 3.1', async () => {
    const doc = (await (await get('/v1/openapi.json')).json()) as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/v1/health', '/v1/places', '/v1/places/{level}/{id}', '/v1/geometry/{level}']));
  });
});
