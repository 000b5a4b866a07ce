import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { loadConfig } from '../../functions/src/config.js';
import { browserAvailability } from '../support/chromium.js';
import {
  apiJson,
  DRAWN_CLASS_COLORS,
  downloaded,
  idleAfter,
  openApp,
  parseCsv,
  PHONE,
  saveShot,
  searchAndPick,
  seriousViolations,
  settledShot,
  startMapApp,
  WAIT,
  type MapApp,
} from '../support/map-app.js';

/**
 * Issue 13, the funder's task: "which high-need towns in Hampden and Worcester have no announced
 * investment", done in the app only (county filter → need view → its list and CSV) and checked
 * against an answer recomputed here from the API's need data, the raw boundary file's counties and
 * ahem/investments.csv — not from the app's code. The map must show the filter (dimmed towns, by
 * pixels), and membership of priority geographies must be honest (Springfield was added to the
 * "Chicopee" geography by the rule; it is not an AHEM community), in plain words.
 */
const { run } = browserAvailability();
const COUNTIES = ['Hampden', 'Worcester'];

interface NeedItem { id: string; name: string; percentile: number | null; high_need: boolean }

/** Raw data, read the way a person checking the answer by hand would. */
function rawTruth(dataDir: string) {
  const towns = (JSON.parse(readFileSync(path.join(dataDir, 'boundaries/ma_towns_census2020_massgis_full.geojson'), 'utf8')) as { features: { properties: { GEOID20: string; TOWN20: string; COUNTY20: string } }[] }).features.map((f) => ({
    id: f.properties.GEOID20,
    upper: f.properties.TOWN20,
    county: f.properties.COUNTY20,
  }));
  const inCounties = (county: string) => COUNTIES.some((c) => c.toUpperCase() === county.toUpperCase());
  const rows = parseCsv(readFileSync(path.join(dataDir, 'ahem/investments.csv'), 'utf8')).filter((r) => r.length > 1);
  const [header, ...grants] = rows;
  const col = (name: string) => header!.indexOf(name);
  // Per town (upper-case name): grants naming it and its equal share of each published amount.
  const invested = new Map<string, { count: number; usd: number }>();
  for (const g of grants) {
    const named = g[col('municipalities')]!.split(';').map((s) => s.trim().toUpperCase()).filter(Boolean);
    const amount = g[col('amount_usd')] ? Number(g[col('amount_usd')]) : null;
    for (const n of named) {
      const t = invested.get(n) ?? { count: 0, usd: 0 };
      invested.set(n, { count: t.count + 1, usd: t.usd + (amount === null ? 0 : amount / named.length) });
    }
  }
  return { towns, inCounties, invested };
}

/** Canvas pixels sampled on a grid: where the five choropleth colours are drawn. */
async function colouredGrid(p: Page, png: Buffer, step = 6): Promise<{ w: number; h: number; step: number; on: boolean[] }> {
  return p.evaluate(
    async ([b64, classes, s]) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const c = document.createElement('canvas');
      [c.width, c.height] = [img.width, img.height];
      const g = c.getContext('2d')!;
      g.drawImage(img, 0, 0);
      const { data } = g.getImageData(0, 0, c.width, c.height);
      const on: boolean[] = [];
      for (let y = 0; y < c.height; y += s)
        for (let x = 0; x < c.width; x += s) {
          const i = (y * c.width + x) * 4;
          on.push(classes.some(([r, gg, b]) => Math.abs(data[i]! - r) + Math.abs(data[i + 1]! - gg) + Math.abs(data[i + 2]! - b) <= 24));
        }
      return { w: c.width, h: c.height, step: s, on };
    },
    [png.toString('base64'), DRAWN_CLASS_COLORS, step] as const,
  );
}

