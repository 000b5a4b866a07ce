import { describe, expect, it } from 'vitest';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { parsePlacesMeasures } from './places-measures.js';
import { ZCTA_ID, parseZctas } from './zctas.js';
import { parseEjBlockGroups } from './ej-blockgroups.js';
import { parseTowns } from './towns.js';
import { parseBlockGroups } from './block-groups.js';
import { parseMasschip2010 } from './masschip-town-indicators.js';
import { parseMasschip20052008 } from './masschip-town-2005-2008.js';
import { parseAcsZctaPopulation } from './acs-zcta-population.js';
import { HOSPITALS_SPEC, parseFacilities } from './facilities.js';
import { fixture, problemsOf } from './source-test-support.js';

// Range and sentinel checks of every numeric input, and geometry checks of every polygon input
// (docs/method.md "Input checks"). Real extracts where ./fixtures has them; small synthetic files otherwise.

const places = fixture('places-zcta-extract.csv');
const parsePlaces = (text: string, ranges?: Record<string, { min: number; max: number }>) =>
  parsePlacesMeasures(text, 'places.csv', { idColumn: 'ZCTA5', idPattern: ZCTA_ID, expectedCount: 5, requiredMeasures: ['OBESITY'], ...(ranges ? { ranges } : {}) });

describe('PLACES values', () => {
  it('rejects a negative prevalence, one above 100 %, and a CI outside the range, by row and column', () => {
    const bad = places.replace('01002,29049,17.5,', '01002,29049,-317.5,').replace('27.9,"(27.1, 28.7)"', '127.9,"(27.1, 128.7)"');
    expect(problemsOf(() => parsePlaces(bad))).toEqual([
      expect.objectContaining({ row: 2, column: 'OBESITY_CrudePrev', message: expect.stringMatching(/^127\.9 is out of range/) }),
      expect.objectContaining({ row: 2, column: 'OBESITY_Crude95CI', message: expect.stringMatching(/^128\.7 is out of range/) }),
      expect.objectContaining({ file: 'places.csv', row: 3, column: 'BINGE_CrudePrev', message: '-317.5 is out of range: expected from 0 to 100 (value "-317.5")' }),
    ]);
  });

  it('uses the registry range of a measure and rejects -999 even where the range would allow it', () => {
    expect(problemsOf(() => parsePlaces(places, { OBESITY: { min: 0, max: 25 } })).map((p) => `${p.row} ${p.column}`)).toEqual(['2 OBESITY_CrudePrev', '2 OBESITY_Crude95CI', '5 OBESITY_CrudePrev', '5 OBESITY_Crude95CI']);
    const code = places.replace('27.9,"(27.1, 28.7)"', '-999,"(27.1, 28.7)"');
    expect(problemsOf(() => parsePlaces(code, { OBESITY: { min: -1000, max: 100 } }))[0]!.message).toMatch(/-999 is the missing-data code/);
  });

  it('rejects an inverted confidence interval and a sentinel population', () => {
    expect(problemsOf(() => parsePlaces(places.replace('"(27.1, 28.7)"', '"(28.7, 27.1)"')))[0]).toMatchObject({ row: 2, column: 'OBESITY_Crude95CI', message: expect.stringMatching(/lower bound 28\.7 exceeds upper bound 27\.1/) });
    expect(problemsOf(() => parsePlaces(places.replace('01001,16769,', '01001,-666666666,')))[0]).toMatchObject({ row: 2, column: 'TotalPopulation', message: expect.stringMatching(/ACS code -666666666/) });
  });
});

describe('EJ block-group values', () => {
  const ej = fixture('ej-blockgroups-extract.csv');
  it('keeps 250001 as a municipal median income (top-coded downstream) but rejects it in a count', () => {
    const topCoded = ej.replace('"Provincetown",104500,', '"Provincetown",250001,');
    expect(parseEjBlockGroups(topCoded, 'ej.csv', 3)[0]!.municipalIncome).toBe(250001);
    const misplaced = ej.replace('County",105,', 'County",250001,');
    expect(problemsOf(() => parseEjBlockGroups(misplaced, 'ej.csv', 3))).toEqual([
      expect.objectContaining({ file: 'ej.csv', row: 2, column: 'minorityE', message: expect.stringMatching(/^250001 is the ACS top-code .* only in a median household income column/) }),
    ]);
  });

  it('rejects ACS codes, negative counts and percents above 100', () => {
    const bad = ej.replace('"Provincetown",104500,44329,', '"Provincetown",-666666666,44329,').replace(',82,16.9772256728778,', ',-3,116.9772256728778,');
    expect(problemsOf(() => parseEjBlockGroups(bad, 'ej.csv', 3)).map((p) => `${p.row} ${p.column}`).sort()).toEqual(['2 medHHincMUNIE', '3 minorityE', '3 minorityPctE']);
  });
});

