import { describe, expect, it } from 'vitest';
import type { MeasureTable, PriorityGeographies } from '../api';
import { findMeasure, membershipLabel, placeStyles, priorityMembership, visiblePlaces } from './map-layers';
import { NO_DATA } from '../map/quantile-scale';

// Synthetic three-town table (test fixture, not real data).
const column = (id: string, values: (number | null)[], direction: 'higher_is_worse' | 'higher_is_better' = 'higher_is_worse') => ({ id, kind: 'indicator' as const, label: id, unit: '%', direction, domain: 'd', vintage: 'v', sourceIds: [], ranked: true, contextReason: null, values, percentiles: values, noData: values.map((v) => (v === null ? 'why' : null)) });
const table: MeasureTable = {
  version: 'v',
  level: 'town',
  method: 'm',
  places: ['a', 'b', 'c'].map((id, i) => ({ id, name: id, county: null, population: 1, rank: i + 1, flagCount: i, percentileInterval: null })),
  measures: [column('overall', [90, 50, 10]), column('income', [10, null, 30], 'higher_is_better')],
};
const priority = { features: [{ properties: { id: 'g', name: 'G', status: 'confirmed', members: [{ id: 'c' }] } }] } as unknown as PriorityGeographies;

describe('map layers state', () => {
  it('finds a measure or falls back to the overall index', () => {
    expect(findMeasure(table, 'income').id).toBe('income');
    expect(findMeasure(table, 'domain:nope').id).toBe('overall');
  });

  it('filters by flags and priority membership; no filter means everything', () => {
    const members = priorityMembership(priority);
    expect(members.get('c')?.name).toBe('G');
    const inPriority = (id: string) => members.has(id);
    expect(visiblePlaces(table, { flaggedOnly: false, priorityOnly: false }, inPriority)).toBeNull();
    expect([...visiblePlaces(table, { flaggedOnly: true, priorityOnly: false }, inPriority)!]).toEqual(['b', 'c']);
    expect([...visiblePlaces(table, { flaggedOnly: false, priorityOnly: true }, inPriority)!]).toEqual(['c']);
    expect([...visiblePlaces(table, { flaggedOnly: true, priorityOnly: true }, inPriority)!]).toEqual(['c']);
    // Membership not known yet (ZIP codes before the crosswalk arrives): the priority filter waits.
    expect(visiblePlaces(table, { flaggedOnly: false, priorityOnly: true }, null)).toBeNull();
  });

  it('labels a membership honestly: the announced community by name, a town the rule added as such', () => {
    const members = priorityMembership({ features: [{ properties: { id: 'g', name: 'G', status: 'confirmed', members: [{ id: 'c', role: 'configured' }, { id: 'b', role: 'adjacent' }] } }] } as unknown as PriorityGeographies);
    expect(membershipLabel(members.get('c'))).toBe('G');
    expect(membershipLabel(members.get('b'))).toBe('G (added by the index’s rule)');
    expect(membershipLabel(members.get('a'))).toBeNull();
  });

  it('filters by county once counties are known, together with the other filters', () => {
    const county = new Map([['a', 'Hampden'], ['b', 'Worcester'], ['c', 'Suffolk']]);
    const countyOf = (id: string) => county.get(id) ?? null;
    const none = { flaggedOnly: false, priorityOnly: false };
    expect(visiblePlaces(table, { ...none, counties: [] }, null, countyOf)).toBeNull();
    expect([...visiblePlaces(table, { ...none, counties: ['Hampden', 'Worcester'] }, null, countyOf)!]).toEqual(['a', 'b']);
    expect([...visiblePlaces(table, { ...none, flaggedOnly: true, counties: ['Hampden', 'Worcester'] }, null, countyOf)!]).toEqual(['b']);
    // Counties not known yet (ZIP codes before the crosswalk arrives): the county filter waits.
    expect(visiblePlaces(table, { ...none, counties: ['Hampden'] }, null, null)).toBeNull();
  });

  it('styles each place: class, dimmed when filtered out', () => {
    const { ids, styles } = placeStyles(table, findMeasure(table, 'income'), new Set(['a']));
    expect(ids).toEqual(['a', 'b', 'c']);
    expect(styles[1]).toEqual({ cls: NO_DATA, dim: true });
    expect(styles[0]!.dim).toBe(false);
    // Lower income is more disadvantaged: darker class than the higher income.
    expect(styles[0]!.cls).toBeGreaterThan(styles[2]!.cls);
  });
});
