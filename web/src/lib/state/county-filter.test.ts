import { describe, expect, it } from 'vitest';
import type { CrosswalkRow, MeasureTable } from '../api';
import { countiesOf, countyPhrase, inCounties, townCounties, zipCounties } from './county-filter';

// Synthetic towns, counties and crosswalk rows (not real data).
const table = {
  places: [
    { id: 't1', county: 'Worcester' },
    { id: 't2', county: 'Hampden' },
    { id: 't3', county: 'Hampden' },
    { id: 't4', county: null },
  ],
} as unknown as MeasureTable;
const row = (zcta: string, town: string, frac: number): CrosswalkRow => ({ zcta, town_geoid: town, frac_of_zcta: frac, frac_of_town: 0 });

describe('county filter', () => {
  it('lists the counties once, sorted', () => {
    expect(countiesOf(table)).toEqual(['Hampden', 'Worcester']);
    expect(countiesOf(null)).toEqual([]);
  });

  it('gives a ZIP code the county where most of its residents live, summed over its towns', () => {
    const counties = townCounties(table);
    // 40 % in a Worcester town, 30 % + 30 % in two Hampden towns: Hampden holds most residents.
    const z = zipCounties([row('z1', 't1', 0.4), row('z1', 't2', 0.3), row('z1', 't3', 0.3), row('z2', 't1', 1), row('z3', 't4', 1)], counties);
    expect(z.get('z1')).toBe('Hampden');
    expect(z.get('z2')).toBe('Worcester');
    expect(z.has('z3')).toBe(false); // a town without a county gives none
    // A tie goes to the county first in the alphabet, so the answer never depends on row order.
    expect(zipCounties([row('z', 't1', 0.5), row('z', 't2', 0.5)], counties).get('z')).toBe('Hampden');
    expect(zipCounties([row('z', 't2', 0.5), row('z', 't1', 0.5)], counties).get('z')).toBe('Hampden');
  });

  it('says the chosen counties in words and keeps every row when none is chosen', () => {
    expect(countyPhrase(['Hampden'])).toBe('Hampden');
    expect(countyPhrase(['Berkshire', 'Hampden', 'Worcester'])).toBe('Berkshire, Hampden and Worcester');
    expect(inCounties([], null)).toBe(true);
    expect(inCounties(['Hampden'], 'Hampden')).toBe(true);
    expect(inCounties(['Hampden'], 'Worcester')).toBe(false);
    expect(inCounties(['Hampden'], null)).toBe(false);
  });
});
