import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlaceDetail } from '../api';
import { getLocale, setLocale } from '../../paraglide/runtime.js';
import { profileCsvRows } from './indicator-csv';

// Synthetic place (invented values): the profile CSV's status lines stay English in the Spanish UI.
const place = {
  indicators: {
    diabetes: { label: 'Diagnosed diabetes (age-adjusted)', domain: 'cardiometabolic', unit: '% of adults', direction: 'higher_is_worse', sourceId: 'places-zcta', vintage: 'synthetic', ranked: true, value: 12.5, se: 0.4, percentile: 0.5, flagged: false, derivation: null, noDataReason: null, adjustment: 'age-adjusted', coverage: 0.93, notes: [] },
  },
} as unknown as PlaceDetail['place'];

describe('profile CSV in the Spanish UI', () => {
  beforeAll(() => setLocale('es', { reload: false }));
  afterAll(() => setLocale('en', { reload: false }));

  it('writes the status lines in English and leaves the page in Spanish', () => {
    const [row] = profileCsvRows(place);
    expect(row!.status[0]).toMatch(/age-adjusted/);
    expect(row!.status[0]).toMatch(/93 %/);
    expect(row!.status[0]).not.toMatch(/ajustad|residentes/);
    expect(getLocale()).toBe('es');
  });
});
