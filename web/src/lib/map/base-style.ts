import type { StyleSpecification } from 'maplibre-gl';

/**
 * A self-contained style: no tiles, glyphs or sprites from any other host —
 * the place polygons themselves are the map. A raster basemap is added only
 * when one is configured at build time (VITE_BASEMAP_TILES, an XYZ URL
 * template such as https://tiles.example.org/{z}/{x}/{y}.png).
 */
export function baseStyle(basemapTiles: string | undefined = import.meta.env.VITE_BASEMAP_TILES): StyleSpecification {
  const style: StyleSpecification = {
    version: 8,
    sources: {},
    layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#dfe9f0' } }],
  };
  if (basemapTiles) {
    style.sources.basemap = { type: 'raster', tiles: [basemapTiles], tileSize: 256, attribution: import.meta.env.VITE_BASEMAP_ATTRIBUTION ?? '' };
    style.layers.push({ id: 'basemap', type: 'raster', source: 'basemap' });
  }
  return style;
}

/** A diagonal hatch drawn in code (no sprite request) for the "no data" pattern. */
export function hatchImage(size = 8): { width: number; height: number; data: Uint8Array } {
  const data = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      const on = (x + y) % size < 2;
      const o = (y * size + x) * 4;
      const v = on ? 110 : 235;
      data.set([v, v, v, 255], o);
    }
  return { width: size, height: size, data };
}
