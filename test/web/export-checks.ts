import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { DRAWN_CLASS_COLORS, downloaded, parseCsv, SHOT_DIR, WAIT } from '../support/map-app.js';

/**
 * Checks of the briefing exports (issue 13) shared by exports.test.ts and
 * planner-task.test.ts: the PNG is judged by its pixels (decoded by Chromium),
 * the CSVs by parsing them and comparing with the API.
 */

/** ColorBrewer YlOrRd as the legend swatches paint it (full opacity): literal, the test does not trust the app. */
export const SWATCH_COLORS: [number, number, number][] = ['#ffffb2', '#fecc5c', '#fd8d3c', '#f03b20', '#bd0026'].map((c) => [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16)) as [number, number, number]);

export interface LabelBox {
  text: string;
  kind: 'priority' | 'town';
  /** CSS pixels relative to the map canvas. */
  x: number;
  y: number;
  w: number;
  h: number;
}

/** The priority-geography labels and town names visible over the map (HTML), relative to its canvas. */
export async function visibleLabels(p: Page): Promise<LabelBox[]> {
  return p.evaluate(() => {
    const canvas = document.querySelector('canvas.maplibregl-canvas')!.getBoundingClientRect();
    return Array.from(document.querySelectorAll<HTMLElement>('.pg-label, .town-label'))
      .filter((el) => getComputedStyle(el).visibility !== 'hidden' && getComputedStyle(el).display !== 'none' && el.getClientRects().length > 0)
      .map((el) => ({ text: el.textContent ?? '', kind: el.classList.contains('town-label') ? ('town' as const) : ('priority' as const), r: el.getBoundingClientRect() }))
      .filter(({ r }) => r.left >= canvas.left && r.right <= canvas.right && r.top >= canvas.top && r.bottom <= canvas.bottom)
      .map(({ text, kind, r }) => ({ text, kind, x: r.left - canvas.left, y: r.top - canvas.top, w: r.width, h: r.height }));
  });
}

export interface PngAnalysis {
  width: number;
  height: number;
  /** Rows of the two full-width grey hairlines that frame the map. */
  mapTop: number;
  mapBottom: number;
  /** Share of non-white pixels in the title band and in the last band (footer). */
  titleInk: number;
  footerInk: number;
  /** Share of the map region in the five drawn choropleth colours. */
  mapChoropleth: number;
  /** For each swatch colour: pixels of it below the map (legend band). */
  legendSwatches: number[];
  /** Pixels of the hatch's dark and light greys, side by side, below the map. */
  legendHatch: number;
  /** Per label box: share of white (label fill, halo), of navy/purple (label ink or outline) and of near-black (town name) pixels. */
  labels: { white: number; ink: number; dark: number }[];
}

/** Decode a PNG in the page and measure its bands. */
export async function analysePng(p: Page, png: Buffer, labels: LabelBox[], scale = 1): Promise<PngAnalysis> {
  return p.evaluate(
    async ([b64, drawn, swatches, boxes, k]) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.width;
      c.height = img.height;
      const g = c.getContext('2d')!;
      g.drawImage(img, 0, 0);
      const { data, width, height } = g.getImageData(0, 0, c.width, c.height);
      const px = (x: number, y: number) => {
        const i = (y * width + x) * 4;
        return [data[i]!, data[i + 1]!, data[i + 2]!] as const;
      };
      const near = (a: readonly number[], b: readonly number[], tol = 24) => Math.abs(a[0]! - b[0]!) + Math.abs(a[1]! - b[1]!) + Math.abs(a[2]! - b[2]!) <= tol;
      // The hairlines: rows grey (#767676) across at least 95 % of the width.
      const grey: number[] = [];
      for (let y = 0; y < height; y++) {
        let n = 0;
        for (let x = 0; x < width; x++) if (near(px(x, y), [118, 118, 118], 6)) n++;
        if (n >= width * 0.95) grey.push(y);
      }
      const mapTop = grey.length ? grey[0]! + 1 : -1;
      const mapBottom = grey.length ? grey[grey.length - 1]! : -1;
      const ink = (y0: number, y1: number) => {
        let n = 0;
        let all = 0;
        for (let y = Math.max(0, y0); y < Math.min(height, y1); y++)
          for (let x = 0; x < width; x++) {
            all++;
            if (!near(px(x, y), [255, 255, 255], 30)) n++;
          }
        return all ? n / all : 0;
      };
      let choropleth = 0;
      let mapAll = 0;
      for (let y = mapTop; y < mapBottom; y++)
        for (let x = 0; x < width; x++) {
          mapAll++;
          const v = px(x, y);
          if (drawn.some((d) => near(v, d))) choropleth++;
        }
      const legendSwatches = swatches.map(() => 0);
      let legendHatch = 0;
      for (let y = mapBottom + 1; y < height; y++)
        for (let x = 0; x < width - 3; x++) {
          const v = px(x, y);
          swatches.forEach((s, i) => {
            if (near(v, s, 6)) legendSwatches[i]!++;
          });
          if (near(v, [110, 110, 110], 12) && [1, 2, 3].some((d) => near(px(x + d, y), [235, 235, 235], 12))) legendHatch++;
        }
      const labelStats = boxes.map((b) => {
        let white = 0;
        let inkN = 0;
        let dark = 0;
        let all = 0;
        for (let y = Math.round(mapTop + b.y * k); y < Math.round(mapTop + (b.y + b.h) * k); y++)
          for (let x = Math.round(b.x * k); x < Math.round((b.x + b.w) * k); x++) {
            if (x < 0 || y < 0 || x >= width || y >= height) continue;
            all++;
            const v = px(x, y);
            if (near(v, [255, 255, 255], 12)) white++;
            else if (near(v, [8, 48, 107], 90) || near(v, [106, 61, 154], 90) || near(v, [74, 42, 110], 90)) inkN++;
            if (near(v, [27, 27, 27], 60)) dark++;
          }
        return { white: all ? white / all : 0, ink: all ? inkN / all : 0, dark: all ? dark / all : 0 };
      });
      return {
        width,
        height,
        mapTop,
        mapBottom,
        titleInk: ink(0, mapTop - 1),
        footerInk: ink(height - Math.round(24 * k), height),
        mapChoropleth: mapAll ? choropleth / mapAll : 0,
        legendSwatches,
        legendHatch,
        labels: labelStats,
      };
    },
    [png.toString('base64'), DRAWN_CLASS_COLORS, SWATCH_COLORS, labels, scale] as const,
  );
}

