import { describe, expect, it } from 'vitest';
import { describeZipPriority, zipPriorities, type GeographyRef } from './zip-priority';

// Synthetic crosswalk rows and geographies (test fixture, not real data).
const nb: GeographyRef = { id: 'nb', name: 'New Bedford', status: 'confirmed' };
const wb: GeographyRef = { id: 'wb', name: 'Webster', status: 'derived' };
const members = new Map([
  ['townA', nb],
  ['townB', nb],
  ['townC', wb],
]);
const row = (zcta: string, town: string, frac: number) => ({ zcta, town_geoid: town, frac_of_zcta: frac, frac_of_town: 0 });

describe('zipPriorities', () => {
  const z = zipPriorities([row('z1', 'townA', 0.5), row('z1', 'townB', 0.3), row('z1', 'other', 0.2), row('z2', 'townC', 0.1), row('z2', 'townA', 0.2), row('z3', 'other', 1)], members);

  it('adds up the shares of a geography’s member towns and keeps the largest geography', () => {
    expect(z.get('z1')!.geography.id).toBe('nb');
    expect(z.get('z1')!.share).toBeCloseTo(0.8);
    expect(z.get('z2')!.geography.id).toBe('nb');
    expect(z.get('z2')!.share).toBeCloseTo(0.2);
    expect(z.has('z3')).toBe(false);
  });

  it('says how many residents live there, and when most live elsewhere', () => {
    expect(describeZipPriority(z.get('z1'))).toMatch(/^80 % of its residents live in municipalities of the priority geography “New Bedford” \(confirmed AHEM community\)\./);
    expect(describeZipPriority(z.get('z2'))).toMatch(/most live elsewhere/);
    expect(describeZipPriority(undefined)).toMatch(/None of its residents/);
  });
});
