import type { StyleSpecification } from 'maplibre-gl';

/**
 * A self-contained style: no tiles, glyphs or sprites from any other host.
 * The place polygons themselves are the map.
 */
export function baseStyle(): StyleSpecification {
  return {
    version: 8,
    sources: {},
    layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#dfe9f0' } }],
  };
}

/** A diagonal hatch drawn in code (no sprite request) for the "no data" pattern. */
export function hatchImage(size = 8): { width: number; height: number; data: Uint8Array } {
  const data = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      const on = (x + y) % size < 2;
      const o = (y * size + x) * 4;
      const v = on ? 130 : 230;
      data.set([v, v, v, 255], o);
    }
  return { width: size, height: size, data };
}
