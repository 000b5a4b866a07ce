import type { Map as MapLibreMap } from 'maplibre-gl';
import { pngLayout, type Box, type LegendItemInput } from './png-layout';
import { m } from '../../paraglide/messages.js';

/**
 * The briefing PNG (issue 13): title (measure and level), the map as drawn, the
 * priority-geography labels (HTML markers, so not on the WebGL canvas: drawn here
 * from their on-screen boxes), the legend with its "no data" hatch, and a footer
 * with the sources, index version and date.
 */

export interface MapLabel {
  text: string;
  /** Device pixels, relative to the map canvas. */
  box: Box;
  /** Priority geography (confirmed or derived) or a town name. */
  kind: 'confirmed' | 'derived' | 'town';
}

export interface MapPngContent {
  title: string;
  subtitle: string;
  legendHeading: string;
  legend: readonly LegendItemInput[];
  footer: readonly string[];
}

const FONT = 'system-ui, sans-serif'; // i18n-ignore: CSS font family
const INK = '#1b1b1b';
const LABEL_INK = { confirmed: '#08306b', derived: '#4a2a6e' } as const;
const LABEL_LINE = { confirmed: '#08306b', derived: '#6a3d9a' } as const;

/** The visible labels over the map (town names, then priority geographies on top), as boxes on its canvas (device pixels). */
export function labelsOnCanvas(container: HTMLElement, canvas: HTMLCanvasElement, selector = '.town-label, .pg-label'): MapLabel[] {
  const c = canvas.getBoundingClientRect();
  const k = canvas.width / (c.width || 1);
  const out: MapLabel[] = [];
  for (const el of Array.from(container.querySelectorAll<HTMLElement>(selector))) {
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden' || style.display === 'none' || el.getClientRects().length === 0) continue;
    const r = el.getBoundingClientRect();
    // Only labels inside the canvas: a label half off the map would be cut in the picture too.
    if (r.right <= c.left || r.left >= c.right || r.bottom <= c.top || r.top >= c.bottom) continue;
    out.push({ text: el.textContent?.trim() ?? '', box: { x: (r.left - c.left) * k, y: (r.top - c.top) * k, w: r.width * k, h: r.height * k }, kind: el.classList.contains('town-label') ? 'town' : el.classList.contains('pg-derived') ? 'derived' : 'confirmed' });
  }
  return out;
}

function hatch(g: CanvasRenderingContext2D, b: Box, scale: number) {
  g.save();
  g.fillStyle = '#ebebeb';
  g.fillRect(b.x, b.y, b.w, b.h);
  g.beginPath();
  g.rect(b.x, b.y, b.w, b.h);
  g.clip();
  g.strokeStyle = '#6e6e6e';
  g.lineWidth = 2 * scale;
  for (let d = -b.h; d < b.w; d += 8 * scale) {
    g.beginPath();
    g.moveTo(b.x + d, b.y + b.h);
    g.lineTo(b.x + d + b.h, b.y);
    g.stroke();
  }
  g.restore();
}

/** A town name as on the map: dark text in a white halo. */
function drawTownName(g: CanvasRenderingContext2D, l: MapLabel, scale: number) {
  g.save();
  g.font = `600 ${12 * scale}px ${FONT}`;
  g.textAlign = 'center';
  g.textBaseline = 'middle';
  g.lineJoin = 'round';
  g.strokeStyle = 'rgba(255,255,255,0.9)';
  g.lineWidth = 3 * scale;
  const [x, y] = [l.box.x + l.box.w / 2, l.box.y + l.box.h / 2];
  g.strokeText(l.text, x, y);
  g.fillStyle = INK;
  g.fillText(l.text, x, y);
  g.restore();
}

