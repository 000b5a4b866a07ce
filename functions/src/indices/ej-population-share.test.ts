import { describe, expect, it } from 'vitest';
import { recoverPopulation } from './ej-population-share.js';

// Synthetic block groups (labelled as such): round numbers make the arithmetic checkable by hand.
describe('recoverPopulation', () => {
  it('divides the minority count by the minority share', () => {
    expect(recoverPopulation({ minorityCount: 250, minorityPercent: 25 })).toBe(1000);
  });
  it('is unknown (null) when the share is zero or missing, never zero', () => {
    expect(recoverPopulation({ minorityCount: 0, minorityPercent: 0 })).toBeNull();
    expect(recoverPopulation({ minorityCount: 0, minorityPercent: null })).toBeNull();
  });
});
