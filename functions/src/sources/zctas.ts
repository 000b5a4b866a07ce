import { z } from 'zod';
import { parseAreaFeatures, type AreaGeometry } from './parse-geojson.js';
import { assertNoProblems } from './source-problem.js';
import { checkCount, checkUnique } from './source-checks.js';

/** 2010 ZCTAs in the Census cartographic boundary file split to Massachusetts by MITRE PQViz. */
export const ZCTA_COUNT = 537;
/** Massachusetts ZIP codes run 01001–02791 (plus 055xx PO boxes that have no ZCTA). */
export const ZCTA_ID = /^0[12]\d{3}$/;

export interface Zcta {
  id: string;
  landAreaM2: number;
  geometry: AreaGeometry;
}

const ZctaProperties = z.object({
  GEOID10: z.string().regex(ZCTA_ID, 'expected a 5-digit Massachusetts ZCTA (01xxx or 02xxx)'),
  ALAND10: z.number().nonnegative(),
});

export function parseZctas(text: string | Buffer, file: string, expectedCount = ZCTA_COUNT): Zcta[] {
  const { features, problems, total } = parseAreaFeatures(text, file, ZctaProperties, { idProperty: 'GEOID10' });
  checkCount(problems, file, 'ZCTA features', total, expectedCount);
  checkUnique(problems, file, 'GEOID10', features.map((f) => f.properties.GEOID10));
  assertNoProblems(problems);
  return features.map((f) => ({ id: f.properties.GEOID10, landAreaM2: f.properties.ALAND10, geometry: f.geometry }));
}
