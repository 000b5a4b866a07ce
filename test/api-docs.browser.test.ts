import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { createApp } from '../functions/src/api/app.js';
import { IndexReader } from '../functions/src/api/index-reader.js';
import { serveLocal } from '../functions/src/api/local-server.js';
import type { VersionMeta } from '../functions/src/indices/place-record.js';
import type { BlobStore, IndexStore } from '../functions/src/store/index-store.js';
import type { InvestmentStore } from '../functions/src/store/investment-store.js';
import { browserAvailability, launchChromium } from './support/chromium.js';

// /docs and /v1/docs: Swagger UI from our own origin under the production CSP, rendering every operation of the document.
const meta = { version: 'ma-hei-1.1-20261130T000000Z-abcd', measures: { town: {}, zcta: {} } } as unknown as VersionMeta;
const store = { getCurrentVersion: async () => meta, getVersion: async () => meta, listPlaces: async () => [] } as unknown as IndexStore;
const blobs: BlobStore = { put: async () => {}, get: async () => null };

let server: Awaited<ReturnType<typeof serveLocal>>;
let operationIds: string[];
beforeAll(async () => {
  server = await serveLocal({ app: createApp({ reader: new IndexReader(store, blobs), investments: {} as InvestmentStore }), port: 0 });
  const doc = (await (await fetch(`${server.url}/v1/openapi.json`)).json()) as { paths: Record<string, Record<string, { operationId: string }>> };
  operationIds = Object.values(doc.paths).flatMap((item) => Object.values(item).map((op) => op.operationId));
});
afterAll(() => server?.close());

describe('API reference page', () => {
  it.each(['/docs', '/v1/docs'])('%s loads only same-origin scripts and styles, none inline, and each of them is served', async (route) => {
    const html = await (await fetch(`${server.url}${route}`)).text();
    const urls = [...html.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="([^"]+)"/g)].map((m) => m[1]!).filter((u) => u !== 'data:,'); // the empty icon: no request at all
    expect(urls.length).toBeGreaterThanOrEqual(3);
    for (const url of urls) {
      expect(new URL(url, server.url).origin, url).toBe(new URL(server.url).origin);
      const res = await fetch(new URL(url, server.url));
      expect(res.status, url).toBe(200);
      expect(res.headers.get('content-type'), url).toMatch(url.endsWith('.css') ? /^text\/css/ : /^text\/javascript/);
      expect((await res.text()).length, url).toBeGreaterThan(100);
    }
    expect(html).not.toMatch(/<script>|<script [^>]*>[^<]|<style|style="/);
  });

  it('answers 404 problem+json for an asset it does not have (no file system walk)', async () => {
    for (const name of ['nope.js', '..%2Fpackage.json', 'index.html']) {
      const res = await fetch(`${server.url}/v1/docs/assets/${name}`);
      expect(res.status, name).toBe(404);
      expect(res.headers.get('content-type'), name).toMatch(/problem\+json/);
    }
  });

  const browser = browserAvailability();
  describe.runIf(browser.run)('in Chromium', () => {
    let chromium: Browser;
    beforeAll(async () => {
      chromium = await launchChromium();
    });
    afterAll(() => chromium?.close());

    it('renders every operation with its operationId, with no request to another host and no CSP violation', async () => {
      const page = await chromium.newPage();
      const requests: string[] = [];
      const problems: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
      page.on('response', (r) => r.status() >= 400 && problems.push(`${r.status()} ${r.url()}`));
      page.on('pageerror', (e) => problems.push(String(e)));
      await page.goto(`${server.url}/docs`);
      await page.locator('.opblock').first().waitFor({ timeout: 30_000 });
      const shown = await page.locator('.opblock .opblock-summary-operation-id').allInnerTexts();
      expect(shown.map((s) => s.trim()).sort()).toEqual([...operationIds].sort());
      expect(requests.filter((u) => !u.startsWith('data:') && new URL(u).origin !== new URL(server.url).origin)).toEqual([]);
      expect(requests).toContain(`${server.url}/v1/openapi.json`);
      expect(problems).toEqual([]);
      await page.close();
    }, 60_000);
  });
});
