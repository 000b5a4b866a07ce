import { describe, expect, it } from 'vitest';
import { townRecords, zctaRecords } from './first-index.js';

// Synthetic inputs (labelled): three towns, one without any block group.
const towns = [
  { id: '2500000001', name: 'Alpha', county: 'Essex', population2020: 1000 },
  { id: '2500000002', name: 'Beta', county: 'Essex', population2020: 2000 },
  { id: '2500000003', name: 'Gamma', county: 'Essex', population2020: 50 },
];
const bgs = [
  { municipality: 'Alpha', minorityCount: 500, minorityPercent: 50, isEj: true },
  { municipality: 'Beta', minorityCount: 100, minorityPercent: 10, isEj: false },
];

describe('townRecords', () => {
  it('scores the EJ population share in percent and ranks it', () => {
    const [alpha, beta, gamma] = townRecords(towns, bgs);
    expect(alpha).toMatchObject({ score: 100, percentile: 100, noDataReason: null });
    expect(beta).toMatchObject({ score: 0, percentile: 0 });
    expect(gamma).toMatchObject({ score: null, percentile: null });
    expect(gamma!.noDataReason).toMatch(/No block group/);
  });
});

describe('zctaRecords', () => {
  it('marks ZCTAs without an estimate as no data with the reason', () => {
    const records = zctaRecords(['01001', '01002', '01003'], [
      { zcta: '01001', population2010: 10, value: 30, ci95: [29, 31] },
      { zcta: '01003', population2010: 10, value: 20, ci95: [19, 21] },
    ]);
    expect(records.map((r) => r.percentile)).toEqual([100, null, 0]);
    expect(records[1]!.noDataReason).toMatch(/PLACES/);
    expect(records[0]!.details).toEqual({ ci95: [29, 31] });
  });
});
