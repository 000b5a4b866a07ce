import { describe, expect, it } from 'vitest';
import type { Level, PlaceRecord, VersionMeta } from '../indices/place-record.js';
import type { BlobStore, IndexStore } from '../store/index-store.js';
import { IndexReader } from './index-reader.js';

/** A store that counts whole-level reads and single-item reads separately. */
function stores() {
  const asked: string[] = [];
  const store = {
    getCurrentVersion: async () => ({ version: 'v9', status: 'complete' }) as unknown as VersionMeta,
    listPlaces: async (version: string, level: Level) => (asked.push(`level ${version}`), [{ id: 'a', level, name: `a in ${version}` } as unknown as PlaceRecord]),
    getPlace: async (version: string, level: Level, id: string) => (asked.push(`item ${version} ${id}`), id === 'a' ? ({ id, level, name: `a in ${version}` } as unknown as PlaceRecord) : null),
  } as unknown as IndexStore;
  const blobs: BlobStore = { put: async () => {}, get: async () => null };
  return { store, blobs, asked };
}

describe('IndexReader.peekPlace', () => {
  it('reads one item per version without loading or caching whole levels', async () => {
    const { store, blobs, asked } = stores();
    const reader = new IndexReader(store, blobs);
    for (const v of ['v1', 'v2', 'v3', 'v4', 'v5']) expect((await reader.peekPlace(v, 'town', 'a'))?.name).toBe(`a in ${v}`);
    expect(await reader.peekPlace('v1', 'town', 'missing')).toBeNull();
    expect(asked.filter((a) => a.startsWith('level'))).toEqual([]);
    expect(reader.cachedVersions()).toEqual([]);
  });

  it('answers from a level already in memory and leaves the LRU order as it was', async () => {
    const { store, blobs, asked } = stores();
    const reader = new IndexReader(store, blobs);
    await reader.listPlaces('v1', 'town');
    await reader.listPlaces('v2', 'town');
    expect((await reader.peekPlace('v1', 'town', 'a'))?.name).toBe('a in v1');
    expect(asked).toEqual(['level v1', 'level v2']);
    expect(reader.cachedVersions()).toEqual(['v1', 'v2']);
  });
});
