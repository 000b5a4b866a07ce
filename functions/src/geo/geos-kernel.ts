import initGeosJs from 'geos-wasm';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { projectEqualArea } from './equal-area-projection.js';

/**
 * GEOS 3.13 compiled to WebAssembly (geos-wasm), the overlay engine under
 * shapely/GeoPandas and PostGIS: ≈ 50× faster than @turf/intersect on the
 * ZCTA × town overlay (see /work/shared/STACK.md and `npm run bench:crosswalk`).
 *
 * Geometries live on the WebAssembly heap, so every pointer created here has an
 * owner that must free it: `GeosPolygon.destroy()` or `geos.GEOSGeom_destroy`.
 */
export type Geos = Awaited<ReturnType<typeof initGeosJs>>;

/** Stamped into cache keys: a kernel or projection change invalidates cached crosswalks. */
export const OVERLAY_KERNEL_VERSION = 'geos-wasm 3.1.1 (GEOS 3.13.0); cylindrical equal-area WGS84 lat_ts=42 lon_0=-71.5; v1';

let lastError: string | null = null;
let instance: Promise<Geos> | null = null;

/**
 * Initialise GEOS once per process. The error handler records the message instead of
 * throwing from inside a WebAssembly callback (which would skip GEOS's own clean-up);
 * callers check for a null result and read `takeGeosError()`.
 */
export function loadGeos(): Promise<Geos> {
  instance ??= initGeosJs({
    errorHandler: (message) => {
      lastError = message;
    },
    noticeHandler: () => {},
  });
  return instance;
}

export function takeGeosError(): string {
  const message = lastError ?? 'unknown GEOS error';
  lastError = null;
  return message;
}

/** A GEOS polygon (projected to metres) with its bbox and area, owned by the caller. */
export interface GeosPolygon {
  ptr: number;
  /** [minX, minY, maxX, maxY] in projected metres. */
  bbox: [number, number, number, number];
  areaM2: number;
}

/** Build a ring straight from lon/lat into the WebAssembly heap, projecting on the way (no intermediate arrays). */
function ring(geos: Geos, coords: Position[], bbox: number[]): number {
  const n = coords.length;
  const buf = geos.Module._malloc(n * 16);
  const heap = geos.Module.HEAPF64;
  const base = buf / 8;
  const xy = [0, 0];
  for (let i = 0; i < n; i++) {
    const p = coords[i]!;
    projectEqualArea(p[0]!, p[1]!, xy);
    const x = xy[0]!;
    const y = xy[1]!;
    heap[base + 2 * i] = x;
    heap[base + 2 * i + 1] = y;
    if (x < bbox[0]!) bbox[0] = x;
    if (y < bbox[1]!) bbox[1] = y;
    if (x > bbox[2]!) bbox[2] = x;
    if (y > bbox[3]!) bbox[3] = y;
  }
  const seq = geos.GEOSCoordSeq_copyFromBuffer(buf, n, 0, 0);
  geos.Module._free(buf);
  // The ring takes ownership of the coordinate sequence.
  return geos.GEOSGeom_createLinearRing(seq);
}

function pointerArray(geos: Geos, ptrs: number[]): number {
  const buf = geos.Module._malloc(Math.max(1, ptrs.length) * 4);
  geos.Module.HEAPU32.set(ptrs, buf / 4);
  return buf;
}

function polygon(geos: Geos, rings: Position[][], bbox: number[]): number {
  const shell = ring(geos, rings[0]!, bbox);
  const holes = rings.slice(1).map((r) => ring(geos, r, bbox));
  const holesBuf = pointerArray(geos, holes);
  // The polygon takes ownership of the rings; the pointer array itself is ours to free.
  const poly = geos.GEOSGeom_createPolygon(shell, holesBuf, holes.length);
  geos.Module._free(holesBuf);
  return poly;
}

export function geosArea(geos: Geos, ptr: number): number {
  const out = geos.Module._malloc(8);
  try {
    if (geos.GEOSArea(ptr, out) !== 1) throw new Error(`GEOSArea failed: ${takeGeosError()}`);
    return geos.Module.HEAPF64[out / 8]!;
  } finally {
    geos.Module._free(out);
  }
}

/**
 * Convert a lon/lat Polygon or MultiPolygon to a projected GEOS geometry. An invalid
 * input (self-intersection, ring touching itself) is repaired with GEOSMakeValid so the
 * overlay never fails on a source's topology; `id` names the feature in errors.
 */
export function toGeosPolygon(geos: Geos, geometry: Polygon | MultiPolygon, id: string): GeosPolygon {
  const bbox = [Infinity, Infinity, -Infinity, -Infinity];
  let ptr: number;
  if (geometry.type === 'Polygon') ptr = polygon(geos, geometry.coordinates, bbox);
  else {
    const parts = geometry.coordinates.map((rings) => polygon(geos, rings, bbox));
    const partsBuf = pointerArray(geos, parts);
    ptr = geos.GEOSGeom_createCollection(geos.GEOSGeomTypes.GEOS_MULTIPOLYGON, partsBuf, parts.length);
    geos.Module._free(partsBuf);
  }
  if (!ptr) throw new Error(`could not build a GEOS geometry for "${id}": ${takeGeosError()}`);
  if (geos.GEOSisValid(ptr) !== 1) {
    const valid = geos.GEOSMakeValid(ptr);
    geos.GEOSGeom_destroy(ptr);
    if (!valid) throw new Error(`GEOSMakeValid failed for "${id}": ${takeGeosError()}`);
    ptr = valid;
  }
  return { ptr, bbox: bbox as GeosPolygon['bbox'], areaM2: geosArea(geos, ptr) };
}

export function destroyAll(geos: Geos, polygons: Iterable<{ ptr: number }>): void {
  for (const p of polygons) geos.GEOSGeom_destroy(p.ptr);
}
