#!/usr/bin/env node
/**
 * Web app benchmark (issue 8 item 10; goals: app JS beyond MapLibre < 100 KB gzip; town + ZCTA
 * geometry together < 500 KB gzip; navigation → first rendered choropleth ≤ 1.3× a bare-MapLibre
 * page drawing the same town geometry).
 *
 * Builds the web app and the baseline page (bench/web-baseline/), publishes a real version
 * (pipeline with investments → in-memory DynamoDB Local), and serves both pages from the real
 * Hono app on loopback, so `/v1/geometry/town` is the very same API for both. Then:
 *  - transfer sizes: each file in web/dist/assets gzipped here (node:zlib, level 9), split into
 *    MapLibre and the app's own code; the geometry responses as the API sends them with
 *    `accept-encoding: gzip` (bytes on the wire);
 *  - headless Chromium, 1280×800, a fresh context (empty cache) per run, app and baseline
 *    alternating after one warm-up each: the `choropleth-idle` performance mark, i.e. ms from
 *    navigation start to the map's first `idle` with the data drawn.
 *
 *   npm run bench:web                 (BENCH_RUNS=5 timed runs per page)
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { build } from 'vite';
import { REPO_ROOT } from '../functions/src/config.js';
import { createApp } from '../functions/src/api/app.js';
import { IndexReader } from '../functions/src/api/index-reader.js';
import { serveLocal } from '../functions/src/api/local-server.js';
import { launchChromium } from '../test/support/chromium.js';
import { publishBenchVersion } from './publish-version.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const RUNS = Number(process.env.BENCH_RUNS || 5);
const VIEWPORT = { width: 1280, height: 800 };
const WEB_DIR = path.join(REPO_ROOT, 'web', 'dist');
const BASELINE_ROOT = path.join(REPO_ROOT, 'bench', 'web-baseline');
const KB = 1024;
const GOALS = { appJsKb: 100, geometryKb: 500, ratio: 1.3 };

const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;
const verdict = (ok: boolean) => (ok ? 'PASS' : 'MISS');
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

// ---- builds --------------------------------------------------------------------------------------
// Always rebuild: a stale dist (e.g. from before the MapLibre chunk split) would measure the wrong thing.
process.stdout.write('building web app … ');
try {
  execFileSync('npm', ['run', 'build', '-w', 'web'], { cwd: REPO_ROOT, stdio: 'pipe' });
} catch (err) {
  // Show Vite's own message, not execFileSync's dump of the captured buffers.
  const e = err as { stdout?: Buffer; stderr?: Buffer };
  console.error(`failed\n${e.stdout?.toString() ?? ''}${e.stderr?.toString() ?? ''}`);
  process.exit(1);
}
console.log('done');
const work = mkdtempSync(path.join(tmpdir(), 'equity-atlas-bench-web-'));
const baselineDir = path.join(work, 'baseline');
process.stdout.write('building baseline page … ');
// configFile: false so nothing but these options shapes the baseline (no plugins, Vite's defaults).
await build({ root: BASELINE_ROOT, configFile: false, build: { outDir: baselineDir, emptyOutDir: true, chunkSizeWarningLimit: 1500 }, logLevel: 'warn' });
console.log('done');

// ---- transfer sizes ------------------------------------------------------------------------------
interface Asset {
  file: string;
  raw: number;
  gzip: number;
  maplibre: boolean;
}
// MapLibre is recognised by file name: web/vite.config.ts puts maplibre-gl into the `maplibre`
// chunk (and its CSS into maplibre-*.css), and the worker is emitted as maplibre-gl-worker-*.mjs.
const assets: Asset[] = readdirSync(path.join(WEB_DIR, 'assets'))
  .filter((f) => /\.(m?js|css)$/.test(f))
  .sort()
  .map((file) => {
    const body = readFileSync(path.join(WEB_DIR, 'assets', file));
    return { file, raw: body.length, gzip: gzipSync(body, { level: 9 }).length, maplibre: file.startsWith('maplibre') };
  });
if (!assets.some((a) => a.maplibre)) throw new Error('no maplibre* asset in web/dist/assets: has the manual chunk in web/vite.config.ts gone?');
const isJs = (a: Asset) => /\.m?js$/.test(a.file);
const sum = (xs: Asset[], key: 'raw' | 'gzip') => xs.reduce((n, a) => n + a[key], 0);
const appJs = assets.filter((a) => isJs(a) && !a.maplibre);
const maplibreJs = assets.filter((a) => isJs(a) && a.maplibre);
// The app's own chunks must not have swallowed MapLibre (a changed split would silently flatter the app figure).
for (const a of appJs) {
  if (readFileSync(path.join(WEB_DIR, 'assets', a.file), 'utf8').includes('maplibregl-canvas')) throw new Error(`${a.file} contains MapLibre code: check the manual chunk`);
}

/** One GET with `accept-encoding: gzip`, counting the bytes as they arrive (no decompression). */
function wireBytes(url: string): Promise<{ status: number; encoding: string; wire: number; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode!, encoding: String(res.headers['content-encoding'] ?? 'identity'), wire: Buffer.concat(chunks).length, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      })
      .on('error', reject);
  });
}

