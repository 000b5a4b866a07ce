import { describe, expect, it } from 'vitest';
import type { PlaceDetail } from '../api';
import { domainLabel, domainViews, formatMoe, intervalBox, percent01 } from './profile-view';

// Synthetic fixture shaped like GET /v1/places/town/{id} (invented values).
const SYNTHETIC_PLACE: PlaceDetail['place'] = {
  level: 'town',
  id: 'T1',
  name: 'Synthton',
  county: 'Nowhere',
  population: 1234,
  score: 0.8,
  percentile: 91.2,
  percentileInterval: [85.1, 95.3],
  rank: 31,
  rankInterval: [17, 52],
  noDataReason: null,
  flagCount: 1,
  domains: {
    cardiometabolic: { score: 0.8, percentile: 0.9169, indicatorsWithData: 1, indicatorsAvailable: 1, noDataReason: null },
    access_to_care: { score: null, percentile: null, indicatorsWithData: 0, indicatorsAvailable: 1, noDataReason: 'No ranked indicator with data (synthetic).' },
  },
  indicators: {
    obesity: { label: 'Adult obesity', domain: 'cardiometabolic', unit: '% of adults', direction: 'higher_is_worse', sourceId: 'src-a', vintage: 'V1', ranked: true, value: 29.93, se: 0.108, percentile: 0.9169, flagged: true, derivation: 'synthetic', noDataReason: null },
    distance: { label: 'Distance', domain: 'access_to_care', unit: 'km', direction: 'higher_is_worse', sourceId: 'src-b', vintage: 'V2', ranked: false, value: 31.03, se: null, percentile: null, flagged: false, derivation: null, noDataReason: null },
    uninsured: { label: 'Uninsured', domain: 'access_to_care', unit: '% of adults 18–64', direction: 'higher_is_worse', sourceId: 'src-c', vintage: 'V3', ranked: true, value: null, se: null, percentile: null, flagged: false, derivation: null, noDataReason: 'Suppressed (synthetic).' },
  },
};

describe('profile-view', () => {
  it('labels domains', () => {
    expect(domainLabel('maternal_perinatal')).toBe('Maternal and perinatal health');
    expect(domainLabel('new_domain')).toBe('New domain');
  });

  it('formats the 90 % margin of error as 1.645 × se with the unit', () => {
    expect(formatMoe(0.108, '% of adults')).toBe('± 0.2 %');
    expect(formatMoe(1564.13, 'US dollars (2023)')).toBe('± $2,573');
    expect(formatMoe(13.3, 'deaths per 100,000')).toBe('± 21.9');
    expect(formatMoe(0.01, '% of adults')).toBe('± < 0.1 %');
    expect(formatMoe(null, 'km')).toBe('');
  });

  it('turns 0–1 percentiles into 0–100 text', () => {
    expect(percent01(0.9169)).toBe('91.7');
    expect(percent01(null)).toBe('no data');
  });

  it('groups indicators under their domains with display text', () => {
    const views = domainViews(SYNTHETIC_PLACE);
    expect(views.map((d) => d.id)).toEqual(['cardiometabolic', 'access_to_care']);
    expect(views[0]?.percentile).toBe(91.7);
    expect(views[0]?.indicators[0]).toMatchObject({ id: 'obesity', valueText: '29.9 %', moeText: '± 0.2 %', percentileText: '91.7', flagged: true });
    expect(views[1]?.percentile).toBeNull();
    expect(views[1]?.detail?.noDataReason).toContain('No ranked indicator');
    const [distance, uninsured] = views[1]?.indicators ?? [];
    expect(distance).toMatchObject({ valueText: '31 km', percentileText: 'not ranked', ranked: false });
    expect(uninsured).toMatchObject({ valueText: 'no data', moeText: '', noDataReason: 'Suppressed (synthetic).' });
  });

  it('carries no status for method 1.0 values', () => {
    expect(domainViews(SYNTHETIC_PLACE).flatMap((d) => d.indicators.map((i) => i.status))).toEqual([[], [], []]);
  });

  it('shows method 1.1 status lines and a top-coded income as "or more" without a margin of error', () => {
    const place: PlaceDetail['place'] = {
      ...SYNTHETIC_PLACE,
      indicators: {
        obesity: { ...SYNTHETIC_PLACE.indicators.obesity!, adjustment: 'crude', coverage: 0.93 },
        median_household_income: {
          label: 'Median household income', domain: 'social_drivers', unit: 'US dollars (2023)', direction: 'higher_is_better', sourceId: 'src-d', vintage: 'V4', ranked: true,
          value: 250001, se: 0, percentile: 0, flagged: false, derivation: null, noDataReason: null, notes: ['top-coded: the source prints 250,001 for “$250,000 or more”'],
        },
      },
    };
    const [obesity, income] = domainViews(place).flatMap((d) => d.indicators);
    expect(obesity?.status.map((l) => l.text)).toEqual(['crude', 'covers 93 % of residents']);
    expect(income).toMatchObject({ valueText: '$250,000 or more', moeText: '' });
    expect(income?.status).toEqual([{ kind: 'note', text: 'top-coded: the source prints 250,001 for “$250,000 or more”' }]);
  });

  it('boxes the interval on a 0–100 track', () => {
    expect(intervalBox([85.1, 95.3])).toEqual({ left: 85.1, width: expect.closeTo(10.2, 5) });
    expect(intervalBox([99.14, 99.14])).toEqual({ left: 99, width: 1 });
    expect(intervalBox(null)).toBeNull();
  });
});
