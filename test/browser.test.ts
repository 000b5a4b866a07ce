import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { REPO_ROOT } from '../functions/src/config.js';
import { createApp } from '../functions/src/api/app.js';
import { IndexReader } from '../functions/src/api/index-reader.js';
import { serveLocal } from '../functions/src/api/local-server.js';
import { publishedStore } from './support/published-store.js';
import { browserAvailability, launchChromium } from './support/chromium.js';

const WEB_DIR = path.join(REPO_ROOT, 'web', 'dist');
const { run } = browserAvailability();

describe.runIf(run)('map page in headless Chromium', () => {
  let ctx: Awaited<ReturnType<typeof publishedStore>>;
  let server: Awaited<ReturnType<typeof serveLocal>>;
  let browser: Browser;
  let page: Page;
  const requestedHosts = new Set<string>();

  beforeAll(async () => {
    if (!existsSync(path.join(WEB_DIR, 'index.html'))) throw new Error(`web app not built at ${WEB_DIR}: run \`npm run build\` (npm test does it first)`);
    ctx = await publishedStore();
    server = await serveLocal({ app: createApp({ reader: new IndexReader(ctx.store, ctx.blobs) }), port: 0, webDir: WEB_DIR });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1100, height: 750 } });
    page.on('request', (r) => {
      const url = new URL(r.url());
      if (url.protocol === 'http:' || url.protocol === 'https:') requestedHosts.add(url.host);
    });
    await page.goto(server.url);
    await page.waitForFunction(() => document.documentElement.dataset.mapState === 'idle', null, { timeout: 45_000 });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    ctx?.cleanup();
  });

  it('draws the town choropleth: the canvas is not blank and has many colours', async () => {
    const png = (await page.locator('canvas.maplibregl-canvas').screenshot()).toString('base64');
    const stats = await page.evaluate(async (b64) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.width;
      c.height = img.height;
      const g = c.getContext('2d')!;
      g.drawImage(img, 0, 0);
      const { data } = g.getImageData(0, 0, c.width, c.height);
      const background = `${data[0]},${data[1]},${data[2]}`; // a corner is background
      const colours = new Set<string>();
      let painted = 0;
      for (let i = 0; i < data.length; i += 4) {
        const key = `${data[i]},${data[i + 1]},${data[i + 2]}`;
        colours.add(key);
        if (key !== background) painted++;
      }
      return { painted: painted / (data.length / 4), colours: colours.size };
    }, png);
    expect(stats.painted).toBeGreaterThan(0.2);
    expect(stats.colours).toBeGreaterThan(20);
  });

  it('shows the legend with the measure and a no-data entry', async () => {
    const legend = page.getByTestId('legend');
    await expect.poll(() => legend.isVisible()).toBe(true);
    const text = await legend.innerText();
    expect(text).toMatch(/Health Equity Index/);
    expect(text).toMatch(/No data/);
  });

  it('shows a tooltip with name and percentile on hover', async () => {
    const box = (await page.locator('canvas.maplibregl-canvas').boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.55, box.y + box.height * 0.45);
    const tooltip = page.getByRole('status');
    await expect.poll(() => tooltip.isVisible(), { timeout: 5_000 }).toBe(true);
    expect(await tooltip.innerText()).toMatch(/Percentile|No data/);
  });

  it('requests nothing from any other host', () => {
    expect([...requestedHosts]).toEqual([new URL(server.url).host]);
  });
});
