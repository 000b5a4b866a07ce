import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync, inflateSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { apiJson, downloaded, SHOT_DIR, startMapApp, WAIT, WEB_DIR, type MapApp } from '../support/map-app.js';
import { browserAvailability } from '../support/chromium.js';

/**
 * Issue 16 contract 3: "Download PDF" on the report page saves the same one page as a PDF file,
 * without the print dialog; the PDF code is loaded only on the click. The file is read here as
 * bytes (no PDF library): page objects, MediaBox, document info, the (inflated) content streams.
 */
const { run } = browserAvailability();

/** The built chunks that hold PDF code (jsPDF's), whatever the bundler names them. */
const pdfChunks = () => readdirSync(path.join(WEB_DIR, 'assets')).filter((f) => /\.js$/.test(f) && readFileSync(path.join(WEB_DIR, 'assets', f), 'utf8').includes('jsPDF'));
const isPdfRequest = (url: string) => pdfChunks().includes(path.basename(new URL(url).pathname));

interface ParsedPdf {
  text: string;
  pages: number;
  mediaBoxes: number[][];
  title: string | null;
  /** Inflated content streams (text, image placement). */
  streams: string[];
  images: { width: number; height: number; filter: string; bytes: number }[];
}

function parsePdf(pdf: Buffer): ParsedPdf {
  const text = pdf.toString('latin1');
  const streams: string[] = [];
  const images: ParsedPdf['images'] = [];
  // Each object: its dictionary and, if any, its stream bytes.
  for (const m of text.matchAll(/<<((?:(?!>>\s*stream)[\s\S])*?)>>\s*stream\r?\n/g)) {
    const dict = m[1]!;
    const start = m.index + m[0].length;
    const length = Number(/\/Length (\d+)/.exec(dict)?.[1]);
    const body = Buffer.from(text.slice(start, start + length), 'latin1');
    if (/\/Subtype\s*\/Image/.test(dict)) {
      images.push({ width: Number(/\/Width (\d+)/.exec(dict)?.[1]), height: Number(/\/Height (\d+)/.exec(dict)?.[1]), filter: /\/Filter\s*\/(\w+)/.exec(dict)?.[1] ?? '', bytes: length });
    } else if (/\/FlateDecode/.test(dict)) {
      try {
        streams.push(inflateSync(body).toString('latin1'));
      } catch {
        /* not a content stream we need */
      }
    } else streams.push(body.toString('latin1'));
  }
  return {
    text,
    // Page objects (`/Type /Page`), not the page tree (`/Type /Pages`).
    pages: (text.match(/\/Type\s*\/Page(?![a-z])/g) ?? []).length,
    mediaBoxes: [...text.matchAll(/\/MediaBox\s*\[([^\]]+)\]/g)].map((b) => b[1]!.trim().split(/\s+/).map(Number)),
    title: /\/Title\s*\(((?:\\.|[^\\)])*)\)/.exec(text)?.[1] ?? null,
    streams,
    images,
  };
}

/** Text shown by the content streams (`(...) Tj`), joined. */
const shownText = (pdf: ParsedPdf) => pdf.streams.flatMap((s) => [...s.matchAll(/\(((?:\\.|[^\\)])*)\)\s*Tj/g)].map((m) => m[1]!.replace(/\\(.)/g, '$1'))).join('\n');
/** Where the image is drawn: the `cm` before `Do` (width, height in points). */
const imagePlacements = (pdf: ParsedPdf) =>
  pdf.streams.flatMap((s) => [...s.matchAll(/([\d.-]+) 0\.? 0\.? ([\d.-]+) ([\d.-]+) ([\d.-]+) cm\s*\/I\d+ Do/g)].map((m) => ({ width: Number(m[1]), height: Number(m[2]), x: Number(m[3]), y: Number(m[4]) })));

async function clickDownload(page: Page) {
  const button = page.getByRole('button', { name: /^Download PDF/ });
  await expect.poll(() => button.isEnabled(), { timeout: WAIT }).toBe(true);
  // Keyboard: focus and Enter, as a keyboard user would.
  await button.focus();
  const pending = page.waitForEvent('download', { timeout: 120_000 });
  await page.keyboard.press('Enter');
  return pending;
}

