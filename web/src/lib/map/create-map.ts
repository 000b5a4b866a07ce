import { Map as MapLibreMap, NavigationControl, ScaleControl, setWorkerUrl, type GeoJSONSource, type ExpressionSpecification } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { FeatureCollection, Point } from 'geojson';
import type { Geometry, PriorityGeographies } from '../api';
import { baseStyle, hatchImage } from './base-style';
import { CLASS_COLORS, NO_DATA } from './quantile-scale';
import type { InvestmentPointProps } from './investment-points';
import { m } from '../../paraglide/messages.js';

// Bundled by Vite, MapLibre cannot find its worker next to itself: point it at the emitted file.
setWorkerUrl(workerUrl);

export const PLACES = 'places';
export const PRIORITY = 'priority';
export const INVESTMENTS = 'investments';
export const FILL_LAYER = 'places-fill';
export const NO_DATA_LAYER = 'places-no-data';
export const INVESTMENT_LAYER = 'investments-circle';
const OUTLINED = 'outlined';
const OUTLINE_LAYER = 'outlined-need';

/** Massachusetts, so the first frame is already in the right place. */
export const MA_BOUNDS: [number, number, number, number] = [-73.51, 41.24, -69.93, 42.89];

const state = (key: string, fallback: unknown): ExpressionSpecification => ['coalesce', ['feature-state', key], fallback] as ExpressionSpecification;
const empty = { type: 'FeatureCollection' as const, features: [] };

/** The map's credits: the words in the UI's language, the sources' names as published. */
function attribution(): string {
  return m.map_attribution({
    boundaries: 'MassGIS, U.S. Census Bureau', // i18n-ignore: source names, as published
    data: 'CDC PLACES, MA DPH MassCHIP, ACS (MassEnviroScreen), MassGIS facilities', // i18n-ignore: source names, as published
  });
}

/** MapLibre's own UI words (control titles, the canvas's name) in the UI's language; English ones are MapLibre's defaults. */
function mapLocale(): Record<string, string> {
  return {
    // The canvas's accessible name says how to use it from the keyboard (lib/map/keyboard-pick.ts).
    'Map.Title': m.map_canvas_title(),
    'NavigationControl.ZoomIn': m.map_zoom_in(),
    'NavigationControl.ZoomOut': m.map_zoom_out(),
    'NavigationControl.ResetBearing': m.map_reset_bearing(),
    'AttributionControl.ToggleAttribution': m.map_toggle_attribution(),
    'AttributionControl.MapFeedback': m.map_feedback(),
    'Popup.Close': m.map_popup_close(),
  };
}

/**
 * The map and its layers. Colours, "no data", dimming (filters), hover,
 * selection and the need-gap outline are feature state, so switching
 * measure or filter never re-sends geometry to the worker.
 */
