import { describe, expect, it } from 'vitest';
import { ejPopulationShareByMunicipality, recoverPopulation } from './ej-population-share.js';

// Synthetic block groups (labelled as such): round numbers make the arithmetic checkable by hand.
const bg = (municipality: string | null, minorityCount: number, minorityPercent: number | null, isEj: boolean) => ({ municipality, minorityCount, minorityPercent, isEj });

describe('recoverPopulation', () => {
  it('divides the minority count by the minority share', () => {
    expect(recoverPopulation(bg('A', 250, 25, true))).toBe(1000);
  });
  it('is unknown (null) when the share is zero or missing, never zero', () => {
    expect(recoverPopulation(bg('A', 0, 0, false))).toBeNull();
    expect(recoverPopulation(bg('A', 0, null, false))).toBeNull();
  });
});

describe('ejPopulationShareByMunicipality', () => {
  it('weights by recovered population and reports unknown block groups as coverage', () => {
    const shares = ejPopulationShareByMunicipality(
      [bg('Alpha', 300, 50, true), bg('ALPHA', 100, 10, false), bg('Alpha', 0, 0, true), bg('Beta', 0, 0, false), bg(null, 5, 5, true)],
      (name) => name.toUpperCase(),
    );
    expect(shares.get('ALPHA')).toEqual({ share: 600 / 1600, ejPopulation: 600, knownPopulation: 1600, blockGroups: 3, blockGroupsUnknownPopulation: 1 });
    expect(shares.get('BETA')).toMatchObject({ share: null, blockGroups: 1, blockGroupsUnknownPopulation: 1 });
    expect(shares.size).toBe(2); // the water-only block group (no municipality) is ignored
  });
});
