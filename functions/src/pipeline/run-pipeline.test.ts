import { mkdtempSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishedStore, TEST_CACHE_DIR } from '../../../test/support/published-store.js';
import { loadManifest, sha256 } from '../sources/source-manifest.js';
import { SourceValidationError } from '../sources/source-problem.js';
import type { IndexStore } from '../store/index-store.js';
import { runPipeline } from './run-pipeline.js';

let ctx: Awaited<ReturnType<typeof publishedStore>>;
beforeAll(async () => {
  ctx = await publishedStore();
});
afterAll(() => ctx.cleanup());

describe('runPipeline on the real sources', () => {
  it('publishes every town and ZCTA with an overall score, domains and indicators', async () => {
    const current = await ctx.store.getCurrentVersion();
    expect(current?.version).toBe(ctx.result.version);
    expect(current?.version).toMatch(/^ma-hei-1\.1-\d{8}T\d{6}Z-[0-9a-f]{4}$/);
    expect(current?.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(current?.counts).toEqual({ town: 351, zcta: 537 });
    const towns = await ctx.store.listPlaces(ctx.result.version, 'town');
    expect(towns).toHaveLength(351);
    const scored = towns.filter((t) => t.score !== null);
    // Every town with at least 500 residents is scored; the 12 smaller ones are shown but not ranked (method 1.1).
    expect(scored.length).toBeGreaterThan(330);
    expect(scored.length).toBe(towns.filter((t) => t.ranked !== false).length);
    expect(towns.find((t) => t.name === 'Gosnold')).toMatchObject({ ranked: false, rank: null, noDataReason: expect.stringMatching(/^Not ranked: 70 residents/) });
    for (const t of towns) if (t.score === null) expect(t.noDataReason).toBeTruthy();
    // Percentiles follow scores; the top-scored town has rank 1.
    const byScore = [...scored].sort((a, b) => a.score! - b.score!);
    for (let i = 1; i < byScore.length; i++) expect(byScore[i]!.percentile!).toBeGreaterThanOrEqual(byScore[i - 1]!.percentile!);
    expect(byScore.at(-1)!.rank).toBe(1);
    const boston = towns.find((t) => t.id === '2502507000')!;
    expect(Object.keys(boston.domains).sort()).toEqual(['access_to_care', 'cardiometabolic', 'maternal_perinatal', 'social_drivers']);
    expect(boston.indicators.diabetes).toMatchObject({ value: 9.7, adjustment: 'age-adjusted' }); // PLACES 2022 DIABETES_AdjPrev for Boston (crude 7.7)
    expect(current!.derivation.town.diabetes).toMatch(/Census places/);
    expect(boston.percentileInterval![0]).toBeLessThanOrEqual(boston.percentile!);
    expect(boston.percentileInterval![1]).toBeGreaterThanOrEqual(boston.percentile!);
    const zctas = await ctx.store.listPlaces(ctx.result.version, 'zcta');
    expect(zctas.find((z) => z.id === '01001')!.indicators.obesity!.value).toBe(27.9);
    expect(zctas.find((z) => z.id === '01199')!.indicators.obesity!.value).toBeNull(); // PLACES publishes no estimate
    expect(zctas.find((z) => z.id === '01001')!.indicators.diabetes!.value).toBeNull();
    expect(current!.derivation.zcta.diabetes).toBeNull(); // place estimates are not moved to ZCTAs
  });

  it('leaves the previous version current when a run crashes mid-write', async () => {
    let batches = 0;
    const crashing: IndexStore = Object.create(ctx.store, {
      putPlaces: {
        value: async (version: string, places: Parameters<IndexStore['putPlaces']>[1]) => {
          await ctx.store.putPlaces(version, places.slice(0, 25));
          batches++;
          throw new Error('simulated crash after the first batch');
        },
      },
    });
    await expect(runPipeline({ store: crashing, blobs: ctx.blobs, dataDir: ctx.dataDir, cacheDir: TEST_CACHE_DIR, draws: 0 })).rejects.toThrow(/simulated crash/);
    expect(batches).toBe(1);
    expect((await ctx.store.getCurrentVersion())?.version).toBe(ctx.result.version);
  });

  it('stops on a corrupt source, naming file, row and column, and publishes nothing', async () => {
    // A DATA_DIR whose PLACES file has one corrupt cell (the manifest is updated so the checksum passes).
    const manifest = loadManifest();
    const dir = mkdtempSync(path.join(tmpdir(), 'equity-atlas-corrupt-'));
    for (const s of manifest) {
      mkdirSync(path.join(dir, path.dirname(s.path)), { recursive: true });
      if (s.id !== 'places-zcta') symlinkSync(path.join(ctx.dataDir, s.path), path.join(dir, s.path));
    }
    const places = manifest.find((s) => s.id === 'places-zcta')!;
    const corrupt = readFileSync(path.join(ctx.dataDir, places.path), 'utf8').replace(/^(01002,29049,)17\.5,/m, '$1seventeen,');
    writeFileSync(path.join(dir, places.path), corrupt);
    places.sha256 = sha256(Buffer.from(corrupt));

    const err = await runPipeline({ store: ctx.store, blobs: ctx.blobs, dataDir: dir, cacheDir: TEST_CACHE_DIR, draws: 0, manifest }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SourceValidationError);
    expect((err as SourceValidationError).problems).toEqual([
      expect.objectContaining({ file: places.path, row: 3, column: 'BINGE_CrudePrev' }),
    ]);
    expect((err as Error).message).toMatch(/nothing was published/);
    expect((await ctx.store.getCurrentVersion())?.version).toBe(ctx.result.version);
  });
});
