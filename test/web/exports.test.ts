import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserAvailability } from '../support/chromium.js';
import { apiJson, choroplethShare, openApp, saveShot, seriousViolations, startMapApp, WAIT, type MapApp } from '../support/map-app.js';
import { readCsv } from '../source-truth/raw.js';
import { csvNumber, downloadCsv, exportAndCheckPng, sig6 } from './export-checks.js';

/**
 * Issue 13, briefing-ready exports: the PNG carries title, legend, geography labels,
 * sources, version and date (judged by its pixels); the profile and the comparison
 * download as CSVs with the Massachusetts value (checked against the API); the table
 * shows the overall index once; each indicator shows the state value beside the
 * place's; ZIP profiles name their post office, county and towns, with whole ranks.
 */
const { run } = browserAvailability();

interface Layers {
  version: string;
  places: { id: string; name: string }[];
  measures: { id: string; kind: string; values: (number | null)[]; noData: (string | null)[]; stateValue: number | null; stateValueNote: string | null; vintage: string }[];
}
interface PlaceAnswer {
  version: string;
  place: {
    id: string;
    name: string;
    rank: number | null;
    rankInterval: [number, number] | null;
    indicators: Record<string, { label: string; unit: string; value: number | null; noDataReason: string | null; stateValue: number | null; stateValueNote: string | null; vintage: string }>;
  };
}
const townId = async (base: string, name: string) => (await apiJson<{ items: { id: string; name: string; level: string }[] }>(base, `/v1/search?q=${name}`)).items.find((i) => i.level === 'town' && i.name === name)!.id;

/** A number as the app prints it ("13 %", "$57,903", "218.5"): tolerance of the printed rounding. */
const printed = (text: string): number => Number(text.replace(/[^\d.-]/g, ''));
/** Half a unit of the last digit the text shows ("8.3 %" → 0.05). */
const tolerance = (text: string) => 0.5 * 10 ** -((/\.(\d+)/.exec(text.replace(/\(.*\)/, ''))?.[1] ?? '').length) + 1e-9;

