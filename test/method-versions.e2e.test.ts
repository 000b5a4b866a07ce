import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../functions/src/api/app.js';
import { IndexReader } from '../functions/src/api/index-reader.js';
import type { PlaceRecord, VersionMeta } from '../functions/src/indices/place-record.js';
import { loadConfig } from '../functions/src/config.js';
import { runPipeline } from '../functions/src/pipeline/run-pipeline.js';
import { geometryKey, type IndexStore } from '../functions/src/store/index-store.js';
import { freshLocalStore } from './support/local-store.js';
import { TEST_CACHE_DIR } from './support/published-store.js';

/**
 * Issue 12: publishing method 1.1 must leave every 1.0 version served unchanged.
 * A 1.0-shaped version (no coverage, adjustment, smoothing, notes, per-value
 * reasons, `ranked`, as-of date or sensitivity; schema 3) is published first,
 * as an existing store would hold it, then the real 1.1 pipeline runs on top.
 */
const LEGACY = 'ma-hei-1.0-20261123T034501Z-1a2b';
let local: Awaited<ReturnType<typeof freshLocalStore>>;
let app: ReturnType<typeof createApp>;
let current: string;
let before: { meta: string; csv: string; place: string };

/** What a 1.0 record looked like: the 1.1 qualifiers did not exist. */
function legacyRecord(p: PlaceRecord): PlaceRecord {
  const { ranked: _r, ...rest } = p;
  const indicators = Object.fromEntries(Object.entries(p.indicators).map(([id, i]) => [id, { value: i.value, se: i.se, percentile: i.percentile, flagged: i.flagged }]));
  return { ...rest, indicators };
}

/** The records and meta a pipeline run would write, without publishing anything. */
async function capturedRun(dataDir: string, blobs: Awaited<ReturnType<typeof freshLocalStore>>['blobs']) {
  const captured: { meta?: VersionMeta; places: PlaceRecord[] } = { places: [] };
  const capture = {
    getCurrentVersion: async () => null,
    beginVersion: async (meta: VersionMeta) => void (captured.meta = meta),
    putPlaces: async (_v: string, places: PlaceRecord[]) => void captured.places.push(...places),
    publishVersion: async () => {},
  } as unknown as IndexStore;
  await runPipeline({ store: capture, blobs, dataDir, cacheDir: TEST_CACHE_DIR, draws: 0 });
  return captured as Required<typeof captured>;
}

const text = async (path: string) => {
  const res = await app.request(path);
  expect(res.status, path).toBe(200);
  return res.text();
};

beforeAll(async () => {
  local = await freshLocalStore();
  const { dataDir } = loadConfig();
  const run = await capturedRun(dataDir, local.blobs);
  const meta: VersionMeta = {
    ...run.meta,
    version: LEGACY,
    schema: 3,
    createdAt: '2026-11-23T03:45:01.000Z',
    method: { ...run.meta.method, id: 'ma-hei-1.0', blockGroupCoverage: undefined, domainMinIndicators: undefined, minRankPopulation: undefined },
    indicators: run.meta.indicators.filter((i) => !['pneumonia_discharges', 'hospital_bed_access'].includes(i.id)),
    asOf: undefined,
    closedFacilities: undefined,
    outOfStateLimitedTowns: undefined,
  };
  await local.store.beginVersion(JSON.parse(JSON.stringify(meta)) as VersionMeta);
  await local.store.putPlaces(LEGACY, run.places.map(legacyRecord));
  for (const level of ['town', 'zcta'] as const) await local.blobs.put(geometryKey(LEGACY, level), (await local.blobs.get(geometryKey(run.meta.version, level)))!);
  await local.store.publishVersion(LEGACY, null);

  app = createApp({ reader: new IndexReader(local.store, local.blobs) });
  before = { meta: await text(`/v1/versions/${LEGACY}`), csv: await text(`/v1/versions/${LEGACY}/download?level=town`), place: await text('/v1/places/town/2502507000') };

  const result = await runPipeline({ store: local.store, blobs: local.blobs, dataDir, cacheDir: TEST_CACHE_DIR, draws: 0 });
  expect(result.previous).toBe(LEGACY);
  current = result.version;
  app = createApp({ reader: new IndexReader(local.store, local.blobs) }); // a fresh reader: nothing served from memory
}, 180_000);
afterAll(() => local?.cleanup());

describe('a 1.0 version after 1.1 is published', () => {
  it('is still listed, with its own method, after the new current version', async () => {
    const list = JSON.parse(await text('/v1/versions')) as { current: string; items: { version: string; method: string; current: boolean }[] };
    expect(list.current).toBe(current);
    expect(list.items.map((i) => [i.version, i.method, i.current])).toEqual([
      [current, 'ma-hei-1.1', true],
      [LEGACY, 'ma-hei-1.0', false],
    ]);
  });

  it('serves its record and its bulk download byte for byte as before', async () => {
    expect(await text(`/v1/versions/${LEGACY}`)).toBe(before.meta);
    expect(await text(`/v1/versions/${LEGACY}/download?level=town`)).toBe(before.csv);
  });

  it('gives the generic 1.0 no-data reasons for its own records, and the current version its specific ones', async () => {
    const legacyBoston = JSON.parse(before.place) as { method: string; place: { indicators: Record<string, { noDataReason: string | null; adjustment?: string }> } };
    expect(legacyBoston.method).toBe('ma-hei-1.0');
    expect(legacyBoston.place.indicators.diabetes!.adjustment).toBeUndefined();
    const now = JSON.parse(await text('/v1/places/town/2502507000')) as typeof legacyBoston;
    expect(now.method).toBe('ma-hei-1.1');
    expect(now.place.indicators.diabetes!.adjustment).toBe('age-adjusted');
  });

  it('has no sensitivity analysis (404 problem), while the current version has one', async () => {
    expect((await app.request('/v1/sensitivity?level=town')).status).toBe(200);
    const reader = new IndexReader(local.store, local.blobs);
    expect(await reader.blob(`sensitivity/${LEGACY}/town.json`)).toBeNull();
  });
});
