import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect } from 'vitest';
import type { Browser, BrowserContext, Download, Page } from 'playwright-core';
import { REPO_ROOT } from '../../functions/src/config.js';
import { createApp } from '../../functions/src/api/app.js';
import { IndexReader } from '../../functions/src/api/index-reader.js';
import { serveLocal } from '../../functions/src/api/local-server.js';
import { publishedStore } from './published-store.js';
import { launchChromium } from './chromium.js';
import { decodePng } from './png.js';

/**
 * One harness for the map app's browser tests: the real pipeline publishes into
 * DynamoDB Local, the Hono app serves the API and web/dist from one loopback
 * origin, and Debian's Chromium drives it. Every request, uncaught exception and
 * console error of every page is recorded so a test file can assert on them.
 *
 * Pixel helpers judge what is DRAWN (the canvas), not the DOM: the colours-lost
 * defect of issue 13 passed every DOM assertion.
 */

export const WEB_DIR = path.join(REPO_ROOT, 'web', 'dist');
export const WAIT = 30_000;
export const DESKTOP = { width: 1440, height: 900 };
export const PHONE = { width: 390, height: 844 };
export const A11Y_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
/** Screenshots the tests take, kept for a human to look at (gitignored). */
export const SHOT_DIR = path.join(REPO_ROOT, 'test-results', 'screenshots');

/** ColorBrewer YlOrRd, as web/src/lib/map/quantile-scale.ts draws it (kept literal: the test must not trust the app). */
const CLASS_COLORS = ['#ffffb2', '#fecc5c', '#fd8d3c', '#f03b20', '#bd0026'];
const BACKGROUND = '#dfe9f0';
const FILL_OPACITY = 0.92;

export interface MapApp {
  url: string;
  browser: Browser;
  requests: string[];
  pageErrors: string[];
  consoleErrors: string[];
  newContext(options?: Parameters<Browser['newContext']>[0]): Promise<BrowserContext>;
  /** A fresh page in a fresh context (desktop unless told otherwise). */
  newPage(options?: Parameters<Browser['newContext']>[0]): Promise<Page>;
  close(): Promise<void>;
}

export interface MapAppOptions {
  /** Runs after the first version is published and before the server starts (e.g. publish a second version). */
  afterPublish?: (ctx: Awaited<ReturnType<typeof publishedStore>>) => Promise<void>;
}

export async function startMapApp(options: MapAppOptions = {}): Promise<MapApp> {
  if (!existsSync(path.join(WEB_DIR, 'index.html'))) throw new Error(`web app not built at ${WEB_DIR}: run \`npm run build\` (npm test does it first)`);
  const ctx = await publishedStore();
  await options.afterPublish?.(ctx);
  const server = await serveLocal({ app: createApp({ reader: new IndexReader(ctx.store, ctx.blobs), investments: ctx.investments }), port: 0, webDir: WEB_DIR });
  const browser = await launchChromium();
  const contexts: BrowserContext[] = [];
  const requests: string[] = [];
  const pageErrors: string[] = [];
  const consoleErrors: string[] = [];
  async function newContext(options: Parameters<Browser['newContext']>[0] = {}) {
    const c = await browser.newContext({ viewport: DESKTOP, acceptDownloads: true, ...options });
    c.on('request', (r) => {
      const url = new URL(r.url());
      if (url.protocol === 'http:' || url.protocol === 'https:') requests.push(r.url());
    });
    c.on('weberror', (e) => pageErrors.push(`${e.page()?.url() ?? ''}: ${e.error().message}`));
    c.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(`${m.page()?.url() ?? ''}: ${m.text()}`);
    });
    contexts.push(c);
    return c;
  }
  return {
    url: server.url,
    browser,
    requests,
    pageErrors,
    consoleErrors,
    newContext,
    newPage: async (options) => (await newContext(options)).newPage(),
    async close() {
      for (const c of contexts) await c.close().catch(() => {});
      await browser.close().catch(() => {});
      await server.close();
      ctx.cleanup();
    },
  };
}

/** Wait for data-map-state="idle"; on timeout say what state the page was in. */
export async function waitIdle(p: Page, timeout = WAIT) {
  try {
    await p.waitForFunction(() => document.documentElement.dataset.mapState === 'idle', null, { timeout });
  } catch (e) {
    const state = await p.evaluate(() => document.documentElement.dataset.mapState).catch(() => '?');
    throw new Error(`map never went idle (data-map-state=${state}) at ${p.url()}`, { cause: e });
  }
}

/** Load a URL of the app (path + query + hash) and wait until the map has drawn it. */
export async function openApp(p: Page, base: string, rest = '') {
  await p.goto(`${base}/${rest.replace(/^\//, '')}`);
  await waitIdle(p);
}

/** Run an action that restyles or moves the map and wait for the map's next idle (not the previous one). */
export async function idleAfter(p: Page, action: () => Promise<unknown>) {
  await p.evaluate(() => (document.documentElement.dataset.mapState = 'test-pending'));
  await action();
  await waitIdle(p);
}

export const canvasShot = (p: Page) => p.locator('canvas.maplibregl-canvas').screenshot();

/**
 * Wait until the canvas stops changing (two shots 400 ms apart differ in under 0.2 % of pixels)
 * and return the settled shot: the outside view of "the map has finished moving and drawing".
 */
export async function settledShot(p: Page, timeout = WAIT): Promise<Buffer> {
  const end = Date.now() + timeout;
  let last = await canvasShot(p);
  for (;;) {
    await p.waitForTimeout(400);
    const next = await canvasShot(p);
    if (pixelDifference(last, next) < 0.002) return next;
    if (Date.now() > end) throw new Error(`the map canvas kept changing for ${timeout} ms at ${p.url()}`);
    last = next;
  }
}

