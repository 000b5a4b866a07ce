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
 *    alternating after one warm-up each, two figures per run:
 *    - outside (what the user sees): from the moment `page.goto` is issued, the page is shot by CDP
 *      `Page.captureScreenshot` (the canvas's rectangle, found in the warm-up) back to back, each shot
 *      stamped when requested. The settled frame is the last shot, 1.5 s after the page's own mark.
 *      The choropleth is "visible" in the first shot in which the share of pixels in the five drawn
 *      YlOrRd class colours reaches 80 % of the settled frame's share. Both pages draw those colours
 *      (the baseline colours each town by its name's length), so one detector judges both;
 *    - inside: the page's `choropleth-idle` performance mark, i.e. ms from the page's navigation
 *      start to the map's first `idle` with the data drawn (MapLibre's idea of done).
 *    Medians over the runs, the spread, and app / baseline for each.
 *
 *   npm run bench:web                 (BENCH_RUNS=7 timed runs per page)
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
import { decodePng } from '../test/support/png.js';
import { publishBenchVersion } from './publish-version.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const RUNS = Number(process.env.BENCH_RUNS || 7);
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

// ---- first visible choropleth, judged from screenshots ------------------------------------------
/** How long to keep shooting after the page's own mark, so the last shot is the settled frame. */
const SETTLE_MS = 1500;
const CAPTURE_TIMEOUT_MS = 2000;
/** A shot shows the choropleth once this share of the settled frame's choropleth pixels is on screen. */
const VISIBLE_SHARE = 0.8;
// The five YlOrRd classes as drawn (fill-opacity 0.92 over the #dfe9f0 background) in the app and,
// by construction, in the baseline page; kept literal so the bench does not trust the app's code.
const DRAWN = ['#ffffb2', '#fecc5c', '#fd8d3c', '#f03b20', '#bd0026'].map((c) => {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16));
  return [r! * 0.92 + 0xdf * 0.08, g! * 0.92 + 0xe9 * 0.08, b! * 0.92 + 0xf0 * 0.08].map(Math.round);
});

interface Clip {
  x: number;
  y: number;
  width: number;
  height: number;
}
interface Shot {
  /** ms from `page.goto` being issued to this shot being requested. */
  at: number;
  png: Buffer;
}
interface Run {
  /** ms to the first shot showing the choropleth (outside measure). */
  visible: number;
  /** The page's `choropleth-idle` mark (inside measure, ms from the page's navigation start). */
  internal: number;
  /** Share of the canvas in choropleth colours in the settled frame. */
  finalShare: number;
  /** Median ms between shot requests: the outside measure's resolution. */
  interval: number;
  shots: number;
  /** Captures that did not answer within CAPTURE_TIMEOUT_MS (left out). */
  dropped: number;
  rect: Clip;
}

/** Share of pixels within a small distance (sum of |ΔRGB| ≤ 24, as the browser tests' pixelStats) of a drawn class colour. */
function choroplethShare(png: Buffer): number {
  const { data } = decodePng(png);
  let hits = 0;
  for (let i = 0; i < data.length; i += 4) {
    for (const [r, g, b] of DRAWN) {
      if (Math.abs(data[i]! - r!) + Math.abs(data[i + 1]! - g!) + Math.abs(data[i + 2]! - b!) <= 24) {
        hits++;
        break;
      }
    }
  }
  return hits / (data.length / 4);
}