/** Click "Export PNG", check the picture, and return its analysis. */
export async function exportAndCheckPng(p: Page, name = 'export'): Promise<PngAnalysis & { filename: string; townLabels: number }> {
  const canvas = await p.evaluate(() => {
    const c = document.querySelector('canvas.maplibregl-canvas') as HTMLCanvasElement;
    return { width: c.width, height: c.height, scale: c.width / c.getBoundingClientRect().width };
  });
  const labels = await visibleLabels(p);
  const [download] = await Promise.all([p.waitForEvent('download', { timeout: WAIT }), p.getByRole('button', { name: 'Export PNG' }).click()]);
  const png = await downloaded(download);
  mkdirSync(SHOT_DIR, { recursive: true });
  writeFileSync(path.join(SHOT_DIR, `${name}.png`), png); // for people to look at
  const a = await analysePng(p, png, labels, canvas.scale);
  expect(a.width, 'the PNG is as wide as the map canvas').toBe(canvas.width);
  expect(a.mapTop, 'a title band above the map').toBeGreaterThan(20 * canvas.scale);
  expect(a.mapBottom - a.mapTop, 'the whole map between the bands').toBe(canvas.height);
  expect(a.height - a.mapBottom, 'legend and footer bands below the map').toBeGreaterThan(60 * canvas.scale);
  expect(a.titleInk, 'text in the title band').toBeGreaterThan(0.01);
  expect(a.footerInk, 'text in the footer band').toBeGreaterThan(0.005);
  expect(a.mapChoropleth, 'the map drawn in choropleth colours, not hatched').toBeGreaterThan(0.1);
  a.legendSwatches.forEach((n, i) => expect(n, `legend swatch ${i + 1} of 5`).toBeGreaterThan(50 * canvas.scale * canvas.scale));
  expect(a.legendHatch, 'the "No data" hatch in the legend').toBeGreaterThan(10);
  expect(labels.filter((l) => l.kind === 'priority').length, 'priority-geography labels are on the map to be drawn').toBeGreaterThan(0);
  a.labels.forEach((l, i) => {
    const label = labels[i]!;
    if (label.kind === 'town') {
      expect(l.dark, `town name "${label.text}" drawn in dark text`).toBeGreaterThan(0.03);
      return;
    }
    expect(l.white, `label "${label.text}" drawn with its white fill`).toBeGreaterThan(0.3);
    expect(l.ink, `label "${label.text}" drawn with its navy or purple text and outline`).toBeGreaterThan(0.05);
  });
  return { ...a, filename: download.suggestedFilename(), townLabels: labels.filter((l) => l.kind === 'town').length };
}

/** Click a CSV button and parse the file. */
export async function downloadCsv(p: Page, button: ReturnType<Page['getByRole']>): Promise<{ rows: string[][]; filename: string }> {
  const [download] = await Promise.all([p.waitForEvent('download', { timeout: WAIT }), button.click()]);
  const rows = parseCsv((await downloaded(download)).toString('utf8')).filter((r) => r.length > 1);
  return { rows, filename: download.suggestedFilename() };
}

/** A CSV number cell: '' = no data (null). */
export const csvNumber = (s: string | undefined): number | null => (s === undefined || s === '' ? null : Number(s));

/** Six significant digits, as the layer table trims values. */
export const sig6 = (x: number | null) => (x === null ? null : Number(x.toPrecision(6)));
