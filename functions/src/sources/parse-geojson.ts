import { z } from 'zod';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { SourceProblem } from './source-problem.js';
import { checkAreaGeometry } from './polygon-checks.js';

export type AreaGeometry = Polygon | MultiPolygon;

const Position = z.array(z.number().finite()).min(2);
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

export interface ParseAreaOptions {
  /** Property naming the feature in geometry problems (e.g. GEOID10). */
  idProperty?: string;
}

/**
 * Parse a polygon FeatureCollection, validating properties with a schema and every
 * geometry with polygon-checks.ts (closed rings, enough points, no self-intersection,
 * coordinates in Massachusetts; exteriors rewound counter-clockwise per RFC 7946).
 * `row` in problems is the 1-based feature number; geometry problems carry the coordinates.
 */
export function parseAreaFeatures<S extends z.ZodType>(text: string | Buffer, file: string, properties: S, options: ParseAreaOptions = {}): ParsedFeatures<z.infer<S>> {
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
    if (result.success) {
      const feature = result.data as Feature<AreaGeometry, z.infer<S>>;
      const checked = checkAreaGeometry(feature.geometry);
      const id = options.idProperty ? (feature.properties as Record<string, unknown>)[options.idProperty] : undefined;
      const name = id === undefined ? `feature ${i + 1}` : `feature ${i + 1} (${options.idProperty} ${String(id)})`;
      for (const issue of checked.issues.slice(0, 3)) problems.push({ file, row: i + 1, column: 'geometry', message: `${name}: ${issue.message}`, ...(issue.at ? { coordinates: issue.at } : {}) });
      features.push(checked.rewound > 0 ? { ...feature, geometry: checked.geometry } : feature);
    } else for (const issue of result.error.issues.slice(0, 3)) problems.push({ file, row: i + 1, column: issue.path.join('.'), message: issue.message });
  });
  return { features, problems, total: collection.data.features.length };
}