describe.runIf(run)('briefing-ready exports, state reference and ZIP profiles', () => {
  let app: MapApp;
  let page: Page;
  let ids: Record<'Lawrence' | 'Lowell' | 'Brockton', string>;

  beforeAll(async () => {
    app = await startMapApp();
    page = await app.newPage();
    ids = { Lawrence: await townId(app.url, 'Lawrence'), Lowell: await townId(app.url, 'Lowell'), Brockton: await townId(app.url, 'Brockton') };
  });
  afterAll(() => app?.close());

  it('PNG: title, map in colour, geography labels, legend swatches and hatch, footer', async () => {
    await openApp(page, app.url);
    expect(await choroplethShare(page)).toBeGreaterThan(0.1);
    await page.locator('.pg-label').first().waitFor({ state: 'visible', timeout: WAIT });
    const a = await exportAndCheckPng(page, 'exports-map');
    expect(a.filename).toMatch(/^equity-atlas-town-overall.*\.png$/);
  });

  it('the table shows the overall index once when it is the measure', async () => {
    await openApp(page, app.url, '?view=table');
    const headers = page.locator('[data-testid="table-view"] thead th');
    await headers.first().waitFor({ timeout: WAIT });
    const texts = await headers.allInnerTexts();
    const overall = texts.filter((t) => /overall/i.test(t));
    expect(overall, `headers: ${texts.join(' | ')}`).toHaveLength(1);
    // On screen: every header cell is drawn inside the table's region, none twice for the same data.
    const region = (await page.locator('[data-testid="table-view"] .scroll').boundingBox())!;
    for (const box of await headers.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as { x: number; width: number }))) expect(box.width).toBeGreaterThan(0), expect(box.x).toBeGreaterThanOrEqual(region.x - 1);
    // No two numeric columns carry the same numbers in every row.
    const columns = await page.locator('[data-testid="table-view"] tbody tr').evaluateAll((rows) => {
      const cells = rows.slice(0, 40).map((r) => Array.from(r.querySelectorAll('td.num')).map((c) => c.textContent?.trim() ?? ''));
      return cells[0]!.map((_, k) => cells.map((r) => r[k]).join('|'));
    });
    expect(new Set(columns).size, 'distinct numeric columns').toBe(columns.length);
    await saveShot(page, 'exports-table-overall');
  });

  it('profile: every indicator shows the Massachusetts value beside the place, and the CSV matches the API', async () => {
    const api = await apiJson<PlaceAnswer>(app.url, `/v1/places/town/${ids.Lawrence}`);
    await openApp(page, app.url, `?place=${ids.Lawrence}`);
    const profile = page.getByTestId('profile');
    await profile.getByRole('heading', { name: 'Lawrence', level: 2 }).waitFor({ timeout: WAIT });
    const withState = Object.values(api.place.indicators).filter((i) => i.stateValue !== null);
    expect(withState.length).toBe(Object.keys(api.place.indicators).length);
    const lines = profile.getByTestId('state-value');
    await expect.poll(() => lines.count()).toBe(withState.length);
    const texts = await lines.allInnerTexts();
    withState.forEach((ind, k) => {
      expect(texts[k], ind.label).toMatch(/^Massachusetts /);
      const shown = printed(texts[k]!.replace(/\(.*\)/, ''));
      expect(Math.abs(shown - ind.stateValue!), `${ind.label}: shown ${texts[k]}, API ${ind.stateValue}`).toBeLessThanOrEqual(tolerance(texts[k]!));
    });
    // Drawn, not just present: the state line sits inside the side panel, not clipped off its right edge.
    const aside = (await page.locator('aside').boundingBox())!;
    await lines.first().scrollIntoViewIfNeeded();
    const box = (await lines.first().boundingBox())!;
    expect(box.width).toBeGreaterThan(40);
    expect(box.x + box.width).toBeLessThanOrEqual(aside.x + aside.width + 1);
    await saveShot(page, 'exports-profile-state');

    const { rows, filename } = await downloadCsv(page, profile.getByRole('button', { name: /^Download CSV/ }));
    expect(filename).toContain(ids.Lawrence);
    const [header, ...body] = rows;
    expect(header).toEqual(['version', 'indicator_id', 'indicator', 'unit', `Lawrence (${ids.Lawrence})`, 'Massachusetts', 'Massachusetts_basis', 'source', 'vintage', 'Lawrence: status or no-data reason']);
    expect(body).toHaveLength(Object.keys(api.place.indicators).length);
    for (const r of body) {
      const ind = api.place.indicators[r[1]!]!;
      expect(r[0]).toBe(api.version);
      expect(csvNumber(r[4]), r[1]).toBe(ind.value);
      expect(csvNumber(r[5]), r[1]).toBe(ind.stateValue);
      expect(r[6]).toBe(ind.stateValueNote);
      expect(r[8]).toBe(ind.vintage);
      if (ind.value === null) expect(r[9]).toBe(ind.noDataReason);
      expect(r[7], 'a plain source name, not an id').not.toMatch(/^(places-|masschip-|ej-)/);
    }
  });

  it('comparison: the Massachusetts value in each indicator row, and a CSV with each place, the state and the reasons', async () => {
    const compare = [ids.Lawrence, ids.Lowell, ids.Brockton];
    const layers = await apiJson<Layers>(app.url, '/v1/layers/town');
    await openApp(page, app.url, `?compare=${compare.join(',')}`);
    const panel = page.getByTestId('compare');
    await panel.waitFor({ timeout: WAIT });
    const indicators = layers.measures.filter((m) => m.kind === 'indicator');
    await expect.poll(() => panel.getByTestId('state-value').count()).toBe(indicators.filter((m) => m.stateValue !== null).length);

    const axe = await seriousViolations(page, 'comparison with state values');
    expect(axe.count, axe.report).toBe(0);

    const { rows } = await downloadCsv(page, panel.getByRole('button', { name: 'Download comparison CSV' }));
    const [header, ...body] = rows;
    expect(header!.slice(4, 8)).toEqual([`Lawrence (${ids.Lawrence})`, `Lowell (${ids.Lowell})`, `Brockton (${ids.Brockton})`, 'Massachusetts']);
    expect(body.map((r) => r[1])).toEqual(indicators.map((m) => m.id));
    const at = compare.map((id) => layers.places.findIndex((p) => p.id === id));
    body.forEach((r, k) => {
      const m = indicators[k]!;
      at.forEach((i, c) => {
        expect(csvNumber(r[4 + c]), `${m.id} ${compare[c]}`).toBe(sig6(m.values[i]!));
        if (m.values[i] === null) expect(r[11 + c], `${m.id} ${compare[c]} reason`).toBe(m.noData[i]);
      });
      expect(csvNumber(r[7]), `${m.id} Massachusetts`).toBe(m.stateValue);
      expect(r[8]).toBe(m.stateValueNote);
    });
  });

  it('ZIP profile: post office and county from the raw crosswalk, the towns it overlaps as links, whole ranks', async () => {
    // A ZIP code area whose 90 % rank interval falls between whole ranks (Monte Carlo quantiles).
    const list = await apiJson<{ items: { id: string; rank: number | null }[] }>(app.url, '/v1/places?level=zcta&sort=rank');
    let zcta: PlaceAnswer | null = null;
    for (const item of list.items.filter((i) => i.rank !== null).slice(0, 60)) {
      const p = await apiJson<PlaceAnswer>(app.url, `/v1/places/zcta/${item.id}`);
      if (p.place.rankInterval && p.place.rankInterval.some((x) => !Number.isInteger(x))) {
        zcta = p;
        break;
      }
    }
    expect(zcta, 'a ZCTA with a fractional rank interval in the API').not.toBeNull();
    const id = zcta!.place.id;
    const po = readCsv('crosswalks/zip_to_zcta_udsmapper2021_MA.csv').find((r) => r.ZIP_CODE === id)!.PO_NAME!;
    const cross = (await apiJson<{ rows: { zcta: string; town_geoid: string; frac_of_zcta: number }[] }>(app.url, '/v1/crosswalk?from=zcta&to=town&weight=population')).rows.filter((r) => r.zcta === id && Math.round(r.frac_of_zcta * 1e4) > 0); // listed to 4 decimals
    const towns = (await apiJson<{ places: { id: string; name: string; county: string | null }[] }>(app.url, '/v1/layers/town')).places;
    cross.sort((a, b) => b.frac_of_zcta - a.frac_of_zcta);
    const expectedTowns = cross.map((r) => towns.find((t) => t.id === r.town_geoid)!.name);
    // The county holding most of its residents, summed over its towns.
    const byCounty = new Map<string, number>();
    for (const r of cross) {
      const county = towns.find((t) => t.id === r.town_geoid)!.county!;
      byCounty.set(county, (byCounty.get(county) ?? 0) + r.frac_of_zcta);
    }
    const county = [...byCounty].sort((a, b) => b[1] - a[1])[0]![0];

    await openApp(page, app.url, `?level=zcta&place=${id}`);
    const profile = page.getByTestId('profile');
    await profile.getByRole('heading', { level: 2, name: new RegExp(id) }).waitFor({ timeout: WAIT });
    await expect.poll(() => profile.getByTestId('zip-post-office').innerText()).toContain(`Post office: ${po} · ${county} County`);
    const links = profile.getByTestId('zip-towns').getByRole('link');
    expect(await links.allInnerTexts()).toEqual(expectedTowns);
    const text = await profile.innerText();
    const [lo, hi] = zcta!.place.rankInterval!;
    expect(text).toContain(`90 % interval ${Math.floor(Math.min(lo, hi))}–${Math.ceil(Math.max(lo, hi))}`);
    await saveShot(page, 'exports-zip-profile');
    const axe = await seriousViolations(page, 'ZIP profile');
    expect(axe.count, axe.report).toBe(0);

    // The first town's link opens its profile at town level, and the map still draws in colour.
    await links.first().click();
    await profile.getByRole('heading', { level: 2, name: expectedTowns[0] }).waitFor({ timeout: WAIT });
    expect(new URL(page.url()).searchParams.get('level') ?? 'town').toBe('town');
    expect(await choroplethShare(page)).toBeGreaterThan(0.1);
  });
});
