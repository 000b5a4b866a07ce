import { describe, expect, it } from 'vitest';
import { fetchPlaceHistory, rankChangeText, type PlaceHistory, type PlaceHistoryEntry } from './rank-change';

// Synthetic history shaped like GET /v1/places/town/{id}/history (invented values), newest first.
const entry = (version: string, rank: number | null, over: Partial<PlaceHistoryEntry> = {}): PlaceHistoryEntry => ({
  version, method: 'ma-hei-1.1', createdAt: '2026-01-01T00:00:00.000Z', asOf: null, current: false, present: true, name: 'Synthton',
  score: 0.5, percentile: 50, percentileInterval: null, rank, rankInterval: null, ranked: rank !== null, noDataReason: null, domains: null, ...over,
});
const history = (...items: PlaceHistoryEntry[]): PlaceHistory => ({ level: 'town', id: 'T1', current: items[0]?.version ?? null, items });

describe('rankChangeText', () => {
  it('names the rank in the version just before the one shown', () => {
    expect(rankChangeText(history(entry('v3', 18), entry('v2', 22), entry('v1', 40)), 'v3', 18)).toBe('(was 22 in the previous version)');
    expect(rankChangeText(history(entry('v3', 18), entry('v2', 22), entry('v1', 40)), 'v2', 22)).toBe('(was 40 in the previous version)');
    expect(rankChangeText(history(entry('v2', 18), entry('v1', 18)), 'v2', 18)).toBe('(also 18 in the previous version)');
  });

  it('names the previous method when it differs', () => {
    expect(rankChangeText(history(entry('v2', 18), entry('v1', 22, { method: 'ma-hei-1.0' })), 'v2', 18)).toBe('(was 22 in the previous version, method ma-hei-1.0)');
  });

  it('says "new" for a place absent from the previous version, and nothing it cannot back', () => {
    expect(rankChangeText(history(entry('v2', 18), entry('v1', null, { present: false })), 'v2', 18)).toBe('(new in this version)');
    expect(rankChangeText(history(entry('v2', 18), entry('v1', null, { ranked: false })), 'v2', 18)).toBeNull(); // not ranked then
    expect(rankChangeText(history(entry('v1', 18)), 'v1', 18)).toBeNull(); // first version
    expect(rankChangeText(history(entry('v2', 18), entry('v1', 22)), 'v9', 18)).toBeNull(); // profile of a version the history lacks
    expect(rankChangeText(history(entry('v2', null), entry('v1', 22)), 'v2', null)).toBeNull(); // not ranked now
    expect(rankChangeText(null, 'v2', 18)).toBeNull();
  });
});

describe('fetchPlaceHistory', () => {
  it('asks the history route of the place and throws the status on a problem', async () => {
    const asked: string[] = [];
    const ok = (async (url: string) => (asked.push(url), new Response(JSON.stringify(history(entry('v1', 3))), { status: 200 }))) as typeof fetch;
    expect((await fetchPlaceHistory('zcta', '01247', ok)).items[0]!.rank).toBe(3);
    expect(asked).toEqual(['/v1/places/zcta/01247/history']);
    const missing = (async () => new Response('{}', { status: 404 })) as unknown as typeof fetch;
    await expect(fetchPlaceHistory('town', 'x', missing)).rejects.toMatchObject({ status: 404 });
  });
});
