import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserAvailability } from '../support/chromium.js';
import { apiJson, choroplethShare, idleAfter, openApp, searchAndPick, settledShot, startMapApp, WAIT, type MapApp } from '../support/map-app.js';

/**
 * Issue 13, defects 1–3, judged from outside the app: what the canvas shows and what the URL says.
 *  1. After zooming to a place every town turned grey-hatched "no data" and stayed so (the DOM said
 *     all was well). Measure: the share of canvas pixels in the five choropleth colours.
 *  2. Zooming to a place filled the canvas with it. Measure: the place's box in screen pixels,
 *     computed in the test by Web Mercator from the URL's #zoom/lat/lon and the API's geometry.
 *  3. The link lost the view and Back/Forward did not step through the app.
 */
const { run } = browserAvailability();

type Ring = [number, number][];
interface Feature {
  properties: { id: string; name: string };
  geometry: { type: 'Polygon'; coordinates: Ring[] } | { type: 'MultiPolygon'; coordinates: Ring[][] };
}

/** Web Mercator pixels at zoom z for 512-px tiles (MapLibre's world size). */
const project = (lon: number, lat: number, z: number) => {
  const size = 512 * 2 ** z;
  const y = Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
  return { x: ((lon + 180) / 360) * size, y: (0.5 - y / (2 * Math.PI)) * size };
};

const hashOf = (p: Page) => {
  const m = /^#([\d.]+)\/(-?[\d.]+)\/(-?[\d.]+)$/.exec(new URL(p.url()).hash);
  return m ? { zoom: Number(m[1]), lat: Number(m[2]), lon: Number(m[3]) } : null;
};

