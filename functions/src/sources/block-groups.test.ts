import { describe, expect, it } from 'vitest';
import { parseBlockGroups } from './block-groups.js';
import { fixture, problemsOf } from './source-test-support.js';

// Small real extract: three features of the CB 2022 block-group file (two polygons, one multipolygon).

describe('parseBlockGroups', () => {
  it('reads GEOID, land area and (multi)polygon geometry', () => {
    const bgs = parseBlockGroups(fixture('block-groups-extract.geojson'), 'bg.geojson', 3);
    expect(bgs.map((b) => b.id)).toEqual(['250214172012', '250250403001', '250235001041']);
    expect(bgs[0]!.landAreaM2).toBeGreaterThan(0);
    expect(bgs.map((b) => b.geometry.type)).toEqual(['Polygon', 'Polygon', 'MultiPolygon']);
  });

  it('names the feature and column of a bad GEOID, and a wrong count', () => {
    const text = fixture('block-groups-extract.geojson');
    const first = parseBlockGroups(text, 'bg.geojson', 3)[0]!.id;
    expect(problemsOf(() => parseBlockGroups(text.replace(`"${first}"`, '"25001"'), 'bg.geojson', 3))).toContainEqual(
      expect.objectContaining({ file: 'bg.geojson', row: 1, column: 'properties.GEOID' }),
    );
    expect(problemsOf(() => parseBlockGroups(text, 'bg.geojson', 5109))[0]!.message).toBe('expected 5109 block-group features, found 3');
  });
});
