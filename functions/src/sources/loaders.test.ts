import { describe, expect, it } from 'vitest';
import { parsePlacesMeasures, type PlacesFileSpec } from './places-measures.js';
import { ZCTA_ID } from './zctas.js';
import { parseEjBlockGroups } from './ej-blockgroups.js';
import { parseTowns, townDisplayName } from './towns.js';
import { fixture, problemsOf } from './source-test-support.js';

// Small real extracts of the staged sources (first rows / three features).
const places = fixture('places-zcta-extract.csv');

const zctaSpec = (expectedCount: number): PlacesFileSpec => ({ idColumn: 'ZCTA5', idPattern: ZCTA_ID, expectedCount, requiredMeasures: ['OBESITY'] });
const parsePlacesZcta = (text: string, file: string, expectedCount: number) => parsePlacesMeasures(text, file, zctaSpec(expectedCount));

describe('parsePlacesMeasures (ZCTA file)', () => {
  it('reads values and confidence intervals', () => {
    const rows = parsePlacesZcta(places, 'places.csv', 5);
    expect(rows[0]).toMatchObject({ id: '01001', population2010: 16769 });
    expect(rows[0]!.measures.OBESITY).toEqual({ value: 27.9, ci95: [27.1, 28.7] });
  });

  it('names file, row and column of a corrupt value', () => {
    const corrupt = places.replace('27.9,"(27.1, 28.7)"', 'n/a,"(27.1, 28.7)"');
    expect(problemsOf(() => parsePlacesZcta(corrupt, 'places.csv', 5))).toEqual([
      expect.objectContaining({ file: 'places.csv', row: 2, column: 'OBESITY_CrudePrev', message: expect.stringMatching(/expected a number, blank or NA.*n\/a/) }),
    ]);
  });

  it('reports a missing column and a wrong row count', () => {
    const noObesity = places.replace('OBESITY_CrudePrev', 'OBESITY_Prev');
    expect(problemsOf(() => parsePlacesZcta(noObesity, 'p.csv', 5))[0]).toMatchObject({ row: 1, column: 'OBESITY_CrudePrev' });
    expect(problemsOf(() => parsePlacesZcta(places, 'p.csv', 532))[0]!.message).toBe('expected 532 rows, found 5');
  });

  it('rejects malformed ids and duplicates', () => {
    const bad = places.replace('\n01002,', '\n1002,').replace('\n01003,', '\n01001,');
    const found = problemsOf(() => parsePlacesZcta(bad, 'p.csv', 5));
    expect(found).toContainEqual(expect.objectContaining({ row: 3, column: 'ZCTA5' }));
    expect(found).toContainEqual(expect.objectContaining({ message: expect.stringMatching(/duplicate id "01001"/) }));
  });
});

describe('parseEjBlockGroups', () => {
  it('keeps missing minority share as null, not zero', () => {
    const rows = parseEjBlockGroups(fixture('ej-blockgroups-extract.csv'), 'ej.csv', 3);
    expect(rows[0]).toMatchObject({ id: '250010101001', municipality: 'Provincetown', minorityCount: 105, isEj: false });
    const blank = fixture('ej-blockgroups-extract.csv').replace('105,10.1156069364162', '0,');
    expect(parseEjBlockGroups(blank, 'ej.csv', 3)[0]!.minorityPercent).toBeNull();
  });
});

describe('parseTowns', () => {
  it('reads GEOID, display name, county and population', () => {
    const towns = parseTowns(fixture('towns-extract.geojson'), 'towns.geojson', 3);
    const boston = towns.find((t) => t.id === '2502507000');
    expect(boston).toMatchObject({ name: 'Boston', county: 'Suffolk', population2020: 675647 });
    expect(towns.map((t) => t.name)).toContain('Manchester-by-the-Sea');
  });

  it('names the feature of a bad GEOID', () => {
    const bad = fixture('towns-extract.geojson').replace('"2502507000"', '"25025"');
    expect(problemsOf(() => parseTowns(bad, 'towns.geojson', 3))).toContainEqual(expect.objectContaining({ file: 'towns.geojson', column: 'properties.GEOID20' }));
  });
});

describe('townDisplayName', () => {
  it.each([
    ['WEST SPRINGFIELD', 'West Springfield'],
    ['MANCHESTER-BY-THE-SEA', 'Manchester-by-the-Sea'],
    ['BOSTON', 'Boston'],
  ])('%s → %s', (upper, name) => expect(townDisplayName(upper)).toBe(name));
});
