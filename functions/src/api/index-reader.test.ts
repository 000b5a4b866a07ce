import { describe, expect, it } from 'vitest';
import type { Level, PlaceRecord, VersionMeta } from '../indices/place-record.js';
import { crosswalkKey, geometryKey, priorityGeographiesKey, sensitivityKey, zipTableKey, type BlobStore, type IndexStore } from '../store/index-store.js';
import { blobKeyVersion, CACHED_VERSIONS, IndexReader } from './index-reader.js';

/** A store of synthetic versions that counts what it is asked for. */
function countingStores(current: string) {
  const asked: string[] = [];
  const store = {
    getCurrentVersion: async () => ({ version: current, status: 'complete' }) as unknown as VersionMeta,
    listPlaces: async (version: string, level: Level) => {
      asked.push(`places ${version}`);
      return [{ id: `${version}-${level}-1`, level } as unknown as PlaceRecord];
    },
  } as unknown as IndexStore;
  const blobs: BlobStore = {
    put: async () => {},
    get: async (key) => (asked.push(`blob ${key}`), `{"key":"${key}"}`),
  };
  return { store, blobs, asked };
}

describe('IndexReader per-version caches', () => {
  it('reads each version once while it stays among the most recently used, and evicts the least recently used', async () => {
    const { store, blobs, asked } = countingStores('v4');
    const reader = new IndexReader(store, blobs);
    await reader.currentVersion();
    for (const v of ['v1', 'v2', 'v3']) await reader.listPlaces(v, 'town');
    await reader.listPlaces('v1', 'town'); // cached; v1 is now the most recently used
    expect(asked).toEqual(['places v1', 'places v2', 'places v3']);
    await reader.listPlaces('v4', 'town'); // a fourth version: v2 (least recently used) goes
    expect(reader.cachedVersions()).toEqual(['v3', 'v1', 'v4']);
    await reader.listPlaces('v2', 'town');
    expect(asked.filter((a) => a === 'places v2')).toHaveLength(2);
    expect(reader.cachedVersions()).toHaveLength(CACHED_VERSIONS);
  });

  it('never evicts the current version, and drops a version’s blobs with its places', async () => {
    const { store, blobs, asked } = countingStores('v1');
    const reader = new IndexReader(store, blobs, { maxVersions: 2 });
    await reader.currentVersion();
    await reader.listPlaces('v1', 'town');
    await reader.geometryJson('v1', 'town');
    await reader.geometryJson('v2', 'town');
    await reader.blob(crosswalkKey('v3', 'area')); // v1 is the least recently used, but current: v2 goes
    expect(reader.cachedVersions()).toEqual(['v1', 'v3']);
    await reader.listPlaces('v1', 'town');
    await reader.geometryJson('v1', 'town');
    await reader.geometryJson('v2', 'town');
    expect(asked).toEqual(['places v1', `blob ${geometryKey('v1', 'town')}`, `blob ${geometryKey('v2', 'town')}`, `blob ${crosswalkKey('v3', 'area')}`, `blob ${geometryKey('v2', 'town')}`]);
  });

  it('keeps memory flat over many versions', async () => {
    const { store, blobs } = countingStores('v0');
    const reader = new IndexReader(store, blobs);
    for (let i = 0; i < 50; i++) {
      await reader.listPlaces(`v${i}`, 'zcta');
      await reader.geometryJson(`v${i}`, 'zcta');
    }
    expect(reader.cachedVersions()).toHaveLength(CACHED_VERSIONS);
  });

  it('finds the version in every kind of blob key, dots in the id included', () => {
    const v = 'ma-hei-1.0-20261123T034501Z-1a2b';
    for (const key of [geometryKey(v, 'town'), crosswalkKey(v, 'population'), priorityGeographiesKey(v), zipTableKey(v), sensitivityKey(v, 'zcta')]) {
      expect({ key, version: blobKeyVersion(key) }).toEqual({ key, version: v });
    }
  });
});
