import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { apiJson, openApp, pixelStats, saveShot, seriousViolations, startMapApp, WAIT, type MapApp } from '../support/map-app.js';
import { browserAvailability } from '../support/chromium.js';

/**
 * Issue 16 contract 1: the one-page printable place report, /report?level=town|zcta&id=<id>.
 * Every expectation comes from the API's own answers (never from the page's logic): the page
 * is printed to PDF on Letter and A4 (exactly one page each), and its print rendering is
 * looked at as pixels (the locator map must show the choropleth).
 */
const { run } = browserAvailability();

interface Indicator { label: string; ranked: boolean; value: number | null; percentile: number | null; vintage: string; flagged: boolean }
interface PlaceAnswer {
  version: string;
  place: {
    id: string; name: string; county: string | null; percentile: number | null; percentileInterval: [number, number] | null; rank: number | null; flagCount: number;
    domains: Record<string, { percentile: number | null }>;
    indicators: Record<string, Indicator>;
    zip?: { county: string | null; towns: { id: string }[] } | null;
  };
}
interface Priority { features: { properties: { id: string; name: string; status: string; members: { id: string; name: string }[] } }[] }

/** Pages of a PDF: page objects (`/Type /Page`), not the page tree (`/Type /Pages`). */
const pdfPages = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-z])/g) ?? []).length;
/** Numbers written on the page, e.g. "92.3" → 92.3 (thousands separators dropped). */
const numbersIn = (text: string) => (text.replace(/(\d),(\d{3})/g, '$1$2').match(/\d+(\.\d+)?/g) ?? []).map(Number);
const near = (xs: number[], x: number) => xs.some((y) => Math.abs(y - x) <= 0.051);

