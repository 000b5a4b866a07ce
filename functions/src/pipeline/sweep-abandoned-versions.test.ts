import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshLocalStore } from '../../../test/support/local-store.js';
import { TEST_CACHE_DIR } from '../../../test/support/published-store.js';
import { loadConfig } from '../config.js';
import { StaleVersionError, versionBlobKeys, type IndexStore } from '../store/index-store.js';
import { runPipeline } from './run-pipeline.js';
import { sweepAbandonedVersions } from './sweep-abandoned-versions.js';

/** Blob keys (files under the blob root) that mention `version`. */
function blobFilesOf(root: string, version: string): string[] {
  return (readdirSync(root, { recursive: true }) as string[]).filter((f) => f.includes(version) && statSync(path.join(root, f)).isFile());
}
const dirsOf = (root: string, version: string) => (readdirSync(root, { recursive: true }) as string[]).filter((f) => f.includes(version));

let local: Awaited<ReturnType<typeof freshLocalStore>>;
let crashed: string; // a real run that died just before publishing: every place item and blob written
const published = 'synthetic-published-20261101T000000Z-0001';
const young = 'synthetic-young-20261130T000000Z-0002';
const later = new Date(Date.now() + 2 * 3600_000); // "two hours on", when the crashed run is old

beforeAll(async () => {
  local = await freshLocalStore();
  const dying: IndexStore = Object.create(local.store, {
    publishVersion: { value: async () => Promise.reject(new Error('simulated crash before publishing')) },
  });
  await expect(runPipeline({ store: dying, blobs: local.blobs, dataDir: loadConfig().dataDir, cacheDir: TEST_CACHE_DIR, draws: 0 })).rejects.toThrow(/simulated crash/);
  crashed = (await local.store.listVersions())[0]!.version;
  const meta = (await local.store.getVersion(crashed))!;
  const places = (await local.store.listPlaces(crashed, 'town')).slice(0, 30);
  // An older, published version (must never be touched) and a young "writing" one (maybe a concurrent run's).
  await local.store.beginVersion({ ...meta, version: published, createdAt: new Date(Date.now() - 3 * 3600_000).toISOString() });
  await local.store.putPlaces(published, places);
  await local.store.publishVersion(published, null);
  await local.store.beginVersion({ ...meta, version: young, createdAt: new Date(later.getTime() - 60_000).toISOString() });
  await local.store.putPlaces(young, places);
}, 180_000);
afterAll(() => local?.cleanup());

describe('sweepAbandonedVersions', () => {
  it('deletes an old half-written version with its place items and every blob, and nothing else', async () => {
    // The key list matches what a run writes: exactly these files exist for the crashed version.
    expect(blobFilesOf(local.blobDir, crashed).sort()).toEqual(versionBlobKeys(crashed).sort());
    expect(await local.store.listPlaces(crashed, 'zcta')).toHaveLength(537);

    expect(await sweepAbandonedVersions(local.store, local.blobs, { now: later })).toEqual([crashed]);

    expect(await local.store.getVersion(crashed)).toBeNull();
    expect(await local.store.listPlaces(crashed, 'town')).toEqual([]);
    expect(await local.store.listPlaces(crashed, 'zcta')).toEqual([]);
    expect(dirsOf(local.blobDir, crashed)).toEqual([]); // files and their per-version folders
    // The published version is whole and current; the young writing one is left to its run.
    expect((await local.store.getCurrentVersion())?.version).toBe(published);
    expect(await local.store.listPlaces(published, 'town')).toHaveLength(30);
    expect((await local.store.listVersions()).map((v) => [v.version, v.status])).toEqual([
      [young, 'writing'],
      [published, 'complete'],
    ]);
    expect(await local.store.listPlaces(young, 'town')).toHaveLength(30);
    expect(await sweepAbandonedVersions(local.store, local.blobs, { now: later })).toEqual([]);
  });

  it('never lets a version being swept be published, finishes an interrupted sweep, and skips published versions', async () => {
    expect(await local.store.abandonVersion(published)).toBe(false);
    // A sweep that died after marking: the run still writing it can no longer publish it…
    expect(await local.store.abandonVersion(young)).toBe(true);
    await expect(local.store.publishVersion(young, published)).rejects.toBeInstanceOf(StaleVersionError);
    // …and the next sweep finishes it whatever its age.
    expect(await sweepAbandonedVersions(local.store, local.blobs)).toEqual([young]);
    expect(await local.store.getVersion(young)).toBeNull();
    expect(await local.store.listPlaces(young, 'town')).toEqual([]);
    expect((await local.store.getCurrentVersion())?.version).toBe(published);
  });
});
