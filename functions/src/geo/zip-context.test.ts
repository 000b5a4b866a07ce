import { describe, expect, it } from 'vitest';
import { zipContext } from './zip-context.js';

// SYNTHETIC: invented ZIP codes, towns and shares.
const towns = new Map([
  ['t1', { name: 'Alpha', county: 'Essex' }],
  ['t2', { name: 'Beta', county: 'Middlesex' }],
  ['t3', { name: 'Gamma', county: 'Middlesex' }],
]);
const zipRows = [
  { zip: '09902', zcta: '09901', poName: 'Box Office' },
  { zip: '09901', zcta: '09901', poName: 'Alpha' },
  { zip: '09903', zcta: '09903', poName: 'Other' },
];
const crosswalk = [
  { zcta: '09901', town: 't2', fracOfZcta: 0.3, fracOfTown: 0.1 },
  { zcta: '09901', town: 't1', fracOfZcta: 0.45, fracOfTown: 0.9 },
  { zcta: '09901', town: 't3', fracOfZcta: 0.25, fracOfTown: 0.2 },
  { zcta: '09901', town: 't4', fracOfZcta: 0.00004, fracOfTown: 0 }, // a sliver: rounds to 0, not listed
  { zcta: '09903', town: 't1', fracOfZcta: 1, fracOfTown: 0.1 },
];

describe('zipContext', () => {
  it("names the ZIP with the ZCTA's own number as the post office and lists towns by share", () => {
    const z = zipContext('09901', zipRows, crosswalk, towns);
    expect(z.poName).toBe('Alpha');
    expect(z.zips).toEqual(['09901', '09902']);
    expect(z.towns.map((t) => [t.name, t.share])).toEqual([['Alpha', 0.45], ['Beta', 0.3], ['Gamma', 0.25]]);
  });
  it('gives the county holding most residents, summed over its towns (not the largest single town)', () => {
    expect(zipContext('09901', zipRows, crosswalk, towns).county).toBe('Middlesex');
  });
  it('is empty, not invented, for an unknown ZCTA', () => {
    expect(zipContext('09999', zipRows, crosswalk, towns)).toEqual({ poName: null, zips: [], county: null, towns: [] });
  });
});
