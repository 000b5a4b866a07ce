import { z } from 'zod';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { SourceProblem } from './source-problem.js';

export type AreaGeometry = Polygon | MultiPolygon;

const Position = z.array(z.number()).min(2);
const Ring = z.array(Position).min(4);
const AreaGeometrySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Polygon'), coordinates: z.array(Ring).min(1) }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(Ring).min(1)).min(1) }),
]);

export interface ParsedFeatures<P> {
  features: Feature<AreaGeometry, P>[];
  problems: SourceProblem[];
  /** Features in the file, valid or not (for count checks). */
  total: number;
}

/** Parse a polygon FeatureCollection, validating properties with a schema; `row` in problems is the 1-based feature number. */
export function parseAreaFeatures<S extends z.ZodType>(text: string | Buffer, file: string, properties: S): ParsedFeatures<z.infer<S>> {
  let json: unknown;
  try {
    json = JSON.parse(text.toString());
  } catch (err) {
    return { features: [], total: 0, problems: [{ file, message: `not valid JSON: ${(err as Error).message}` }] };
  }
  const collection = z.object({ type: z.literal('FeatureCollection'), features: z.array(z.unknown()) }).safeParse(json);
  if (!collection.success) return { features: [], total: 0, problems: [{ file, message: 'not a GeoJSON FeatureCollection' }] };
  const Feature = z.object({ type: z.literal('Feature'), properties, geometry: AreaGeometrySchema });
  const features: Feature<AreaGeometry, z.infer<S>>[] = [];
  const problems: SourceProblem[] = [];
  collection.data.features.forEach((raw, i) => {
    const result = Feature.safeParse(raw);
    if (result.success) features.push(result.data as Feature<AreaGeometry, z.infer<S>>);
    else for (const issue of result.error.issues.slice(0, 3)) problems.push({ file, row: i + 1, column: issue.path.join('.'), message: issue.message });
  });
  return { features, problems, total: collection.data.features.length };
}
