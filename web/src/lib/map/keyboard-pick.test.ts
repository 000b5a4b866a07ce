import { describe, expect, it } from 'vitest';
import type { MeasureTable } from '../api';
import { placeSummary } from './keyboard-pick';

// Synthetic two-town table (test fixture, not real data).
const column = (id: string, kind: 'overall' | 'indicator', values: (number | null)[]) => ({ id, kind, label: id === 'overall' ? 'Overall index' : 'Uninsured', unit: '%', direction: 'higher_is_worse' as const, domain: 'd', vintage: 'v', sourceIds: [], ranked: true, contextReason: null, values, percentiles: values.map((v) => (v === null ? null : 40)), noData: values.map((v) => (v === null ? 'Suppressed by the publisher.' : null)) });
const table: MeasureTable = {
  version: 'v',
  level: 'town',
  method: 'm',
  places: ['a', 'b'].map((id) => ({ id, name: id === 'a' ? 'Ashby' : 'Boston', county: null, population: 1, rank: 1, flagCount: 0, percentileInterval: null })),
  measures: [column('overall', 'overall', [12.5, 3]), column('synthetic_uninsured', 'indicator', [4.25, null])],
};

describe('keyboard pick announcement', () => {
  it('names the place with the current measure, its percentile for an indicator', () => {
    expect(placeSummary(table, table.measures[0]!, 'a')).toEqual({ name: 'Ashby', detail: 'Overall index: 12.5 %' });
    expect(placeSummary(table, table.measures[1]!, 'a')).toEqual({ name: 'Ashby', detail: 'Uninsured: 4.3 % (percentile 40)' });
  });

  it('says "no data" and why, never a number, and nothing for an unknown place', () => {
    expect(placeSummary(table, table.measures[1]!, 'b')).toEqual({ name: 'Boston', detail: 'Uninsured: no data. Suppressed by the publisher.' });
    expect(placeSummary(table, table.measures[1]!, 'zz')).toBeNull();
  });
});