function firstVisible(shots: Shot[], idleAt: number): Omit<Run, 'internal' | 'rect' | 'dropped'> {
  const last = shots.at(-1);
  if (!last || last.at < idleAt) throw new Error('no screenshot after the choropleth-idle mark');
  const finalShare = choroplethShare(last.png);
  if (finalShare < 0.05) {
    const file = path.join(tmpdir(), 'bench-web-settled.png');
    writeFileSync(file, last.png);
    throw new Error(`the settled frame (${file}) is only ${(finalShare * 100).toFixed(1)} % choropleth colours: is the map drawing the class colours?`);
  }
  const first = shots.find((s) => choroplethShare(s.png) >= VISIBLE_SHARE * finalShare)!;
  const gaps = shots.slice(1).map((s, i) => s.at - shots[i]!.at);
  return { visible: first.at, finalShare, interval: median(gaps), shots: shots.length };
}

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
// A copy of the build is measured and served: web/dist is rebuilt by whoever runs `npm run build`,
// and a rebuild during the runs would change the files under the page being timed.
const appDir = path.join(work, 'app');
cpSync(WEB_DIR, appDir, { recursive: true });
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
  /** Relative to the build's root. */
  path: string;
}
// MapLibre is recognised by file name: web/vite.config.ts puts maplibre-gl into the `maplibre`
// chunk (and its CSS into maplibre-*.css), and the worker is emitted as maplibre-gl-worker-*.mjs.
// Scripts copied unbundled from web/public (preload-data.js) sit beside index.html and count as the app's.
const assetFiles = [...readdirSync(path.join(appDir, 'assets')).map((f) => `assets/${f}`), ...readdirSync(appDir)];
const assets: Asset[] = assetFiles
  .filter((f) => /\.(m?js|css)$/.test(f))
  .sort()
  .map((file) => {
    const body = readFileSync(path.join(appDir, file));
    return { file: file.replace(/^assets\//, ''), raw: body.length, gzip: gzipSync(body, { level: 9 }).length, maplibre: path.basename(file).startsWith('maplibre'), path: file };
  });
if (!assets.some((a) => a.maplibre)) throw new Error('no maplibre* asset in web/dist/assets: has the manual chunk in web/vite.config.ts gone?');
const isJs = (a: Asset) => /\.m?js$/.test(a.file);
const sum = (xs: Asset[], key: 'raw' | 'gzip') => xs.reduce((n, a) => n + a[key], 0);
const appJs = assets.filter((a) => isJs(a) && !a.maplibre);
const maplibreJs = assets.filter((a) => isJs(a) && a.maplibre);
// The goal is about the map's first load: index.html's scripts and the chunks they import statically.
// Chunks imported dynamically (the report pages, the report's PDF code) load only where used; listed apart.
const firstLoad = new Set<string>();
for (const queue = [...readFileSync(path.join(appDir, 'index.html'), 'utf8').matchAll(/(?:src|href)="\/([^"]+\.m?js)"/g)].map((m) => m[1]!); queue.length; ) {
  const f = queue.shift()!;
  if (firstLoad.has(f)) continue;
  firstLoad.add(f);
  for (const m of readFileSync(path.join(appDir, f), 'utf8').matchAll(/(?:\bfrom\s*|\bimport\s*)["']\.\/([^"']+\.m?js)["']/g)) queue.push(path.posix.join(path.posix.dirname(f), m[1]!));
}
const appFirstJs = appJs.filter((a) => firstLoad.has(a.path));
const appLazyJs = appJs.filter((a) => !firstLoad.has(a.path));
// The app's own chunks must not have swallowed MapLibre (a changed split would silently flatter the app figure).
for (const a of appJs) {
  if (readFileSync(path.join(appDir, a.path), 'utf8').includes('maplibregl-canvas')) throw new Error(`${a.file} contains MapLibre code: check the manual chunk`);
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
  const app = await serve(appDir);
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
  // The app's other request before its first choropleth (the colours); the bare page needs only the geometry.
  const layers = await wireBytes(`${app.url}/v1/layers/town`);
  if (layers.status !== 200) throw new Error(`/v1/layers/town answered ${layers.status}`);
  const layersRaw = layers.encoding === 'gzip' ? gunzipSync(layers.body).length : layers.wire;

  // ---- time to first rendered choropleth ---------------------------------------------------------
  browser = await launchChromium();
  const timeOnce = async (url: string, clip: Clip): Promise<Run> => {
    const context = await browser!.newContext({ viewport: VIEWPORT }); // fresh context: empty HTTP cache
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const shots: Shot[] = [];
    let polling = true;
    let dropped = 0;
    try {
      // t0 is the moment navigation is asked for; every shot is stamped when it is requested, so a
      // shot's time is an upper bound on when its pixels were on screen (never flattering). Shooting
      // starts at the navigation's commit (nothing of the page can be on screen before): a capture
      // asked for while the old document is being replaced never answers.
      const t0 = performance.now();
      await page.goto(url, { waitUntil: 'commit' });
      const capture = () =>
        cdp.send('Page.captureScreenshot', { format: 'png', clip: { ...clip, scale: 1 }, optimizeForSpeed: true }).then(
          (r) => Buffer.from((r as { data: string }).data, 'base64'),
          () => null,
        );
      const poll = (async () => {
        while (polling) {
          const at = performance.now() - t0;
          // A capture that hangs is dropped (its pixels could be from any time); the next one is asked for.
          const png = await Promise.race([capture(), new Promise<null>((r) => setTimeout(() => r(null), CAPTURE_TIMEOUT_MS))]);
          if (png) shots.push({ at, png });
          else dropped++;
        }
      })();
      // `?.`: just after the commit the new document may not have its root element yet.
      await page.waitForFunction(() => document.documentElement?.dataset.mapState === 'idle' && performance.getEntriesByName('choropleth-idle').length > 0, null, { timeout: 60_000, polling: 100 });
      const internal = await page.evaluate(() => performance.getEntriesByName('choropleth-idle')[0]!.startTime);
      const idleAt = performance.now() - t0;
      // Keep polling a while after the mark (and for a few shots), so the last shot is the settled frame.
      const settleUntil = performance.now() + SETTLE_MS;
      for (let waited = 0; performance.now() < settleUntil || shots.filter((s) => s.at > idleAt).length < 3; waited += 100) {
        if (waited > 30_000) throw new Error(`fewer than 3 screenshots in 30 s after the mark (${dropped} captures dropped)`);
        await page.waitForTimeout(100);
      }
      polling = false;
      await poll;
      const rect = await page.evaluate(() => {
        const r = document.querySelector('canvas.maplibregl-canvas')!.getBoundingClientRect();
        return { x: Math.round(r.x), y: Math.round(r.y), width: Math.round(r.width), height: Math.round(r.height) };
      });
      return { ...firstVisible(shots, idleAt), internal, rect, dropped };
    } catch (err) {
      // Say what state the page was in, with a picture of it, so a failed run can be understood.
      const file = path.join(tmpdir(), 'bench-web-failed.png');
      const state = await page
        .evaluate(() => `data-map-state=${document.documentElement.dataset.mapState}; resources: ${performance.getEntriesByType('resource').map((e) => `${new URL(e.name).pathname} ${Math.round(e.startTime)}–${Math.round((e as PerformanceResourceTiming).responseEnd)} ms`).join(', ')}`)
        .catch(() => '?');
      await page.screenshot({ path: file, timeout: 5000 }).catch(() => {});
      throw new Error(`${url}: ${(err as Error).message}\n${state}\nscreenshot: ${file}${errors.length ? `\npage errors: ${errors.join('; ')}` : ''}`);
    } finally {
      polling = false;
      await context.close();
    }
  };
  process.stdout.write(`timing (1 warm-up + ${RUNS} runs each, alternating) `);
  // The warm-up finds each page's canvas; later runs shoot just that rectangle (faster shots, finer timing).
  const viewportClip = { x: 0, y: 0, ...VIEWPORT };
  const clips = { app: (await timeOnce(app.url, viewportClip)).rect, baseline: (await timeOnce(baseline.url, viewportClip)).rect };
  const runs = { app: [] as Run[], baseline: [] as Run[] };
  for (let i = 0; i < RUNS; i++) {
    runs.app.push(await timeOnce(app.url, clips.app));
    runs.baseline.push(await timeOnce(baseline.url, clips.baseline));
    process.stdout.write('.');
  }
  console.log(' done');

  // ---- report ------------------------------------------------------------------------------------
  console.log(`\nassets in web/dist/assets and beside index.html (gzip: node:zlib level 9, computed here; the local server does not compress static files)`);
  console.log(`${'file'.padEnd(38)} ${'raw'.padStart(10)} ${'gzip'.padStart(10)}  part`);
  for (const a of assets) console.log(`${a.file.padEnd(38)} ${kb(a.raw).padStart(10)} ${kb(a.gzip).padStart(10)}  ${a.maplibre ? 'MapLibre' : 'app'}`);
  const css = assets.filter((a) => !isJs(a));
  console.log(`\ngeometry responses (gzip: bytes on the wire from the API's compress(), accept-encoding: gzip)`);
  for (const [level, g] of Object.entries(geometry)) console.log(`/v1/geometry/${level.padEnd(5)} ${kb(g.raw).padStart(10)} raw ${kb(g.wire).padStart(10)} ${g.encoding}`);
  console.log(`/v1/layers/town    ${kb(layersRaw).padStart(10)} raw ${kb(layers.wire).padStart(10)} ${layers.encoding} (the app's colours; needed before its first choropleth)`);

  const row = (label: string, value: string, goal: string) => console.log(`${label.padEnd(44)} ${value.padStart(16)}  ${goal}`);
  const appJsGzip = sum(appFirstJs, 'gzip');
  const geometryGzip = geometry.town!.wire + geometry.zcta!.wire;
  const figure = (key: 'visible' | 'internal') => {
    const [a, b] = [runs.app.map((r) => r[key]), runs.baseline.map((r) => r[key])];
    // Each app run is paired with the bare run right after it: on a shared machine the load drifts,
    // and the median of the pairs' ratios cancels the drift that the ratio of medians keeps.
    return { app: a, baseline: b, ratio: median(a) / median(b), paired: median(a.map((x, i) => x / b[i]!)) };
  };
  const outside = figure('visible');
  const inside = figure('internal');
  const spread = (xs: number[]) => `${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)}`;
  console.log(`\nfigures (Node ${process.versions.node}, ${browser.version()} headless, loopback, ${VIEWPORT.width}×${VIEWPORT.height}, ${RUNS} runs each)`);
  console.log('─'.repeat(90));
  row('MapLibre JS (chunk + worker), gzip', kb(sum(maplibreJs, 'gzip')), '');
  row('app JS beyond MapLibre (first load), gzip', kb(appJsGzip), `goal < ${GOALS.appJsKb} KB: ${verdict(appJsGzip < GOALS.appJsKb * KB)}`);
  row('app JS loaded later (reports, PDF), gzip', kb(sum(appLazyJs, 'gzip')), appLazyJs.map((a) => a.file.replace(/-[\w-]{8}\.m?js$/, '')).join(', '));
  row('CSS (app + MapLibre), gzip', kb(sum(css, 'gzip')), '');
  row('geometry town, gzip', kb(geometry.town!.wire), '');
  row('geometry zcta, gzip', kb(geometry.zcta!.wire), '');
  row('geometry both levels, gzip', kb(geometryGzip), `goal < ${GOALS.geometryKb} KB: ${verdict(geometryGzip < GOALS.geometryKb * KB)}`);
  console.log('─'.repeat(90));
  console.log(`first choropleth, ms (median of ${RUNS}; spread min–max; app / bare = ratio of the medians, paired = median of each run's ratio to the bare run after it)`);
  console.log(`${''.padEnd(36)} ${'app'.padStart(14)} ${'bare MapLibre'.padStart(14)} ${'app / bare'.padStart(11)} ${'paired'.padStart(8)}  goal ≤ ${GOALS.ratio}×`);
  const timeRow = (label: string, f: ReturnType<typeof figure>) =>
    console.log(`${label.padEnd(36)} ${median(f.app).toFixed(0).padStart(14)} ${median(f.baseline).toFixed(0).padStart(14)} ${`${f.ratio.toFixed(2)}×`.padStart(11)} ${`${f.paired.toFixed(2)}×`.padStart(8)}  ${verdict(f.ratio <= GOALS.ratio)}`);
  const spreadRow = (f: ReturnType<typeof figure>) => console.log(`${'  spread'.padEnd(36)} ${spread(f.app).padStart(14)} ${spread(f.baseline).padStart(14)}`);
  timeRow('outside: screenshot shows it', outside);
  spreadRow(outside);
  timeRow('inside: choropleth-idle mark', inside);
  spreadRow(inside);
  const info = (key: 'interval' | 'finalShare' | 'shots', fmt: (x: number) => string) => `${fmt(median(runs.app.map((r) => r[key])))} / ${fmt(median(runs.baseline.map((r) => r[key])))}`;
  console.log(`shots per run ${info('shots', (x) => x.toFixed(0))}, every ${info('interval', (x) => `${x.toFixed(0)} ms`)} (app / bare); settled frame ${info('finalShare', (x) => `${(x * 100).toFixed(0)} %`)} choropleth colours`);
  const droppedAll = [...runs.app, ...runs.baseline].reduce((n, r) => n + r.dropped, 0);
  if (droppedAll) console.log(`${droppedAll} captures did not answer within ${CAPTURE_TIMEOUT_MS} ms and were left out`);
  console.log(`canvas shot: app ${clips.app.width}×${clips.app.height} at ${clips.app.x},${clips.app.y}; bare ${clips.baseline.width}×${clips.baseline.height}`);
  console.log(`runs, outside app:  ${outside.app.map((t) => t.toFixed(0)).join(', ')}`);
  console.log(`runs, outside bare: ${outside.baseline.map((t) => t.toFixed(0)).join(', ')}`);
  console.log(`runs, inside app:   ${inside.app.map((t) => t.toFixed(0)).join(', ')}`);
  console.log(`runs, inside bare:  ${inside.baseline.map((t) => t.toFixed(0)).join(', ')}`);
  console.log('─'.repeat(90));
} finally {
  await browser?.close();
  for (const s of servers) await s.close();
  await published.close();
  rmSync(work, { recursive: true, force: true });
}
