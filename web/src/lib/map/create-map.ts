import { Map as MapLibreMap, setWorkerUrl, type GeoJSONSource, type MapGeoJSONFeature } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { Geometry } from '../api';
import { baseStyle, hatchImage } from './base-style';
import { fillColorExpression } from './color-scale';

// Bundled by Vite, MapLibre cannot find its worker next to itself: point it at the emitted file.
setWorkerUrl(workerUrl);

export const SOURCE_ID = 'places';
export const FILL_LAYER = 'places-fill';
const NO_DATA_LAYER = 'places-no-data';
const OUTLINE_LAYER = 'places-outline';
const HOVER_LAYER = 'places-hover';

/** Massachusetts, so the first frame is already in the right place. */
const MA_BOUNDS: [number, number, number, number] = [-73.51, 41.24, -69.93, 42.89];

export function createMap(container: HTMLElement): MapLibreMap {
  const map = new MapLibreMap({
    container,
    style: baseStyle(),
    bounds: MA_BOUNDS,
    fitBoundsOptions: { padding: 20 },
    attributionControl: { compact: true, customAttribution: 'Boundaries: MassGIS, U.S. Census Bureau · Data: CDC PLACES, MA DPH MassCHIP, ACS (MassEnviroScreen), MassGIS facilities' },
    dragRotate: false,
    pitchWithRotate: false,
  });
  map.touchZoomRotate.disableRotation();
  map.on('load', () => {
    map.addImage('no-data-hatch', hatchImage());
    map.addSource(SOURCE_ID, { type: 'geojson', data: { type: 'FeatureCollection', features: [] }, promoteId: 'id' });
    map.addLayer({ id: NO_DATA_LAYER, type: 'fill', source: SOURCE_ID, filter: ['!', ['has', 'percentile']], paint: { 'fill-pattern': 'no-data-hatch' } });
    map.addLayer({
      id: FILL_LAYER,
      type: 'fill',
      source: SOURCE_ID,
      filter: ['has', 'percentile'],
      paint: { 'fill-color': fillColorExpression() as never, 'fill-opacity': 0.9 },
    });
    map.addLayer({ id: OUTLINE_LAYER, type: 'line', source: SOURCE_ID, paint: { 'line-color': '#6b6b6b', 'line-width': 0.4 } });
    map.addLayer({
      id: HOVER_LAYER,
      type: 'line',
      source: SOURCE_ID,
      paint: { 'line-color': '#111', 'line-width': ['case', ['boolean', ['feature-state', 'hover'], false], 2.5, 0] },
    });
  });
  return map;
}

/** Replace the drawn places; fit the view when the collection carries a bbox. */
export function showPlaces(map: MapLibreMap, collection: Geometry): void {
  const source = map.getSource<GeoJSONSource>(SOURCE_ID);
  if (!source) throw new Error('showPlaces: the map has not finished loading its style');
  source.setData(collection);
  const b = collection.bbox;
  if (b && b.length === 4) map.fitBounds([b[0], b[1], b[2], b[3]], { padding: 20, animate: false });
}

/** Layers that answer hover and click (both "has data" and "no data"). */
export const interactiveLayers = [FILL_LAYER, NO_DATA_LAYER];

export function setHover(map: MapLibreMap, id: string | number | undefined, hover: boolean): void {
  if (id !== undefined) map.setFeatureState({ source: SOURCE_ID, id }, { hover });
}

export type { MapGeoJSONFeature };
