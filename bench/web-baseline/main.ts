/**
 * bench:web's baseline: the least a page can do to draw the town choropleth with MapLibre — the
 * same library, worker setup, initial bounds and geometry request as the app, one fill layer and
 * no other UI. The app's time to its first rendered choropleth is compared against this page's.
 */
import 'maplibre-gl/dist/maplibre-gl.css';
import { Map as MapLibreMap, setWorkerUrl, type GeoJSONSource } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';

// As in web/src/lib/map/create-map.ts: bundled by Vite, MapLibre cannot find its worker on its own.
setWorkerUrl(workerUrl);

const map = new MapLibreMap({
  container: 'map',
  style: { version: 8, sources: {}, layers: [{ id: 'bg', type: 'background', paint: { 'background-color': '#f4f4f2' } }] },
  bounds: [-73.51, 41.24, -69.93, 42.89],
  fitBoundsOptions: { padding: 20 },
});

// Fetch in parallel with the style load, as the app does, and draw once both are ready.
const geometry = fetch('/v1/geometry/town').then((res) => {
  if (!res.ok) throw new Error(`/v1/geometry/town answered ${res.status}`);
  return res.json() as Promise<GeoJSON.FeatureCollection>;
});

map.on('load', async () => {
  const collection = await geometry;
  map.addSource('places', { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
  map.addLayer({ id: 'places-fill', type: 'fill', source: 'places', paint: { 'fill-color': '#3b6ea8', 'fill-opacity': 0.9 } });
  map.getSource<GeoJSONSource>('places')!.setData(collection);
  // The app fits the view to the collection's bbox before its first idle; so does the baseline, so both draw the same frame.
  const b = collection.bbox;
  if (b && b.length === 4) map.fitBounds([b[0], b[1], b[2], b[3]], { padding: 20, animate: false });
  document.documentElement.dataset.mapState = 'loading';
  map.once('idle', () => {
    document.documentElement.dataset.mapState = 'idle';
    performance.mark('choropleth-idle');
  });
});
