import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, startMapApp, WAIT, type MapApp } from '../support/map-app.js';
import { runPipeline } from '../../functions/src/pipeline/run-pipeline.js';
import { loadRegistry } from '../../functions/src/sources/indicator-registry-file.js';
import { browserAvailability } from '../support/chromium.js';
import { TEST_CACHE_DIR, TEST_DRAWS } from '../support/published-store.js';

/**
 * Issue 15 contract 6 in the map profile: "rank 18 (was 22 in the previous version)". Two real
 * versions are published (the second with other domain weights and method id), and the profile's
 * words are checked against the older version's own bulk download, not against the app's logic.
 */
const { run } = browserAvailability();
type Row = Record<string, string>;

describe.runIf(run)('the profile says what the rank was in the previous version', () => {
  let app: MapApp;
  let page: Page;
  let older: string;
  let olderMethod: string;
  let previous: Map<string, Row>;
  let current: Map<string, Row>;

  const download = async (version: string) => {
    const res = await fetch(`${app.url}/v1/versions/${version}/download?level=town&format=csv`);
    expect(res.status).toBe(200);
    return new Map((parse(await res.text(), { columns: true }) as Row[]).map((r) => [r.id!, r]));
  };

  beforeAll(async () => {
    app = await startMapApp({
      afterPublish: async (ctx) => {
        older = ctx.result.version;
        const base = loadRegistry();
        olderMethod = base.method.id;
        const weights: Record<string, number> = { cardiometabolic: 0.1, maternal_perinatal: 0.2, social_drivers: 0.5, access_to_care: 0.2 };
        const registry = { ...base, method: { ...base.method, id: 'ma-hei-1.2', domains: base.method.domains.map((d) => ({ ...d, weight: weights[d.id]! })) } };
        await runPipeline({ store: ctx.store, blobs: ctx.blobs, dataDir: ctx.dataDir, cacheDir: TEST_CACHE_DIR, draws: TEST_DRAWS, registry });
      },
    });
    const list = (await (await fetch(`${app.url}/v1/versions`)).json()) as { current: string };
    previous = await download(older);
    current = await download(list.current);
    page = await app.newPage();
  }, 600_000);
  afterAll(() => app?.close());

  it('asks for no history before a profile opens', async () => {
    await openApp(page, app.url);
    expect(app.requests.filter((u) => u.includes('/history'))).toEqual([]);
  });

  it('shows the previous version\'s rank beside the rank of a town whose rank moved', async () => {
    const moved = [...current.values()].find((r) => r.rank !== '' && previous.get(r.id!)?.rank && previous.get(r.id!)!.rank !== r.rank)!;
    expect(moved, 'some town must change rank under other weights').toBeDefined();
    await openApp(page, app.url, `?place=${moved.id}`);
    const was = page.getByTestId('profile').getByTestId('rank-change');
    await was.waitFor({ state: 'visible', timeout: WAIT });
    expect(await was.innerText()).toBe(`(was ${Number(previous.get(moved.id!)!.rank)} in the previous version, method ${olderMethod})`);
    expect(await page.getByTestId('profile').innerText()).toContain(`rank ${Number(moved.rank)}`);
    expect(app.requests.filter((u) => u.includes(`/v1/places/town/${moved.id}/history`))).toHaveLength(1);
    expect(app.pageErrors).toEqual([]);
  });
});
