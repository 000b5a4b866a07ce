import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { browserAvailability } from './support/chromium.js';
import { canvasShot, downloaded, parseCsv, pixelDifference, pixelStats, seriousViolations as seriousViolationsAt, startMapApp, waitIdle as waitIdleIn, type MapApp } from './support/map-app.js';
import { contentSecurityPolicy } from '../infra/lib/constructs/web-site.js';

/**
 * The map app (web/dist) in headless Chromium against the REAL published data:
 * the pipeline publishes into DynamoDB Local, the Hono app (with the investment
 * store) serves the API and the built app from one local origin.
 *
 * The tests share one page and run in order: each step leaves the app in a
 * state the next one builds on (measure → search → profile → compare → share URL).
 */

const { run } = browserAvailability();

const NEW_BEDFORD = '2500545000';
const CHICOPEE = '2501313660';
const BROCKTON = '2502309000';
const BOSTON = '2502507000';
const WAIT = 30_000;
const DESKTOP = { width: 1100, height: 750 };
const A11Y_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

interface LayerMeasure {
  id: string;
  kind: string;
  label: string;
  unit: string;
  values?: (number | null)[];
}
interface Layers {
  places: { id: string; name: string }[];
  measures: LayerMeasure[];
}
interface PlaceIndicator {
  label: string;
  value: number | null;
  noDataReason: string | null;
}

