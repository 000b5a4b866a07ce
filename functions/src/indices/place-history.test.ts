import { describe, expect, it } from 'vitest';
import type { PlaceRecord } from './place-record.js';
import { historyEntry } from './place-history.js';

const v = { version: 'ma-hei-1.0-x', methodId: 'ma-hei-1.0', createdAt: '2026-01-01T00:00:00.000Z', asOf: null };
const domain = (percentile: number) => ({ score: percentile, percentile, indicatorsWithData: 3, indicatorsAvailable: 3, noDataReason: null });
const record = {
  id: '2500100060', name: 'Abington', score: 0.41, percentile: 38.3, percentileInterval: [30, 45], rank: 217, rankInterval: [190, 240], noDataReason: null,
  domains: { cardiometabolic: domain(0.1), maternal_perinatal: domain(0.2), social_drivers: domain(0.3), access_to_care: domain(0.4) },
} as unknown as PlaceRecord;

describe('historyEntry', () => {
  it('carries the stored overall and domain numbers with the version, method and date; a 1.0 record is ranked', () => {
    const e = historyEntry(v, 'other', record, 'town');
    expect(e).toMatchObject({ version: v.version, method: 'ma-hei-1.0', createdAt: v.createdAt, asOf: null, current: false, present: true, name: 'Abington', percentile: 38.3, rank: 217, ranked: true });
    expect(e.domains!.social_drivers).toEqual({ score: 0.3, percentile: 0.3 });
  });

  it('says the place was not in a version instead of inventing numbers', () => {
    const e = historyEntry(v, v.version, null, 'municipality with id "x"');
    expect(e).toMatchObject({ current: true, present: false, name: null, score: null, percentile: null, rank: null, ranked: null, domains: null, noDataReason: 'No municipality with id "x" in this version.' });
  });

  it('keeps an unranked place unranked', () => {
    expect(historyEntry(v, null, { ...record, ranked: false, rank: null }, 'town')).toMatchObject({ ranked: false, rank: null, present: true });
  });
});
