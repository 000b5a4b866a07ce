import { describe, expect, it } from 'vitest';
import { formatSviValue } from './svi-format.js';

describe('formatSviValue', () => {
  it('writes values as the CDC files do: trailing zeros dropped, -999 for no data', () => {
    expect([0.0769, 0.412, 0.923, 1, 0, 0.0001, null].map(formatSviValue)).toEqual(['0.0769', '0.412', '0.923', '1', '0', '0.0001', '-999']);
  });
});
