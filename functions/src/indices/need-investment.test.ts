import { describe, expect, it } from 'vitest';
import { needInvestmentRows, type NeedUnit } from './need-investment.js';

// Synthetic towns and grants (labelled synthetic).
const unit = (id: string, percentile: number | null, population = 1000, members = [id]): NeedUnit => ({ id, name: id, members, population, percentile, rank: percentile === null ? null : 100 - percentile, flagCount: 2 });

describe('needInvestmentRows', () => {
  const grants = [
    { id: 'g1', amountUsd: 900_000, durationYears: 3, municipalities: ['A', 'B', 'C'] }, // 300k each, 100k/year each
    { id: 'g2', amountUsd: null, durationYears: null, municipalities: ['B'] }, // amount not published
    { id: 'g3', amountUsd: 50_000, durationYears: null, municipalities: ['A'] }, // no duration: not annualised
  ];

  it('splits multi-town grants equally, annualises by duration and keeps unpublished amounts out of the dollars', () => {
    const rows = needInvestmentRows([unit('A', 95), unit('B', 85, 2000), unit('D', 90), unit('E', 50)], grants);
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get('A')).toMatchObject({ grant_count: 2, total_announced_usd: 350_000, usd_per_resident_per_year: 100, usd_not_annualized: 50_000, grants_without_amount: 0, high_need: true, high_need_no_investment: false });
    expect(byId.get('B')).toMatchObject({ grant_count: 2, grants_without_amount: 1, total_announced_usd: 300_000, usd_per_resident_per_year: 50 });
    expect(byId.get('D')).toMatchObject({ grant_count: 0, total_announced_usd: 0, usd_per_resident_per_year: 0, high_need: true, high_need_no_investment: true });
    expect(byId.get('E')).toMatchObject({ high_need: false, high_need_no_investment: false });
    expect(rows.map((r) => r.id)).toEqual(['A', 'D', 'B', 'E']); // by rank (most disadvantaged first)
  });

  it('counts a grant once for a geography and sums its member shares', () => {
    const [g] = needInvestmentRows([unit('G', 88, 3000, ['A', 'B'])], grants);
    expect(g).toMatchObject({ grant_count: 3, total_announced_usd: 650_000, grants_without_amount: 1 });
    expect(g!.usd_per_resident_per_year).toBeCloseTo(200_000 / 3000, 2);
  });

  it('leaves the share of a non-municipal place (Devens) with no town', () => {
    const [r] = needInvestmentRows([unit('A', 95)], [{ id: 'g', amountUsd: 300_000, durationYears: 3, municipalities: ['A', 'B'], unmappedPlaceCount: 1 }]);
    expect(r).toMatchObject({ total_announced_usd: 100_000, usd_per_resident_per_year: 33.33 });
  });

  it('carries the county through (null when the unit has none)', () => {
    const [withCounty, without] = needInvestmentRows([{ ...unit('A', 95), county: 'Hampden' }, unit('B', 50)], []);
    expect(withCounty!.county).toBe('Hampden');
    expect(without!.county).toBeNull();
  });

  it('has no per-resident figure without a population and no high need without a percentile', () => {
    const [r] = needInvestmentRows([{ ...unit('X', null), population: null }], grants);
    expect(r).toMatchObject({ usd_per_resident_per_year: null, high_need: false, high_need_no_investment: false });
  });
});

describe('amountYears', () => {
  it('annualises the published first year of a multi-year grant over one year, not the grant (Chicopee: $1.80, not $0.90, per resident per year)', async () => {
    const { amountYears } = await import('../sources/ahem-investments.js');
    // amount_note of the BCBSMA Foundation grant to Chicopee in ahem/investments.csv.
    expect(amountYears('year 1 of a 2-year Strategic Health Equity Grant; year-2 amount not stated', 2)).toBe(1);
    expect(amountYears('over 5 years', 5)).toBe(5);
    expect(amountYears('amount not published', null)).toBeNull();
    const [row] = needInvestmentRows([{ id: 'c', name: 'Chicopee', members: ['c'], population: 55_560, percentile: 90, rank: 1, flagCount: 0 }], [{ id: 'g', amountUsd: 100_000, durationYears: 1, municipalities: ['c'] }]);
    expect(row!.usd_per_resident_per_year).toBe(1.8);
  });
});
