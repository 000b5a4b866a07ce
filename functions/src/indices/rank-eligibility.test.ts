import { describe, expect, it } from 'vitest';
import { unrankedPlaces } from './rank-eligibility.js';

describe('unrankedPlaces', () => {
  // Census 2020 counts of three towns (MassGIS): Gosnold 70, Alford 486, Boston 675,647.
  const towns = new Map<string, number | null>([['2500726325', 70], ['2500300975', 486], ['2502507000', 675_647]]);

  it('leaves out places below the minimum, with their count in the reason', () => {
    const out = unrankedPlaces(towns, 500, 'Census 2020');
    expect([...out.keys()]).toEqual(['2500726325', '2500300975']);
    expect(out.get('2500726325')).toMatch(/^70 residents \(Census 2020\); places need at least 500/);
  });

  it('does not rank a place without a population count', () => {
    expect(unrankedPlaces(new Map([['02651', null]]), 500, 'ACS 2017–2021').get('02651')).toMatch(/no ACS 2017–2021 population count/);
  });

  it('ranks everything when the method sets no minimum (1.0)', () => {
    expect(unrankedPlaces(towns, 0, 'Census 2020').size).toBe(0);
  });
});
