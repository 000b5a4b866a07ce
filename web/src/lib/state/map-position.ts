/**
 * The map position in the URL's hash, in MapLibre's own `hash` format
 * (`#zoom/lat/lon`), so a shared link opens at the same view and the format is
 * one GIS users already know. Pure functions; the precision follows the zoom
 * (about a pixel), as MapLibre's Hash control does, so links stay short.
 */
export interface MapPosition {
  zoom: number;
  lat: number;
  lon: number;
}

/** The zooms a link may ask for (MapLibre's range). */
const MIN_ZOOM = 0;
const MAX_ZOOM = 22;

/** Read `#zoom/lat/lon` (other hashes, e.g. a skip link's `#map`, are not positions: null). */
export function parsePosition(hash: string): MapPosition | null {
  const m = /^#?(-?\d+(?:\.\d+)?)\/(-?\d+(?:\.\d+)?)\/(-?\d+(?:\.\d+)?)$/.exec(hash);
  if (!m) return null;
  const [zoom, lat, lon] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (zoom < MIN_ZOOM || zoom > MAX_ZOOM || Math.abs(lat) > 85.06 || Math.abs(lon) > 180) return null;
  return { zoom, lat, lon };
}

/** Decimals of lat/lon that resolve about one pixel at this zoom. */
function decimals(zoom: number): number {
  return Math.max(0, Math.ceil((zoom * Math.LN2 + Math.log(512 / 360 / 0.5)) / Math.LN10));
}

/** Fixed-point without trailing zeros; never exponent notation (String(1e-7) is "1e-7", which the parser rejects). */
function trim(x: number, d: number): string {
  const s = x.toFixed(d);
  const t = s.includes('.') ? s.replace(/\.?0+$/, '') : s;
  return t === '-0' ? '0' : t;
}

export function formatPosition(p: MapPosition): string {
  const d = decimals(p.zoom);
  return `#${trim(p.zoom, 2)}/${trim(p.lat, d)}/${trim(p.lon, d)}`;
}

/** Same view to the precision a link carries (so restoring a position does not write it back). */
export function samePosition(a: MapPosition | null, b: MapPosition | null): boolean {
  if (!a || !b) return a === b;
  return formatPosition(a) === formatPosition(b);
}