describe.runIf(run)('Download PDF on the report', () => {
  let app: MapApp;
  let page: Page;
  let lawrence: { id: string; name: string };

  beforeAll(async () => {
    app = await startMapApp();
    page = await app.newPage();
    const hits = await apiJson<{ items: { level: string; id: string; name: string }[] }>(app.url, '/v1/search?q=Lawrence');
    lawrence = hits.items.find((h) => h.level === 'town' && h.name === 'Lawrence')!;
    expect(lawrence.id).toMatch(/^\d{10}$/);
  }, 600_000);
  afterAll(() => app?.close());

  it('a town report: one Letter page with the place in title and text, a ≥150 dpi snapshot of the sheet, PDF code fetched only on the click', async () => {
    const api = await apiJson<{ version: string; place: { name: string } }>(app.url, `/v1/places/town/${lawrence.id}`);
    await page.goto(`${app.url}/report?level=town&id=${lawrence.id}`);
    await page.getByTestId('report-locator').waitFor({ timeout: WAIT });
    expect(await page.getByTestId('report-name').textContent()).toBe(api.place.name);
    expect(pdfChunks().length).toBeGreaterThan(0);
    expect(app.requests.filter(isPdfRequest), 'PDF code before the click').toEqual([]);

    // Announcements: record what the status region says.
    await page.evaluate(() => {
      const el = document.querySelector('[data-testid="report-pdf-status"]')!;
      const seen: string[] = ((window as unknown as { statuses: string[] }).statuses = []);
      new MutationObserver(() => seen.push(el.textContent ?? '')).observe(el, { childList: true, characterData: true, subtree: true });
    });
    const download = await clickDownload(page);
    expect(app.requests.some(isPdfRequest), 'PDF code after the click').toBe(true);
    expect(download.suggestedFilename()).toBe(`equity-atlas-report-lawrence-${lawrence.id}-${api.version}.pdf`);
    const bytes = await downloaded(download);
    mkdirSync(SHOT_DIR, { recursive: true });
    writeFileSync(path.join(SHOT_DIR, 'report-pdf-lawrence.pdf'), bytes); // to look at
    await expect.poll(() => page.getByTestId('report-pdf-status').textContent(), { timeout: WAIT }).toBe('PDF saved');
    expect(await page.evaluate(() => (window as unknown as { statuses: string[] }).statuses)).toEqual(['Preparing PDF…', 'PDF saved']);
    // Focus stays on the button (a keyboard user is where they were).
    expect(await page.getByRole('button', { name: /^Download PDF/ }).evaluate((el) => el === document.activeElement)).toBe(true);

    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pdf = parsePdf(bytes);
    expect(pdf.pages, 'page objects').toBe(1);
    expect(pdf.mediaBoxes).toHaveLength(1);
    expect(pdf.mediaBoxes[0]!.map((n) => Math.round(n))).toEqual([0, 0, 612, 792]); // US Letter, 8.5 × 11 in
    expect(pdf.title).toContain(api.place.name);
    expect(pdf.title).toContain(api.version);

    // Render check: one JPEG image, drawn 7.4 in wide (the sheet's print width) and most of the page tall, at ≥ 150 dpi.
    expect(pdf.images).toHaveLength(1);
    const [image] = pdf.images;
    const [placed] = imagePlacements(pdf);
    expect(image!.filter).toBe('DCTDecode');
    expect(placed!.width).toBeCloseTo(7.4 * 72, 0);
    expect(placed!.height).toBeGreaterThan(792 / 2);
    expect(placed!.height).toBeLessThanOrEqual(792 - 2 * 0.4 * 72 + 0.01);
    expect(image!.width / (placed!.width / 72), 'dpi across').toBeGreaterThanOrEqual(150);
    expect(image!.height / (placed!.height / 72), 'dpi down').toBeGreaterThanOrEqual(150);
    expect(image!.width / image!.height).toBeCloseTo(placed!.width / placed!.height, 2);
    // A blank white page of that size encodes to a few tens of KB; the report (text, map) to far more.
    expect(image!.bytes, 'image bytes').toBeGreaterThan(150_000);

    // Selectable text: the invisible layer carries the page's words (name, version, a source).
    const words = shownText(pdf);
    expect(words).toContain(api.place.name);
    expect(words).toContain(api.version);
    expect(words).toMatch(/CDC PLACES/);
    expect(pdf.streams.some((s) => /\b3 Tr\b/.test(s)), 'invisible text rendering mode').toBe(true);
    // …where the picture shows it: the name (the sheet's first line) at the image's left edge, in its top 30 pt.
    const at = new RegExp(`([\\d.]+) ([\\d.]+) Td\\s*\\(${api.place.name}\\) Tj`).exec(pdf.streams.join('\n'));
    expect(at, 'name positioned').not.toBeNull();
    expect(Number(at![1])).toBeCloseTo(placed!.x, 0);
    const below = placed!.y + placed!.height - Number(at![2]);
    expect(below).toBeGreaterThan(0);
    expect(below).toBeLessThan(30);

    // The button and its status are not on paper.
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('button', { name: /^Download PDF/ }).isVisible()).toBe(false);
    await page.emulateMedia({ media: null }); // no emulation: page.pdf() prints with print media again (after 'screen' it would print the screen layout)
  }, 240_000);

  it('paper=a4 gives one A4 page', async () => {
    await page.goto(`${app.url}/report?level=town&id=${lawrence.id}&paper=a4`);
    await page.getByTestId('report-locator').waitFor({ timeout: WAIT });
    const pdf = parsePdf(await downloaded(await clickDownload(page)));
    expect(pdf.pages).toBe(1);
    const box = pdf.mediaBoxes[0]!;
    expect(box[2]).toBeCloseTo((210 / 25.4) * 72, 0);
    expect(box[3]).toBeCloseTo((297 / 25.4) * 72, 0);
  }, 240_000);

  it('in Spanish (?lang=es): the button and its status speak Spanish, and the file is one Letter page titled in Spanish', async () => {
    const api = await apiJson<{ version: string; place: { name: string } }>(app.url, `/v1/places/town/${lawrence.id}`);
    await page.goto(`${app.url}/report?level=town&id=${lawrence.id}&lang=es`);
    await page.getByTestId('report-locator').waitFor({ timeout: WAIT });
    const button = page.getByRole('button', { name: /^Descargar PDF/ });
    await expect.poll(() => button.isEnabled(), { timeout: WAIT }).toBe(true);
    await button.focus();
    const pending = page.waitForEvent('download', { timeout: 120_000 });
    await page.keyboard.press('Enter');
    const download = await pending;
    // The file name is machine-readable: the same in every language.
    expect(download.suggestedFilename()).toBe(`equity-atlas-report-lawrence-${lawrence.id}-${api.version}.pdf`);
    const bytes = await downloaded(download);
    writeFileSync(path.join(SHOT_DIR, 'report-pdf-lawrence-es.pdf'), bytes);
    await expect.poll(() => page.getByTestId('report-pdf-status').textContent(), { timeout: WAIT }).toBe('PDF guardado');
    const pdf = parsePdf(bytes);
    expect(pdf.pages).toBe(1);
    expect(pdf.mediaBoxes[0]!.map((n) => Math.round(n))).toEqual([0, 0, 612, 792]);
    expect(pdf.title).toContain('informe del lugar de Equity Atlas');
    expect(pdf.title).toContain(api.version);
    // The text layer carries the Spanish words (accents dropped: the standard font's WinAnsi text).
    const words = shownText(pdf);
    expect(words).toContain('Indice general');
    expect(words).toContain('Fuentes:');
  }, 240_000);

  it('the build: first-load JS beyond MapLibre < 100 KB gzip, and the PDF code in its own chunk', () => {
    const html = readFileSync(path.join(WEB_DIR, 'index.html'), 'utf8');
    const assets = path.join(WEB_DIR, 'assets');
    // First load: index.html's scripts and modulepreloads, and every chunk they import statically.
    const first = new Set<string>();
    const queue = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js|[^"/]+\.js)"/g)].map((m) => m[1]!);
    while (queue.length) {
      const f = queue.shift()!;
      if (first.has(f)) continue;
      first.add(f);
      const code = readFileSync(path.join(WEB_DIR, f), 'utf8');
      // Static imports only (`import{..}from"./x.js"` / `import"./x.js"`), not `import("./x.js")`.
      for (const m of code.matchAll(/(?:\bfrom\s*|\bimport\s*)["']\.\/([^"']+\.js)["']/g)) queue.push(`assets/${m[1]}`);
    }
    const appFirst = [...first].filter((f) => !path.basename(f).startsWith('maplibre'));
    const gzip = appFirst.reduce((n, f) => n + gzipSync(readFileSync(path.join(WEB_DIR, f)), { level: 9 }).length, 0);
    console.log(`first-load app JS (${appFirst.join(', ')}): ${(gzip / 1024).toFixed(1)} KB gzip`);
    expect(gzip).toBeLessThan(100 * 1024);
    expect(pdfChunks().length).toBeGreaterThan(0);
    for (const f of pdfChunks()) expect(first.has(`assets/${f}`), `${f} loaded first`).toBe(false);
    // Nor is it a static part of the report page: the report chunk only imports it on click.
    const report = readdirSync(assets).find((f) => /^ReportPage-.*\.js$/.test(f))!;
    expect(pdfChunks()).not.toContain(report);
    expect(readFileSync(path.join(assets, report), 'utf8')).not.toMatch(/(?:from\s*|import\s*)["']\.\/pdf-render/);
  });

  it('no page errors, and no console errors but one known, harmless CSP report', () => {
    expect(app.pageErrors).toEqual([]);
    // html2canvas-pro appends a <style> to its clone of the page to hide its stand-ins for ::before/::after;
    // our CSP (style-src 'self') blocks it. The report has no pseudo-element content, so the snapshot is
    // unaffected (the checks above); allowing that style's hash in the CSP is a follow-up.
    const known = /Applying inline style violates the following Content Security Policy directive 'style-src 'self''/;
    expect(app.consoleErrors.filter((e) => e.includes('/report') && !known.test(e))).toEqual([]);
  });
});