describe('MassCHIP values', () => {
  const head = 'town_report_name,TOWNID,GEOID20,section,indicator,measure,count,area_value,state_value,flag_2000_census_or_sample\n';
  const row = (measure: string, count: string, area: string, state = '19.2') => `Abington,1,2502300170,Chronic Disease Indicators,Cardiovascular disease deaths,${measure},${count},${area},${state},\n`;
  const key = 'Chronic Disease Indicators | Cardiovascular disease deaths | Age-adjusted Rate (d)';

  it('2010: rejects -999, negative rates, percents above 100 and fractional counts', () => {
    const text = head + row('Age-adjusted Rate (d)', '43', '-999') + row('Crude Rate', '43', '-1.5') + row('Percent', '43', '101') + row('Count', '4.5', '3');
    expect(problemsOf(() => parseMasschip2010(text, 'm.csv', 4, new Map([[key, { min: 0, max: 2000 }]])))).toEqual([
      expect.objectContaining({ row: 2, column: 'area_value', message: expect.stringMatching(/^-999 is the missing-data code/) }),
      expect.objectContaining({ row: 3, column: 'area_value', message: expect.stringMatching(/^-1\.5 is out of range/) }),
      expect.objectContaining({ row: 4, column: 'area_value', message: expect.stringMatching(/^101 is out of range: expected from 0 to 100/) }),
      expect.objectContaining({ row: 5, column: 'count', message: expect.stringMatching(/^4\.5 is out of range: expected a whole number/) }),
    ]);
  });

  it('2010: applies the registry range of the key it reads', () => {
    const text = head + row('Age-adjusted Rate (d)', '43', '2266.2');
    expect(parseMasschip2010(text, 'm.csv', 1).get(key)!.get('2502300170')!.value).toBe(2266.2);
    expect(problemsOf(() => parseMasschip2010(text, 'm.csv', 1, new Map([[key, { min: 0, max: 2000 }]])))[0]!.message).toMatch(/2266\.2 is out of range: expected from 0 to 2000/);
  });

  it('2005–2008: rejects -999 and a percent above 100 by town row and column', () => {
    const towns = new Set(['ABINGTON']);
    const text = (ratio: string, rate: string) => `"Geography","% teen births, 2005-2008","Infant mortality rate (deaths per 1000 live births), 2005-2008"\nAbington,${ratio},${rate}\nMassachusetts Total,6.1,4.9\n`;
    const ok = () => parseMasschip20052008(text('2.29', '5.73'), 'm.csv', towns);
    expect(() => ok()).toThrow(/expected 351 town rows/); // one town only: the only problem
    const problems = problemsOf(() => parseMasschip20052008(text('102.3', '-999'), 'm.csv', towns));
    expect(problems.slice(0, 2)).toEqual([
      expect.objectContaining({ row: 2, column: '% teen births, 2005-2008', message: expect.stringMatching(/^102\.3 is out of range: expected from 0 to 100/) }),
      expect.objectContaining({ row: 2, column: 'Infant mortality rate (deaths per 1000 live births), 2005-2008', message: expect.stringMatching(/^-999 is the missing-data code/) }),
    ]);
    expect(problemsOf(() => parseMasschip20052008(text('$', '5.73'), 'm.csv', towns))[0]).toMatchObject({ row: 2, column: '% teen births, 2005-2008', message: 'expected a number or NA (value "$")' });
  });
});