/** Up to n grid points where keep(i) holds, spread evenly over all of them (canvas pixels). */
function gridPoints(g: { w: number; step: number; on: boolean[] }, keep: (i: number) => boolean, n: number): { x: number; y: number }[] {
  const cols = Math.ceil(g.w / g.step);
  const all = g.on.map((_, i) => i).filter(keep);
  const k = Math.min(n, all.length);
  return Array.from({ length: k }, (_, j) => all[Math.floor(((j + 0.5) * all.length) / k)]!).map((i) => ({ x: (i % cols) * g.step, y: Math.floor(i / cols) * g.step }));
}

/** Hover a canvas point and read the tooltip's place line ("Springfield, Hampden County"), or null if none shows. */
async function hoverPlace(p: Page, at: { x: number; y: number }): Promise<string | null> {
  const box = (await p.locator('canvas.maplibregl-canvas').boundingBox())!;
  await p.mouse.move(box.x + at.x, box.y + at.y, { steps: 2 });
  const tip = p.getByRole('status').filter({ hasText: 'Click for the full profile' });
  if (!(await tip.waitFor({ state: 'visible', timeout: 3_000 }).then(() => true, () => false))) return null;
  return (await tip.innerText()).split('\n')[0]!.trim();
}

/** snake_case words, and the API's source ids, must not reach the visible text. */
const CODE_WORD = /\b[a-z]+_[a-z_]+\b/;

