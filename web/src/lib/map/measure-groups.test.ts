import { afterAll, describe, expect, it } from 'vitest';
import type { MeasureColumn } from '../api';
import { setLocale } from '../../paraglide/runtime.js';
import { measureGroups } from './measure-groups';

afterAll(() => setLocale('en', { reload: false }));

// Synthetic columns (test fixture): registry ids and labels as data/indicators.json has them, no values.
const col = (id: string, kind: MeasureColumn['kind'], label: string, domain: string | null): MeasureColumn =>
  ({ id, kind, label, domain, unit: '', direction: 'higher_is_worse', vintage: '', sourceIds: [], ranked: true, contextReason: null, values: [], percentiles: [], noData: [] }) as unknown as MeasureColumn;
const measures = [
  col('overall', 'overall', 'Massachusetts Health Equity Index (overall)', null),
  col('domain:cardiometabolic', 'domain', 'Cardiometabolic health', 'cardiometabolic'),
  col('domain:social_drivers', 'domain', 'Social drivers', 'social_drivers'),
  col('obesity', 'indicator', 'Adult obesity (crude)', 'cardiometabolic'),
  col('poverty', 'indicator', 'Poverty', 'social_drivers'),
  col('smoking', 'indicator', 'Current smoking (crude)', 'cardiometabolic'),
];

describe('measureGroups', () => {
  it('puts the index and domains first, then each domain’s indicators in the table’s order', () => {
    const groups = measureGroups(measures);
    expect(groups.map((g) => g.items.map((c) => c.id))).toEqual([
      ['overall', 'domain:cardiometabolic', 'domain:social_drivers'],
      ['obesity', 'smoking'],
      ['poverty'],
    ]);
    expect(groups[1]!.label).toContain('Cardiometabolic');
  });

  it('names the domains in the UI’s language', () => {
    setLocale('es', { reload: false });
    const labels = measureGroups(measures).map((g) => g.label);
    expect(labels[1]).toContain('Salud cardiometabólica');
    expect(labels[2]).toContain('Determinantes sociales');
  });

  it('has only the index group before the table has loaded', () => {
    expect(measureGroups([]).map((g) => g.items)).toEqual([[]]);
  });
});
