import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import type { FieldType } from '../dictionary-entry.js';
import type { Row } from '../place-formats.js';
import { typedCells } from './column-types.js';

/**
 * `format=gpkg`: an OGC GeoPackage 1.2 (one SQLite file) that QGIS, ArcGIS, R sf and
 * GeoPandas open natively: one feature layer `equity_atlas_<level>` (MULTIPOLYGON,
 * EPSG:4326, typed columns: TEXT / INTEGER / DOUBLE / BOOLEAN), plus an attributes
 * table `equity_atlas_about` saying which version and which geometry it holds.
 *
 * SQLite is sql.js (MIT; SQLite compiled to WebAssembly, no native build). Both the
 * module and its 0.7 MB wasm load on the first GeoPackage request only, so the API's
 * cold start does not pay for them; in Lambda they sit in node_modules beside the
 * bundle (download-formats/packages.ts).
 */
type SqlJs = Awaited<ReturnType<typeof import('sql.js')['default']>>;
let sqlJs: Promise<SqlJs> | null = null;

/** The wasm, read by us from the installed package, so it is found even if sql.js is ever bundled (its own lookup is relative to its script). */
function wasmBinary(): Uint8Array {
  return readFileSync(createRequire(import.meta.url).resolve('sql.js/dist/sql-wasm.wasm'));
}

function loadSqlJs(): Promise<SqlJs> {
  sqlJs ??= import('sql.js').then((m) => m.default({ wasmBinary: wasmBinary() as unknown as ArrayBuffer }));
  return sqlJs;
}

// MEDIUMINT is the GeoPackage 32-bit integer (GDAL: Integer); INTEGER would be read as 64-bit.
const SQL_TYPE = { string: 'TEXT', integer: 'MEDIUMINT', number: 'DOUBLE', boolean: 'BOOLEAN' } as const satisfies Record<FieldType, string>;
const WGS84_WKT =
  'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AUTHORITY["EPSG","4326"]]';

const q = (name: string) => `"${name.replaceAll('"', '""')}"`;

export interface GeoPackageInput {
  layer: string;
  /** gpkg_contents.description: says whether the outlines are display-simplified. */
  description: string;
  /** ISO 8601 time of the data (the version's publication), so the same version gives the same bytes. */
  lastChange: string;
  columns: readonly string[];
  types: ReadonlyMap<string, FieldType>;
  rows: readonly Row[];
  /** Outline per row (same order); null = no outline (NULL geometry). */
  geometries: readonly (Geometry | null)[];
  /** Key/value rows of `equity_atlas_about`. */
  about: Record<string, string>;
}

export async function geoPackageFile(input: GeoPackageInput): Promise<Uint8Array> {
  const SQL = await loadSqlJs();
  const db = new SQL.Database();
  try {
    db.run('PRAGMA application_id = 1196444487'); // 'GPKG'
    db.run('PRAGMA user_version = 10200'); // GeoPackage 1.2.0
    db.run(`CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER NOT NULL PRIMARY KEY, organization TEXT NOT NULL, organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT)`);
    const srs = db.prepare('INSERT INTO gpkg_spatial_ref_sys VALUES (?, ?, ?, ?, ?, ?)');
    srs.run(['Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', 'undefined cartesian coordinate reference system']);
    srs.run(['Undefined geographic SRS', 0, 'NONE', 0, 'undefined', 'undefined geographic coordinate reference system']);
    srs.run(['WGS 84 geodetic', 4326, 'EPSG', 4326, WGS84_WKT, 'longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid']);
    srs.free();
    db.run(`CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE, description TEXT DEFAULT '', last_change DATETIME NOT NULL, min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER, CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id))`);
    db.run(`CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL, srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL, CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name), CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name), CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id))`);

    const { layer, columns, types, rows, geometries } = input;
    const lastChange = new Date(input.lastChange).toISOString();
    const cols = columns.map((c) => `${q(c)} ${SQL_TYPE[types.get(c) ?? 'number']}`);
    db.run(`CREATE TABLE ${q(layer)} (fid INTEGER PRIMARY KEY NOT NULL, geom MULTIPOLYGON, ${cols.join(', ')})`);
    const cells = columns.map((c) => typedCells(c, types.get(c) ?? 'number', rows));
    const insert = db.prepare(`INSERT INTO ${q(layer)} VALUES (${['?', '?', ...columns.map(() => '?')].join(', ')})`);
    const extent = [Infinity, Infinity, -Infinity, -Infinity];
    rows.forEach((_, i) => {
      const g = geometries[i] ?? null;
      const blob = g ? gpkgGeometry(asMultiPolygon(g), extent) : null;
      insert.run([i + 1, blob, ...cells.map((col) => sqlValue(col[i] ?? null))]);
    });
    insert.free();
    const [minX, minY, maxX, maxY] = extent.map((x) => (Number.isFinite(x) ? x : null));
    db.run('INSERT INTO gpkg_contents VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)', [layer, 'features', layer, input.description, lastChange, minX!, minY!, maxX!, maxY!, 4326]);
    db.run('INSERT INTO gpkg_geometry_columns VALUES (?, ?, ?, ?, ?, ?)', [layer, 'geom', 'MULTIPOLYGON', 4326, 0, 0]);

    // What the file holds, readable in any GIS's attribute table (QGIS shows it as a table layer).
    db.run(`CREATE TABLE equity_atlas_about (key TEXT NOT NULL PRIMARY KEY, value TEXT NOT NULL)`);
    const about = db.prepare('INSERT INTO equity_atlas_about VALUES (?, ?)');
    for (const [k, v] of Object.entries(input.about)) about.run([k, v]);
    about.free();
    db.run('INSERT INTO gpkg_contents (table_name, data_type, identifier, description, last_change) VALUES (?, ?, ?, ?, ?)', ['equity_atlas_about', 'attributes', 'equity_atlas_about', 'Version, level and geometry resolution of this file', lastChange]);
    return db.export();
  } finally {
    db.close();
  }
}

