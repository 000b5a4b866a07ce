import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserAvailability } from '../support/chromium.js';
import { A11Y_TAGS, apiJson, choroplethShare, DESKTOP, openApp, PHONE, saveShot, seriousViolations, SHOT_DIR, startMapApp, WAIT, type MapApp } from '../support/map-app.js';

/**
 * Issue 16: `?lang=es` shows the whole UI in Spanish. Each view is opened in Spanish and its
 * visible text (text nodes of rendered elements, plus the labels people and screen readers are
 * given: aria-label, title, placeholder, alt) is searched for common English UI words that never
 * occur in Spanish text. Text inside an element marked `lang="en"` is English data kept as
 * published (investment descriptions, source names) and is skipped; so are the names the API
 * publishes (places, counties, priority geographies, funders), which are data in any language.
 * Also: the language switch keeps the state of the URL both ways, numbers are es-US, the map
 * still draws in colour, and axe finds nothing serious in Spanish.
 */
const { run } = browserAvailability();

/**
 * English words that are never Spanish words (whole words, case-insensitive). Left out on purpose,
 * because Spanish has them: a, no, as, per (per cápita), total, zoom, has (tú form of haber), figure (subjunctive of figurar), compare (usted imperative of
 * comparar), percentiles (plural is the same), data is kept although rare in Spanish (datar).
 */
const ENGLISH_WORDS = [
  'the', 'and', 'with', 'for', 'this', 'that', 'from', 'of', 'to', 'is', 'are', 'by', 'or', 'not', 'in', 'on', 'at', 'its', 'it', 'if',
  'which', 'each', 'what', 'where', 'when', 'why', 'how', 'have', 'was', 'were', 'will', 'can', 'all', 'only', 'than', 'more', 'less',
  'higher', 'lower', 'worse', 'better', 'other', 'also', 'none', 'unknown', 'selected', 'click', 'press', 'open', 'close', 'copy', 'link',
  'data', 'place', 'places', 'show', 'hide', 'loading', 'share', 'export', 'table', 'need', 'about', 'map', 'view', 'views', 'legend',
  'municipality', 'municipalities', 'flagged', 'priority', 'investment', 'investments', 'announced', 'grant', 'grants', 'funder', 'funders', 'grantee',
  'rank', 'ranked', 'percentile', 'score', 'residents', 'population', 'county', 'counties', 'state', 'value', 'values', 'source', 'sources',
  'method', 'version', 'report', 'download', 'print', 'search', 'index', 'indicator', 'indicators', 'domain', 'domains', 'interval', 'overall',
  'filter', 'filters', 'details', 'geography', 'geographies', 'measure', 'context', 'published', 'skip', 'zip', 'code', 'codes',
  'toggle', 'attribution', 'boundaries', 'out', 'members', 'flags', 'best', 'worst', 'mean', 'weighted', 'births', 'deaths', 'years',
];
const WORD_RE = new RegExp(`(?<![\\p{L}\\p{N}_])(${ENGLISH_WORDS.join('|')})(?![\\p{L}\\p{N}_])`, 'giu');

interface Found {
  text: string;
  /** Where: the nearest ancestor with a data-testid or id, and the attribute if the text is one. */
  where: string;
}

