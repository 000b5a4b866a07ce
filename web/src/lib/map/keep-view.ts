import type { LngLatBoundsLike } from 'maplibre-gl';

/** The part of a MapLibre map this needs (a stub in the unit test). */
export interface ResizableMap {
  on(type: 'moveend' | 'resize', listener: () => void): unknown;
  off(type: 'moveend' | 'resize', listener: () => void): unknown;
  getBounds(): LngLatBoundsLike;
  getContainer(): { clientWidth: number; clientHeight: number };
  fitBounds(bounds: LngLatBoundsLike, options: { padding: number; animate: boolean }): unknown;
}

/**
 * Keep the same places in view when the map's box changes size. MapLibre's resize keeps only the centre
 * and zoom, so the need view's wider side panel (or a phone turned sideways) cut off the west of the state.
 * Returns the function that stops it.
 */
export function keepViewOnResize(map: ResizableMap): () => void {
  let bounds: LngLatBoundsLike | null = null;
  let size = sizeOf(map);
  const remember = () => {
    bounds = map.getBounds();
    size = sizeOf(map);
  };
  const onresize = () => {
    const next = sizeOf(map);
    const changed = next.width !== size.width || next.height !== size.height;
    size = next;
    // A hidden map (0 × 0) has nothing to keep in view; it is fitted again when shown.
    if (bounds && changed && next.width > 0 && next.height > 0) map.fitBounds(bounds, { padding: 0, animate: false });
  };
  map.on('moveend', remember);
  map.on('resize', onresize);
  return () => {
    map.off('moveend', remember);
    map.off('resize', onresize);
  };
}

function sizeOf(map: ResizableMap) {
  const c = map.getContainer();
  return { width: c.clientWidth, height: c.clientHeight };
}