export function createMap(container: HTMLElement, view: { center: [number, number]; zoom: number } | null = null): MapLibreMap {
  const map = new MapLibreMap({
    container,
    style: baseStyle(),
    // A shared link's position, or the whole state.
    ...(view ? { center: view.center, zoom: view.zoom } : { bounds: MA_BOUNDS, fitBoundsOptions: { padding: 20 } }),
    attributionControl: { compact: true, customAttribution: attribution() },
    dragRotate: false,
    locale: mapLocale(),
    pitchWithRotate: false,
  });
  map.touchZoomRotate.disableRotation();
  map.keyboard.disableRotation();
  // Zoom buttons top right (the legend is bottom left); the scale bars bottom right, above the attribution.
  map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
  map.addControl(new ScaleControl({ unit: 'metric', maxWidth: 100 }), 'bottom-right');
  map.addControl(new ScaleControl({ unit: 'imperial', maxWidth: 100 }), 'bottom-right');
  map.on('load', () => {
    map.addImage('no-data-hatch', hatchImage());
    map.addSource(PLACES, { type: 'geojson', data: empty, promoteId: 'id' });
    map.addSource(PRIORITY, { type: 'geojson', data: empty, promoteId: 'id' });
    map.addSource(INVESTMENTS, { type: 'geojson', data: empty, promoteId: 'town' });
    const cls = state('cls', NO_DATA);
    const dim = ['boolean', ['feature-state', 'dim'], false] as ExpressionSpecification;
    map.addLayer({ id: NO_DATA_LAYER, type: 'fill', source: PLACES, paint: { 'fill-pattern': 'no-data-hatch', 'fill-opacity': ['case', ['==', cls, NO_DATA], ['case', dim, 0.25, 1], 0] } });
    const colors: unknown[] = ['match', cls];
    CLASS_COLORS.forEach((c, i) => colors.push(i, c));
    colors.push('rgba(0,0,0,0)');
    // The 1-px boundaries come with the fill (fill-outline-color): one bucket fewer than a line layer.
    map.addLayer({ id: FILL_LAYER, type: 'fill', source: PLACES, paint: { 'fill-color': colors as ExpressionSpecification, 'fill-outline-color': '#7a7a7a', 'fill-opacity': ['case', ['==', cls, NO_DATA], 0, dim, 0.2, 0.92] } });
    // Priority geographies: confirmed solid navy, derived dashed purple, each on a white casing (shape and colour both differ).
    map.addLayer({ id: 'priority-casing', type: 'line', source: PRIORITY, paint: { 'line-color': '#ffffff', 'line-width': 5.5, 'line-opacity': 0.9 } });
    map.addLayer({ id: 'priority-confirmed', type: 'line', source: PRIORITY, filter: ['==', ['get', 'status'], 'confirmed'], paint: { 'line-color': '#08306b', 'line-width': 3 } });
    map.addLayer({ id: 'priority-derived', type: 'line', source: PRIORITY, filter: ['==', ['get', 'status'], 'derived'], paint: { 'line-color': '#6a3d9a', 'line-width': 3, 'line-dasharray': [2, 1.2] } });
    // Selection, hover and need-gap outlines draw from small sources of just those places:
    // a line layer over every place would cost a full bucket before the first choropleth.
    map.addSource(OUTLINED, { type: 'geojson', data: empty });
    map.addLayer({
      id: OUTLINE_LAYER,
      type: 'line',
      source: OUTLINED,
      paint: {
        'line-color': '#33bbee',
        'line-width': ['match', ['get', 'kind'], 'selected', 3.5, 2.5],
        'line-dasharray': [2, 1],
      },
      filter: ['==', ['get', 'kind'], 'need'],
    });
    map.addLayer({ id: OUTLINE_LAYER + '-solid', type: 'line', source: OUTLINED, paint: { 'line-color': '#111111', 'line-width': ['match', ['get', 'kind'], 'selected', 3.5, 2.5] }, filter: ['!=', ['get', 'kind'], 'need'] });
    // Investments: area ∝ announced dollars; amounts not published drawn hollow at a fixed size.
    map.addLayer({
      id: INVESTMENT_LAYER,
      type: 'circle',
      source: INVESTMENTS,
      paint: {
        'circle-radius': ['case', ['>', ['get', 'usd'], 0], ['interpolate', ['linear'], ['sqrt', ['get', 'usd']], 0, 5, 1000, 22], 7],
        'circle-color': '#1a9e77',
        'circle-opacity': ['case', ['>', ['get', 'usd'], 0], 0.85, 0],
        'circle-stroke-color': ['case', ['>', ['get', 'usd'], 0], '#ffffff', '#0b5d45'],
        'circle-stroke-width': ['case', ['>', ['get', 'usd'], 0], 1.5, 2.5],
      },
    });
  });
  return map;
}

export function setPlaces(map: MapLibreMap, collection: Geometry): void {
  map.removeFeatureState({ source: PLACES });
  map.getSource<GeoJSONSource>(PLACES)!.setData(collection);
}

export function setPriority(map: MapLibreMap, collection: PriorityGeographies): void {
  map.getSource<GeoJSONSource>(PRIORITY)!.setData(collection);
}

export function setInvestments(map: MapLibreMap, points: FeatureCollection<Point, InvestmentPointProps>): void {
  map.getSource<GeoJSONSource>(INVESTMENTS)!.setData(points);
}

export interface PlaceStyle {
  cls: number;
  dim: boolean;
}

/** Per-place feature state: colour class, dimmed by a filter. */
export function stylePlaces(map: MapLibreMap, ids: readonly string[], style: (i: number) => PlaceStyle): void {
  ids.forEach((id, i) => map.setFeatureState({ source: PLACES, id }, style(i) as unknown as Record<string, unknown>));
}

export type OutlineKind = 'selected' | 'hover' | 'need';

/** Outline these places (need gaps dashed cyan, selection and hover solid black), drawn last so they stay on top. */
export function setOutlined(map: MapLibreMap, geometry: Geometry, outlined: ReadonlyMap<string, OutlineKind>): void {
  const features = geometry.features.filter((f) => outlined.has(f.properties.id)).map((f) => ({ ...f, properties: { id: f.properties.id, kind: outlined.get(f.properties.id)! } }));
  features.sort((a, b) => (a.properties.kind === 'need' ? -1 : 0) - (b.properties.kind === 'need' ? -1 : 0));
  map.getSource<GeoJSONSource>(OUTLINED)!.setData({ type: 'FeatureCollection', features });
}

/** Layers that answer hover and click. */
export const PLACE_LAYERS = [FILL_LAYER, NO_DATA_LAYER];
