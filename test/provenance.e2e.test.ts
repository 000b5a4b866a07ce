import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../functions/src/api/app.js';
import { IndexReader } from '../functions/src/api/index-reader.js';
import { loadConfig } from '../functions/src/config.js';
import { LEVELS } from '../functions/src/indices/place-record.js';
import { outputContentSha256 } from '../functions/src/pipeline/content-hash.js';
import { runPipeline } from '../functions/src/pipeline/run-pipeline.js';
import { versionBlobKeys } from '../functions/src/store/index-store.js';
import { freshLocalStore } from './support/local-store.js';
import { TEST_CACHE_DIR } from './support/published-store.js';

// Issue 15 contract 7: two runs of the same code on the same inputs publish the same content hash,
// and the hash can be recomputed from what the version publishes (its record, places and blobs).
let local: Awaited<ReturnType<typeof freshLocalStore>>;
const runs: Awaited<ReturnType<typeof runPipeline>>[] = [];
const AS_OF = '2026-11-01';

beforeAll(async () => {
  local = await freshLocalStore();
  const { dataDir } = loadConfig();
  for (let i = 0; i < 2; i++) runs.push(await runPipeline({ store: local.store, blobs: local.blobs, dataDir, cacheDir: TEST_CACHE_DIR, draws: 20, asOf: AS_OF, codeRevision: 'test-rev' }));
}, 600_000);
afterAll(() => local?.cleanup());

/** The hash recomputed from the stored version: record and places from the table, blobs from the blob store. */
async function storedHash(version: string, tamper?: (places: Awaited<ReturnType<typeof local.store.listPlaces>>) => void) {
  const meta = (await local.store.getVersion(version))!;
  const places = (await Promise.all(LEVELS.map((level) => local.store.listPlaces(version, level)))).flat();
  tamper?.(places);
  const blobSha256: Record<string, string> = {};
  for (const key of versionBlobKeys(version)) {
    const body = await local.blobs.get(key);
    if (body !== null) blobSha256[key.replaceAll(version, '{version}')] = createHash('sha256').update(body.replaceAll(version, '{version}')).digest('hex');
  }
  return { meta, hash: outputContentSha256({ meta, places, blobSha256 }) };
}

describe('content hash of a version', () => {
  it('is the same for two runs of the same code on the same inputs (different version ids and dates)', () => {
    expect(runs[0]!.version).not.toBe(runs[1]!.version);
    expect(runs[0]!.contentSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(runs[1]!.contentSha256).toBe(runs[0]!.contentSha256);
  });

  it('is recorded in each version, with the code revision and commit, and recomputes from the stored outputs', async () => {
    for (const run of runs) {
      const { meta, hash } = await storedHash(run.version);
      expect(meta.contentSha256).toBe(run.contentSha256);
      expect(meta.inputs?.codeRevision).toBe('test-rev');
      expect(meta.code?.gitCommit ?? meta.code?.packageVersion).toBeTruthy();
      expect(hash).toBe(run.contentSha256);
    }
    const listed = await local.store.listVersions(); // what `npm run versions` prints
    expect(listed.map((v) => [v.version, v.contentSha256, v.codeRevision]).sort()).toEqual(runs.map((r) => [r.version, r.contentSha256, 'test-rev']).sort());
  });

  it('is listed by GET /v1/versions beside each version, equal to the version record, so a reader can see which versions serve the same numbers', async () => {
    const app = createApp({ reader: new IndexReader(local.store, local.blobs) });
    const list = (await (await app.request('/v1/versions')).json()) as { items: { version: string; contentSha256: string | null; codeRevision: string | null }[] };
    for (const run of runs) {
      const item = list.items.find((i) => i.version === run.version)!;
      const record = (await (await app.request(`/v1/versions/${run.version}`)).json()) as { contentSha256: string | null };
      expect(item.contentSha256).toBe(run.contentSha256);
      expect(item.contentSha256).toBe(record.contentSha256);
      expect(item.codeRevision).toBe('test-rev');
    }
  });

  it('changes when one published value changes', async () => {
    const { hash } = await storedHash(runs[0]!.version, (places) => {
      const place = places.find((p) => p.percentile !== null)!;
      place.percentile = place.percentile! + 0.1;
    });
    expect(hash).not.toBe(runs[0]!.contentSha256);
  });
});
