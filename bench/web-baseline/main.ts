/**
 * bench:web's baseline: the least a page can do to draw the town choropleth with MapLibre — the
 * same library, worker setup, initial bounds and geometry request as the app, one fill layer and
 * no other UI. The app's time to its first rendered choropleth is compared against this page's.
 *
 * It draws in the app's colours (the five YlOrRd classes at the app's opacity over the app's
 * background, the same outline), so bench:web's screenshot detector judges both pages alike. With
 * no index values on this page, a town's class comes from its name's length: a data-driven fill
 * that needs nothing but the geometry.
 */
import 'maplibre-gl/dist/maplibre-gl.css';
// A file, not an inline <style>: the server's CSP (as CloudFront's) refuses inline styles.
import './page.css';
import { Map as MapLibreMap, setWorkerUrl, type ExpressionSpecification, type GeoJSONSource } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';

/** ColorBrewer YlOrRd, as web/src/lib/map/quantile-scale.ts (kept literal: the baseline imports nothing of the app). */
const CLASS_COLORS = ['#ffffb2', '#fecc5c', '#fd8d3c', '#f03b20', '#bd0026'];

// As in web/src/lib/map/create-map.ts: bundled by Vite, MapLibre cannot find its worker on its own.
setWorkerUrl(workerUrl);

const map = new MapLibreMap({
  container: 'map',
  style: { version: 8, sources: {}, layers: [{ id: 'bg', type: 'background', paint: { 'background-color': '#dfe9f0' } }] },
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
  const fill = ['match', ['%', ['length', ['get', 'name']], CLASS_COLORS.length], ...CLASS_COLORS.flatMap((c, i) => [i, c]), '#000000'] as unknown as ExpressionSpecification;
  map.addLayer({ id: 'places-fill', type: 'fill', source: 'places', paint: { 'fill-color': fill, 'fill-outline-color': '#7a7a7a', 'fill-opacity': 0.92 } });
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