// ---- publish + serve -----------------------------------------------------------------------------
const published = await publishBenchVersion(work);
const servers: Awaited<ReturnType<typeof serveLocal>>[] = [];
let browser: Browser | undefined;
try {
  const { store, investments, blobs } = published;

  // One reader behind both servers: the same API, caches and data; serveLocal adds the static
  // routes to the app it is given, so each page gets its own app instance.
  const reader = new IndexReader(store, blobs);
  const serve = (webDir: string) => serveLocal({ app: createApp({ reader, investments }), port: 0, webDir });
  const app = await serve(WEB_DIR);
  const baseline = await serve(baselineDir);
  servers.push(app, baseline);

  const geometry: Record<string, { raw: number; wire: number; encoding: string }> = {};
  for (const level of ['town', 'zcta']) {
    const res = await wireBytes(`${app.url}/v1/geometry/${level}`);
    if (res.status !== 200) throw new Error(`/v1/geometry/${level} answered ${res.status}`);
    // Measure what the API actually sends; if it ever stops compressing, fall back to gzipping the body here.
    const raw = res.encoding === 'gzip' ? gunzipSync(res.body).length : res.wire;
    geometry[level] = { raw, wire: res.encoding === 'gzip' ? res.wire : gzipSync(res.body, { level: 9 }).length, encoding: res.encoding };
  }

  // ---- time to first rendered choropleth ---------------------------------------------------------
  browser = await launchChromium();
  const timeOnce = async (url: string): Promise<number> => {
    const context = await browser!.newContext({ viewport: VIEWPORT }); // fresh context: empty HTTP cache
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    try {
      await page.goto(url);
      await page.waitForFunction(() => document.documentElement.dataset.mapState === 'idle' && performance.getEntriesByName('choropleth-idle').length > 0, null, { timeout: 60_000 });
      return await page.evaluate(() => performance.getEntriesByName('choropleth-idle')[0]!.startTime);
    } catch (err) {
      throw new Error(`${url}: ${(err as Error).message}${errors.length ? `\npage errors: ${errors.join('; ')}` : ''}`);
    } finally {
      await context.close();
    }
  };
  process.stdout.write(`timing (1 warm-up + ${RUNS} runs each, alternating) `);
  await timeOnce(app.url);
  await timeOnce(baseline.url);
  const times = { app: [] as number[], baseline: [] as number[] };
  for (let i = 0; i < RUNS; i++) {
    times.app.push(await timeOnce(app.url));
    times.baseline.push(await timeOnce(baseline.url));
    process.stdout.write('.');
  }
  console.log(' done');

  // ---- report ------------------------------------------------------------------------------------
  console.log(`\nassets in web/dist/assets (gzip: node:zlib level 9, computed here; the local server does not compress static files)`);
  console.log(`${'file'.padEnd(38)} ${'raw'.padStart(10)} ${'gzip'.padStart(10)}  part`);
  for (const a of assets) console.log(`${a.file.padEnd(38)} ${kb(a.raw).padStart(10)} ${kb(a.gzip).padStart(10)}  ${a.maplibre ? 'MapLibre' : 'app'}`);
  const css = assets.filter((a) => !isJs(a));
  console.log(`\ngeometry responses (gzip: bytes on the wire from the API's compress(), accept-encoding: gzip)`);
  for (const [level, g] of Object.entries(geometry)) console.log(`/v1/geometry/${level.padEnd(5)} ${kb(g.raw).padStart(10)} raw ${kb(g.wire).padStart(10)} ${g.encoding}`);

  const row = (label: string, value: string, goal: string) => console.log(`${label.padEnd(44)} ${value.padStart(16)}  ${goal}`);
  const appJsGzip = sum(appJs, 'gzip');
  const geometryGzip = geometry.town!.wire + geometry.zcta!.wire;
  const [appMedian, baseMedian] = [median(times.app), median(times.baseline)];
  const ratio = appMedian / baseMedian;
  console.log(`\nfigures (Node ${process.versions.node}, ${browser.version()} headless, loopback, ${VIEWPORT.width}×${VIEWPORT.height}, ${RUNS} runs each)`);
  console.log('─'.repeat(90));
  row('MapLibre JS (chunk + worker), gzip', kb(sum(maplibreJs, 'gzip')), '');
  row('app JS beyond MapLibre, gzip', kb(appJsGzip), `goal < ${GOALS.appJsKb} KB: ${verdict(appJsGzip < GOALS.appJsKb * KB)}`);
  row('CSS (app + MapLibre), gzip', kb(sum(css, 'gzip')), '');
  row('geometry town, gzip', kb(geometry.town!.wire), '');
  row('geometry zcta, gzip', kb(geometry.zcta!.wire), '');
  row('geometry both levels, gzip', kb(geometryGzip), `goal < ${GOALS.geometryKb} KB: ${verdict(geometryGzip < GOALS.geometryKb * KB)}`);
  row('first choropleth, app (median)', `${appMedian.toFixed(0)} ms`, `runs: ${times.app.map((t) => t.toFixed(0)).join(', ')}`);
  row('first choropleth, bare MapLibre (median)', `${baseMedian.toFixed(0)} ms`, `runs: ${times.baseline.map((t) => t.toFixed(0)).join(', ')}`);
  row('app / baseline', `${ratio.toFixed(2)}×`, `goal ≤ ${GOALS.ratio}×: ${verdict(ratio <= GOALS.ratio)}`);
  console.log('─'.repeat(90));
} finally {
  await browser?.close();
  for (const s of servers) await s.close();
  await published.close();
  rmSync(work, { recursive: true, force: true });
}