describe.runIf(run)('the choropleth keeps its colours, zooms keep context, the URL keeps the view', () => {
  let app: MapApp;
  let page: Page;
  let initial = 0;
  let towns: Feature[];
  const town = (name: string) => towns.find((f) => f.properties.name === name)!;

  /** The place's box on screen, in share of the canvas (from the URL's position, not the app's internals). */
  async function screenShare(p: Page, f: Feature) {
    const pos = hashOf(p);
    expect(pos, `a position in ${p.url()}`).not.toBeNull();
    const canvas = (await p.locator('canvas.maplibregl-canvas').boundingBox())!;
    const rings = f.geometry.type === 'Polygon' ? [f.geometry.coordinates[0]!] : f.geometry.coordinates.map((poly) => poly[0]!);
    const pts = rings.flat().map(([lon, lat]) => project(lon, lat, pos!.zoom));
    const c = project(pos!.lon, pos!.lat, pos!.zoom);
    const xs = pts.map((q) => q.x - c.x + canvas.width / 2);
    const ys = pts.map((q) => q.y - c.y + canvas.height / 2);
    const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    return { width: (x1 - x0) / canvas.width, height: (y1 - y0) / canvas.height, inside: x0 >= 0 && y0 >= 0 && x1 <= canvas.width && y1 <= canvas.height, zoom: pos!.zoom };
  }

  beforeAll(async () => {
    app = await startMapApp();
    towns = (await apiJson<{ features: Feature[] }>(app.url, '/v1/geometry/town')).features;
    page = await app.newPage();
    await openApp(page, app.url);
    initial = await choroplethShare(page);
  });
  afterAll(() => app?.close());

  // The statewide view is mostly sea and side panels (about 0.13–0.2 of the canvas is towns); the
  // defect left 0.001. Zoomed views are mostly towns.
  it('the first frame shows the choropleth', () => {
    expect(initial).toBeGreaterThan(0.1);
  });

  it('zoom from search keeps the colours and the neighbours in view', async () => {
    await searchAndPick(page, 'Lawrence', /^Lawrence/);
    await expect.poll(() => hashOf(page)?.zoom ?? 0, { timeout: WAIT }).toBeGreaterThan(9);
    expect(await choroplethShare(page), 'coloured after the zoom').toBeGreaterThan(0.4);
    const s = await screenShare(page, town('Lawrence'));
    expect(s.inside, 'Lawrence is wholly in view').toBe(true);
    expect(Math.max(s.width, s.height), 'Lawrence leaves room for its neighbours').toBeLessThan(0.5);
  });

  it('a small town is not blown up to fill the map (zoom is capped)', async () => {
    await searchAndPick(page, 'Nahant', /^Nahant/);
    await expect.poll(async () => (await screenShare(page, town('Nahant'))).inside, { timeout: WAIT }).toBe(true);
    await settledShot(page);
    const s = await screenShare(page, town('Nahant'));
    expect(s.zoom).toBeLessThanOrEqual(10.5);
    expect(Math.max(s.width, s.height)).toBeLessThan(0.25);
    expect(await choroplethShare(page)).toBeGreaterThan(0.2);
  });

  it('zoom from a priority geography, then level and measure changes, keep the colours', async () => {
    await page.getByTestId('priority-list').getByRole('button', { name: /Lowell/ }).first().click();
    expect(await choroplethShare(page), 'after the geography zoom').toBeGreaterThan(0.4);
    await idleAfter(page, () => page.getByRole('radio', { name: 'ZIP codes' }).check());
    expect(await choroplethShare(page), 'ZIP codes after the zoom').toBeGreaterThan(0.3);
    await idleAfter(page, () => page.getByRole('combobox', { name: 'Measure', exact: true }).selectOption('domain:maternal_perinatal'));
    expect(await choroplethShare(page), 'another measure after the zoom').toBeGreaterThan(0.3);
    await idleAfter(page, () => page.getByRole('radio', { name: 'Municipalities' }).check());
    expect(await choroplethShare(page), 'towns again').toBeGreaterThan(0.4);
    await page.close(); // one map at a time: a page left open keeps drawing on this 2-core machine
  });

  it('a link with a position opens there, coloured, and keeps the colours through level and measure changes', async () => {
    const p = await app.newPage();
    const { lon, lat } = { lon: -71.16, lat: 42.7 };
    await openApp(p, app.url, `?place=${town('Lawrence').properties.id}#10/${lat}/${lon}`);
    await settledShot(p);
    const pos = hashOf(p)!;
    expect(pos.zoom).toBeCloseTo(10, 1);
    expect(pos.lat).toBeCloseTo(lat, 2);
    expect(pos.lon).toBeCloseTo(lon, 2);
    expect(await choroplethShare(p), 'opened from the link').toBeGreaterThan(0.4);
    await idleAfter(p, () => p.getByRole('combobox', { name: 'Measure', exact: true }).selectOption('low_birth_weight'));
    expect(await choroplethShare(p)).toBeGreaterThan(0.3);
    await idleAfter(p, () => p.getByRole('radio', { name: 'ZIP codes' }).check());
    expect(await choroplethShare(p)).toBeGreaterThan(0.3);
    expect(hashOf(p)!.zoom, 'a level change keeps the view').toBeCloseTo(10, 1);
    await expect.poll(() => new URL(p.url()).searchParams.get('place'), { message: 'a town is no open place at ZIP level' }).toBeNull();
    await p.close();
  });

  it('Back and Forward step through the app’s states and positions', async () => {
    const p = await app.newPage();
    await openApp(p, app.url);
    await settledShot(p);
    const start = hashOf(p);
    expect(start, 'the whole-state view is in the URL too').not.toBeNull();
    await idleAfter(p, () => p.getByRole('combobox', { name: 'Measure', exact: true }).selectOption('median_household_income'));
    await searchAndPick(p, 'Brockton', /^Brockton/);
    await expect.poll(() => hashOf(p)?.zoom ?? 0, { timeout: WAIT }).toBeGreaterThan(9);
    await settledShot(p);
    const atBrockton = hashOf(p)!;
    const params = () => Object.fromEntries(new URL(p.url()).searchParams);

    await p.goBack();
    await expect.poll(() => params()).toEqual({ measure: 'median_household_income' });
    await expect.poll(() => hashOf(p)?.zoom).toBeCloseTo(start!.zoom, 1);
    await expect.poll(() => p.getByTestId('profile').count()).toBe(0);
    const back = await settledShot(p);
    expect(await choroplethShare(p), 'the statewide view, coloured').toBeGreaterThan(0.1);

    await p.goBack();
    await expect.poll(() => params()).toEqual({});
    await expect.poll(() => p.getByTestId('legend').getByRole('heading').innerText()).toMatch(/overall/);

    await p.goForward();
    await p.goForward();
    await expect.poll(() => params().place).toBe(town('Brockton').properties.id);
    await expect.poll(() => hashOf(p)?.zoom ?? 0).toBeCloseTo(atBrockton.zoom, 1);
    await expect.poll(() => p.getByTestId('profile').getByRole('heading', { level: 2 }).innerText()).toBe('Brockton');
    const forward = await settledShot(p);
    expect(back.equals(forward), 'the picture changed with the position').toBe(false);
    expect(await choroplethShare(p)).toBeGreaterThan(0.4);
  });

  it('no page threw or logged an error', () => {
    expect(app.pageErrors).toEqual([]);
    expect(app.consoleErrors).toEqual([]);
  });
});