function drawLabel(g: CanvasRenderingContext2D, l: MapLabel, scale: number) {
  if (l.kind === 'town') return drawTownName(g, l, scale);
  g.save();
  g.fillStyle = '#ffffff';
  g.strokeStyle = LABEL_LINE[l.kind];
  g.lineWidth = 2 * scale;
  if (l.kind === 'derived') g.setLineDash([4 * scale, 2 * scale]);
  g.beginPath();
  g.roundRect(l.box.x, l.box.y, l.box.w, l.box.h, 3 * scale);
  g.fill();
  g.stroke();
  g.fillStyle = LABEL_INK[l.kind];
  g.font = `600 ${12 * scale}px ${FONT}`;
  g.textAlign = 'center';
  g.textBaseline = 'middle';
  g.fillText(l.text, l.box.x + l.box.w / 2, l.box.y + l.box.h / 2, l.box.w);
  g.restore();
}

/** Compose the picture on a new canvas from the map canvas (whose drawing buffer must still be valid). */
export function composeMapPng(source: HTMLCanvasElement, content: MapPngContent, labels: readonly MapLabel[]): HTMLCanvasElement {
  const scale = source.width / (source.clientWidth || source.width) || 1;
  const out = document.createElement('canvas');
  const g = out.getContext('2d')!;
  const measure = (text: string, size: number) => {
    g.font = `${size}px ${FONT}`;
    return g.measureText(text).width;
  };
  const layout = pngLayout({ mapWidth: source.width, mapHeight: source.height, scale, ...content, measure });
  out.width = layout.width;
  out.height = layout.height;
  g.fillStyle = '#ffffff';
  g.fillRect(0, 0, out.width, out.height);
  g.drawImage(source, layout.map.x, layout.map.y);
  g.save();
  g.translate(layout.map.x, layout.map.y);
  for (const l of labels) drawLabel(g, l, scale);
  g.restore();
  // A hairline between the bands and the map.
  g.fillStyle = '#767676';
  g.fillRect(0, layout.map.y - scale, out.width, scale);
  g.fillRect(0, layout.map.y + layout.map.h, out.width, scale);

  g.fillStyle = INK;
  g.textBaseline = 'alphabetic';
  layout.titleLines.forEach((t, i) => {
    g.font = `${i === 0 ? '700 ' : ''}${t.size}px ${FONT}`;
    g.fillText(t.text, t.x, t.y);
  });
  g.font = `600 ${layout.legendHeading.size}px ${FONT}`;
  g.fillText(layout.legendHeading.text, layout.legendHeading.x, layout.legendHeading.y);
  g.font = `${layout.legendHeading.size}px ${FONT}`;
  for (const item of layout.legendItems) {
    if (item.swatch === 'hatch') hatch(g, item.swatchBox, scale);
    else {
      g.fillStyle = item.swatch;
      g.fillRect(item.swatchBox.x, item.swatchBox.y, item.swatchBox.w, item.swatchBox.h);
    }
    g.strokeStyle = '#595959';
    g.lineWidth = scale;
    g.strokeRect(item.swatchBox.x, item.swatchBox.y, item.swatchBox.w, item.swatchBox.h);
    g.fillStyle = INK;
    g.fillText(item.label, item.text.x, item.text.y);
  }
  g.fillStyle = '#3d3d3d';
  for (const f of layout.footerLines) {
    g.font = `${f.size}px ${FONT}`;
    g.fillText(f.text, f.x, f.y);
  }
  return out;
}

/** The map as a briefing PNG: composed on the next frame, while MapLibre's drawing buffer is still valid. */
export function mapToPng(map: MapLibreMap, content: MapPngContent): Promise<Blob> {
  return new Promise((resolve, reject) => {
    map.once('render', () => {
      try {
        const canvas = map.getCanvas();
        const out = composeMapPng(canvas, content, labelsOnCanvas(map.getContainer(), canvas));
        out.toBlob((b) => (b ? resolve(b) : reject(new Error(m.map_png_encode_failed()))), 'image/png');
      } catch (e) {
        reject(e as Error);
      }
    });
    map.triggerRepaint();
  });
}
