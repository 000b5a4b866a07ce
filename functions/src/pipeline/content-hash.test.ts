import { describe, expect, it } from 'vitest';
import type { PlaceRecord, VersionMeta } from '../indices/place-record.js';
import type { BlobStore } from '../store/index-store.js';
import { outputContentSha256, recordingBlobStore, type VersionOutputs } from './content-hash.js';

// Synthetic outputs: two places and one blob that names its version, as sensitivity blobs do.
function outputs(version: string, overrides: { percentile?: number; createdAt?: string; keyOrder?: 'reversed'; placeOrder?: 'reversed'; label?: string } = {}): VersionOutputs {
  const place = (id: string, percentile: number): PlaceRecord =>
    ({ level: 'town', id, name: `Town ${id}`, score: 0.5, percentile, rank: 1, noDataReason: null, flagCount: 0, domains: {}, indicators: { lbw: { value: 7.1, se: 0.4, percentile: 0.6, flagged: false } } }) as unknown as PlaceRecord;
  const places = [place('2500100000', overrides.percentile ?? 42.5), place('2500200000', 10)];
  const base = { version, createdAt: overrides.createdAt ?? '2026-11-23T03:45:01Z', status: 'complete', counts: { town: 2, zcta: 0 }, method: { id: 'ma-hei-1.1', label: overrides.label ?? 'HEI' }, timings: { load: Math.random() } };
  const meta = (overrides.keyOrder === 'reversed' ? Object.fromEntries(Object.entries(base).reverse()) : base) as unknown as VersionMeta;
  const { blobs, blobSha256 } = recordingBlobStore<BlobStore>({ put: async () => {}, get: async () => null }, version);
  void blobs.put(`sensitivity/${version}/town.json`, JSON.stringify({ version, items: [1, 2] }), 'application/json');
  return { meta, places: overrides.placeOrder === 'reversed' ? [...places].reverse() : places, blobSha256 };
}

describe('outputContentSha256', () => {
  const reference = outputContentSha256(outputs('ma-hei-1.1-20261123T034501Z-1a2b'));

  it('is a sha256 that ignores the run: version id, date, timings, key and place order', () => {
    expect(reference).toMatch(/^[0-9a-f]{64}$/);
    expect(outputContentSha256(outputs('ma-hei-1.1-20261124T101010Z-9f9f', { createdAt: '2026-11-24T10:10:10Z' }))).toBe(reference);
    expect(outputContentSha256(outputs('ma-hei-1.1-20261123T034501Z-1a2b', { keyOrder: 'reversed', placeOrder: 'reversed' }))).toBe(reference);
  });

  it('changes when any published output changes: a place value, the version record, a blob', () => {
    expect(outputContentSha256(outputs('ma-hei-1.1-20261123T034501Z-1a2b', { percentile: 42.6 }))).not.toBe(reference);
    expect(outputContentSha256(outputs('ma-hei-1.1-20261123T034501Z-1a2b', { label: 'HEI 2' }))).not.toBe(reference);
    const changedBlob = outputs('ma-hei-1.1-20261123T034501Z-1a2b');
    const key = Object.keys(changedBlob.blobSha256)[0]!;
    expect(outputContentSha256({ ...changedBlob, blobSha256: { [key]: 'f'.repeat(64) } })).not.toBe(reference);
    expect(outputContentSha256({ ...changedBlob, blobSha256: { ...changedBlob.blobSha256, 'geometry/{version}/town.geojson': 'f'.repeat(64) } })).not.toBe(reference);
  });

  it('records every blob put through the recording store, passes it on, and neutralizes the version id in keys and bodies', async () => {
    const written: string[] = [];
    const store: BlobStore = { put: async (key) => void written.push(key), get: async () => 'kept' };
    const a = recordingBlobStore(store, 'v-1');
    await a.blobs.put('geometry/v-1/town.geojson', '{"version":"v-1"}', 'application/geo+json');
    const b = recordingBlobStore(store, 'v-2');
    await b.blobs.put('geometry/v-2/town.geojson', '{"version":"v-2"}', 'application/geo+json');
    expect(written).toEqual(['geometry/v-1/town.geojson', 'geometry/v-2/town.geojson']);
    expect(Object.keys(a.blobSha256)).toEqual(['geometry/{version}/town.geojson']);
    expect(a.blobSha256).toEqual(b.blobSha256);
    expect(await a.blobs.get('x')).toBe('kept');
  });
});