function sqlValue(v: string | number | boolean | null): string | number | null {
  return typeof v === 'boolean' ? (v ? 1 : 0) : v;
}

/** One layer type for QGIS: every outline as a MultiPolygon. */
function asMultiPolygon(g: Geometry): MultiPolygon {
  if (g.type === 'MultiPolygon') return g;
  if (g.type === 'Polygon') return { type: 'MultiPolygon', coordinates: [(g as Polygon).coordinates] };
  throw new Error(`GeoPackage layer holds polygons, not ${g.type}`);
}

/**
 * GeoPackage binary geometry (spec §2.1.3): "GP", version 0, flags (little-endian, xy
 * envelope), srs_id, envelope [minx, maxx, miny, maxy], then little-endian ISO WKB.
 * Widens `extent` ([minx, miny, maxx, maxy]) for gpkg_contents.
 */
export function gpkgGeometry(g: MultiPolygon, extent: number[]): Uint8Array {
  const rings = g.coordinates.flat();
  const points = rings.reduce((n, r) => n + r.length, 0);
  const wkbBytes = 1 + 4 + 4 + g.coordinates.length * (1 + 4 + 4) + rings.length * 4 + points * 16;
  const buf = new ArrayBuffer(8 + 32 + wkbBytes);
  const v = new DataView(buf);
  v.setUint8(0, 0x47);
  v.setUint8(1, 0x50);
  v.setUint8(2, 0);
  v.setUint8(3, 0b0000_0011); // envelope [minx, maxx, miny, maxy]; little-endian
  v.setInt32(4, 4326, true);
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  let o = 40;
  const u8 = (x: number) => { v.setUint8(o, x); o += 1; };
  const u32 = (x: number) => { v.setUint32(o, x, true); o += 4; };
  const pt = (p: Position) => {
    const [x, y] = p as [number, number];
    v.setFloat64(o, x, true);
    v.setFloat64(o + 8, y, true);
    o += 16;
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  };
  u8(1);
  u32(6); // MultiPolygon
  u32(g.coordinates.length);
  for (const poly of g.coordinates) {
    u8(1);
    u32(3); // Polygon
    u32(poly.length);
    for (const ring of poly) {
      u32(ring.length);
      ring.forEach(pt);
    }
  }
  [minX, maxX, minY, maxY].forEach((x, i) => v.setFloat64(8 + 8 * i, x, true));
  extent[0] = Math.min(extent[0]!, minX);
  extent[1] = Math.min(extent[1]!, minY);
  extent[2] = Math.max(extent[2]!, maxX);
  extent[3] = Math.max(extent[3]!, maxY);
  return new Uint8Array(buf);
}
