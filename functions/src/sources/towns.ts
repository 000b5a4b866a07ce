import { z } from 'zod';
import type { Feature } from 'geojson';
import { parseAreaFeatures, type AreaGeometry } from './parse-geojson.js';
import { assertNoProblems } from './source-problem.js';
import { checkCount, checkUnique } from './source-checks.js';
import { checkedProperty } from './csv-fields.js';
import { COUNT, NON_NEGATIVE } from './value-codes.js';

/** Massachusetts has 351 cities and towns (MassGIS / Census 2020 county subdivisions). */
export const TOWN_COUNT = 351;
export const TOWN_ID = /^25\d{8}$/;

export interface Town {
  /** 10-digit Census county-subdivision GEOID (GEOID20), e.g. Boston 2502507000. */
  id: string;
  name: string;
  county: string;
  /** 5-digit county FIPS (25 + COUNTYFP20). */
  countyFips: string;
  population2020: number;
  /** 2010 census count: the population base of PLACES 2022 estimates. */
  population2010: number;
  /** Census land and water area (ALAND20, AWATER20, m²). The outline is clipped at the shore, so coastal water counts here but lies outside `geometry`. */
  landAreaM2: number;
  waterAreaM2: number;
  geometry: AreaGeometry;
}

const TownProperties = z.object({
  GEOID20: z.string().regex(TOWN_ID, 'expected a 10-digit Massachusetts GEOID (25 + county + cousub)'),
  TOWN20: z.string().min(1),
  COUNTY20: z.string().min(1),
  COUNTYFP20: z.string().regex(/^\d{3}$/, 'expected a 3-digit county FIPS'),
  POP2020: checkedProperty(COUNT),
  POP2010: checkedProperty(COUNT),
  ALAND20: checkedProperty(NON_NEGATIVE),
  AWATER20: checkedProperty(NON_NEGATIVE),
});

/** "MANCHESTER-BY-THE-SEA" → "Manchester-by-the-Sea", "WEST SPRINGFIELD" → "West Springfield". */
export function townDisplayName(upper: string): string {
  const small = new Set(['by', 'the', 'of']);
  return upper
    .toLowerCase()
    .replace(/[a-z]+/g, (word, offset: number) => (offset > 0 && small.has(word) ? word : word[0]!.toUpperCase() + word.slice(1)));
}

export function parseTowns(text: string | Buffer, file: string, expectedCount = TOWN_COUNT): Town[] {
  const { features, problems, total } = parseAreaFeatures(text, file, TownProperties, { idProperty: 'GEOID20' });
  checkCount(problems, file, 'town features', total, expectedCount);
  checkUnique(problems, file, 'GEOID20', features.map((f) => f.properties.GEOID20));
  assertNoProblems(problems);
  return features.map((f: Feature<AreaGeometry, z.infer<typeof TownProperties>>) => ({
    id: f.properties.GEOID20,
    name: townDisplayName(f.properties.TOWN20),
    county: townDisplayName(f.properties.COUNTY20),
    countyFips: `25${f.properties.COUNTYFP20}`,
    population2020: f.properties.POP2020,
    population2010: f.properties.POP2010,
    landAreaM2: f.properties.ALAND20,
    waterAreaM2: f.properties.AWATER20,
    geometry: f.geometry,
  }));
}