/** Save a screenshot for people to look at (test-results/screenshots/<name>.png) and return it. */
export async function saveShot(p: Page, name: string, options: { fullPage?: boolean } = {}): Promise<Buffer> {
  mkdirSync(SHOT_DIR, { recursive: true });
  const png = await p.screenshot({ fullPage: options.fullPage ?? false });
  writeFileSync(path.join(SHOT_DIR, `${name}.png`), png);
  return png;
}

const hex = (c: string) => [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16)) as [number, number, number];

/** The five class colours as drawn: fill at FILL_OPACITY over the background. */
export const DRAWN_CLASS_COLORS: [number, number, number][] = CLASS_COLORS.map((c) => {
  const [r, g, b] = hex(c);
  const [R, G, B] = hex(BACKGROUND);
  return [r * FILL_OPACITY + R * (1 - FILL_OPACITY), g * FILL_OPACITY + G * (1 - FILL_OPACITY), b * FILL_OPACITY + B * (1 - FILL_OPACITY)].map(Math.round) as [number, number, number];
});

export interface PixelStats {
  /** Share of pixels that are not the background colour (a corner pixel). */
  painted: number;
  /** Distinct colours. */
  colours: number;
  /** Share of pixels within a small distance of one of the five drawn choropleth colours. */
  choropleth: number;
  /** Share of pixels per choropleth class. */
  perClass: number[];
}

const near = (data: Uint8Array, i: number, [r, g, b]: readonly number[], tolerance: number) => Math.abs(data[i]! - r!) + Math.abs(data[i + 1]! - g!) + Math.abs(data[i + 2]! - b!) <= tolerance;

/** Measure a screenshot (decoded in Node: the page under test does none of the work). */
export function pixelStats(png: Buffer): PixelStats {
  const { data } = decodePng(png);
  const background = `${data[0]},${data[1]},${data[2]}`;
  const colours = new Set<string>();
  const perClass = DRAWN_CLASS_COLORS.map(() => 0);
  let painted = 0;
  let choropleth = 0;
  const n = data.length / 4;
  for (let i = 0; i < data.length; i += 4) {
    const key = `${data[i]},${data[i + 1]},${data[i + 2]}`;
    colours.add(key);
    if (key !== background) painted++;
    const k = DRAWN_CLASS_COLORS.findIndex((c) => near(data, i, c, 24));
    if (k >= 0) {
      choropleth++;
      perClass[k]!++;
    }
  }
  return { painted: painted / n, colours: colours.size, choropleth: choropleth / n, perClass: perClass.map((x) => x / n) };
}

/** Share of pixels of a screenshot within `tolerance` (sum of RGB differences) of a colour. */
export function shareNear(png: Buffer, rgb: readonly [number, number, number], tolerance = 60): number {
  const { data } = decodePng(png);
  let hits = 0;
  for (let i = 0; i < data.length; i += 4) if (near(data, i, rgb, tolerance)) hits++;
  return hits / (data.length / 4);
}

/** Share of the map canvas drawn in choropleth colours once it has settled. */
export async function choroplethShare(p: Page): Promise<number> {
  return pixelStats(await settledShot(p)).choropleth;
}

/** Share of pixels that differ (by more than a little) between two same-size screenshots (1 if sizes differ). */
export function pixelDifference(a: Buffer, b: Buffer): number {
  const [x, y] = [decodePng(a), decodePng(b)];
  if (x.width !== y.width || x.height !== y.height) return 1;
  let differ = 0;
  for (let i = 0; i < x.data.length; i += 4) if (!near(x.data, i, [y.data[i]!, y.data[i + 1]!, y.data[i + 2]!], 24)) differ++;
  return differ / (x.data.length / 4);
}

/** Serious and critical axe violations, printable. */
export async function seriousViolations(p: Page, where: string, tags: readonly string[] = A11Y_TAGS) {
  const result = await new AxeBuilder({ page: p }).withTags([...tags]).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = bad
    .map((v) => `[${where}] ${v.id} (${v.impact}): ${v.help} — ${v.helpUrl}\n${v.nodes.map((n) => `    ${n.target.join(' ')}: ${n.failureSummary?.replace(/\n/g, ' ')}`).join('\n')}`)
    .join('\n');
  return { count: bad.length, report };
}

/** A minimal RFC 4180 reader: quoted fields may hold commas, quotes and newlines. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(field), (field = '');
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field), rows.push(row), (row = []), (field = '');
    } else field += ch;
  }
  if (field !== '' || row.length) row.push(field), rows.push(row);
  return rows;
}

export async function downloaded(download: Download): Promise<Buffer> {
  return readFileSync(await download.path());
}

/** Fetch JSON from the API the page uses. */
export async function apiJson<T>(base: string, route: string): Promise<T> {
  const res = await fetch(`${base}${route}`);
  expect(res.status, route).toBe(200);
  return (await res.json()) as T;
}

/** Search by keyboard only: type, wait for the option, arrow onto it, Enter. */
export async function searchAndPick(p: Page, text: string, option: RegExp) {
  const box = p.getByRole('combobox', { name: 'Search a municipality or ZIP code' });
  await box.focus();
  await box.fill('');
  const answered = p.waitForResponse((r) => new URL(r.url()).pathname === '/v1/search' && new URL(r.url()).searchParams.get('q') === text, { timeout: WAIT });
  await box.pressSequentially(text, { delay: 20 });
  await answered;
  const wanted = p.getByRole('option', { name: option });
  await wanted.waitFor({ state: 'visible', timeout: WAIT });
  const n = await p.getByRole('option').count();
  for (let i = 0; i <= n && (await wanted.getAttribute('aria-selected')) !== 'true'; i++) await box.press('ArrowDown');
  await box.press('Enter');
}