describe.runIf(run)('map app in headless Chromium (real published data)', () => {
  let app: MapApp;
  let context: BrowserContext;
  let page: Page;
  /** This file's pages open at 1100×750 (test/web/ covers 1440×900 and 390×844). */
  const newContext = (options: Parameters<MapApp['newContext']>[0] = {}) => app.newContext({ viewport: DESKTOP, ...options });

  /** Wait for the map to go idle; on timeout also say what the pages threw or logged. */
  async function waitIdle(p: Page) {
    try {
      await waitIdleIn(p, WAIT);
    } catch (e) {
      throw new Error(`${(e as Error).message}; page errors: ${JSON.stringify(app.pageErrors)}; console errors: ${JSON.stringify(app.consoleErrors)}`, { cause: e });
    }
  }

  /** Load a URL of the app in a page and wait until the map has drawn it. */
  async function open(p: Page, query = '') {
    await p.goto(`${app.url}/${query}`);
    await waitIdle(p);
  }

  /** Run an action that restyles the map and wait for the map's next idle (not the previous one). */
  async function idleAfter(p: Page, action: () => Promise<unknown>) {
    await p.evaluate(() => (document.documentElement.dataset.mapState = 'test-pending'));
    await action();
    await waitIdle(p);
  }

  const query = (p: Page) => new URL(p.url()).searchParams;
  const api = async <T>(route: string): Promise<T> => {
    const res = await fetch(`${app.url}${route}`);
    expect(res.status, route).toBe(200);
    return (await res.json()) as T;
  };

  const measureSelect = (p: Page) => p.getByRole('combobox', { name: 'Measure', exact: true });
  const searchBox = (p: Page) => p.getByRole('combobox', { name: 'Search a municipality or ZIP code' });
  const profileHeading = (p: Page) => p.getByTestId('profile').getByRole('heading', { level: 2 });

  /** Search by keyboard only: type, wait for the option, move onto it with the arrows, Enter. */
  async function searchAndPick(p: Page, text: string, option: RegExp) {
    const box = searchBox(p);
    await box.focus();
    await box.fill('');
    // Only the answer to the whole query counts (the box debounces; earlier answers may list other places).
    const answered = p.waitForResponse((r) => new URL(r.url()).pathname === '/v1/search' && new URL(r.url()).searchParams.get('q') === text, { timeout: WAIT });
    await box.pressSequentially(text, { delay: 20 });
    await answered;
    const wanted = p.getByRole('option', { name: option });
    await wanted.waitFor({ state: 'visible', timeout: WAIT });
    const options = p.getByRole('option');
    const n = await options.count();
    for (let i = 0; i <= n && (await wanted.getAttribute('aria-selected')) !== 'true'; i++) await box.press('ArrowDown');
    await expect.poll(() => wanted.getAttribute('aria-selected')).toBe('true');
    const active = await box.getAttribute('aria-activedescendant');
    expect(active, 'aria-activedescendant points at the highlighted option').toBe(await wanted.getAttribute('id'));
    const offered = await options.allInnerTexts();
    await box.press('Enter');
    return offered;
  }

  /** Serious and critical axe violations at WCAG 2.1 AA (test/web/layout.test.ts checks 2.2 at 1440 and 390 px). */
  const seriousViolations = (p: Page, where: string) => seriousViolationsAt(p, where, A11Y_TAGS);

  beforeAll(async () => {
    app = await startMapApp();
    context = await newContext();
    page = await context.newPage();
    await open(page);
  });
  afterAll(() => app?.close());

  // ------------------------------------------------------------------------------------------- load

  it('load: reaches idle and paints the town choropleth with many colours', async () => {
    expect(await page.evaluate(() => document.documentElement.dataset.mapState)).toBe('idle');
    const stats = pixelStats(await canvasShot(page));
    expect(stats.painted).toBeGreaterThan(0.2);
    expect(stats.colours).toBeGreaterThan(20);
  });

  it('load: the legend names the measure and has a "No data" entry', async () => {
    const legend = page.getByTestId('legend');
    await expect.poll(() => legend.isVisible()).toBe(true);
    await expect.poll(() => legend.getByRole('heading').innerText()).toBe('Massachusetts Health Equity Index (overall)');
    const text = await legend.innerText();
    expect(text).toMatch(/No data \(\d+\)/);
    // Five quintile classes with counts.
    expect(await legend.locator('li').filter({ hasText: /\(\d+\)/ }).count()).toBeGreaterThanOrEqual(5);
  });

  it('load: the priority list has 10 geographies with New Bedford and both badge kinds', async () => {
    const list = page.getByTestId('priority-list');
    await expect.poll(() => list.locator('ol > li').count(), { timeout: WAIT }).toBe(10); // each lists its members inside
    expect(await list.getByRole('heading').innerText()).toMatch(/Priority geographies \(10\)/);
    const names = await list.locator('li .name').allInnerTexts();
    expect(names).toContain('New Bedford');
    const badges = await list.locator('li .badge').allInnerTexts();
    expect(badges).toContain('confirmed');
    expect(badges).toContain('derived');
    expect(badges.filter((b) => b === 'confirmed')).toHaveLength(6);
  });

  it('hover and click: the tooltip names the place under the pointer and a click opens its profile', async () => {
    const box = (await page.locator('canvas.maplibregl-canvas').boundingBox())!;
    const tooltip = page.getByRole('status').filter({ hasText: 'Click for the full profile' });
    let at: { x: number; y: number } | null = null;
    for (const [fx, fy] of [[0.55, 0.45], [0.5, 0.5], [0.35, 0.55], [0.7, 0.35], [0.25, 0.4]] as const) {
      const pt = { x: box.x + box.width * fx, y: box.y + box.height * fy };
      await page.mouse.move(pt.x, pt.y, { steps: 3 });
      if (await tooltip.waitFor({ state: 'visible', timeout: 3_000 }).then(() => true, () => false)) {
        at = pt;
        break;
      }
    }
    expect(at, 'a tooltip appears over some town').not.toBeNull();
    const text = await tooltip.innerText();
    expect(text).toMatch(/Massachusetts Health Equity Index \(overall\): [\d.]+|No data: /);
    const name = (await tooltip.locator('strong').innerText()).trim();
    expect(name.length).toBeGreaterThan(2);
    await page.mouse.click(at!.x, at!.y);
    await expect.poll(() => profileHeading(page).innerText(), { timeout: WAIT }).toBe(name);
    expect(query(page).get('place')).toMatch(/^25\d{8}$/);
    await page.getByTestId('profile').getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => page.getByTestId('profile').count()).toBe(0);
    expect(query(page).get('place')).toBeNull();
    await page.mouse.move(0, 0);
  });

  // ------------------------------------------------------------------------------- level toggle

  it('level toggle: "ZIP codes" redraws the map, keeps the legend and puts level=zcta in the URL; back again', async () => {
    const zip = page.getByRole('radio', { name: 'ZIP codes' });
    const towns = page.getByRole('radio', { name: 'Municipalities' });
    expect(await towns.isChecked()).toBe(true);
    const before = await canvasShot(page);
    await idleAfter(page, () => zip.check());
    expect(await zip.isChecked()).toBe(true);
    await expect.poll(() => query(page).get('level')).toBe('zcta');
    expect(await page.getByTestId('legend').isVisible()).toBe(true);
    expect(await page.getByTestId('legend').innerText()).toMatch(/No data/);
    expect(pixelDifference(before, await canvasShot(page)), 'ZIP polygons differ from towns').toBeGreaterThan(0.02);

    await idleAfter(page, () => towns.check());
    await expect.poll(() => query(page).get('level')).toBeNull();
    expect(await towns.isChecked()).toBe(true);
  });

  // ----------------------------------------------------------------------------- measure change

  it('measure change: an indicator relabels the legend with its unit, recolours the map and goes into the URL', async () => {
    const select = measureSelect(page);
    const values = await select.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(values).toEqual(expect.arrayContaining(['overall', 'domain:maternal_perinatal', 'low_birth_weight', 'median_household_income']));

    const before = await canvasShot(page);
    await idleAfter(page, () => select.selectOption('median_household_income'));
    const legend = page.getByTestId('legend');
    await expect.poll(() => legend.getByRole('heading').innerText()).toBe('Median household income');
    expect(await legend.innerText()).toContain('US dollars (2023)');
    await expect.poll(() => query(page).get('measure')).toBe('median_household_income');
    const after = await canvasShot(page);
    expect(pixelDifference(before, after), 'income colours differ from the overall index').toBeGreaterThan(0.05);

    await idleAfter(page, () => select.selectOption('low_birth_weight'));
    await expect.poll(() => legend.getByRole('heading').innerText()).toMatch(/^Low birth weight/);
    expect(await legend.innerText()).toContain('% of live births');
    await expect.poll(() => query(page).get('measure')).toBe('low_birth_weight');
    expect(pixelDifference(after, await canvasShot(page))).toBeGreaterThan(0.05);
  });

  // ------------------------------------------------------------------------------------- search

  it('search: "New Bed" → keyboard pick opens the New Bedford profile and sets place=', async () => {
    await searchAndPick(page, 'New Bed', /^New Bedford/);
    await expect.poll(() => profileHeading(page).innerText(), { timeout: WAIT }).toBe('New Bedford');
    await expect.poll(() => query(page).get('place')).toBe(NEW_BEDFORD);
    expect(await searchBox(page).getAttribute('aria-expanded')).toBe('false');
  });

  it('search: a ZIP code ("02740", in New Bedford) lists the ZIP and the towns containing it; Enter picks the ZIP', async () => {
    const p = await context.newPage();
    await open(p);
    const offered = await searchAndPick(p, '02740', /^ZIP 02740/);
    await expect.poll(() => profileHeading(p).innerText(), { timeout: WAIT }).toBe('ZIP 02740');
    await expect.poll(() => query(p).get('place')).toBe('02740');
    expect(query(p).get('level')).toBe('zcta');
    expect(await p.getByRole('radio', { name: 'ZIP codes' }).isChecked()).toBe(true);
    // The town containing the ZIP was offered too.
    expect(offered.some((o) => o.startsWith('New Bedford — contains ZIP 02740')), offered.join(' | ')).toBe(true);
    // Its profile relates it to New Bedford's priority geography through the population crosswalk, without claiming membership.
    await expect
      .poll(() => p.getByTestId('profile').innerText(), { timeout: WAIT })
      .toMatch(/\d+ % of its residents live in municipalities of the priority geography “New Bedford” \(confirmed AHEM community\)/);
    await p.close();
  });

  // ------------------------------------------------------------------------------------ profile

  it('profile: overall percentile with a 90 % interval, four domains, the indicators, investments and the priority geography', async () => {
    const profile = page.getByTestId('profile');
    await expect.poll(() => profile.getAttribute('aria-busy')).toBe('false');
    const text = await profile.innerText();
    const nb = (await api<{ place: { percentile: number; percentileInterval: [number, number] } }>(`/v1/places/town/${NEW_BEDFORD}`)).place;
    const m = text.match(/Percentile (\d+(?:\.\d)?)\s*\(90 % interval (\d+(?:\.\d)?)–(\d+(?:\.\d)?)\)/);
    expect(m, text.slice(0, 300)).not.toBeNull();
    // Shown with one decimal: 98.85 reads "98.9".
    const shown = (i: number) => Number(m![i]);
    expect(Math.abs(shown(1) - nb.percentile)).toBeLessThanOrEqual(0.05 + 1e-9);
    expect(Math.abs(shown(2) - nb.percentileInterval[0])).toBeLessThanOrEqual(0.05 + 1e-9);
    expect(Math.abs(shown(3) - nb.percentileInterval[1])).toBeLessThanOrEqual(0.05 + 1e-9);
    expect(shown(2)).toBeLessThanOrEqual(shown(1));
    expect(shown(3)).toBeGreaterThanOrEqual(shown(1));

    const meters = profile.getByRole('meter');
    expect(await meters.count()).toBe(4);
    for (const d of ['Cardiometabolic health', 'Maternal and perinatal health', 'Social drivers', 'Access to care'])
      expect(await profile.getByRole('meter', { name: d }).count(), d).toBe(1);

    const table = profile.getByRole('table');
    expect(await table.count()).toBe(1);
    expect(await table.getByRole('row').count()).toBeGreaterThan(25);
    const lbw = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /Low birth weight/ }) });
    expect(await lbw.count()).toBe(1);
    expect(await lbw.innerText()).toMatch(/\d+(\.\d)? %/);

    expect(text).toContain('Atrius Health Equity Foundation');
    expect(text).toContain('$500,000');
    expect(text).toMatch(/In the priority geography “New Bedford” \(confirmed/);
  });

  it('profile: a missing indicator value says "no data" with the reason', async () => {
    const layers = await api<Layers>('/v1/layers/town');
    const overall = layers.measures.find((m) => m.id === 'overall')!.values!;
    let pick: { id: string; name: string; indicator: string } | null = null;
    for (const m of layers.measures.filter((m) => m.kind === 'indicator')) {
      const i = m.values!.findIndex((v, k) => v === null && overall[k] !== null);
      if (i >= 0) {
        pick = { ...layers.places[i]!, indicator: m.id };
        break;
      }
    }
    expect(pick, 'some town with an overall score misses an indicator value').not.toBeNull();
    const detail = await api<{ place: { indicators: Record<string, PlaceIndicator> } }>(`/v1/places/town/${pick!.id}`);
    const ind = detail.place.indicators[pick!.indicator]!;
    expect(ind.value).toBeNull();
    expect(ind.noDataReason).toBeTruthy();

    const p = await context.newPage();
    await open(p, `?place=${pick!.id}`);
    await expect.poll(() => profileHeading(p).innerText(), { timeout: WAIT }).toBe(pick!.name);
    const row = p
      .getByTestId('profile')
      .getByRole('table')
      .getByRole('row')
      .filter({ has: p.getByRole('rowheader', { name: ind.label }) });
    expect(await row.count()).toBe(1);
    const rowText = await row.innerText();
    expect(rowText).toContain('no data');
    expect(rowText).toContain(ind.noDataReason!);
    await p.close();
  });

  it('profile: each value says how it was obtained (Boston: diabetes age-adjusted), top-coded income is never exact, the rank says how it moves', async () => {
    const boston = await api<{ method: string; place: { indicators: Record<string, PlaceIndicator & { adjustment?: string | null }> } }>(`/v1/places/town/${BOSTON}`);
    const diabetes = boston.place.indicators.diabetes!;
    expect(diabetes.adjustment, `the API publishes method 1.1 value status (method ${boston.method})`).toBe('age-adjusted');
    const sensitivity = await fetch(`${app.url}/v1/sensitivity?level=town`);

    const p = await context.newPage();
    await open(p, `?place=${BOSTON}`);
    await expect.poll(() => profileHeading(p).innerText(), { timeout: WAIT }).toBe('Boston');
    const profile = p.getByTestId('profile');
    const row = profile.getByRole('table').getByRole('row').filter({ has: p.getByRole('rowheader', { name: diabetes.label }) });
    expect(await row.count()).toBe(1);
    // The status list, not the label ("Diagnosed diabetes (age-adjusted)"), must say it.
    expect(await row.getByTestId('value-status').innerText()).toContain('age-adjusted');
    expect(await profile.innerText()).not.toMatch(/\$250,001/);
    if (sensitivity.ok) {
      await expect.poll(() => profile.getByTestId('rank-sensitivity').innerText(), { timeout: WAIT }).toMatch(/^Rank \d+ of \d+; (between \d+ and \d+|rank \d+) under (every )?other reasonable weighting/);
    } else {
      expect(sensitivity.status, 'no sensitivity: the line is simply left out').toBe(404);
      expect(await profile.getByTestId('rank-sensitivity').count()).toBe(0);
    }
    await p.close();
  });

  // ------------------------------------------------------------------------------------ compare

  it('compare: three places added from their profiles appear as columns and in compare=', async () => {
    const compareButton = () => page.getByTestId('profile').getByRole('button', { name: 'Compare', exact: true });
    await compareButton().click();
    await expect.poll(() => query(page).get('compare')).toBe(NEW_BEDFORD);
    expect(await page.getByTestId('profile').getByRole('button', { name: 'In comparison' }).isDisabled()).toBe(true);

    await searchAndPick(page, 'Chicopee', /^Chicopee/);
    await expect.poll(() => profileHeading(page).innerText(), { timeout: WAIT }).toBe('Chicopee');
    await compareButton().click();
    await searchAndPick(page, 'Brockton', /^Brockton/);
    await expect.poll(() => profileHeading(page).innerText(), { timeout: WAIT }).toBe('Brockton');
    await compareButton().click();

    await expect.poll(() => query(page).get('compare')).toBe([NEW_BEDFORD, CHICOPEE, BROCKTON].join(','));
    const compare = page.getByTestId('compare');
    const headers = await compare.getByRole('table').getByRole('columnheader').allInnerTexts();
    for (const name of ['New Bedford', 'Chicopee', 'Brockton']) expect(headers.some((h) => h.includes(name)), `${name} in ${JSON.stringify(headers)}`).toBe(true);
    const order = ['New Bedford', 'Chicopee', 'Brockton'].map((n) => headers.findIndex((h) => h.includes(n)));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(await compare.getByRole('row').count()).toBeGreaterThan(5);
  });

  // -------------------------------------------------------------------------- share-URL round trip

  it('share URL: a fresh context opening page.url() restores level, measure, profile, comparison and view', async () => {
    const url = page.url();
    expect(new URL(url).searchParams.get('measure')).toBe('low_birth_weight');
    const c = await newContext();
    const p = await c.newPage();
    await p.goto(url);
    await waitIdle(p);
    expect(await p.getByRole('radio', { name: 'Municipalities' }).isChecked()).toBe(true);
    expect(await measureSelect(p).inputValue()).toBe('low_birth_weight');
    await expect.poll(() => profileHeading(p).innerText(), { timeout: WAIT }).toBe('Brockton');
    const headers = await p.getByTestId('compare').getByRole('columnheader').allInnerTexts();
    for (const name of ['New Bedford', 'Chicopee', 'Brockton']) expect(headers.some((h) => h.includes(name)), name).toBe(true);
    expect(await p.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Map' }).getAttribute('aria-current')).toBe('page');
    expect(await p.getByTestId('legend').getByRole('heading').innerText()).toMatch(/^Low birth weight/);
    expect(await p.getByTestId('table-view').count()).toBe(0);
    expect(p.url()).toBe(url);
    await c.close();
  });

  it('share URL: a crafted link restores ZIP level, domain measure, table view, place, comparison and the flagged filter', async () => {
    const c = await newContext();
    const p = await c.newPage();
    await p.goto(`${app.url}/?level=zcta&measure=domain:social_drivers&view=table&place=01001&compare=01001,02108&filter=flagged`);
    const tableView = p.getByTestId('table-view');
    await tableView.waitFor({ state: 'visible', timeout: WAIT });
    expect(await p.getByRole('radio', { name: 'ZIP codes' }).isChecked()).toBe(true);
    expect(await measureSelect(p).inputValue()).toBe('domain:social_drivers');
    expect(await p.getByRole('checkbox', { name: 'Flagged only' }).isChecked()).toBe(true);
    const caption = await tableView.locator('caption').innerText();
    expect(caption).toContain('Social drivers');
    expect(caption).toMatch(/ZIP codes/);
    expect(caption, 'the flagged filter leaves a subset').toMatch(/ of [\d,]+/);
    // Every listed ZIP code has at least one flag.
    const flagIdx = (await tableView.getByRole('columnheader').allInnerTexts()).findIndex((h) => h.startsWith('Flags'));
    expect(flagIdx).toBeGreaterThan(0);
    const flags = await tableView.locator('tbody tr').evaluateAll((rows, k) => rows.map((r) => (r as HTMLTableRowElement).cells[k]?.textContent?.trim() ?? ''), flagIdx);
    expect(flags.length).toBeGreaterThan(10);
    expect(flags.every((f) => Number(f) > 0), flags.slice(0, 10).join(',')).toBe(true);
    await expect.poll(() => profileHeading(p).innerText(), { timeout: WAIT }).toBe('ZIP 01001');
    const headers = await p.getByTestId('compare').getByRole('columnheader').allInnerTexts();
    expect(headers.some((h) => h.includes('ZIP 01001'))).toBe(true);
    expect(headers.some((h) => h.includes('ZIP 02108'))).toBe(true);
    expect(await p.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Table' }).getAttribute('aria-current')).toBe('page');
    const q = query(p);
    expect([q.get('level'), q.get('measure'), q.get('view'), q.get('place'), q.get('compare'), q.get('filter')]).toEqual(['zcta', 'domain:social_drivers', 'table', '01001', '01001,02108', 'flagged']);
    await c.close();
  });

  // -------------------------------------------------------------------------------------- views

  const viewButton = (p: Page, name: string) => p.getByRole('navigation', { name: 'Views' }).getByRole('button', { name, exact: true });

  it('views: the table is sortable by its column header buttons', async () => {
    await viewButton(page, 'Table').click();
    const tv = page.getByTestId('table-view');
    await tv.waitFor({ state: 'visible', timeout: WAIT });
    expect(await tv.locator('caption').innerText()).toMatch(/^Low birth weight/);
    const nameHeader = tv.getByRole('columnheader').filter({ has: page.getByRole('button', { name: /^Name/ }) });
    expect(await nameHeader.getAttribute('aria-sort')).toBe('none');
    await nameHeader.getByRole('button').click();
    await expect.poll(() => nameHeader.getAttribute('aria-sort')).toBe('ascending');
    const names = await tv.locator('tbody tr th').allInnerTexts();
    expect(names.length).toBeGreaterThan(300);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en')));
    await nameHeader.getByRole('button').click();
    await expect.poll(() => nameHeader.getAttribute('aria-sort')).toBe('descending');
    expect((await tv.locator('tbody tr th').first().innerText()) > names[0]!).toBe(true);
  });

  it('exports: "Export CSV" downloads a header row and as many data rows as the table shows', async () => {
    const tv = page.getByTestId('table-view');
    const shown = await tv.locator('tbody tr').count();
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: WAIT }), tv.getByRole('button', { name: /^Export CSV/ }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const text = (await downloaded(download)).toString('utf8').replace(/^\uFEFF/, '');
    const rows = parseCsv(text).filter((r) => r.length > 1 || r[0] !== '');
    expect(rows[0]!.slice(0, 4)).toEqual(['version', 'level', 'id', 'name']);
    expect(rows.length - 1).toBe(shown);
    expect(rows.slice(1).some((r) => r[3] === 'New Bedford')).toBe(true);
    expect(rows.slice(1).every((r) => r.length === rows[0]!.length)).toBe(true);
  });

  it('views: "Need vs. investment" lists North Adams as high need without investment', async () => {
    await viewButton(page, 'Need vs. investment').click();
    const need = page.getByTestId('need-view');
    await need.waitFor({ state: 'visible', timeout: WAIT });
    await expect.poll(() => need.getAttribute('aria-busy'), { timeout: WAIT }).toBe('false');
    const unfunded = need.getByRole('region', { name: /High need, no announced investment/ });
    expect(await unfunded.getByRole('button', { name: 'North Adams' }).count()).toBe(1);
    const funded = need.getByRole('region', { name: /with announced investment/ });
    expect(await funded.getByRole('button', { name: 'North Adams' }).count()).toBe(0);
    expect(await funded.getByRole('button', { name: 'New Bedford' }).count()).toBe(1);
  });

  it('views: "About" links to the API documentation at /v1/docs', async () => {
    await viewButton(page, 'About').click();
    const about = page.getByTestId('about');
    await about.waitFor({ state: 'visible', timeout: WAIT });
    const link = about.locator('a[href="/v1/docs"]');
    expect(await link.count()).toBe(1);
    expect((await link.innerText()).trim().length).toBeGreaterThan(3);
    const res = await fetch(new URL('/v1/docs', app.url));
    expect(res.status).toBe(200);
  });

  it('exports: "Export PNG" in the map view downloads a PNG image', async () => {
    // Switching view does not restyle the map (it stays mounted), so there is no new idle to wait for.
    await viewButton(page, 'Map').click();
    await expect.poll(() => page.getByRole('button', { name: 'Export PNG' }).isEnabled(), { timeout: WAIT }).toBe(true);
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: WAIT }), page.getByRole('button', { name: 'Export PNG' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.png$/);
    const bytes = await downloaded(download);
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(bytes.length).toBeGreaterThan(10_000);
  });

  // ------------------------------------------------------------------------------ accessibility

  it('accessibility: no serious or critical axe violations in the map view with a profile, table, need and about views', async () => {
    const reports: string[] = [];
    let total = 0;
    const check = async (p: Page, where: string) => {
      const { count, report } = await seriousViolations(p, where);
      total += count;
      if (report) reports.push(report);
    };
    const c = await newContext();
    const p = await c.newPage();
    await open(p, `?place=${NEW_BEDFORD}&compare=${NEW_BEDFORD},${CHICOPEE}`);
    await expect.poll(() => profileHeading(p).innerText(), { timeout: WAIT }).toBe('New Bedford');
    await check(p, 'map + profile + compare');
    await viewButton(p, 'Table').click();
    await p.getByTestId('table-view').waitFor({ state: 'visible', timeout: WAIT });
    // Audit the table with the "Priority only" filter: the same markup with ~30 rows instead of 351
    // (axe's colour-contrast pass over every row of the full table takes ~12 s).
    await p.getByRole('checkbox', { name: 'Priority only' }).check();
    await expect.poll(() => p.getByTestId('table-view').locator('tbody tr').count()).toBeLessThan(60);
    await check(p, 'table');
    await viewButton(p, 'Need vs. investment').click();
    await expect.poll(() => p.getByTestId('need-view').getAttribute('aria-busy'), { timeout: WAIT }).toBe('false');
    await check(p, 'need');
    await viewButton(p, 'About').click();
    await p.getByTestId('about').waitFor({ state: 'visible', timeout: WAIT });
    await check(p, 'about');
    await c.close();
    expect(total, reports.join('\n')).toBe(0);
  }, 180_000); // four axe passes of ~10 s each on this shared 2-core machine came to the 60 s default

  it('accessibility: no serious or critical axe violations at phone width (375×740)', async () => {
    const c = await newContext({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
    const p = await c.newPage();
    await open(p, `?place=${NEW_BEDFORD}`);
    await expect.poll(() => profileHeading(p).innerText(), { timeout: WAIT }).toBe('New Bedford');
    const { count, report } = await seriousViolations(p, 'phone');
    // Nothing scrolls sideways at phone width (WCAG 1.4.10 reflow).
    const overflow = await p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    await c.close();
    expect(count, report).toBe(0);
    expect(overflow, 'horizontal overflow in px at 375 px width').toBeLessThanOrEqual(1);
  });

  // ----------------------------------------------------------------------------------- keyboard

  it('keyboard: Tab from the top reaches search, level radios, measure and the view buttons, each with a visible focus ring', async () => {
    const c = await newContext();
    const p = await c.newPage();
    await open(p);
    const seen: { what: string; outline: string; focusVisible: boolean }[] = [];
    for (let i = 0; i < 25; i++) {
      await p.keyboard.press('Tab');
      const s = await p.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return null;
        const style = getComputedStyle(el);
        const label = el.getAttribute('aria-label') ?? (el as HTMLInputElement).labels?.[0]?.textContent?.trim() ?? el.textContent?.trim() ?? '';
        const kind = el instanceof HTMLInputElement ? `${el.type}` : el.tagName.toLowerCase();
        return { what: `${kind}:${label}`, outline: `${style.outlineStyle} ${style.outlineWidth}`, focusVisible: el.matches(':focus-visible') };
      });
      if (s) seen.push(s);
      if (s?.what === 'button:About') break;
    }
    const find = (re: RegExp) => seen.findIndex((s) => re.test(s.what));
    const wanted = [/^search:Search a municipality or ZIP code$/, /^radio:Municipalities$/, /^select:Measure/, /^button:Map$/, /^button:Table$/, /^button:Need vs\. investment$/, /^button:About$/];
    const at = wanted.map(find);
    expect(at.every((i) => i >= 0), `reached: ${seen.map((s) => s.what).join(' | ')}`).toBe(true);
    expect(at, 'in reading order').toEqual([...at].sort((a, b) => a - b));
    for (const i of at) {
      const s = seen[i]!;
      expect(s.focusVisible, s.what).toBe(true);
      expect(s.outline.startsWith('none'), `${s.what}: outline ${s.outline}`).toBe(false);
      expect(s.outline.endsWith(' 0px'), `${s.what}: outline ${s.outline}`).toBe(false);
    }
    // The level radios are one group: arrows move within it.
    await p.getByRole('radio', { name: 'Municipalities' }).focus();
    await idleAfter(p, () => p.keyboard.press('ArrowRight'));
    expect(await p.getByRole('radio', { name: 'ZIP codes' }).isChecked()).toBe(true);
    await c.close();
  });

  // ------------------------------------------------------------------------ deployed CSP

  it('runs under the Content-Security-Policy CloudFront sends (no inline styles or scripts, own workers)', async () => {
    const c = await newContext();
    const violations: string[] = [];
    const p = await c.newPage();
    p.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    // The page document gets the policy the stack attaches in AWS (infra/lib/constructs/web-site.ts).
    await p.route(`${app.url}/**`, async (route) => {
      if (route.request().resourceType() !== 'document') return route.continue();
      const res = await route.fetch();
      return route.fulfill({ response: res, headers: { ...res.headers(), 'content-security-policy': contentSecurityPolicy(app.url) } });
    });
    await open(p, `?place=${NEW_BEDFORD}&compare=${NEW_BEDFORD},${CHICOPEE}&measure=low_birth_weight`);
    await expect.poll(() => profileHeading(p).innerText(), { timeout: WAIT }).toBe('New Bedford');
    // Styles set from data (legend swatches, profile bars) must survive the policy.
    const swatch = await p.getByTestId('legend').locator('.swatch').first().evaluate((e) => getComputedStyle(e).backgroundColor);
    expect(swatch).not.toBe('rgba(0, 0, 0, 0)');
    await viewButton(p, 'Table').click();
    await p.getByTestId('table-view').waitFor({ state: 'visible', timeout: WAIT });
    expect(violations).toEqual([]);
    await c.close();
  });

  // -------------------------------------------------------------------------------- other hosts

  it('no page threw an uncaught exception or logged a console error', () => {
    expect(app.pageErrors).toEqual([]);
    expect(app.consoleErrors).toEqual([]);
  });

  it('requests nothing from any other host, from any page', () => {
    const host = new URL(app.url).host;
    expect(app.requests.length).toBeGreaterThan(20);
    expect(app.requests.filter((u) => new URL(u).host !== host)).toEqual([]);
  });
});
