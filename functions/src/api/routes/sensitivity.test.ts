import { describe, expect, it } from 'vitest';
import type { PlaceRecord, VersionMeta } from '../../indices/place-record.js';
import type { PublishedSensitivity } from '../../indices/sensitivity.js';
import { sensitivityKey, type BlobStore, type IndexStore } from '../../store/index-store.js';
import { createApp } from '../app.js';
import { IndexReader } from '../index-reader.js';

// Route behaviour over an in-memory store (synthetic-two-towns); the real pipeline's answers are checked in test/.
const version = 'ma-hei-1.1-20261130T000000Z-abcd';
const meta = (methodId: string) => ({ version, method: { id: methodId }, measures: { town: {}, zcta: {} } }) as unknown as VersionMeta;
const places = [{ id: 'T2', name: 'Two' }, { id: 'T1', name: 'One' }] as PlaceRecord[];
const store = (methodId: string) => ({ getCurrentVersion: async () => meta(methodId), getVersion: async () => meta(methodId), listPlaces: async () => places }) as unknown as IndexStore;

const published: PublishedSensitivity = {
  version, level: 'town', method: 'ma-hei-1.1', draws: 500, seed: 20261130, topDecileDenominator: 503,
  scenarios: [
    { id: 'baseline', kind: 'baseline', label: 'Method weights' },
    { id: 'without-domain:social_drivers', kind: 'leave-domain-out', label: 'Without social drivers' },
    { id: 'without-indicator:obesity', kind: 'leave-indicator-out', label: 'Without obesity' },
    { id: 'random-weights', kind: 'random-weights', label: '500 draws' },
  ],
  items: [
    { id: 'T2', rank: 1, rankMin: 1, rankMax: 2, rankP05: 1, rankP95: 2, medianRank: 1, topDecileShare: 0.7157, ranksByScenario: [1, 2, 1] },
    { id: 'T1', rank: 2, rankMin: 1, rankMax: 2, rankP05: 1, rankP95: 2, medianRank: 2, topDecileShare: 0.2843, ranksByScenario: [2, 1, 2] },
  ],
};
const blobs = (present: boolean): BlobStore => ({ put: async () => {}, get: async (key) => (present && key === sensitivityKey(version, 'town') ? JSON.stringify(published) : null) });

describe('GET /v1/sensitivity', () => {
  it('serves the published analysis with place names, in id order, without store-only fields', async () => {
    const app = createApp({ reader: new IndexReader(store('ma-hei-1.1'), blobs(true)) });
    const res = await app.request('/v1/sensitivity?level=town');
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown> & { items: { id: string; name: string }[] };
    expect(Object.keys(body)).toEqual(['version', 'level', 'method', 'draws', 'seed', 'scenarios', 'items']);
    expect(body.items.map((p) => [p.id, p.name])).toEqual([['T1', 'One'], ['T2', 'Two']]);
    expect(body.items[0]).toEqual({ id: 'T1', name: 'One', rank: 2, rankMin: 1, rankMax: 2, rankP05: 1, rankP95: 2, medianRank: 2, topDecileShare: 0.2843, ranksByScenario: [2, 1, 2] });
  });

  it('gives CSV one column per leave-one-out scenario, by ?format or Accept', async () => {
    const app = createApp({ reader: new IndexReader(store('ma-hei-1.1'), blobs(true)) });
    for (const res of [await app.request('/v1/sensitivity?level=town&format=csv'), await app.request('/v1/sensitivity?level=town', { headers: { accept: 'text/csv' } })]) {
      expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
      expect((await res.text()).trim().split('\n')).toEqual([
        'id,name,rank,rank_min,rank_max,rank_p05,rank_p95,median_rank,top_decile_share,rank_without_domain_social_drivers,rank_without_indicator_obesity',
        'T1,One,2,1,2,1,2,2,0.2843,1,2',
        'T2,Two,1,1,2,1,2,1,0.7157,2,1',
      ]);
    }
  });

  it('answers a version without an analysis with a 404 problem saying it predates method 1.1', async () => {
    const app = createApp({ reader: new IndexReader(store('ma-hei-1.0'), blobs(false)) });
    const res = await app.request('/v1/sensitivity?level=zcta');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(((await res.json()) as { detail: string }).detail).toMatch(/method ma-hei-1\.0\) has no rank-sensitivity analysis: it is computed from method ma-hei-1\.1 on, and this version predates it/);
  });

  it('answers a bad level with a 400 problem naming the field', async () => {
    const app = createApp({ reader: new IndexReader(store('ma-hei-1.1'), blobs(true)) });
    const res = await app.request('/v1/sensitivity?level=county');
    expect(res.status).toBe(400);
    expect(((await res.json()) as { errors: { path: string }[] }).errors[0]!.path).toBe('level');
  });
});
