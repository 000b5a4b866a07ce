/**
 * Layout of the briefing PNG (issue 13): a title band above the map, a legend band
 * and a footer band (sources, index version, date) below it. Pure arithmetic on
 * measured text widths, so it is unit-tested without a canvas.
 */

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface LegendItemInput {
  /** Swatch fill (a CSS colour) or 'hatch' for "no data". */
  swatch: string;
  label: string;
}

export interface PlacedLegendItem extends LegendItemInput {
  swatchBox: Box;
  /** Left end of the text baseline. */
  text: { x: number; y: number };
}

export interface PngLayout {
  width: number;
  height: number;
  title: Box;
  map: Box;
  legend: Box;
  footer: Box;
  /** Baselines of the title lines and footer lines. */
  titleLines: { text: string; x: number; y: number; size: number }[];
  footerLines: { text: string; x: number; y: number; size: number }[];
  legendItems: PlacedLegendItem[];
  /** Legend heading baseline (the measure's unit and classes). */
  legendHeading: { text: string; x: number; y: number; size: number };
}

export interface LayoutInput {
  /** Map canvas size in device pixels. */
  mapWidth: number;
  mapHeight: number;
  /** Device pixels per CSS pixel: text and swatches scale with it. */
  scale: number;
  title: string;
  subtitle: string;
  legendHeading: string;
  legend: readonly LegendItemInput[];
  footer: readonly string[];
  /** Width of a text at a font size (device pixels), e.g. from CanvasRenderingContext2D.measureText. */
  measure: (text: string, size: number) => number;
}

/** Base sizes in CSS pixels. */
const PAD = 12;
const TITLE = 18;
const SUBTITLE = 13;
const BODY = 12;
const SWATCH = 14;
const GAP = 16;

/** Split a text into lines no wider than `max` (by words; a single long word stays whole). */
export function wrapText(text: string, max: number, width: (s: string) => number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (line && width(next) > max) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

export function pngLayout(input: LayoutInput): PngLayout {
  const s = input.scale > 0 ? input.scale : 1;
  const pad = PAD * s;
  const width = input.mapWidth;
  const inner = Math.max(width - 2 * pad, 1);
  const line = (size: number) => Math.round(size * s * 1.35);

  // Title band: the measure and level, then a subtitle (how to read the colours).
  const titleLines: PngLayout['titleLines'] = [];
  let y = pad;
  for (const [text, size] of [
    [input.title, TITLE],
    [input.subtitle, SUBTITLE],
  ] as const)
    for (const t of wrapText(text, inner, (x) => input.measure(x, size * s))) {
      y += line(size);
      titleLines.push({ text: t, x: pad, y: y - Math.round(size * s * 0.3), size: size * s });
    }
  const title: Box = { x: 0, y: 0, w: width, h: Math.round(y + pad * 0.75) };
  const map: Box = { x: 0, y: title.h, w: input.mapWidth, h: input.mapHeight };

  // Legend band: a heading, then swatch + label items flowing left to right, wrapping.
  let ly = map.y + map.h + pad + line(BODY);
  const legendHeading = { text: input.legendHeading, x: pad, y: ly - Math.round(BODY * s * 0.3), size: BODY * s };
  const sw = SWATCH * s;
  const rowH = Math.max(sw, line(BODY)) + 6 * s;
  let x = pad;
  let rowTop = ly + 6 * s;
  const legendItems: PlacedLegendItem[] = input.legend.map((item) => {
    const w = sw + 6 * s + input.measure(item.label, BODY * s);
    if (x > pad && x + w > width - pad) {
      x = pad;
      rowTop += rowH;
    }
    const placed: PlacedLegendItem = { ...item, swatchBox: { x, y: rowTop, w: sw, h: sw }, text: { x: x + sw + 6 * s, y: rowTop + sw - 2 * s } };
    x += w + GAP * s;
    return placed;
  });
  ly = rowTop + rowH;
  const legend: Box = { x: 0, y: map.y + map.h, w: width, h: Math.round(ly + pad * 0.5 - (map.y + map.h)) };

  // Footer band: sources, index version and date, wrapped.
  let fy = legend.y + legend.h + pad * 0.5;
  const footerLines: PngLayout['footerLines'] = [];
  for (const text of input.footer)
    for (const t of wrapText(text, inner, (x) => input.measure(x, BODY * s))) {
      fy += line(BODY);
      footerLines.push({ text: t, x: pad, y: fy - Math.round(BODY * s * 0.3), size: BODY * s });
    }
  const footer: Box = { x: 0, y: legend.y + legend.h, w: width, h: Math.round(fy + pad - (legend.y + legend.h)) };
  return { width, height: footer.y + footer.h, title, map, legend, footer, titleLines, footerLines, legendItems, legendHeading };
}
