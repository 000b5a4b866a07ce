import { describe, expect, it } from 'vitest';
import type { Smoothing } from '../api';
import { adjustmentText, coverageText, isTopCoded, smoothingText, valueStatus } from './value-status';

// Synthetic smoothing records shaped like method 1.1's (invented values).
const DEATHS: Smoothing = { method: 'empirical-bayes', raw: 594.7, weight: 0.0412, prior: 720.3, priorLabel: 'Massachusetts rate (MassCHIP 2010)', events: 1, exposure: 168, exposureEstimated: false };
const LBW: Smoothing = { method: 'empirical-bayes', raw: 12.2, weight: 0.31, prior: 7.6, priorLabel: 'the state share', events: 3, exposure: 40.6, exposureEstimated: true };

describe('value-status', () => {
  it('names the age adjustment', () => {
    expect(adjustmentText('age-adjusted')).toBe('age-adjusted');
    expect(adjustmentText('crude')).toBe('crude');
    expect(adjustmentText(null)).toBeNull();
    expect(adjustmentText(undefined)).toBeNull();
  });

  it('gives coverage only when less than the whole place is behind the value', () => {
    expect(coverageText(0.93)).toBe('covers 93 % of residents');
    expect(coverageText(0.9949)).toBe('covers 99 % of residents');
    expect(coverageText(0.9995)).toBeNull(); // reads 100 %: noise
    expect(coverageText(0.002)).toBe('covers < 1 % of residents');
    expect(coverageText(1)).toBeNull();
    expect(coverageText(null)).toBeNull();
    expect(coverageText(undefined)).toBeNull();
  });

  it('explains smoothing with the source value, events and weight', () => {
    expect(smoothingText(DEATHS, 'deaths per 100,000 (age-adjusted, 2000 US standard)')).toBe(
      'smoothed toward the Massachusetts rate (MassCHIP 2010) of 720: source value 595 from 1 death, weight 0.04',
    );
    expect(smoothingText({ ...DEATHS, events: 12 }, 'deaths per 1,000 live births')).toContain('from 12 deaths,');
    expect(smoothingText({ ...DEATHS, events: 2 }, 'discharges per 100,000 (age-adjusted)')).toContain('from 2 discharges,');
    expect(smoothingText(LBW, '% of live births')).toBe('smoothed toward the state share of 7.6 %: source value 12.2 % from 3 of about 41 births, weight 0.31');
    expect(smoothingText({ ...LBW, events: null }, '% of live births')).toBe('smoothed toward the state share of 7.6 %: source value 12.2 %, weight 0.31');
    expect(smoothingText({ ...DEATHS, weight: 0.001 }, 'deaths per 100,000')).toMatch(/weight < 0\.01$/);
    expect(smoothingText(null, 'deaths per 100,000')).toBeNull();
  });

  it('lists every status of a value in reading order', () => {
    const lines = valueStatus({
      id: 'cvd_death_rate',
      value: 702.1,
      unit: 'deaths per 100,000',
      adjustment: 'age-adjusted',
      coverage: 0.93,
      smoothing: DEATHS,
      notes: ['Suppressed years filled from 2005–2008.', ' '],
    });
    expect(lines.map((l) => l.kind)).toEqual(['adjustment', 'coverage', 'smoothing', 'note']);
    expect(lines.map((l) => l.text)).toEqual([
      'age-adjusted',
      'covers 93 % of residents',
      'smoothed toward the Massachusetts rate (MassCHIP 2010) of 720: source value 595 from 1 death, weight 0.04',
      'Suppressed years filled from 2005–2008.',
    ]);
  });

  it('gives nothing for a method 1.0 value (no quality fields), and only the notes without a value', () => {
    expect(valueStatus({ value: 29.9, unit: '% of adults' })).toEqual([]);
    expect(valueStatus({ value: null, unit: '% of adults', coverage: 0.2, smoothing: DEATHS, adjustment: 'crude', notes: ['Fewer than 5 births.'] })).toEqual([{ kind: 'note', text: 'Fewer than 5 births.' }]);
  });

  it('recognises a top code', () => {
    expect(isTopCoded({ id: 'median_household_income', value: 250001 })).toBe(true);
    expect(isTopCoded({ value: 250001, notes: ['top-coded: the source prints 250,001 for “$250,000 or more”'] })).toBe(true);
    expect(isTopCoded({ id: 'median_household_income', value: 98000 })).toBe(false);
  });
});