/** Visible text and accessible labels of the page, outside `[lang="en"]`, `<script>` and `<style>`. */
async function pageTexts(p: Page, scope = 'body'): Promise<Found[]> {
  return p.evaluate((scopeSel) => {
    const root = document.querySelector(scopeSel);
    if (!root) return [{ text: `(missing ${scopeSel})`, where: 'test' }];
    const out: { text: string; where: string }[] = [];
    // <code>/<kbd>/<samp> hold machine-readable text (API paths, parameters), not UI prose.
    const skip = (el: Element) => !!el.closest('script, style, noscript, template, code, kbd, samp, [lang="en"]');
    const shown = (el: Element) => el.tagName === 'OPTION' || el.tagName === 'OPTGROUP' ? !!el.closest('select')?.checkVisibility({ visibilityProperty: true }) : el.checkVisibility({ visibilityProperty: true });
    const where = (el: Element) => {
      const a = el.closest('[data-testid], [id]');
      return a ? (a.getAttribute('data-testid') ? `[data-testid=${a.getAttribute('data-testid')}]` : `#${a.id}`) : el.tagName.toLowerCase();
    };
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      const text = (n.textContent ?? '').replace(/\s+/g, ' ').trim();
      if (!el || !text || skip(el) || !shown(el)) continue;
      out.push({ text, where: `${where(el)} <${el.tagName.toLowerCase()}>` });
    }
    for (const el of Array.from(root.querySelectorAll('[aria-label], [title], [placeholder], [alt], [aria-valuetext], [aria-roledescription]'))) {
      if (skip(el) || !shown(el)) continue;
      for (const attr of ['aria-label', 'title', 'placeholder', 'alt', 'aria-valuetext', 'aria-roledescription']) {
        const v = el.getAttribute(attr)?.trim();
        if (v) out.push({ text: v, where: `${where(el)} <${el.tagName.toLowerCase()} ${attr}>` });
      }
    }
    if (scopeSel === 'body') out.push({ text: document.title, where: '<title>' });
    return out;
  }, scope);
}

/** Names the API publishes (places, counties, priority geographies, funders…): data, not UI text. */
function collectNames(value: unknown, into: Set<string>) {
  if (Array.isArray(value)) for (const v of value) collectNames(v, into);
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      if (typeof v === 'string' && /^(name|county|funder|grantee|title|program|geography)$/i.test(k) && v.length >= 3) into.add(v);
      else collectNames(v, into);
    }
}

/** Texts with English words, after removing published names: "text" — words (where). */
function englishIn(found: Found[], names: readonly string[]): string[] {
  const out = new Set<string>();
  for (const f of found) {
    if (!f.text.match(WORD_RE)) continue;
    // Addresses (a report's own link printed in its footer) are machine-readable.
    let rest = f.text.replace(/\bhttps?:\/\/\S+/g, ' ');
    for (const n of names) if (rest.includes(n)) rest = rest.split(n).join(' ');
    // Words in capitals are acronyms or proper names (CDC PLACES, AHEM), not UI words.
    // matchAll starts at a copy of lastIndex: start each text from 0.
    WORD_RE.lastIndex = 0;
    const words = [...rest.matchAll(WORD_RE)].map((m) => m[1]!).filter((w) => w !== w.toUpperCase() || w.length === 1);
    if (words.length) out.add(`"${f.text.slice(0, 160)}" — ${[...new Set(words.map((w) => w.toLowerCase()))].join(', ')} (${f.where})`);
  }
  return [...out];
}

/** The summary of English left per view, for people (gitignored, beside the screenshots). */
const REMAINING = path.join(SHOT_DIR, '..', 'spanish-remaining.txt');
const PHONE_CONTEXT = { viewport: PHONE, isMobile: true, hasTouch: true };

