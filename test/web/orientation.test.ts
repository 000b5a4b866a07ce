import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserAvailability } from '../support/chromium.js';
import { apiJson, canvasShot, DESKTOP, openApp, PHONE, pixelDifference, saveShot, searchAndPick, settledShot, shareNear, startMapApp, type MapApp } from '../support/map-app.js';

/**
 * Issue 13, orientation and keyboard: town names, zoom buttons and a scale bar,
 * priority labels over the town they are named for, label buttons out of the tab
 * order, and picking a town on the map with the keyboard alone.
 *
 * What is under a point of the screen is read the way a user reads it: hover
 * there and the tooltip names the town (labels are made click-through for that).
 */
const { run } = browserAvailability();

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}
interface GeographyProps {
  name: string;
  status: string;
  members: { id: string; name: string; role: string }[];
}

const overlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const centre = (b: Box) => ({ x: b.x + b.width / 2, y: b.y + b.height / 2 });

/** Visible boxes and texts of the elements matching a selector (hidden ones left out). */
async function visibleBoxes(p: Page, selector: string): Promise<{ text: string; box: Box }[]> {
  return p.evaluate((sel) => {
    return Array.from(document.querySelectorAll<HTMLElement>(sel))
      .filter((e) => {
        const s = getComputedStyle(e);
        const r = e.getBoundingClientRect();
        return s.visibility !== 'hidden' && s.display !== 'none' && Number(s.opacity) > 0 && r.width > 0 && r.height > 0;
      })
      .map((e) => {
        const r = e.getBoundingClientRect();
        return { text: e.textContent?.trim() ?? '', box: { x: r.x, y: r.y, width: r.width, height: r.height } };
      });
  }, selector);
}

/** Let the mouse pass through these elements (MapLibre then hovers the town under them); the CSP forbids a style tag. */
async function clickThrough(p: Page, selector = '.pg-label, .town-label') {
  await p.evaluate((sel) => document.querySelectorAll<HTMLElement>(sel).forEach((e) => e.style.setProperty('pointer-events', 'none', 'important')), selector);
}

/** Show or hide the town labels (their layer), to compare the picture with and without them. */
async function townLabelsShown(p: Page, shown: boolean) {
  await p.evaluate((v) => document.querySelectorAll<HTMLElement>('.town-labels').forEach((e) => (e.style.visibility = v)), shown ? '' : 'hidden');
}

/** The town the tooltip names when the mouse rests at (x, y); null if none. */
async function townUnder(p: Page, x: number, y: number): Promise<string | null> {
  await p.mouse.move(2, 2); // leave the map so the old tooltip goes
  await p.mouse.move(x, y);
  const tip = p.locator('.tooltip strong').first();
  try {
    await tip.waitFor({ state: 'visible', timeout: 3000 });
  } catch {
    return null;
  }
  return (await tip.textContent())?.trim() ?? null;
}

/**
 * Investment circles sit on the towns' centres and take the hover (no tooltip
 * over them): for tests that ask which town lies under a point, the API answers
 * with no investments.
 */
async function withoutInvestments(p: Page) {
  await p.route('**/v1/investments*', (r) => r.fulfill({ json: { items: [] } }));
}

async function canvasBox(p: Page): Promise<Box> {
  return (await p.locator('canvas.maplibregl-canvas').boundingBox())!;
}