describe.runIf(run)('the funder’s task: high-need towns in Hampden and Worcester with no announced investment', () => {
  let app: MapApp;
  let page: Page;
  let truth: ReturnType<typeof rawTruth>;
  let expected: { id: string; name: string; percentile: number }[];
  let before: Awaited<ReturnType<typeof colouredGrid>>;
  let after: Awaited<ReturnType<typeof colouredGrid>>;

  beforeAll(async () => {
    app = await startMapApp();
    truth = rawTruth(loadConfig().dataDir);
    const need = await apiJson<{ highNeedPercentile: number; items: NeedItem[] }>(app.url, '/v1/need-investment?level=town');
    const county = new Map(truth.towns.map((t) => [t.id, t]));
    expected = need.items
      .filter((r) => r.percentile !== null && r.percentile >= need.highNeedPercentile)
      .filter((r) => truth.inCounties(county.get(r.id)!.county) && !truth.invested.has(county.get(r.id)!.upper))
      .map((r) => ({ id: r.id, name: r.name, percentile: r.percentile! }))
      .sort((a, b) => b.percentile - a.percentile);
    page = await app.newPage();
    await openApp(page, app.url);
  });
  afterAll(() => app?.close());

  it('the answer is not empty (else the task would prove nothing)', () => {
    expect(expected.length).toBeGreaterThan(3);
  });

  it('picks Hampden and Worcester in the county filter; the URL keeps them and the other towns are dimmed on the map', async () => {
    before = await colouredGrid(page, await settledShot(page));
    const filter = page.getByTestId('county-filter');
    await filter.locator('summary').click();
    await idleAfter(page, async () => {
      for (const c of COUNTIES) await filter.getByRole('checkbox', { name: c }).check();
    });
    await page.keyboard.press('Escape');
    await expect.poll(() => new URL(page.url()).searchParams.get('county')).toBe('Hampden,Worcester');
    await expect.poll(() => filter.locator('summary').innerText()).toBe('Counties: Hampden and Worcester');
    const shot = await settledShot(page);
    after = await colouredGrid(page, shot);
    await saveShot(page, 'funder-task-county-filter');

    const share = (g: typeof before) => g.on.filter(Boolean).length / g.on.length;
    // Hampden and Worcester are about a fifth of the state's towns: most colour goes, some stays.
    expect(share(after)).toBeGreaterThan(0.02);
    expect(share(after)).toBeLessThan(share(before) * 0.6);
    // Filtering dims, never recolours: what is coloured now was coloured before.
    const kept = after.on.filter((on, i) => on && before.on[i]).length;
    expect(kept / after.on.filter(Boolean).length).toBeGreaterThan(0.97);
  });

  it('what stays coloured is in Hampden or Worcester, what was dimmed is elsewhere (read off the map by hovering)', async () => {
    const colouredNow = gridPoints(after, (i) => after.on[i]!, 6);
    const dimmedNow = gridPoints(after, (i) => before.on[i]! && !after.on[i], 6);
    let checked = 0;
    for (const pt of colouredNow) {
      const line = await hoverPlace(page, pt);
      if (!line) continue;
      checked++;
      expect(line, `coloured at ${pt.x},${pt.y}`).toMatch(/, (Hampden|Worcester) County$/);
    }
    for (const pt of dimmedNow) {
      const line = await hoverPlace(page, pt);
      if (!line) continue;
      checked++;
      expect(line, `dimmed at ${pt.x},${pt.y}`).not.toMatch(/, (Hampden|Worcester) County$/);
      // The tooltip's county is the boundary file's.
      const name = line.replace(/, [A-Za-z]+ County$/, '');
      const raw = truth.towns.find((t) => t.upper === name.toUpperCase());
      if (raw) expect(truth.inCounties(raw.county), name).toBe(false);
    }
    expect(checked).toBeGreaterThanOrEqual(8);
    await page.mouse.move(0, 0);
  });

  it('the need view lists exactly the answer, most disadvantaged first, with county and investment columns on screen', async () => {
    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Need vs. investment' }).click();
    const need = page.getByTestId('need-view');
    await expect.poll(() => need.getAttribute('aria-busy'), { timeout: WAIT }).toBe('false');
    await expect.poll(() => need.getByTestId('need-summary').innerText()).toMatch(/Hampden and Worcester counties: \d+ high-need municipalities; \d+ of them named by no announced grant/);
    const list = need.getByRole('region', { name: /High need, no announced investment/ }).last();
    const names = await list.getByRole('rowheader').allInnerTexts();
    expect(names.map((n) => n.trim())).toEqual(expected.map((e) => e.name));
    const headers = (await list.getByRole('columnheader').allInnerTexts()).map((h) => h.trim());
    expect(headers).toEqual(expect.arrayContaining(['County', 'Announced grants', 'Announced dollars']));
    const rows = list.getByRole('row');
    for (let i = 1; i < (await rows.count()); i++) {
      const cells = (await rows.nth(i).getByRole('cell').allInnerTexts()).map((c) => c.trim());
      expect(COUNTIES).toContain(cells[0]);
      expect(cells.at(-2)).toBe('0');
    }
    // The columns are on screen, not clipped by the side panel.
    const aside = (await page.getByRole('complementary', { name: 'Details' }).boundingBox())!;
    for (const h of ['County', 'Announced grants', 'Announced dollars']) {
      const box = (await list.getByRole('columnheader', { name: h }).boundingBox())!;
      expect(box.x + box.width, h).toBeLessThanOrEqual(aside.x + aside.width + 1);
      expect(box.x, h).toBeGreaterThanOrEqual(aside.x - 1);
    }
    await saveShot(page, 'funder-task-need-view');
  });

  it('the exported CSV is the same answer, with county and announced-investment columns after the earlier ones', async () => {
    const need = page.getByTestId('need-view');
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: WAIT }), need.getByRole('button', { name: /Export CSV/ }).click()]);
    expect(download.suggestedFilename()).toMatch(/high-need-no-investment-hampden-worcester-.*\.csv$/);
    const [header, ...rows] = parseCsv((await downloaded(download)).toString('utf8')).filter((r) => r.length > 1);
    expect(header!.slice(0, 8)).toEqual(['version', 'id', 'name', 'population', 'overall_percentile (0-100)', 'rank', 'flag_count', 'high_need_threshold_percentile']);
    const at = (name: string) => header!.findIndex((h) => h.startsWith(name));
    expect(at('county')).toBeGreaterThan(7);
    expect(rows.map((r) => r[1])).toEqual(expected.map((e) => e.id));
    const byId = new Map(truth.towns.map((t) => [t.id, t]));
    for (const r of rows) {
      expect(r[at('county')]!.toUpperCase()).toBe(byId.get(r[1]!)!.county);
      expect(r[at('announced_investments')]).toBe('0');
      expect(r[at('announced_usd')]).toBe('0');
    }
  });

  it('with funded towns shown too, each high-need town shows the grants and dollars investments.csv names it with', async () => {
    const need = page.getByTestId('need-view');
    await need.getByRole('checkbox', { name: 'Only those with no announced investment' }).uncheck();
    // The section and its scrolling table are both named by the heading: the table's region is the inner one.
    const list = need.getByRole('region', { name: /High need, with and without announced investment/ }).last();
    await list.waitFor({ timeout: WAIT });
    const funded = [];
    for (const row of await list.getByRole('row').all()) {
      const name = (await row.getByRole('rowheader').allInnerTexts())[0]?.trim();
      if (!name) continue;
      const cells = (await row.getByRole('cell').allInnerTexts()).map((c) => c.trim());
      const raw = truth.invested.get(name.toUpperCase()) ?? { count: 0, usd: 0 };
      expect(cells.at(-2), name).toBe(String(raw.count));
      expect(cells.at(-1)!.split('\n')[0], name).toBe(`$${Math.round(raw.usd).toLocaleString('en-US')}`);
      if (raw.count > 0) funded.push(name);
    }
    expect(funded).toContain('Chicopee'); // Hampden, high need, one announced grant
    await need.getByRole('checkbox', { name: 'Only those with no announced investment' }).check();
  });

  it('the table view keeps only towns of the two counties', async () => {
    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Table' }).click();
    const table = page.getByTestId('table-view');
    await table.waitFor({ timeout: WAIT });
    const wanted = truth.towns.filter((t) => truth.inCounties(t.county)).length;
    await expect.poll(() => table.getByRole('rowheader').count(), { timeout: WAIT }).toBe(wanted);
    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Map' }).click();
  });

  it('on a phone the open county list stays on screen, works by keyboard and passes axe', async () => {
    const phone = await app.newPage({ viewport: PHONE });
    await openApp(phone, app.url, '?county=Hampden');
    const filter = phone.getByTestId('county-filter');
    await expect.poll(() => filter.locator('summary').innerText()).toBe('Counties: Hampden');
    await filter.locator('summary').focus();
    await phone.keyboard.press('Enter');
    const panel = filter.locator('.panel');
    await panel.waitFor({ state: 'visible' });
    const box = (await panel.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
    await saveShot(phone, 'funder-task-county-filter-phone');
    const axe = await seriousViolations(phone, 'county filter open, phone');
    expect(axe.count, axe.report).toBe(0);
    // Keyboard: tab to Worcester, tick it with Space, Escape closes the list and focus returns to its button.
    await filter.getByRole('checkbox', { name: 'Worcester' }).focus();
    await phone.keyboard.press('Space');
    await expect.poll(() => new URL(phone.url()).searchParams.get('county')).toBe('Hampden,Worcester');
    await phone.keyboard.press('Escape');
    await expect.poll(() => panel.isVisible()).toBe(false);
    expect(await phone.evaluate(() => document.activeElement?.tagName)).toBe('SUMMARY');
    await phone.close();
  });

  it('the need view and a profile show no code words or source ids', async () => {
    // Every source id a measure cites (places-place, masschip-2010, …): shown as a name, never as the id.
    const layers = await apiJson<{ measures: { sourceIds: string[] }[] }>(app.url, '/v1/layers/town');
    const ids = new Set(layers.measures.flatMap((m) => m.sourceIds).filter((id) => id.includes('-')));
    expect(ids.size).toBeGreaterThan(3);
    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Need vs. investment' }).click();
    const needText = await page.getByTestId('need-view').innerText();
    expect(needText).not.toMatch(CODE_WORD);
    await searchAndPick(page, 'Springfield', /^Springfield/);
    const profile = page.getByTestId('profile');
    await expect.poll(() => profile.getAttribute('aria-busy'), { timeout: WAIT }).toBe('false');
    const profileText = await profile.innerText();
    expect(profileText.match(CODE_WORD)?.[0] ?? null).toBeNull();
    for (const id of ids) expect(profileText, id).not.toContain(id);
  });
});

