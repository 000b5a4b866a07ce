import { describe, expect, it } from 'vitest';
import { formatShare, formatValue, topCodeFloor } from './format';

const INCOME = 'US dollars (2023)';
const TOP_NOTE = 'top-coded: the source prints 250,001 for “$250,000 or more”';

describe('formatValue', () => {
  it('formats a value in its unit', () => {
    expect(formatValue(29.93, '% of adults')).toBe('29.9 %');
    expect(formatValue(52310.4, INCOME)).toBe('$52,310');
    expect(formatValue(3.21, 'km')).toBe('3.2 km');
    expect(formatValue(452.4, 'deaths per 100,000')).toBe('452');
    expect(formatValue(null, INCOME)).toBe('no data');
  });

  it('never shows top-coded income as an exact figure: by indicator id or by a note naming the value', () => {
    expect(formatValue(250001, INCOME, { id: 'median_household_income' })).toBe('$250,000 or more');
    expect(formatValue(250001, INCOME, { notes: [TOP_NOTE] })).toBe('$250,000 or more');
    expect(formatValue(250001, INCOME, { notes: ['top-coded (250001 = 250000 or more)'] })).toBe('$250,000 or more');
  });

  it('leaves other values exact: no context, another indicator, another value, a note without "top-coded"', () => {
    expect(formatValue(250001, INCOME)).toBe('$250,001');
    expect(formatValue(250001, INCOME, { id: 'other_dollars' })).toBe('$250,001');
    expect(formatValue(187500, INCOME, { id: 'median_household_income', notes: [TOP_NOTE] })).toBe('$187,500');
    expect(formatValue(250001, INCOME, { notes: ['the source prints 250,001'] })).toBe('$250,001');
  });
});

describe('topCodeFloor', () => {
  it('is the lower limit of the open category, or null', () => {
    expect(topCodeFloor(250001, { id: 'median_household_income' })).toBe(250000);
    expect(topCodeFloor(250000, { notes: [TOP_NOTE] })).toBeNull(); // the note's "250,000" is the limit, not this value
    expect(topCodeFloor(25, { notes: [TOP_NOTE] })).toBeNull(); // digits inside another number do not count
    expect(topCodeFloor(250001.5, { notes: [TOP_NOTE] })).toBeNull();
    expect(topCodeFloor(null, { id: 'median_household_income' })).toBeNull();
    expect(topCodeFloor(250001, { notes: null })).toBeNull();
  });
});

describe('formatShare', () => {
  it('rounds to whole percent without a false 0 or 100', () => {
    expect(formatShare(0.93)).toBe('93 %');
    expect(formatShare(0.996)).toBe('> 99 %');
    expect(formatShare(0.004)).toBe('< 1 %');
    expect(formatShare(1)).toBe('100 %');
    expect(formatShare(0)).toBe('0 %');
    expect(formatShare(null)).toBe('unknown');
  });
});
