import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshLocalStore } from '../../../test/support/local-store.js';
import type { PlaceRecord, VersionMeta } from '../indices/place-record.js';
import { rollbackVersion } from '../pipeline/rollback-version.js';
import { applyRetention } from '../pipeline/version-retention.js';
import { StaleVersionError, VersionNotCompleteError, versionBlobKeys } from './index-store.js';

// Retention, pinning and rollback on DynamoDB Local with synthetic versions (no pipeline run needed).
let local: Awaited<ReturnType<typeof freshLocalStore>>;
const DAY = 86_400_000;
const meta = (version: string, ageDays: number): VersionMeta =>
  ({ version, schema: 3, createdAt: new Date(Date.now() - ageDays * DAY).toISOString(), status: 'writing', counts: { town: 1, zcta: 0 }, method: { id: 'synthetic-1.0' } }) as unknown as VersionMeta;
const place = { level: 'town', id: '2500100000', name: 'Synthetic', score: 1 } as unknown as PlaceRecord;

async function publish(version: string, ageDays: number, previous: string | null): Promise<void> {
  await local.store.beginVersion(meta(version, ageDays));
  await local.store.putPlaces(version, [place]);
  for (const key of versionBlobKeys(version)) {
    mkdirSync(path.dirname(path.join(local.blobDir, key)), { recursive: true });
    writeFileSync(path.join(local.blobDir, key), '{}');
  }
  await local.store.publishVersion(version, previous);
}

beforeAll(async () => {
  local = await freshLocalStore();
  await publish('synthetic-a', 900, null);
  await publish('synthetic-b', 800, 'synthetic-a');
  await publish('synthetic-c', 700, 'synthetic-b');
  await publish('synthetic-d', 600, 'synthetic-c');
  await local.store.beginVersion(meta('synthetic-writing', 500)); // a crashed run's: never rollback's or retention's
});
afterAll(() => local?.cleanup());

describe('rollback (moving the version pointer)', () => {
  it('moves the pointer to an older complete version, and back', async () => {
    expect(await rollbackVersion(local.store, 'synthetic-b')).toEqual({ from: 'synthetic-d', to: 'synthetic-b', moved: true });
    expect((await local.store.getCurrentVersion())?.version).toBe('synthetic-b');
    expect(await rollbackVersion(local.store, 'synthetic-b')).toEqual({ from: 'synthetic-b', to: 'synthetic-b', moved: false });
    expect(await rollbackVersion(local.store, 'synthetic-d')).toMatchObject({ from: 'synthetic-b', to: 'synthetic-d', moved: true });
  });

  it('refuses a version that is not complete or does not exist, and a pointer that moved meanwhile', async () => {
    await expect(rollbackVersion(local.store, 'synthetic-writing')).rejects.toThrow(new VersionNotCompleteError('synthetic-writing', 'writing'));
    await expect(rollbackVersion(local.store, 'synthetic-nope')).rejects.toThrow('synthetic-nope cannot be made current: no such version');
    await expect(local.store.movePointer('synthetic-a', 'synthetic-b')).rejects.toBeInstanceOf(StaleVersionError);
    expect((await local.store.getCurrentVersion())?.version).toBe('synthetic-d');
  });
});

describe('retention', () => {
  it('pins only complete versions and lists the pin', async () => {
    expect(await local.store.setPinned('synthetic-a', true)).toBe(true);
    expect(await local.store.setPinned('synthetic-writing', true)).toBe(false);
    expect((await local.store.listVersions()).find((v) => v.version === 'synthetic-a')?.pinned).toBe(true);
    expect((await local.store.getVersion('synthetic-a'))?.pinned).toBe(true);
  });

  it('never retires the current or a pinned version', async () => {
    expect(await local.store.retireVersion('synthetic-d')).toBe(false);
    expect(await local.store.retireVersion('synthetic-a')).toBe(false);
    expect(await local.store.retireVersion('synthetic-writing')).toBe(false);
  });

  it('deletes what the rule lets go — record, places and blobs — and keeps the rest servable', async () => {
    // Rolled back to c: d (newest) and c (current) stay by keepLatest/current, a is pinned; b goes.
    await rollbackVersion(local.store, 'synthetic-c');
    const removed = await applyRetention(local.store, local.blobs, { keepDays: 30, keepLatest: 1 });
    expect(removed).toEqual(['synthetic-b']);
    expect(await local.store.getVersion('synthetic-b')).toBeNull();
    expect(await local.store.listPlaces('synthetic-b', 'town')).toEqual([]);
    expect((readdirSync(local.blobDir, { recursive: true }) as string[]).filter((f) => f.includes('synthetic-b'))).toEqual([]);
    expect((await local.store.listVersions()).map((v) => [v.version, v.status])).toEqual([
      ['synthetic-writing', 'writing'],
      ['synthetic-d', 'complete'],
      ['synthetic-c', 'complete'],
      ['synthetic-a', 'complete'],
    ]);
    expect(await local.store.listPlaces('synthetic-c', 'town')).toHaveLength(1);
    // A retired version can never be rolled back to.
    await expect(rollbackVersion(local.store, 'synthetic-b')).rejects.toBeInstanceOf(VersionNotCompleteError);
  });
});