describe.runIf(run)('orientation on the map and keyboard picking', () => {
  let app: MapApp;
  let towns: Set<string>;
  let geographies: GeographyProps[];

  beforeAll(async () => {
    app = await startMapApp();
    const geometry = await apiJson<{ features: { properties: { name: string } }[] }>(app.url, '/v1/geometry/town');
    towns = new Set(geometry.features.map((f) => f.properties.name));
    geographies = (await apiJson<{ features: { properties: GeographyProps }[] }>(app.url, '/v1/priority-geographies')).features.map((f) => f.properties);
  });
  afterAll(() => app?.close());

  it('names the towns once zoomed in: decluttered, off the priority labels, each over its own town', async () => {
    const p = await app.newPage();
    await withoutInvestments(p);
    await openApp(p, app.url);
    await searchAndPick(p, 'Worcester', /^Worcester/);
    await settledShot(p);
    await p.waitForTimeout(500); // labels follow the settled view
    const shot = await saveShot(p, 'orientation-town-labels');
    const labels = await visibleBoxes(p, '.town-label');
    const names = labels.map((l) => l.text);
    expect(labels.length, names.join(', ')).toBeGreaterThanOrEqual(8);
    for (const n of names) expect(towns.has(n), n).toBe(true);
    expect(names).toContain('Worcester');
    const pg = await visibleBoxes(p, '.pg-label');
    for (let i = 0; i < labels.length; i++) {
      for (let j = i + 1; j < labels.length; j++) expect(overlap(labels[i]!.box, labels[j]!.box), `${labels[i]!.text} / ${labels[j]!.text}`).toBe(false);
      for (const g of pg) expect(overlap(labels[i]!.box, g.box), `${labels[i]!.text} covers the ${g.text} label`).toBe(false);
    }
    // Drawn on the map: hiding them changes the picture where they are.
    await townLabelsShown(p, false);
    const without = await saveShot(p, 'orientation-town-labels-hidden');
    expect(pixelDifference(shot, without)).toBeGreaterThan(0.002);
    await townLabelsShown(p, true);
    // Each label sits over the town it names.
    await clickThrough(p);
    for (const l of labels.slice(0, 6)) {
      const c = centre(l.box);
      expect(await townUnder(p, c.x, c.y), `the ${l.text} label`).toBe(l.text);
    }
    await p.context().close();
  });

  it('has zoom buttons and a scale bar that cover neither the legend nor the attribution, at desktop and phone width', async () => {
    for (const viewport of [undefined, PHONE]) {
      const p = await app.newPage(viewport ? { viewport } : {});
      await openApp(p, app.url);
      const zoomIn = p.getByRole('button', { name: 'Zoom in' });
      const zoomOut = p.getByRole('button', { name: 'Zoom out' });
      await expect.poll(() => zoomIn.isVisible()).toBe(true);
      expect(await zoomOut.isVisible()).toBe(true);
      expect(await p.locator('.maplibregl-ctrl-compass').count()).toBe(0);
      const scale = p.locator('.maplibregl-ctrl-scale');
      expect(await scale.count()).toBeGreaterThan(0);
      const before = (await scale.first().textContent())!;
      expect(before).toMatch(/^\d+(\.\d+)?\s?(mi|ft|km|m)$/);
      const controls = [await zoomIn.boundingBox(), await zoomOut.boundingBox(), ...(await Promise.all((await scale.all()).map((s) => s.boundingBox())))].map((b) => b!);
      const covered = [await p.locator('.legend-box').boundingBox(), await p.locator('.maplibregl-ctrl-attrib').boundingBox()].filter((b): b is Box => b !== null);
      const map = await canvasBox(p);
      for (const c of controls) {
        for (const b of covered) expect(overlap(c, b), `control at ${JSON.stringify(c)} over ${JSON.stringify(b)}`).toBe(false);
        expect(c.x >= map.x && c.y >= map.y && c.x + c.width <= map.x + map.width && c.y + c.height <= map.y + map.height, 'inside the map').toBe(true);
      }
      await saveShot(p, `orientation-controls-${viewport ? 'phone' : 'desktop'}`);
      const first = await settledShot(p);
      await zoomIn.click();
      const zoomed = await settledShot(p);
      expect(pixelDifference(first, zoomed), 'the map zoomed').toBeGreaterThan(0.2);
      await expect.poll(() => scale.first().textContent()).not.toBe(before);
      await p.context().close();
    }
  });

  it('anchors the Lawrence label on Lawrence, not on its neighbour', async () => {
    const p = await app.newPage();
    await withoutInvestments(p);
    await openApp(p, app.url);
    await searchAndPick(p, 'Lawrence', /^Lawrence/);
    await settledShot(p);
    await p.waitForTimeout(500);
    await saveShot(p, 'orientation-lawrence-label');
    const label = (await visibleBoxes(p, '.pg-label')).find((l) => l.text === 'Lawrence');
    expect(label, 'the Lawrence label is shown').toBeDefined();
    await clickThrough(p);
    const c = centre(label!.box);
    expect(await townUnder(p, c.x, c.y)).toBe('Lawrence');
    await p.context().close();
  });

  it('priority labels do not overlap and each stays on the town it is named for, on the phone and the desktop', async () => {
    for (const [name, viewport] of [['phone', PHONE], ['desktop', DESKTOP]] as const) {
      const p = await app.newPage({ viewport });
      await withoutInvestments(p);
      await openApp(p, app.url);
      await p.waitForFunction(() => document.querySelectorAll('.pg-label').length > 0, null, { timeout: 30_000 });
      await settledShot(p);
      await p.waitForTimeout(500);
      await saveShot(p, `orientation-${name}-priority-labels`);
      const labels = await visibleBoxes(p, '.pg-label');
      const map = await canvasBox(p);
      for (const g of geographies.filter((g) => g.status === 'confirmed')) expect(labels.map((l) => l.text), `${name}: every confirmed geography is labelled`).toContain(g.name);
      for (let i = 0; i < labels.length; i++)
        for (let j = i + 1; j < labels.length; j++) expect(overlap(labels[i]!.box, labels[j]!.box), `${name}: ${labels[i]!.text} / ${labels[j]!.text}`).toBe(false);
      for (const l of labels) {
        const b = l.box;
        expect(b.x >= map.x && b.y >= map.y && b.x + b.width <= map.x + map.width && b.y + b.height <= map.y + map.height, `${name}: ${l.text} inside the map`).toBe(true);
        // Drawn on screen, not hidden under something: the label's ink (navy or purple border and text) is in the picture.
        const ink = await p.screenshot({ clip: b });
        const inked = Math.max(shareNear(ink, [0x08, 0x30, 0x6b], 60), shareNear(ink, [0x6a, 0x3d, 0x9a], 60) + (shareNear(ink, [0x4a, 0x2a, 0x6e], 60)));
        expect(inked, `${name}: ${l.text} is drawn`).toBeGreaterThan(0.05);
      }
      await clickThrough(p);
      for (const l of labels) {
        const b = l.box;
        // The point of the label that names its place (data-anchor, px from the label's corner) lies in the town it is named for.
        const g = geographies.find((g) => g.name === l.text)!;
        const named = g.members.find((m) => g.name === m.name || g.name.startsWith(`${m.name} `))!;
        const anchor = (await p.locator('.pg-label', { hasText: l.text }).first().getAttribute('data-anchor'))?.split(',').map(Number);
        expect(anchor, `${l.text} says where its place is`).toHaveLength(2);
        const [ax, ay] = anchor!;
        expect(ax! >= 0 && ax! <= b.width && ay! >= 0 && ay! <= b.height, `${name}: ${l.text}: its place ${anchor} lies under it`).toBe(true);
        expect(await townUnder(p, b.x + ax!, b.y + ay!), `${name}: under the ${l.text} label's anchor`).toBe(named.name);
      }
      await p.context().close();
    }
  });

  it('keyboard: Tab reaches the map but never a label button; the labels still open a profile by mouse', async () => {
    const p = await app.newPage();
    await openApp(p, app.url);
    await p.waitForFunction(() => document.querySelectorAll('.pg-label').length > 0, null, { timeout: 30_000 });
    await p.getByRole('combobox', { name: 'Search a municipality or ZIP code' }).focus();
    const seen: string[] = [];
    let reachedMap = -1;
    for (let i = 0; i < 60 && (reachedMap < 0 || i < reachedMap + 15); i++) {
      await p.keyboard.press('Tab');
      const what = await p.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        return el.classList.contains('maplibregl-canvas') ? 'map' : el.classList.contains('pg-label') ? `pg-label:${el.textContent}` : `${el.tagName}:${el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 30)}`;
      });
      seen.push(what);
      if (what === 'map' && reachedMap < 0) reachedMap = i;
    }
    expect(reachedMap, seen.join(' | ')).toBeGreaterThanOrEqual(0);
    expect(seen.filter((s) => s.startsWith('pg-label')), seen.join(' | ')).toEqual([]);
    expect(await p.locator('.pg-label').count()).toBe(geographies.length);
    await p.mouse.click(2, 2);
    await p.locator('.pg-label', { hasText: /^Lawrence$/ }).click();
    await expect.poll(() => p.locator('aside h2').first().textContent(), { timeout: 30_000 }).toBe('Lawrence');
    await p.context().close();
  });

  it('keyboard: the focused map shows a focus ring and a crosshair, announces the town under it, and Enter opens its profile', async () => {
    const p = await app.newPage();
    await withoutInvestments(p);
    await openApp(p, app.url);
    const canvas = p.locator('canvas.maplibregl-canvas');
    const box = await canvasBox(p);
    const mid = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    const around = { x: mid.x - 20, y: mid.y - 20, width: 40, height: 40 };
    const blurredShot = await settledShot(p);
    const blurredMid = await p.screenshot({ clip: around });
    // The ring: a band of the focus colour (#005ea2) along the canvas edges, absent without focus.
    const edge = async () => {
      const { width, height } = box;
      const strips = await Promise.all([
        p.screenshot({ clip: { x: box.x, y: box.y + height / 2 - 40, width: 3, height: 80 } }),
        p.screenshot({ clip: { x: box.x + width / 2 - 40, y: box.y + height - 3, width: 80, height: 3 } }),
      ]);
      return Math.min(...strips.map((s) => shareNear(s, [0x00, 0x5e, 0xa2], 40)));
    };
    expect(await edge(), 'no ring without focus').toBeLessThan(0.2);
    // Reach the map with the keyboard (a mouse click would not show the ring).
    await p.getByRole('combobox', { name: 'Search a municipality or ZIP code' }).focus();
    for (let i = 0; i < 60 && !(await canvas.evaluate((c) => c === document.activeElement)); i++) await p.keyboard.press('Tab');
    expect(await canvas.evaluate((c) => c === document.activeElement && c.matches(':focus-visible'))).toBe(true);
    expect(await canvas.getAttribute('aria-label'), 'the map says how to use it from the keyboard').toMatch(/Enter/);
    await p.waitForTimeout(300);
    const focusedShot = await canvasShot(p);
    const focusedMid = await p.screenshot({ clip: around });
    await saveShot(p, 'orientation-keyboard-focus');
    expect(await edge(), 'focus ring drawn').toBeGreaterThan(0.8);
    // The crosshair: dark pixels at the centre that were not there before.
    const dark = [0x11, 0x11, 0x11] as [number, number, number];
    expect(shareNear(focusedMid, dark, 60), 'crosshair drawn').toBeGreaterThan(0.03);
    expect(shareNear(blurredMid, dark, 60), 'no crosshair without focus').toBeLessThan(0.01);
    expect(pixelDifference(blurredShot, focusedShot)).toBeGreaterThan(0.001);
    // Pan and zoom with the keyboard only; the place under the crosshair is announced.
    const announced = p.locator('.map-pick [data-place-name]');
    await expect.poll(() => announced.textContent(), { timeout: 10_000 }).not.toBe('');
    for (const key of ['ArrowLeft', 'ArrowLeft', 'ArrowUp', '+']) {
      await p.keyboard.press(key);
      await p.waitForTimeout(400);
    }
    await settledShot(p);
    await p.waitForTimeout(300);
    const name = (await announced.textContent())!.trim();
    expect(towns.has(name), `announced "${name}"`).toBe(true);
    expect(await p.locator('.map-pick').getAttribute('aria-live')).toBe('polite');
    expect((await p.locator('.map-pick').textContent())!.length).toBeGreaterThan(name.length + 5); // name and value
    await p.keyboard.press('Enter');
    await expect.poll(() => p.locator('aside h2').first().textContent(), { timeout: 30_000 }).toBe(name);
    // The announced town is the one drawn under the crosshair.
    await clickThrough(p);
    await clickThrough(p, '.map-crosshair, .map-pick');
    expect(await townUnder(p, mid.x, mid.y)).toBe(name);
    await p.context().close();
  });

  it('asks no other host for anything', () => {
    const own = new URL(app.url).host;
    expect(app.requests.filter((u) => new URL(u).host !== own)).toEqual([]);
    expect(app.pageErrors).toEqual([]);
  });
});