describe('populations and bed counts', () => {
  it('ACS ZCTA population: rejects -666666666 and 250001', () => {
    const text = 'GEOID,NAME,total_pop,total_black\n01001,ZCTA5 01001,-666666666,596\n01002,ZCTA5 01002,250001,1\n';
    expect(problemsOf(() => parseAcsZctaPopulation(text, 'acs.csv', 2)).map((p) => `${p.row} ${p.column} ${p.message.split(' (')[0]}`)).toEqual([
      '2 total_pop -666666666 is the ACS code -666666666',
      '3 total_pop 250001 is the ACS top-code 250001',
    ]);
  });

  it('hospital BEDCOUNT: rejects -999 and implausible counts; null stays null', () => {
    const hospital = (beds: unknown) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [-71.1, 42.3] }, properties: { IDNUMBER: '1', NAME: 'H', DPHID: 1, BEDCOUNT: beds } });
    const text = (beds: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features: beds.map(hospital) });
    expect(parseFacilities(text([248, null]), 'h.geojson', { ...HOSPITALS_SPEC, expectedCount: 2 }).map((f) => f.beds)).toEqual([248, null]);
    expect(problemsOf(() => parseFacilities(text([-999, 250001, 12.5]), 'h.geojson', { ...HOSPITALS_SPEC, expectedCount: 3 }))).toEqual([
      expect.objectContaining({ row: 1, column: 'BEDCOUNT', message: expect.stringMatching(/-999 is the missing-data code/) }),
      expect.objectContaining({ row: 2, column: 'BEDCOUNT', message: expect.stringMatching(/250001 is the ACS top-code/) }),
      expect.objectContaining({ row: 3, column: 'BEDCOUNT', message: expect.stringMatching(/12\.5 is out of range/) }),
    ]);
  });

  it('town populations: rejects codes and negative counts', () => {
    const bad = fixture('towns-extract.geojson').replace(/"POP2020": ?675647(\.0)?/, '"POP2020": -666666666');
    expect(problemsOf(() => parseTowns(bad, 'towns.geojson', 3))).toEqual([expect.objectContaining({ column: 'properties.POP2020', message: expect.stringMatching(/ACS code -666666666/) })]);
  });
});

describe('polygon inputs', () => {
  type Area = FeatureCollection<Polygon | MultiPolygon>;
  const firstRing = (fc: Area, i: number) => {
    const g = fc.features[i]!.geometry;
    return g.type === 'Polygon' ? g.coordinates[0]! : g.coordinates[0]![0]!;
  };

  it('block groups: a bow-tie is rejected naming the feature, its GEOID and the crossing', () => {
    const fc = JSON.parse(fixture('block-groups-extract.geojson')) as Area;
    fc.features[0]!.geometry = { type: 'Polygon', coordinates: [[[-71.2, 42.3], [-71.1, 42.4], [-71.1, 42.3], [-71.2, 42.4], [-71.2, 42.3]]] };
    expect(problemsOf(() => parseBlockGroups(JSON.stringify(fc), 'bg.geojson', 3))).toEqual([
      { file: 'bg.geojson', row: 1, column: 'geometry', coordinates: [-71.15, 42.35], message: 'feature 1 (GEOID 250214172012): self-intersection: ring 1 crosses itself at [-71.15, 42.35]' },
    ]);
  });

  it('towns: an unclosed ring and a coordinate outside Massachusetts are rejected', () => {
    const fc = JSON.parse(fixture('towns-extract.geojson')) as Area;
    firstRing(fc, 0).pop();
    const ring = firstRing(fc, 2);
    ring[3] = [ring[3]![0]!, 48.1];
    const problems = problemsOf(() => parseTowns(JSON.stringify(fc), 'towns.geojson', 3));
    expect(problems.map((p) => [p.row, p.column])).toEqual([[1, 'geometry'], [3, 'geometry']]);
    expect(problems[0]!.message).toMatch(/^feature 1 \(GEOID20 2500938400\): part 1, ring 1 \(exterior\): ring is not closed/);
    expect(problems[1]!.message).toMatch(/^feature 3 \(GEOID20 2502507000\): part 1, ring 1 \(exterior\): coordinate \[-71\.\d+, 48\.1\] lies outside Massachusetts/);
  });

  it('ZCTAs: a clockwise exterior is rewound counter-clockwise (RFC 7946), not rejected', () => {
    const cw: Polygon = { type: 'Polygon', coordinates: [[[-71.2, 42.3], [-71.2, 42.4], [-71.1, 42.4], [-71.1, 42.3], [-71.2, 42.3]]] };
    const fc = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { GEOID10: '02138', ALAND10: 1 }, geometry: cw }] };
    expect(parseZctas(JSON.stringify(fc), 'z.geojson', 1)[0]!.geometry.coordinates).toEqual([[[-71.2, 42.3], [-71.1, 42.3], [-71.1, 42.4], [-71.2, 42.4], [-71.2, 42.3]]]);
  });
});
