import { z } from '@hono/zod-openapi';
import { PlaceSummarySchema } from './schemas.js';

/**
 * GeoJSON (RFC 7946) as the API sends it: features are places or groups of
 * places, so geometries are Polygon or MultiPolygon in WGS 84 longitude/latitude,
 * and every feature has a string id (the place or geography id). One schema
 * per shape, reused by every route that answers application/geo+json.
 */
const Position = z.array(z.number()).min(2).max(3).openapi('GeoJsonPosition', { description: '[longitude, latitude] in WGS 84 (RFC 7946 §3.1.1)' });
// A closed linear ring has at least four positions, the last equal to the first (RFC 7946 §3.1.6).
const Ring = z.array(Position).min(4);

export const PolygonSchema = z.object({ type: z.literal('Polygon'), coordinates: z.array(Ring).min(1) }).openapi('GeoJsonPolygon', { description: 'Outer ring first, then holes' });
export const MultiPolygonSchema = z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(Ring).min(1)).min(1) }).openapi('GeoJsonMultiPolygon');
export const AreaGeometrySchema = z.union([PolygonSchema, MultiPolygonSchema]).openapi('GeoJsonAreaGeometry');

/** A Feature whose properties follow `properties`; `geometry: null` where a row has no outline (RFC 7946 §3.2). */
export function featureSchema<P extends z.ZodType>(name: string, properties: P, options: { nullableGeometry?: boolean; description?: string } = {}) {
  return z
    .object({
      type: z.literal('Feature'),
      id: z.string().openapi({ description: 'The place (GEOID, ZCTA) or geography id, also in properties.id', example: '2500545000' }),
      // A union with null, not .nullable(): the document generator drops the null from a nullable $ref.
      geometry: options.nullableGeometry ? z.union([PolygonSchema, MultiPolygonSchema, z.null()]) : AreaGeometrySchema,
      properties,
    })
    .openapi(name, options.description ? { description: options.description } : {});
}

/** A FeatureCollection with foreign members (RFC 7946 §6.1) such as `version` and `level`. */
export function featureCollectionSchema<F extends z.ZodType, M extends z.ZodRawShape>(name: string, feature: F, members: M) {
  return z.object({ type: z.literal('FeatureCollection'), ...members, features: z.array(feature) }).openapi(name);
}

/** /v1/geometry/{level}: the map outlines, properties id and name. */
export const OutlineFeatureSchema = featureSchema('OutlineFeature', z.object({ id: z.string().openapi({ example: '2500545000' }), name: z.string().openapi({ example: 'New Bedford' }) }));

/** /v1/places?format=geojson: the list rows as properties, joined to the outlines by id. */
export const PlaceFeatureSchema = featureSchema('PlaceFeature', PlaceSummarySchema, { nullableGeometry: true, description: 'A place of the list; geometry null if the version has no outline for it' });

/** Bulk download cells: text, number, boolean or empty; /v1/versions/{id}/dictionary says what each column is. */
export const BulkCellSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]).openapi('BulkCell');
export const BulkFeatureSchema = featureSchema('BulkFeature', z.record(z.string(), BulkCellSchema).openapi({ description: 'One cell per column of `columns` (the wide CSV row)' }), { nullableGeometry: true });
