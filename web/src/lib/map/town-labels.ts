import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Geometry } from '../api';
import { interiorPoint } from './geometry-utils';
import { placeBoxes, type Rect } from './label-placement';

export interface TownLabel {
  id: string;
  name: string;
  lngLat: [number, number];
  /** Residents; 0 when not published (named only when zoomed in far). */
  population: number;
}

/** Every town with a point inside it, most populous first: big places are named first and from farther out. */
export function townLabelList(geometry: Geometry, population: ReadonlyMap<string, number | null>): TownLabel[] {
  return geometry.features
    .map((f) => ({ id: f.properties.id, name: f.properties.name, lngLat: interiorPoint(f.geometry), population: population.get(f.properties.id) ?? 0 }))
    .sort((a, b) => b.population - a.population || a.name.localeCompare(b.name));
}

/**
 * The smallest population named at a zoom (Infinity: none). The state view
 * carries only the priority labels; cities come first, every town once
 * zoomed in — the declutter then keeps whatever fits.
 */
export function minPopulation(zoom: number): number {
  if (zoom < 8.8) return Infinity;
  if (zoom < 9.6) return 15_000;
  if (zoom < 10.4) return 4_000;
  return 0;
}

const FONT = '600 12px system-ui, sans-serif';
const HEIGHT = 16;
const PADDING = 6;

export interface TownLabelLayer {
  /** Lay the labels out again (other labels moved). */
  refresh(): void;
  stop(): void;
}

/**
 * Town names as HTML over the map (no glyph server, no other host): only the
 * towns in view, each centred on a point inside its town, dropped when it
 * would touch a label placed before it or one of `obstacles` (the priority
 * labels). Laid out after each rendered frame whose view changed, so it
 * follows the priority labels' layout of the same frame. Decorative for
 * screen readers (the table view lists the same places).
 */
export function townLabels(map: MapLibreMap, labels: readonly TownLabel[], obstacles: () => Rect[]): TownLabelLayer {
  const layer = document.createElement('div');
  layer.className = 'town-labels';
  layer.setAttribute('aria-hidden', 'true');
  map.getCanvasContainer().insertBefore(layer, map.getCanvas().nextSibling); // under the priority labels
  const spans = new Map<string, HTMLSpanElement>();
  const measure = document.createElement('canvas').getContext('2d');
  if (measure) measure.font = FONT;
  const widths = new Map<string, number>();
  const width = (name: string) => {
    let w = widths.get(name);
    if (w === undefined) widths.set(name, (w = Math.ceil((measure?.measureText(name).width ?? name.length * 7) + PADDING)));
    return w;
  };
  let drawn = '';
  const draw = (force = false) => {
    const canvas = map.getCanvas();
    const view = `${map.getZoom()}|${map.getCenter().toArray().join()}|${canvas.clientWidth}x${canvas.clientHeight}`;
    if (view === drawn && !force) return;
    drawn = view;
    const bounds: Rect = { x: 0, y: 0, w: canvas.clientWidth, h: canvas.clientHeight };
    const min = minPopulation(map.getZoom());
    const taken = [...obstacles()];
    const shown = new Set<string>();
    for (const label of labels) {
      if (label.population < min) break;
      const a = map.project(label.lngLat);
      if (a.x < 0 || a.y < 0 || a.x > bounds.w || a.y > bounds.h) continue;
      const w = width(label.name);
      const [box] = placeBoxes([{ anchor: a, boxes: [{ x: a.x - w / 2, y: a.y - HEIGHT / 2, w, h: HEIGHT }] }], bounds, taken, 4);
      if (!box) continue;
      let span = spans.get(label.id);
      if (!span) {
        span = document.createElement('span');
        span.className = 'town-label';
        span.textContent = label.name;
        span.style.width = `${w}px`;
        layer.append(span);
        spans.set(label.id, span);
      }
      span.style.transform = `translate(${Math.round(box.x)}px, ${Math.round(box.y)}px)`;
      span.style.display = '';
      shown.add(label.id);
    }
    for (const [id, span] of spans) if (!shown.has(id)) span.style.display = 'none';
  };
  const onRender = () => draw();
  map.on('render', onRender);
  draw(true);
  return {
    refresh: () => draw(true),
    stop: () => {
      map.off('render', onRender);
      layer.remove();
    },
  };
}