describe.runIf(run)('honest membership: announced AHEM community or added by the rule', () => {
  let app: MapApp;
  let page: Page;
  let announced: Set<string>;

  beforeAll(async () => {
    app = await startMapApp();
    const csv = parseCsv(readFileSync(path.join(loadConfig().dataDir, 'ahem/communities.csv'), 'utf8')).filter((r) => r.length > 1);
    announced = new Set(csv.slice(1).map((r) => r[0]!));
    page = await app.newPage();
    await openApp(page, app.url);
  });
  afterAll(() => app?.close());

  it('the API marks Chicopee announced and Springfield added by the rule, with plain reasons', async () => {
    const fc = await apiJson<{ features: { properties: { id: string; status: string; members: { name: string; role: string; basis: string; reason: string }[] } }[] }>(app.url, '/v1/priority-geographies');
    for (const f of fc.features)
      for (const m of f.properties.members) expect(m.basis, m.name).toBe(f.properties.status === 'confirmed' && m.role === 'configured' && announced.has(m.name) ? 'announced' : 'added-by-rule');
    const chicopee = fc.features.find((f) => f.properties.id === 'chicopee')!.properties.members;
    expect(chicopee.find((m) => m.name === 'Springfield')!.basis).toBe('added-by-rule');
    expect(announced.has('Springfield')).toBe(false);
  });

  it('the priority list shows each member’s basis and reason; Springfield is added by the rule in “Chicopee”', async () => {
    const list = page.getByTestId('priority-list');
    await expect.poll(() => list.locator('ol > li').count(), { timeout: WAIT }).toBe(10);
    const chicopee = list.locator('ol > li').filter({ has: page.getByRole('button', { name: /^Chicopee/ }) });
    const members = chicopee.getByRole('list', { name: 'Members of Chicopee' });
    const springfield = members.getByRole('listitem').filter({ hasText: /^Springfield/ });
    const chicopeeItem = members.getByRole('listitem').filter({ hasText: /^Chicopee/ });
    await springfield.scrollIntoViewIfNeeded();
    expect(await springfield.innerText()).toMatch(/added by the index’s rule[\s\S]*Not an announced AHEM community: added by the index’s rule because it borders Chicopee/);
    expect(await chicopeeItem.innerText()).toMatch(/^Chicopee\s+announced AHEM community/);
    expect(await chicopeeItem.innerText()).not.toMatch(/Not an announced/);
    // Every member of every geography says its basis; only announced communities say "announced AHEM community".
    for (const item of await list.locator('ol > li li').all()) {
      const text = await item.innerText();
      const name = text.split(/\s+(announced AHEM community|added by the index’s rule)/)[0]!.trim();
      expect(text, name).toMatch(announced.has(name) ? /^\S.*announced AHEM community/ : /added by the index’s rule/);
    }
    // On screen: Springfield's line is drawn inside the side panel.
    const aside = (await page.getByRole('complementary', { name: 'Details' }).boundingBox())!;
    const box = (await springfield.boundingBox())!;
    expect(box.width).toBeGreaterThan(50);
    expect(box.x).toBeGreaterThanOrEqual(aside.x - 1);
    expect(box.x + box.width).toBeLessThanOrEqual(aside.x + aside.width + 1);
    expect(box.y + box.height).toBeLessThanOrEqual((page.viewportSize()?.height ?? 900) + 1);
    await saveShot(page, 'funder-task-priority-members');
  });

  it('Springfield’s profile says it was added by the rule and names Chicopee as the announced community', async () => {
    await searchAndPick(page, 'Springfield', /^Springfield/);
    const profile = page.getByTestId('profile');
    await expect.poll(() => profile.getAttribute('aria-busy'), { timeout: WAIT }).toBe('false');
    const text = await profile.innerText();
    expect(text).toMatch(/In the priority geography “Chicopee” \(confirmed for Chicopee, the announced AHEM community\)\. Springfield: Not an announced AHEM community: added by the index’s rule/);
    expect(text).not.toMatch(/Springfield is an announced AHEM community/);
  });
});
