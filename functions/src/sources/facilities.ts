import { z } from 'zod';
import { assertNoProblems, type SourceProblem } from './source-problem.js';
import { checkCount } from './source-checks.js';
import { valueProblem, type ValueRange } from './value-codes.js';

export interface Facility {
  id: string;
  name: string;
  point: [number, number];
  /** MA DPH hospital id (DPHID), where the layer has one: the key curated status changes refer to. */
  dphid?: string;
  /** Licensed beds (BEDCOUNT), where the layer has them; null when the cell is empty. */
  beds?: number | null;
}

export interface FacilitySpec {
  idProperty: string;
  nameProperty: string;
  expectedCount: number;
  /** Property holding the DPH id (hospitals only). */
  dphidProperty?: string;
  /** Property holding the bed count (hospitals only). */
  bedsProperty?: string;
  /** Properties that exclude a feature (e.g. admin-only sites that see no patients). */
  exclude?: (properties: Record<string, unknown>) => boolean;
}

const Dphid = z.union([z.number().int().positive(), z.string().regex(/^\d+$/)]).transform(String);
/** Licensed beds: whole, ≥ 0 and below any plausible hospital (the largest MA hospital has about 1,100); -999 and other codes are rejected. */
const BEDS: ValueRange = { min: 0, max: 5000, integer: true };
const Point = z.object({ type: z.literal('Point'), coordinates: z.tuple([z.number().min(-74).max(-69.5), z.number().min(41).max(43)]) });

/** Parse a point FeatureCollection of facilities (hospitals, health centers), checked to lie in Massachusetts. */
export function parseFacilities(text: string | Buffer, file: string, spec: FacilitySpec): Facility[] {
  const json = JSON.parse(text.toString()) as { features?: unknown[] };
  const problems: SourceProblem[] = [];
  const features = json.features ?? [];
  checkCount(problems, file, 'features', features.length, spec.expectedCount);
  const out: Facility[] = [];
  features.forEach((raw, i) => {
    const f = raw as { geometry?: unknown; properties?: Record<string, unknown> };
    const geometry = Point.safeParse(f.geometry);
    const props = f.properties ?? {};
    if (!geometry.success) return problems.push({ file, row: i + 1, column: 'geometry', message: 'expected a Point in Massachusetts' });
    if (spec.exclude?.(props)) return;
    const facility: Facility = { id: String(props[spec.idProperty]), name: String(props[spec.nameProperty] ?? ''), point: geometry.data.coordinates };
    if (spec.dphidProperty) {
      const dphid = Dphid.safeParse(props[spec.dphidProperty]);
      if (!dphid.success) return problems.push({ file, row: i + 1, column: spec.dphidProperty, message: `expected a DPH id (digits), got ${JSON.stringify(props[spec.dphidProperty])}` });
      facility.dphid = dphid.data;
    }
    if (spec.bedsProperty) {
      const beds = props[spec.bedsProperty] ?? null;
      const problem = beds === null ? null : typeof beds !== 'number' ? 'expected a number' : valueProblem(beds, BEDS);
      if (problem) return problems.push({ file, row: i + 1, column: spec.bedsProperty, message: `expected a whole number of beds or null, got ${JSON.stringify(beds)}: ${problem}` });
      facility.beds = beds as number | null;
    }
    out.push(facility);
  });
  assertNoProblems(problems);
  return out;
}

export const HOSPITALS_SPEC: FacilitySpec = { idProperty: 'IDNUMBER', nameProperty: 'NAME', expectedCount: 75, dphidProperty: 'DPHID', bedsProperty: 'BEDCOUNT' };
export const HEALTH_CENTERS_SPEC: FacilitySpec = {
  idProperty: 'gis_id',
  nameProperty: 'site_name',
  expectedCount: 152,
  exclude: (p) => p.admin_only === 'Y',
};
