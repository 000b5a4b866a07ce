import type { FeatureCollection, Geometry } from 'geojson';
import type { Level, VersionMeta } from '../../indices/place-record.js';
import { buildDictionary, WIDE_DOWNLOADS } from '../data-dictionary.js';
import type { FieldType } from '../dictionary-entry.js';
import type { IndexReader } from '../index-reader.js';
import type { Row } from '../place-formats.js';
import { problems } from '../problem.js';
import { fullGeometryKey } from '../../store/index-store.js';
import { columnTypes } from './column-types.js';
import { geoPackageFile } from './geopackage.js';
import { geometryNote, type GeometryResolution } from './geometry-resolution.js';
import { parquetFile } from './parquet.js';

/** Parquet / GeoPackage answers of `/v1/versions/{id}/download` (routes/downloads.ts dispatches here). */
export const PARQUET_MEDIA_TYPE = 'application/vnd.apache.parquet';
export const GPKG_MEDIA_TYPE = 'application/geopackage+sqlite3';

/** Each column's type as the version's data dictionary declares it for the wide downloads. */
function wideTypes(meta: VersionMeta, columns: readonly string[], rows: readonly Row[]): Map<string, FieldType> {
  const declared = new Map(buildDictionary(meta).filter((e) => e.appliesTo.includes(WIDE_DOWNLOADS[0]!)).map((e) => [e.name, e.type]));
  return columnTypes(columns, rows, declared);
}

const fileMetadata = (meta: VersionMeta, level: Level) => ({
  'equity_atlas.version': meta.version,
  'equity_atlas.level': level,
  'equity_atlas.dictionary': `/v1/versions/${meta.version}/dictionary`,
});

export function parquetDownload(meta: VersionMeta, level: Level, columns: readonly string[], rows: readonly Row[]): Promise<Uint8Array> {
  return parquetFile(columns, rows, wideTypes(meta, columns, rows), fileMetadata(meta, level));
}

/**
 * The outlines of a level at the asked resolution (GeoJSON text). Display geometry is
 * in every version; full-resolution outlines only in versions published since they
 * are stored, and an older version says so instead of silently sending display ones.
 */
export async function geometryFor(reader: IndexReader, version: string, level: Level, resolution: GeometryResolution): Promise<string> {
  if (resolution === 'full') {
    const full = await reader.blob(fullGeometryKey(version, level));
    if (full === null) throw problems.notFound(`Version ${version} was published before full-resolution outlines were stored, so it has no geometry=full; use geometry=display (simplified for maps) or a version published later (GET /v1/versions).`);
    return full;
  }
  const display = await reader.geometryJson(version, level);
  if (display === null) throw problems.notFound(`No ${level} geometry stored for version ${version}.`);
  return display;
}

export function geoPackageDownload(meta: VersionMeta, level: Level, columns: readonly string[], rows: readonly Row[], geometryJson: string, resolution: GeometryResolution): Promise<Uint8Array> {
  const shapes = new Map((JSON.parse(geometryJson) as FeatureCollection).features.map((f) => [String(f.id ?? f.properties?.id), f.geometry]));
  const note = geometryNote(level, resolution);
  const about: Record<string, string> = {
    ...fileMetadata(meta, level),
    'geometry.resolution': note.resolution,
    'geometry.display_simplified': String(note.displaySimplified),
    'geometry.coordinate_decimals': note.coordinateDecimals === null ? 'as published by the source' : String(note.coordinateDecimals),
    'geometry.source': note.source,
    'geometry.note': note.note,
  };
  return geoPackageFile({
    layer: `equity_atlas_${level}`,
    description: `Equity Atlas ${meta.version}, ${level} level. ${note.note}`,
    lastChange: meta.createdAt,
    columns,
    types: wideTypes(meta, columns, rows),
    rows,
    geometries: rows.map((r) => (shapes.get(String(r.id)) as Geometry | undefined) ?? null),
    about,
  });
}
