import { describe, expect, it } from 'vitest';
import type { Level, PlaceRecord, VersionMeta } from '../indices/place-record.js';
import type { BlobStore, IndexStore } from '../store/index-store.js';
import { createApp } from './app.js';
import { IMMUTABLE_CACHE_CONTROL, pinnedVersionId } from './http-cache.js';
import { IndexReader } from './index-reader.js';

const meta = { version: 'ma-hei-1.0-20261123T000000Z-abcd', measures: { town: {}, zcta: {} } } as unknown as VersionMeta;
const store = { getCurrentVersion: async () => meta, getVersion: async () => meta, listPlaces: async (_v: string, _l: Level): Promise<PlaceRecord[]> => [] } as unknown as IndexStore;
const blobs: BlobStore = { put: async () => {}, get: async () => '{"type":"FeatureCollection","features":[]}' };
const app = createApp({ reader: new IndexReader(store, blobs) });

/** Cache-Control directives as a map: `max-age=60, public` → { 'max-age': '60', public: '' }. */
const directives = (header: string | null) => Object.fromEntries((header ?? '').split(',').map((d) => d.trim().split('=') as [string, string?]).map(([k, v]) => [k.toLowerCase(), v ?? '']));

describe('Cache-Control: caching as a feature (issue 17)', () => {
  it('lets caches serve current-version answers stale while revalidating and when the API fails', async () => {
    for (const path of ['/v1/places?level=town', '/v1/geometry/town']) {
      const res = await app.request(path);
      expect(res.status, path).toBe(200);
      const d = directives(res.headers.get('cache-control'));
      expect(d, path).toMatchObject({ public: '', 'stale-while-revalidate': '300', 'stale-if-error': '86400' });
      expect(Number(d['max-age']), path).toBeLessThanOrEqual(300); // the pointer may move: short freshness
    }
  });

  it('sends the same directives on a 304 revalidation, so the refreshed copy keeps them', async () => {
    const first = await app.request('/v1/places?level=town');
    const again = await app.request('/v1/places?level=town', { headers: { 'if-none-match': first.headers.get('etag')! } });
    expect(again.status).toBe(304);
    expect(again.headers.get('cache-control')).toBe(first.headers.get('cache-control'));
  });

  it('keeps pinned-version answers immutable for a year (test/api-research.e2e.test.ts sends them) and unversioned ones uncached', async () => {
    expect(directives(IMMUTABLE_CACHE_CONTROL)['max-age']).toBe('31536000');
    expect((await app.request('/v1/health')).headers.get('cache-control')).toBeNull();
  });
});

describe('pinned versions (issue 15)', () => {
  const current = { version: 'ma-hei-1.1-20261130T000000Z-cur0', status: 'complete', measures: { town: {}, zcta: {} } } as unknown as VersionMeta;
  const older = { ...current, version: 'ma-hei-1.0-20261123T000000Z-old0' } as VersionMeta;
  const byId = new Map([current, older].map((m) => [m.version, m]));
  const pinStore = { getCurrentVersion: async () => current, getVersion: async (id: string) => byId.get(id) ?? null, listPlaces: async () => [] } as unknown as IndexStore;
  const pinned = createApp({ reader: new IndexReader(pinStore, blobs) });

  it('reads the pinned id from ?version= or a /v1/versions/{id} path, the query first', () => {
    expect(pinnedVersionId('/v1/places', new URLSearchParams('level=town&version=v1'))).toBe('v1');
    expect(pinnedVersionId('/v1/versions/v2/download', new URLSearchParams(''))).toBe('v2');
    expect(pinnedVersionId('/v1/versions/v2', new URLSearchParams('version=v3'))).toBe('v3');
    expect(pinnedVersionId('/v1/versions', new URLSearchParams(''))).toBeNull();
    expect(pinnedVersionId('/v1/places', new URLSearchParams('level=town'))).toBeNull();
    expect(pinnedVersionId('/v1/versions/%E0%A4%A/download', new URLSearchParams(''))).toBe('%E0%A4%A'); // malformed escape: no throw
  });

  it('tags a pinned answer with the pinned version and makes it immutable, also where the route sets its own lifetime', async () => {
    for (const path of [`/v1/places?level=town&version=${older.version}`, `/v1/geometry/town?version=${older.version}`]) {
      const res = await pinned.request(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('etag'), path).toMatch(new RegExp(`^"${older.version}\\.`));
      expect(res.headers.get('cache-control'), path).toBe(IMMUTABLE_CACHE_CONTROL);
    }
    const unpinned = await pinned.request('/v1/places?level=town');
    expect(unpinned.headers.get('etag')).toMatch(new RegExp(`^"${current.version}\\.`));
    expect(unpinned.headers.get('cache-control')).not.toBe(IMMUTABLE_CACHE_CONTROL);
  });

  it('revalidates a pinned answer with a 304 but never answers 304 for an unknown id', async () => {
    const path = `/v1/places?level=town&version=${older.version}`;
    const first = await pinned.request(path);
    const again = await pinned.request(path, { headers: { 'if-none-match': first.headers.get('etag')! } });
    expect(again.status).toBe(304);
    expect(again.headers.get('cache-control')).toBe(IMMUTABLE_CACHE_CONTROL);
    for (const inm of ['*', '"nope.x"', first.headers.get('etag')!]) {
      const res = await pinned.request('/v1/places?level=town&version=nope', { headers: { 'if-none-match': inm } });
      expect(res.status, inm).toBe(404);
      expect(res.headers.get('etag'), inm).toBeNull();
    }
  });
});

describe('hostile pinned ids', () => {
  it('never asks the store about an id that cannot be a version', async () => {
    const asked: string[] = [];
    const current = { version: 'ma-hei-1.1-20261130T000000Z-cur0', status: 'complete', measures: { town: {}, zcta: {} } } as unknown as VersionMeta;
    const spyStore = { getCurrentVersion: async () => current, getVersion: async (id: string) => (asked.push(id), null), listPlaces: async () => [] } as unknown as IndexStore;
    const spied = createApp({ reader: new IndexReader(spyStore, blobs) });
    for (const bad of ['a,b', 'x'.repeat(101), '../etc', '%E0%A4%A']) {
      const res = await spied.request(`/v1/places?level=town&version=${encodeURIComponent(bad)}`);
      expect(res.status, bad).toBe(400);
    }
    expect((await spied.request(`/v1/versions/${encodeURIComponent('a,b')}/download`)).status).toBe(400);
    expect(asked).toEqual([]);
  });
});