describe.runIf(run)('Spanish UI (?lang=es): every view in Spanish, the switch keeps the state, es-US numbers, map in colour, axe', () => {
  let app: MapApp;
  let page: Page;
  let lawrence = '';
  let lowell = '';
  let brockton = '';
  let zip = '';
  let names: string[] = [];
  /** Remaining English per view, printed at the end for the lead. */
  const remaining: Record<string, string[]> = {};

  async function townId(name: string) {
    const { items } = await apiJson<{ items: { level: string; id: string; name: string }[] }>(app.url, `/v1/search?q=${encodeURIComponent(name)}`);
    return items.find((h) => h.level === 'town' && h.name === name)!.id;
  }

  /** Fail listing the English found in the view (soft: the other checks of the view still run). */
  async function expectSpanish(p: Page, view: string, scope = 'body') {
    // Closed <details> hold text too (disclosures); open them so their content is read as well.
    await p.evaluate(() => document.querySelectorAll('details:not([open])').forEach((d) => ((d as HTMLDetailsElement).open = true)));
    const english = englishIn(await pageTexts(p, scope), names);
    remaining[view] = english;
    expect.soft(english, `English left in the Spanish ${view}:\n${english.join('\n')}\n`).toEqual([]);
    // lang="en" is for published English data inside the Spanish UI, never a wrapper around UI: no controls or headings within.
    const wrappers = await p.evaluate((scopeSel) =>
      Array.from(document.querySelector(scopeSel)?.querySelectorAll('[lang="en"]') ?? [])
        .filter((e) => e.querySelector('button, select, input, textarea, nav, h1, h2, h3, table'))
        .map((e) => `<${e.tagName.toLowerCase()}> ${(e.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 80)}`),
    scope);
    expect.soft(wrappers, `lang="en" around UI in the Spanish ${view}`).toEqual([]);
  }

  beforeAll(async () => {
    app = await startMapApp();
    [lawrence, lowell, brockton] = [await townId('Lawrence'), await townId('Lowell'), await townId('Brockton')];
    zip = (await apiJson<{ items: { level: string; id: string }[] }>(app.url, '/v1/search?q=01841')).items.find((h) => h.level === 'zcta')!.id;
    const set = new Set<string>();
    for (const route of ['/v1/layers/town', '/v1/layers/zcta', '/v1/priority-geographies', '/v1/investments', '/v1/need-investment?level=town']) {
      const res = await fetch(`${app.url}${route}`);
      if (res.ok) collectNames(await res.json(), set);
    }
    names = [...set].sort((a, b) => b.length - a.length);
    page = await app.newPage({ viewport: DESKTOP });
  }, 600_000);
  afterAll(async () => {
    // One summary for people: each text once, under the first view that showed it (the side panel's lists repeat in every view).
    const seen = new Set<string>();
    const lines = Object.entries(remaining).flatMap(([view, e]) => {
      const fresh = e.filter((x) => !seen.has(x));
      fresh.forEach((x) => seen.add(x));
      return [`== ${view}: ${e.length} (${e.length - fresh.length} already listed above)`, ...fresh.map((x) => `  ${x}`)];
    });
    if (lines.length) {
      mkdirSync(path.dirname(REMAINING), { recursive: true });
      writeFileSync(REMAINING, `${lines.join('\n')}\n`);
      console.log(`Spanish UI, English remaining per view (also in ${path.relative(process.cwd(), REMAINING)}):\n${lines.join('\n')}`);
    }
    await app?.close();
  });

  it('1. the language switch: "Español" on the English page keeps the state and adds lang=es; "English" goes back without lang', async () => {
    const state = `?level=zcta&place=${zip}&compare=${zip},01840&view=table#9.5/42.7/-71.16`;
    const p = await app.newPage({ viewport: DESKTOP });
    await p.goto(`${app.url}/${state}`);
    expect(await p.evaluate(() => document.documentElement.lang)).toBe('en');
    const es = p.getByRole('link', { name: 'Español', exact: true });
    await es.waitFor({ state: 'visible', timeout: WAIT });
    expect(await es.getAttribute('hreflang')).toBe('es');
    expect(await es.getAttribute('lang')).toBe('es');
    expect((await es.innerText()).trim()).toBe('Español');
    await p.getByTestId('table-view').waitFor({ timeout: WAIT });
    const before = new URL(p.url());
    await es.click();
    await p.waitForURL((u) => u.searchParams.get('lang') === 'es', { timeout: WAIT });
    await p.waitForFunction(() => document.documentElement.lang === 'es', null, { timeout: WAIT });
    const after = new URL(p.url());
    const others = (u: URL) => [...u.searchParams].filter(([k]) => k !== 'lang').sort(([a], [b]) => a.localeCompare(b));
    expect(others(after), 'every other parameter kept').toEqual(others(before));
    expect(after.pathname).toBe(before.pathname);
    expect(after.hash, 'the map position (hash) kept').toBe(before.hash);
    await p.getByTestId('table-view').waitFor({ timeout: WAIT });

    const en = p.getByRole('link', { name: 'English', exact: true });
    await en.waitFor({ state: 'visible', timeout: WAIT });
    expect(await en.getAttribute('hreflang')).toBe('en');
    expect(await en.getAttribute('lang')).toBe('en');
    const beforeBack = new URL(p.url());
    await en.click();
    await p.waitForURL((u) => !u.searchParams.has('lang'), { timeout: WAIT });
    await p.waitForFunction(() => document.documentElement.lang === 'en', null, { timeout: WAIT });
    const back = new URL(p.url());
    expect(others(back)).toEqual(others(beforeBack));
    expect(back.hash).toBe(beforeBack.hash);
    await p.close();
  });

  it('2. map + legend + profile (desktop): Spanish, es-US numbers, the map in colour, axe', async () => {
    await openApp(page, app.url, `?lang=es&place=${lawrence}`);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('es');
    const profile = page.getByTestId('profile');
    await profile.getByRole('heading', { level: 2, name: 'Lawrence' }).waitFor({ timeout: WAIT });
    const views = page.getByRole('navigation', { name: 'Vistas' });
    for (const name of ['Mapa', 'Tabla', 'Necesidad frente a inversión', 'Acerca de']) expect.soft(await views.getByRole('button', { name, exact: true }).count(), `view button "${name}"`).toBe(1);
    expect.soft(await page.getByRole('combobox', { name: 'Buscar un municipio o código postal' }).count()).toBe(1);
    await page.getByTestId('legend').waitFor({ timeout: WAIT });
    expect.soft(await page.getByTestId('legend').getByRole('heading').first().innerText()).not.toMatch(/Loading/);
    expect(await choroplethShare(page), 'the map draws its choropleth in Spanish too').toBeGreaterThan(0.1);

    // Numbers: the population the profile shows is the API's, written the es-US way (1,234 grouping).
    const api = await apiJson<{ place: { population: number | null; percentile: number | null } }>(app.url, `/v1/places/town/${lawrence}`);
    const population = api.place.population!;
    expect(population).toBeGreaterThan(9999);
    const esPop = population.toLocaleString('es-US');
    expect(esPop).toMatch(/^\d{1,3}(,\d{3})+$/);
    expect.soft(await profile.innerText(), `population ${esPop} (es-US) in the profile`).toContain(esPop);
    // A percentile with a decimal: es-US writes a period (87.3), not a comma.
    const meters = await profile.getByRole('meter').evaluateAll((els) => els.map((e) => Number(e.getAttribute('aria-valuenow'))));
    const decimal = meters.find((v) => !Number.isInteger(v));
    if (decimal !== undefined) {
      const text = decimal.toLocaleString('es-US', { maximumFractionDigits: 1 });
      expect(text).toContain('.');
      expect.soft(await profile.innerText(), `percentile ${text} (es-US) in the profile`).toContain(text);
    }
    // The tooltip of the place under the pointer (the middle of the map, zoomed to Lawrence) is read too.
    const canvas = (await page.locator('canvas.maplibregl-canvas').boundingBox())!;
    await page.mouse.move(canvas.x + canvas.width / 2, canvas.y + canvas.height / 2);
    await page.locator('.tooltip').waitFor({ state: 'visible', timeout: 5_000 }).catch(() => {});
    await saveShot(page, 'spanish-map-profile');
    await expectSpanish(page, 'map + legend + profile + tooltip (desktop)');
    const axe = await seriousViolations(page, 'es map + profile', A11Y_TAGS);
    expect.soft(axe.count, axe.report).toBe(0);
  });

  it('3. the printable report link keeps the language', async () => {
    const link = page.getByTestId('profile').getByTestId('report-link');
    await link.waitFor({ timeout: WAIT });
    const href = (await link.getAttribute('href')) ?? '';
    expect(new URL(href, app.url).searchParams.get('lang'), `report link ${href}`).toBe('es');
    const r = await app.newPage({ viewport: DESKTOP });
    await r.goto(new URL(href, app.url).toString());
    await r.getByTestId('report').waitFor({ timeout: WAIT });
    await r.getByTestId('report-name').waitFor({ timeout: WAIT });
    await r.waitForLoadState('networkidle');
    expect(await r.evaluate(() => document.documentElement.lang)).toBe('es');
    await saveShot(r, 'spanish-report', { fullPage: true });
    await expectSpanish(r, 'printable report (town)');

    // A priority geography's report, linked from the side panel's list.
    const geo = page.getByTestId('geography-report-link').first();
    const geoHref = (await geo.getAttribute('href')) ?? '';
    expect.soft(new URL(geoHref, app.url).searchParams.get('lang'), `geography report link ${geoHref}`).toBe('es');
    const geoUrl = new URL(geoHref, app.url);
    geoUrl.searchParams.set('lang', 'es');
    await r.goto(geoUrl.toString());
    await r.getByTestId('report-name').waitFor({ timeout: WAIT });
    await r.waitForLoadState('networkidle');
    await saveShot(r, 'spanish-geography-report', { fullPage: true });
    await expectSpanish(r, 'printable report (priority geography)');
    await r.close();
  });

  it('4. comparison: Spanish', async () => {
    await openApp(page, app.url, `?lang=es&place=${lawrence}&compare=${lawrence},${lowell},${brockton}`);
    await page.getByTestId('compare').getByRole('columnheader').first().waitFor({ timeout: WAIT });
    await saveShot(page, 'spanish-compare');
    await expectSpanish(page, 'comparison', '[data-testid="compare"]');
  });

  it('5. table view: Spanish', async () => {
    await openApp(page, app.url, '?lang=es&view=table');
    await page.getByTestId('table-view').waitFor({ timeout: WAIT });
    await saveShot(page, 'spanish-table');
    await expectSpanish(page, 'table view');
  });

  it('6. need vs. investment view: Spanish', async () => {
    await openApp(page, app.url, '?lang=es&view=need');
    await expect.poll(() => page.getByTestId('need-view').getAttribute('aria-busy'), { timeout: WAIT }).toBe('false');
    await saveShot(page, 'spanish-need');
    await expectSpanish(page, 'need view');
  });

  it('7. About: Spanish, axe', async () => {
    await openApp(page, app.url, '?lang=es&view=about');
    await page.getByTestId('about').waitFor({ timeout: WAIT });
    await page.waitForLoadState('networkidle');
    await saveShot(page, 'spanish-about', { fullPage: true });
    await expectSpanish(page, 'About');
    const axe = await seriousViolations(page, 'es About', A11Y_TAGS);
    expect.soft(axe.count, axe.report).toBe(0);
  });

  it('8. empty state: a search with no match says so in Spanish', async () => {
    await openApp(page, app.url, '?lang=es');
    const box = page.getByRole('combobox', { name: 'Buscar un municipio o código postal' });
    await box.waitFor({ timeout: WAIT });
    const answered = page.waitForResponse((r) => new URL(r.url()).pathname === '/v1/search', { timeout: WAIT });
    await box.pressSequentially('Qxzvw', { delay: 20 });
    await answered;
    await expect.poll(() => page.getByRole('status').allInnerTexts(), { timeout: WAIT }).toContainEqual(expect.stringMatching(/Ningún municipio ni código postal coincide con “Qxzvw”/));
    await saveShot(page, 'spanish-search-no-match');
    await expectSpanish(page, 'search with no match');
  });

  it('9. phone (390×844): map + profile of a ZIP code in Spanish, map in colour', async () => {
    const p = await app.newPage(PHONE_CONTEXT);
    await openApp(p, app.url, `?lang=es&level=zcta&place=${zip}`);
    await p.getByTestId('profile').getByRole('heading', { level: 2 }).waitFor({ timeout: WAIT });
    expect(await choroplethShare(p)).toBeGreaterThan(0.05);
    await saveShot(p, 'spanish-phone-zip-profile', { fullPage: true });
    await expectSpanish(p, 'phone: ZIP code profile');
    await p.close();
  });

  it('no page errors while in Spanish', () => {
    expect(app.pageErrors).toEqual([]);
  });
});