describe.runIf(run)('the printable place report', () => {
  let app: MapApp;
  let page: Page;
  let lawrence: string;
  let zip: string;
  /** The town named by the most investments: the longest investment section, so the hardest to fit on one page. */
  let busiest: string;

  beforeAll(async () => {
    app = await startMapApp();
    page = await app.newPage();
    // The ids come from the API's search, as a user would find them.
    const towns = await apiJson<{ items: { level: string; id: string; name: string }[] }>(app.url, '/v1/search?q=Lawrence');
    lawrence = towns.items.find((h) => h.level === 'town' && h.name === 'Lawrence')!.id;
    expect(lawrence).toMatch(/^\d{10}$/); // 2500934550 in this data (county subdivision GEOID)
    const zips = await apiJson<{ items: { level: string; id: string }[] }>(app.url, '/v1/search?q=01841');
    zip = zips.items.find((h) => h.level === 'zcta')!.id;
    const counts = new Map<string, number>();
    for (const i of (await apiJson<{ items: { municipalities: string[] }[] }>(app.url, '/v1/investments')).items) for (const m of i.municipalities) counts.set(m, (counts.get(m) ?? 0) + 1);
    busiest = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];
  }, 600_000);
  afterAll(() => app?.close());

  it('the map loads no report code, and every profile links to its report', async () => {
    await openApp(page, app.url, `?place=${lawrence}`);
    const link = page.getByTestId('profile').getByRole('link', { name: 'Printable report' });
    await link.waitFor({ state: 'visible', timeout: WAIT });
    expect(await link.getAttribute('href')).toBe(`/report?level=town&id=${lawrence}`);
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(app.requests.filter((u) => /ReportPage/.test(u)), 'the report chunk is lazy').toEqual([]);
    await openApp(page, app.url, `?level=zcta&place=${zip}`);
    const zipLink = page.getByTestId('profile').getByRole('link', { name: 'Printable report' });
    await zipLink.waitFor({ state: 'visible', timeout: WAIT });
    expect(await zipLink.getAttribute('href')).toBe(`/report?level=zcta&id=${zip}`);
  });

  for (const [level, which] of [['town', 'Lawrence'], ['zcta', 'a ZIP code of Lawrence'], ['town', 'the town most investments name']] as const) {
    it(`${level} (${which}): shows what the API says, prints on one Letter and one A4 page, with the map in colour and no controls`, async () => {
      const id = level === 'zcta' ? zip : which === 'Lawrence' ? lawrence : busiest;
      const api = await apiJson<PlaceAnswer>(app.url, `/v1/places/${level}/${id}`);
      const p = api.place;
      await openApp(page, app.url, `report?level=${level}&id=${id}`);
      const report = page.getByTestId('report');
      await page.getByTestId('report-name').waitFor({ timeout: WAIT });

      // Identity and version.
      expect(await page.getByTestId('report-name').textContent()).toBe(p.name);
      const meta = (await page.getByTestId('report-meta').textContent())!;
      expect(meta).toContain(level === 'town' ? 'Municipality' : 'ZIP code area');
      const county = p.county ?? p.zip?.county;
      expect(county).toBeTruthy();
      expect(meta).toContain(`${county} County`);
      const versionText = (await page.getByTestId('report-version').textContent())!;
      expect(versionText).toContain(api.version);
      const history = await apiJson<{ items: { version: string; asOf: string | null; createdAt: string }[] }>(app.url, `/v1/places/${level}/${id}/history`);
      const entry = history.items.find((i) => i.version === api.version)!;
      expect(versionText).toContain(entry.asOf ?? entry.createdAt.slice(0, 10));

      // Overall percentile, its interval, rank of the ranked places at this level.
      const overall = numbersIn((await page.getByTestId('report-overall').textContent())!);
      expect(p.percentile).not.toBeNull();
      expect(near(overall, p.percentile!)).toBe(true);
      for (const end of p.percentileInterval ?? []) expect(near(overall, end)).toBe(true);
      const layers = await apiJson<{ places: { rank: number | null }[] }>(app.url, `/v1/layers/${level}?version=${api.version}`);
      const ranked = layers.places.filter((x) => x.rank !== null).length;
      expect(await page.getByTestId('report-overall').textContent()).toMatch(new RegExp(`Rank ${p.rank!.toLocaleString('en-US')} of ${ranked.toLocaleString('en-US')}`));
      // Domains: the four percentiles (0–1 in the answer, 0–100 on the page).
      const domains = numbersIn((await page.getByTestId('report-domains').textContent())!);
      for (const d of Object.values(p.domains)) if (d.percentile !== null) expect(near(domains, d.percentile * 100)).toBe(true);

      // Drivers: the documented rule applied to the API's indicators.
      const candidates = Object.entries(p.indicators)
        .filter(([, i]) => i.ranked && i.value !== null && i.percentile !== null)
        .sort(([a, x], [b, y]) => y.percentile! - x.percentile! || a.localeCompare(b));
      const flagged = candidates.filter(([, i]) => i.percentile! >= 0.9).length;
      const expected = candidates.slice(0, Math.min(8, Math.max(5, flagged)));
      expect(expected.length).toBeGreaterThanOrEqual(5);
      const rows = page.getByTestId('report-drivers').locator('tbody tr');
      expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-indicator')))).toEqual(expected.map(([k]) => k));
      for (const [k, i] of expected) {
        const row = await page.locator(`tr[data-indicator="${k}"]`).evaluate((tr: HTMLTableRowElement) => Array.from(tr.cells, (c) => c.textContent).join(' | '));
        expect(row).toContain(i.label);
        expect(row).toContain(i.vintage);
        expect(near(numbersIn(row), Math.round(i.percentile! * 1000) / 10), `${row} / ${i.percentile}`).toBe(true);
      }

      // Investments naming the place (a ZIP code area: the towns it overlaps), counted once each.
      const townIds = level === 'town' ? [id] : p.zip!.towns.map((t) => t.id);
      const named = new Set<string>();
      for (const t of townIds) for (const i of (await apiJson<{ items: { id: string }[] }>(app.url, `/v1/investments?municipality=${t}`)).items) named.add(i.id);
      const invText = (await page.getByTestId('report-investments').textContent())!;
      if (named.size === 0) expect(invText).toMatch(/None announced/);
      else expect(invText).toMatch(new RegExp(`${named.size} investments?`));

      // Priority geography status and reason.
      const pri = await apiJson<Priority>(app.url, `/v1/priority-geographies?version=${api.version}`);
      const geography = pri.features.find((f) => f.properties.members.some((m) => m.id === id));
      const priText = (await page.getByTestId('report-priority').textContent())!;
      if (level === 'town' && geography) expect(priText).toContain(`Member of ${geography.properties.name} (${geography.properties.status})`);
      if (level === 'town' && !geography) expect(priText).toContain('Not a member');
      if (level === 'zcta') expect(priText).not.toContain('Member of');

      // Footer: sources, method link, the page's own URL.
      const foot = page.getByTestId('report-footer');
      expect(await foot.textContent()).toMatch(/Sources:.*CDC PLACES/);
      expect(await foot.getByRole('link', { name: /\/v1\/methods\/document$/ }).count()).toBe(1);
      expect(await foot.getByRole('link', { name: `${app.url}/report?level=${level}&id=${id}` }).count()).toBe(1);

      // Accessibility (screen media).
      const axe = await seriousViolations(page, `report ${level}`);
      expect(axe.count, axe.report).toBe(0);

      // Paper: exactly one page on Letter and on A4.
      expect(pdfPages(await page.pdf({ format: 'Letter' })), 'Letter pages').toBe(1);
      expect(pdfPages(await page.pdf({ format: 'A4' })), 'A4 pages').toBe(1);

      // Print rendering: no control visible; the locator map has the choropleth.
      await page.emulateMedia({ media: 'print' });
      expect(await report.locator('button:visible, nav:visible').count(), 'controls visible in print').toBe(0);
      const mapStats = pixelStats(await page.getByTestId('report-locator').screenshot());
      expect(mapStats.choropleth, 'locator choropleth share').toBeGreaterThan(0.3);
      expect(mapStats.perClass.filter((s) => s > 0.005).length, 'locator colour classes').toBeGreaterThanOrEqual(2);
      await saveShot(page, `place-report-${level}-${id}`, { fullPage: true });
      await page.emulateMedia({ media: null }); // no emulation: page.pdf() prints with print media again (after 'screen' it would print the screen layout)
    }, 180_000);
  }

  it('in Spanish (?lang=es, Lawrence): Spanish headings and labels, <html lang="es">, English only where marked, axe clean, one Letter and one A4 page', async () => {
    const api = await apiJson<PlaceAnswer>(app.url, `/v1/places/town/${lawrence}`);
    await openApp(page, app.url, `report?level=town&id=${lawrence}&lang=es`);
    await page.getByTestId('report-name').waitFor({ timeout: WAIT });
    await page.getByTestId('report-locator').waitFor({ timeout: WAIT });
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('es');
    expect(await page.getByTestId('report-name').textContent()).toBe(api.place.name);
    const meta = (await page.getByTestId('report-meta').textContent())!;
    expect(meta).toContain('Municipio');
    expect(meta).toContain(`Condado de ${api.place.county}`);
    expect(meta).toMatch(/población \d/);
    expect(await page.getByTestId('report-version').textContent()).toMatch(/Versión del índice de Equity Atlas.*(datos al|calculado el) \d{1,2} de [a-z]+ de \d{4}/s);
    for (const h of ['Ubicación', 'Índice general', 'Dominios', 'Qué determina la puntuación', 'Inversiones anunciadas', 'Geografía prioritaria']) expect(await page.getByRole('heading', { name: h, exact: true }).count(), h).toBe(1);
    const overall = (await page.getByTestId('report-overall').textContent())!;
    expect(overall).toMatch(/Percentil \d/);
    expect(overall).toMatch(/Puesto \d+ de \d+/);
    expect(await page.getByTestId('report-drivers').locator('thead').textContent()).toMatch(/Indicador.*Valor.*Massachusetts.*Percentil.*Fuente/);
    const foot = (await page.getByTestId('report-footer').textContent())!;
    expect(foot).toMatch(/Fuentes:.*Límites:.*Método:.*Esta página:/s);
    // Controls: Spanish, the map link keeps the language, the switch leads back to English.
    expect(await page.getByRole('button', { name: 'Imprimir' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: /^Descargar PDF/ }).count()).toBe(1);
    expect(await page.getByRole('link', { name: '← Mapa de Equity Atlas' }).getAttribute('href')).toMatch(/^\/\?lang=es$/);
    const english = page.getByTestId('lang-switch');
    expect(await english.getAttribute('lang')).toBe('en');
    expect(await english.getAttribute('href')).not.toContain('lang=es');
    // None of the English UI words is left outside elements marked lang="en".
    const leftovers = await page.getByTestId('report').evaluate((root) => {
      const words = /\b(Where|Overall index|Domains|What drives the score|Announced investments|Priority geography|Sources|Method|This page|Percentile|Rank|Municipality|population|Print|Download PDF)\b/;
      const out: string[] = [];
      const walk = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walk.nextNode(); n; n = walk.nextNode()) {
        const el = n.parentElement!;
        if (el.closest('[lang="en"], code, a[href^="http"]')) continue;
        if (words.test(n.textContent ?? '')) out.push(n.textContent!.trim());
      }
      return out;
    });
    expect(leftovers).toEqual([]);
    const axe = await seriousViolations(page, 'report town es');
    expect(axe.count, axe.report).toBe(0);
    expect(pdfPages(await page.pdf({ format: 'Letter' })), 'Letter pages (es)').toBe(1);
    expect(pdfPages(await page.pdf({ format: 'A4' })), 'A4 pages (es)').toBe(1);
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByTestId('report').locator('button:visible, nav:visible').count(), 'controls visible in print').toBe(0);
    await saveShot(page, `place-report-town-${lawrence}-es`, { fullPage: true });
    await page.emulateMedia({ media: null }); // no emulation: page.pdf() prints with print media again (after 'screen' it would print the screen layout)
  }, 180_000);

  it('says what is wrong with a bad link instead of guessing a place', async () => {
    await page.goto(`${app.url}/report?level=town&id=123`);
    await expect.poll(() => page.getByRole('alert').textContent(), { timeout: WAIT }).toMatch(/10-digit/);
  });

  it('no page errors, and no console errors on the report', () => {
    expect(app.pageErrors).toEqual([]);
    expect(app.consoleErrors.filter((e) => e.includes('/report'))).toEqual([]);
  });
});
