import { describe, expect, it } from 'vitest';
import { ACS_INCOME_TOP_CODE, COUNT, NON_NEGATIVE, PERCENT, valueProblem } from './value-codes.js';

describe('valueProblem', () => {
  it('accepts values in range', () => {
    expect(valueProblem(0, PERCENT)).toBeNull();
    expect(valueProblem(100, PERCENT)).toBeNull();
    expect(valueProblem(317.5, NON_NEGATIVE)).toBeNull();
    expect(valueProblem(16769, COUNT)).toBeNull();
  });

  it('rejects out-of-range values, saying the range', () => {
    expect(valueProblem(-317.5, PERCENT)).toBe('-317.5 is out of range: expected from 0 to 100');
    expect(valueProblem(100.1, PERCENT)).toMatch(/out of range/);
    expect(valueProblem(-0.5, NON_NEGATIVE)).toBe('-0.5 is out of range: expected ≥ 0');
    expect(valueProblem(2.5, COUNT)).toBe('2.5 is out of range: expected a whole number ≥ 0');
    expect(valueProblem(Number.NaN, NON_NEGATIVE)).toMatch(/finite/);
  });

  it('names sentinel codes instead of reading them as numbers, even where the range would allow them', () => {
    expect(valueProblem(-999, { min: -1e6, max: 1e6 })).toMatch(/-999 is the missing-data code -999/);
    expect(valueProblem(-666666666, { min: -1e9, max: 0 })).toMatch(/ACS code -666666666/);
    expect(valueProblem(ACS_INCOME_TOP_CODE, COUNT)).toMatch(/top-code 250001.*only in a median household income column/);
  });

  it('keeps the one code a column documents', () => {
    expect(valueProblem(ACS_INCOME_TOP_CODE, NON_NEGATIVE, { topCode: ACS_INCOME_TOP_CODE })).toBeNull();
    expect(valueProblem(-666666666, NON_NEGATIVE, { topCode: ACS_INCOME_TOP_CODE })).toMatch(/ACS code/);
  });
});
