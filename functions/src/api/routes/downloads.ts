import { createRoute, z } from '@hono/zod-openapi';
import type { IndexReader } from '../index-reader.js';
import { problems } from '../problem.js';
import { newRouter } from '../router.js';
import { BulkFeatureSchema, featureCollectionSchema } from '../geojson-schemas.js';
import { csvResponse } from '../csv-response.js';
import { bulkColumns, bulkRow, csvCells, negotiateFormat, toFeatureCollection } from '../place-formats.js';
import { LONG_COLUMNS, longRows } from '../long-format.js';
import { pickColumns, selectColumns } from '../column-selection.js';
import { LevelSchema, notFoundResponse, problemResponses } from '../schemas.js';
import { VersionIdSchema } from '../version-id.js';
import { resolveVersion } from '../version-param.js';
import { GEOMETRY_RESOLUTIONS, GeometryNoteSchema, geometryNote } from '../download-formats/geometry-resolution.js';
import { geoPackageDownload, geometryFor, GPKG_MEDIA_TYPE, PARQUET_MEDIA_TYPE, parquetDownload } from '../download-formats/typed-downloads.js';

/** Bulk downloads of one published version (`/v1/versions/{id}/download`): every place of a level, immutable. */
const downloadRoute = createRoute({
  method: 'get',
  path: '/versions/{id}/download',
  operationId: 'downloadVersion',
  summary: 'Bulk download of a version: every place of a level with every published value (summary, 90 % intervals, domains, each indicator value / SE / percentile / flag)',
  request: {
    params: z.object({ id: VersionIdSchema }),
    query: z.object({
      level: LevelSchema.default('town'),
      format: z.enum(['csv', 'geojson', 'long', 'parquet', 'gpkg']).optional().openapi({ description: 'csv (default: one row per place, wide), geojson (the same columns as feature properties; or send Accept: application/geo+json), long (CSV, one row per place × indicator: value, se, lo90, hi90, percentile 0–100, flagged, no_data_reason, unit, vintage, source_id), parquet (the wide columns, typed: text, INT32, DOUBLE, BOOLEAN, nullable) or gpkg (GeoPackage: the wide columns typed plus MULTIPOLYGON outlines in EPSG:4326, for QGIS). Every column is described by /v1/versions/{id}/dictionary.' }),
      geometry: z.enum(GEOMETRY_RESOLUTIONS).optional().openapi({ description: 'geojson and gpkg only: display (default; the map\'s outlines, simplified and snap-rounded to 5 decimals) or full (full-resolution source outlines; 404 for versions published before they were stored). Every outline is a valid polygon; the file says which it holds (GeoJSON member geometryResolution, GeoPackage table equity_atlas_about).', example: 'full' }),
      columns: z.string().optional().openapi({ description: 'Comma-separated column names to keep, in this order (csv, long, geojson, parquet, gpkg); an unknown name is a 400 problem. The dictionary lists each format\'s columns.', example: 'id,name,percentile,low_birth_weight,low_birth_weight_no_data_reason' }),
    }),
  },
  responses: {
    200: {
      content: {
        'text/csv': { schema: z.string().openapi({ description: 'Header row, then one row per place (format=long: per place × indicator). Empty cell = no data: where a value is empty its SE, percentile and flag are empty too, and its no_data_reason says why. ids are text (ZCTAs keep leading zeros). Link: <…/dictionary>; rel="describedby".' }) },
        'application/geo+json': { schema: featureCollectionSchema('BulkGeoJson', BulkFeatureSchema, { version: z.string(), level: LevelSchema, columns: z.array(z.string()), geometryResolution: GeometryNoteSchema }) },
        [PARQUET_MEDIA_TYPE]: { schema: z.string().openapi({ format: 'binary', description: 'format=parquet: Apache Parquet, one row group; ids, names and reasons UTF8 text (ZCTAs keep leading zeros), population/rank/flag_count INT32, values DOUBLE, flags BOOLEAN; empty CSV cell = null' }) },
        [GPKG_MEDIA_TYPE]: { schema: z.string().openapi({ format: 'binary', description: 'format=gpkg: OGC GeoPackage 1.2, layer equity_atlas_<level> (MULTIPOLYGON, EPSG:4326, the wide columns typed), table equity_atlas_about (version, geometry resolution)' }) },
      },
      description: 'An attachment named after the version and level; immutable',
    },
    ...problemResponses,
    ...notFoundResponse,
  },
});

export function downloadRoutes(reader: IndexReader) {
  return newRouter()
    .openapi(downloadRoute, async (c) => {
      const { id } = c.req.valid('param');
      const { level, format, columns: columnsParam, geometry: geometryParam } = c.req.valid('query');
      const meta = await resolveVersion(reader, id); // immutable: versionCache pins /v1/versions/{id}…
      const dictionary = `/v1/versions/${encodeURIComponent(meta.version)}/dictionary`;
      const name = `equity-atlas-${level}-${meta.version}`;
      const resolution = geometryParam ?? 'display';
      const withGeometry = format === 'gpkg' || (format !== 'long' && format !== 'parquet' && negotiateFormat(c, format as 'csv' | 'geojson' | undefined) === 'geojson');
      if (geometryParam && !withGeometry) throw problems.badRequest(`geometry: only geometry downloads (format=geojson or gpkg) have outlines; format=${format ?? 'csv'} has none.`, [{ path: 'geometry', message: 'applies to format=geojson and format=gpkg only' }]);
      if (format === 'long') {
        const columns = selectColumns(columnsParam, LONG_COLUMNS, dictionary);
        const rows = longRows(await reader.listPlaces(meta.version, level), meta);
        c.header('link', `<${dictionary}>; rel="describedby"`);
        return csvResponse(c, `${name}-long.csv`, columns, csvCells(columns, rows)) as never;
      }
      const columns = selectColumns(columnsParam, bulkColumns(meta), dictionary);
      const rows = (await reader.listPlaces(meta.version, level)).map((p) => bulkRow(p, meta));
      c.header('link', `<${dictionary}>; rel="describedby"`);
      if (format === 'parquet') {
        c.header('content-type', PARQUET_MEDIA_TYPE);
        c.header('content-disposition', `attachment; filename="${name}.parquet"`);
        return c.body((await parquetDownload(meta, level, columns, rows)) as Uint8Array<ArrayBuffer>, 200) as never;
      }
      const fileName = resolution === 'full' ? `${name}-full` : name;
      if (format === 'gpkg') {
        const geometry = await geometryFor(reader, meta.version, level, resolution);
        c.header('content-type', GPKG_MEDIA_TYPE);
        c.header('content-disposition', `attachment; filename="${fileName}.gpkg"`);
        return c.body((await geoPackageDownload(meta, level, columns, rows, geometry, resolution)) as Uint8Array<ArrayBuffer>, 200) as never;
      }
      if (withGeometry) {
        const geometry = await geometryFor(reader, meta.version, level, resolution);
        c.header('content-type', 'application/geo+json');
        c.header('content-disposition', `attachment; filename="${fileName}.geojson"`);
        return c.body(JSON.stringify(toFeatureCollection(columnsParam === undefined ? rows : (pickColumns(rows, columns) as typeof rows), geometry, { version: meta.version, level, columns, geometryResolution: geometryNote(level, resolution) })), 200) as never;
      }
      return csvResponse(c, `${name}.csv`, columns, csvCells(columns, rows)) as never;
    });
}
