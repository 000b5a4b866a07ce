import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { apiJson, openApp, pixelStats, saveShot, seriousViolations, startMapApp, WAIT, type MapApp } from '../support/map-app.js';
import { browserAvailability } from '../support/chromium.js';

/**
 * Issue 16 contract 2: the one-page priority-geography report, /report?geography=<id>.
 * Expectations come from the API's answers; the population-weighted domain percentiles are
 * recomputed here from each member's /v1/places answer and the geography's populations.
 */
const { run } = browserAvailability();

interface Member { id: string; name: string; population: number | null; basis?: string; role: string }
interface Geography { id: string; name: string; status: string; population: number | null; members: Member[] }
interface PlaceAnswer { place: { domains: Record<string, { percentile: number | null }>; indicators: Record<string, { label: string; flagged: boolean }> } }

const pdfPages = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-z])/g) ?? []).length;
const numbersIn = (text: string) => (text.replace(/(\d),(\d{3})/g, '$1$2').match(/\d+(\.\d+)?/g) ?? []).map(Number);
const near = (xs: number[], x: number) => xs.some((y) => Math.abs(y - x) <= 0.051);

describe.runIf(run)('the printable priority-geography report', () => {
  let app: MapApp;
  let page: Page;
  let version: string;
  let geographies: Geography[];
  let lawrenceGeo: Geography;
  let largest: Geography;

  beforeAll(async () => {
    app = await startMapApp();
    page = await app.newPage();
    const pri = await apiJson<{ version: string; features: { properties: Geography }[] }>(app.url, '/v1/priority-geographies');
    version = pri.version;
    geographies = pri.features.map((f) => f.properties);
    const lawrence = (await apiJson<{ items: { level: string; id: string; name: string }[] }>(app.url, '/v1/search?q=Lawrence')).items.find((h) => h.level === 'town' && h.name === 'Lawrence')!.id;
    lawrenceGeo = geographies.find((g) => g.members.some((m) => m.id === lawrence))!;
    expect(lawrenceGeo).toBeTruthy();
    largest = [...geographies].sort((a, b) => (b.population ?? 0) - (a.population ?? 0))[0]!;
  }, 600_000);
  afterAll(() => app?.close());

  it('the map’s priority list links every geography to its report', async () => {
    await openApp(page, app.url, '');
    const links = page.getByTestId('geography-report-link');
    await expect.poll(() => links.count(), { timeout: WAIT }).toBe(geographies.length);
    expect(await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual(geographies.map((g) => `/report?geography=${g.id}`));
    const axe = await seriousViolations(page, 'map with the priority list');
    expect(axe.count, axe.report).toBe(0);
  });

  for (const which of ['Lawrence’s', 'the most populous'] as const) {
    it(`${which} geography: shows what the API says, prints on one Letter and one A4 page, map in colour, no controls`, async () => {
      const g = which === 'Lawrence’s' ? lawrenceGeo : largest;
      await openApp(page, app.url, `report?geography=${g.id}`);
      await page.getByTestId('report-name').waitFor({ timeout: WAIT });
      await page.getByTestId('report-locator').waitFor({ timeout: WAIT });
      expect(await page.getByTestId('report-name').textContent()).toBe(g.name);
      expect(await page.getByTestId('report-version').textContent()).toContain(version);

      // Population: the members' sum, as the API gives each.
      const pop = g.members.reduce((s, m) => s + m.population!, 0);
      expect(g.members.every((m) => m.population !== null)).toBe(true);
      expect(await page.getByTestId('report-meta').textContent()).toContain(`population ${pop.toLocaleString('en-US')}`);

      // Members: each listed with its basis.
      const shown = await page.getByTestId('report-members').locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-member'), tr.textContent]));
      expect(shown.map(([id]) => id)).toEqual(g.members.map((m) => m.id));
      for (const [i, m] of g.members.entries()) {
        const basis = m.basis ?? (m.role !== 'configured' ? 'added-by-rule' : g.status === 'confirmed' ? 'announced' : 'listed');
        expect(shown[i]![1]).toContain(basis === 'announced' ? 'announced (AHEM)' : basis === 'added-by-rule' ? 'added by the rule' : 'listed by hand');
        expect(await page.locator(`[data-testid="report-members"] tr[data-member="${m.id}"]`).getAttribute('data-basis')).toBe(basis);
      }

      // Population-weighted domain percentiles, recomputed from the members' place answers.
      const answers = await Promise.all(g.members.map((m) => apiJson<PlaceAnswer>(app.url, `/v1/places/town/${m.id}?version=${version}`)));
      const domainIds = [...new Set(answers.flatMap((a) => Object.keys(a.place.domains)))];
      const domainText = (await page.getByTestId('report-domains-weighted').textContent())!;
      expect(await page.getByTestId('report-overall').textContent()).toMatch(/Domains, population-weighted/);
      expect(domainText).toMatch(/No member lacks a value|without a value skipped/);
      const bars = numbersIn(domainText);
      for (const d of domainIds) {
        let s = 0;
        let w = 0;
        answers.forEach((a, i) => {
          const p = a.place.domains[d]?.percentile;
          if (p != null && g.members[i]!.population) (s += p * g.members[i]!.population!), (w += g.members[i]!.population!);
        });
        if (w > 0) expect(near(bars, Math.round((s / w) * 1000) / 10), `${d}: ${s / w} in ${domainText}`).toBe(true);
      }

      // Top flagged indicator: the one flagged in the most members, with its count.
      const counts = new Map<string, number>();
      for (const a of answers) for (const [k, i] of Object.entries(a.place.indicators)) if (i.flagged) counts.set(k, (counts.get(k) ?? 0) + 1);
      const flaggedText = (await page.getByTestId('report-flagged').textContent())!;
      if (counts.size === 0) expect(flaggedText).toMatch(/No indicator is flagged/);
      else {
        const [top, n] = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]!;
        expect(await page.locator(`[data-testid="report-flagged"] li[data-indicator="${top}"]`).textContent()).toContain(`flagged in ${n} of ${g.members.length}`);
      }

      // Investments for the geography; dollars per resident per year from need-investment.
      const inv = await apiJson<{ items: { id: string; amountUsd: number | null }[] }>(app.url, `/v1/investments?geography=${g.id}`);
      const invText = (await page.getByTestId('report-investments').textContent())!;
      if (inv.items.length === 0) expect(invText).toMatch(/None announced/);
      else {
        expect(invText).toMatch(new RegExp(`${inv.items.length} investments?`));
        const published = inv.items.filter((i) => i.amountUsd !== null);
        if (published.length) expect(invText).toContain(`$${Math.round(published.reduce((s, i) => s + i.amountUsd!, 0)).toLocaleString('en-US')}`);
        const need = (await apiJson<{ items: { id: string; usd_per_resident_per_year: number | null }[] }>(app.url, `/v1/need-investment?level=geography&version=${version}`)).items.find((r) => r.id === g.id)!;
        if (need.usd_per_resident_per_year !== null) expect(invText).toContain(`$${need.usd_per_resident_per_year.toFixed(2)} per resident per year`);
      }

      // Status, footer.
      expect(await page.getByTestId('report-priority').textContent()).toContain(g.status === 'confirmed' ? 'Confirmed' : 'Derived');
      const foot = page.getByTestId('report-footer');
      expect(await foot.textContent()).toMatch(/Sources:.*CDC PLACES/);
      expect(await foot.getByRole('link', { name: `${app.url}/report?geography=${g.id}` }).count()).toBe(1);

      const axe = await seriousViolations(page, `geography report ${g.id}`);
      expect(axe.count, axe.report).toBe(0);

      expect(pdfPages(await page.pdf({ format: 'Letter' })), 'Letter pages').toBe(1);
      expect(pdfPages(await page.pdf({ format: 'A4' })), 'A4 pages').toBe(1);

      await page.emulateMedia({ media: 'print' });
      expect(await page.getByTestId('report').locator('button:visible, nav:visible').count(), 'controls visible in print').toBe(0);
      const mapStats = pixelStats(await page.getByTestId('report-locator').screenshot());
      expect(mapStats.choropleth, 'locator choropleth share').toBeGreaterThan(0.3);
      expect(mapStats.perClass.filter((s) => s > 0.005).length, 'locator colour classes').toBeGreaterThanOrEqual(2);
      await saveShot(page, `geography-report-${g.id}`, { fullPage: true });
      await page.emulateMedia({ media: null }); // no emulation: page.pdf() prints with print media again (after 'screen' it would print the screen layout)
    }, 180_000);
  }

  for (const which of ['Lawrence’s', 'the most populous'] as const) {
    it(`${which} geography in Spanish (?lang=es): Spanish headings and labels, <html lang="es">, axe clean, one Letter and one A4 page`, async () => {
      const g = which === 'Lawrence’s' ? lawrenceGeo : largest;
      await openApp(page, app.url, `report?geography=${g.id}&lang=es`);
      await page.getByTestId('report-name').waitFor({ timeout: WAIT });
      await page.getByTestId('report-locator').waitFor({ timeout: WAIT });
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('es');
      expect(await page.getByTestId('report-name').textContent()).toBe(g.name);
      const pop = g.members.reduce((s, m) => s + m.population!, 0);
      const meta = (await page.getByTestId('report-meta').textContent())!;
      expect(meta).toContain(`Geografía prioritaria (${g.status === 'confirmed' ? 'confirmada' : 'derivada'})`);
      expect(meta).toContain(`${g.members.length} municipio`);
      expect(meta).toContain(`población ${pop.toLocaleString('es-US')}`);
      for (const h of ['Ubicación', 'Índice, ponderado por población', 'Dominios, ponderados por población', 'Estado', 'Miembros', 'Indicadores señalados (percentil ≥ 90) en más miembros', 'Inversiones anunciadas que mencionan a un miembro'])
        expect(await page.getByRole('heading', { name: h, exact: true }).count(), h).toBe(1);
      expect(await page.getByTestId('report-members').locator('thead').textContent()).toMatch(/Municipio.*Base.*Limita con.*Población.*Percentil.*Puesto/);
      expect(await page.getByTestId('report-members').locator('tbody').textContent()).toMatch(/anunciado \(AHEM\)|añadido por la regla|incluido a mano/);
      expect(await page.getByTestId('report-priority').textContent()).toMatch(/Confirmada|Derivada/);
      expect(await page.getByTestId('report-footer').textContent()).toMatch(/Fuentes:.*Límites:.*Inversiones:.*Método:.*Esta página:/s);
      expect(await page.getByRole('button', { name: /^Descargar PDF/ }).count()).toBe(1);
      expect(await page.getByRole('link', { name: '← Mapa de Equity Atlas' }).getAttribute('href')).toBe('/?lang=es');
      const axe = await seriousViolations(page, `geography report ${g.id} es`);
      expect(axe.count, axe.report).toBe(0);
      expect(pdfPages(await page.pdf({ format: 'Letter' })), 'Letter pages (es)').toBe(1);
      expect(pdfPages(await page.pdf({ format: 'A4' })), 'A4 pages (es)').toBe(1);
      await page.emulateMedia({ media: 'print' });
      expect(await page.getByTestId('report').locator('button:visible, nav:visible').count(), 'controls visible in print').toBe(0);
      await saveShot(page, `geography-report-${g.id}-es`, { fullPage: true });
      await page.emulateMedia({ media: null }); // no emulation: page.pdf() prints with print media again (after 'screen' it would print the screen layout)
    }, 180_000);
  }

  it('every geography prints on exactly one Letter and one A4 page in Spanish too', async () => {
    const pages: Record<string, [number, number]> = {};
    for (const g of geographies) {
      await openApp(page, app.url, `report?geography=${g.id}&lang=es`);
      await page.getByTestId('report-locator').waitFor({ timeout: WAIT });
      pages[g.id] = [pdfPages(await page.pdf({ format: 'Letter' })), pdfPages(await page.pdf({ format: 'A4' }))];
    }
    expect(pages).toEqual(Object.fromEntries(geographies.map((g) => [g.id, [1, 1]])));
  }, 300_000);

  it('every geography prints on exactly one Letter and one A4 page', async () => {
    const pages: Record<string, [number, number]> = {};
    for (const g of geographies) {
      await openApp(page, app.url, `report?geography=${g.id}`);
      await page.getByTestId('report-locator').waitFor({ timeout: WAIT });
      pages[g.id] = [pdfPages(await page.pdf({ format: 'Letter' })), pdfPages(await page.pdf({ format: 'A4' }))];
    }
    expect(pages).toEqual(Object.fromEntries(geographies.map((g) => [g.id, [1, 1]])));
  }, 300_000);

  it('says what is wrong with an unknown geography instead of guessing', async () => {
    await page.goto(`${app.url}/report?geography=nowhere`);
    await expect.poll(() => page.getByRole('alert').textContent(), { timeout: WAIT }).toMatch(/not one of the priority geographies/);
  });

  it('no page errors, and no console errors on the report', () => {
    expect(app.pageErrors, app.pageErrors.join('\n')).toEqual([]);
    expect(app.consoleErrors.filter((e) => e.includes('/report'))).toEqual([]);
  });

  // Last: the PDF code (html2canvas) applies inline styles the CSP refuses; those console/page errors are the PDF code's, not the report's.
  it('"Download PDF" saves the geography report as a one-page PDF file', async () => {
    await openApp(page, app.url, `report?geography=${lawrenceGeo.id}`);
    const button = page.getByRole('button', { name: /^Download PDF/ });
    await expect.poll(() => button.isEnabled(), { timeout: WAIT }).toBe(true);
    const pending = page.waitForEvent('download', { timeout: 120_000 });
    await button.click();
    const download = await pending;
    expect(download.suggestedFilename()).toMatch(new RegExp(`^equity-atlas-report-${lawrenceGeo.name.toLowerCase()}-.*\\.pdf$`));
    const chunks: Buffer[] = [];
    for await (const c of (await download.createReadStream())!) chunks.push(c as Buffer);
    const bytes = Buffer.concat(chunks);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdfPages(bytes)).toBe(1);
  }, 180_000);
});
