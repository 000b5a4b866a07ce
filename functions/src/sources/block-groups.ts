import { z } from 'zod';
import { parseAreaFeatures, type AreaGeometry } from './parse-geojson.js';
import { assertNoProblems } from './source-problem.js';
import { checkCount, checkUnique } from './source-checks.js';

/**
 * Block groups in the Census 2022 cartographic boundary file (cb_2022_25_bg_500k):
 * Massachusetts has 5,116 2020 block groups, but the CB file omits the 7 that are all water.
 */
export const BLOCK_GROUP_COUNT = 5109;
export const BLOCK_GROUP_ID = /^25\d{10}$/;

export interface BlockGroup {
  /** 12-digit 2020 block-group GEOID (state, county, tract, block group), e.g. 250092067002. */
  id: string;
  landAreaM2: number;
  geometry: AreaGeometry;
}

const BlockGroupProperties = z.object({
  GEOID: z.string().regex(BLOCK_GROUP_ID, 'expected a 12-digit Massachusetts block-group GEOID (25 + county + tract + block group)'),
  ALAND: z.number().nonnegative(),
});

export function parseBlockGroups(text: string | Buffer, file: string, expectedCount = BLOCK_GROUP_COUNT): BlockGroup[] {
  const { features, problems, total } = parseAreaFeatures(text, file, BlockGroupProperties, { idProperty: 'GEOID' });
  checkCount(problems, file, 'block-group features', total, expectedCount);
  checkUnique(problems, file, 'GEOID', features.map((f) => f.properties.GEOID));
  assertNoProblems(problems);
  return features.map((f) => ({ id: f.properties.GEOID, landAreaM2: f.properties.ALAND, geometry: f.geometry }));
}
