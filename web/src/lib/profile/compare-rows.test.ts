import { describe, expect, it } from 'vitest';
import type { MeasureColumn, MeasureTable } from '../api';
import { buildCompareGroups, compareColumns, highestMask } from './compare-rows';

// Synthetic fixture shaped like GET /v1/layers/town (three invented places, invented values).
const col = (m: Partial<MeasureColumn> & Pick<MeasureColumn, 'id' | 'kind' | 'label' | 'values' | 'percentiles'>): MeasureColumn => ({
  unit: 'percentile (0–100)',
  direction: 'higher_is_worse',
  domain: null,
  vintage: 'synthetic',
  sourceIds: [],
  ranked: true,
  contextReason: null,
  noData: m.values.map((v) => (v === null ? 'Suppressed (synthetic).' : null)),
  ...m,
});
const SYNTHETIC: MeasureTable = {
  version: 'synthetic-1',
  level: 'town',
  method: 'synthetic',
  places: [
    { id: 'A', name: 'Aton', county: 'X', population: 1000, rank: 2, flagCount: 1, percentileInterval: [40, 60] },
    { id: 'B', name: 'Bton', county: 'X', population: 5000, rank: 1, flagCount: 4, percentileInterval: [80, 99] },
    { id: 'C', name: 'Cton', county: 'Y', population: null, rank: null, flagCount: 0, percentileInterval: null },
  ],
  measures: [
    col({ id: 'overall', kind: 'overall', label: 'Overall', values: [50, 90, null], percentiles: [50, 90, null] }),
    col({ id: 'domain:d1', kind: 'domain', label: 'Domain one', domain: 'd1', unit: 'domain percentile (0–100)', values: [70, 70, null], percentiles: [70, 70, null] }),
    col({ id: 'income', kind: 'indicator', label: 'Median income', domain: 'd1', unit: 'US dollars (2023)', direction: 'higher_is_better', values: [90000, 40000, null], percentiles: [20, 95, null] }),
    col({ id: 'dist', kind: 'indicator', label: 'Distance', domain: 'd1', unit: 'km', ranked: false, contextReason: 'coverage is partial', values: [3.2, 40.1, 9], percentiles: [null, null, null] }),
  ],
};

describe('highestMask', () => {
  it('marks the largest value, ties included', () => {
    expect(highestMask([1, 3, 3, null])).toEqual([false, true, true, false]);
  });
  it('marks nothing with fewer than two values or all equal', () => {
    expect(highestMask([5, null])).toEqual([false, false]);
    expect(highestMask([2, 2])).toEqual([false, false]);
  });
});

describe('compareColumns', () => {
  it('keeps order, drops duplicates, caps at 4 and flags ids of another level', () => {
    const cols = compareColumns(SYNTHETIC, ['B', 'Z', 'B', 'A', 'C', 'X']);
    expect(cols.map((c) => c.id)).toEqual(['B', 'Z', 'A', 'C']);
    expect(cols[1]).toEqual({ id: 'Z', index: null, row: null });
    expect(cols[0]?.row?.name).toBe('Bton');
  });
});

describe('buildCompareGroups', () => {
  const groups = buildCompareGroups(SYNTHETIC, compareColumns(SYNTHETIC, ['A', 'B', 'C', '01001']));
  const rows = new Map(groups.flatMap((g) => g.rows).map((r) => [r.id, r]));

  it('groups overall, domains, then indicators by domain', () => {
    expect(groups.map((g) => g.label)).toEqual(['Overall', 'Domains', 'Domain one: indicators']);
  });

  it('shows the overall percentile with its interval and marks the highest', () => {
    const r = rows.get('overall')!;
    expect(r.cells.map((c) => c.text)).toEqual(['50', '90', 'no data', 'not at this level']);
    expect(r.cells[1]?.sub).toBe('90 % interval 80–99');
    expect(r.cells.map((c) => c.highest)).toEqual([false, true, false, false]);
    expect(r.cells[2]?.noData).toBe('Suppressed (synthetic).');
    expect(r.cells[3]?.missing).toBe(true);
  });

  it('treats rank 1 as the most disadvantaged and counts ranked places', () => {
    const r = rows.get('rank')!;
    expect(r.unit).toContain('of 2');
    expect(r.cells.map((c) => c.text)).toEqual(['2', '1', 'not ranked', 'not at this level']);
    expect(r.cells.map((c) => c.highest)).toEqual([false, true, false, false]);
  });

  it('never highlights population; highlights most flags', () => {
    expect(rows.get('population')!.cells.some((c) => c.highest)).toBe(false);
    expect(rows.get('population')!.cells[2]?.text).toBe('unknown');
    expect(rows.get('flags')!.cells.map((c) => c.highest)).toEqual([false, true, false, false]);
  });

  it('does not highlight a tie across all values', () => {
    expect(rows.get('domain:d1')!.cells.some((c) => c.highest)).toBe(false);
  });

  it('uses percentiles, not raw values, so higher-is-better indicators highlight the lower value', () => {
    const r = rows.get('income')!;
    expect(r.cells.map((c) => c.text)).toEqual(['$90,000', '$40,000', 'no data', 'not at this level']);
    expect(r.cells[1]).toMatchObject({ highest: true, sub: 'percentile 95' });
    expect(r.unit).toBe('US dollars (2023)');
  });

  it('shows a top-coded median household income as "or more"', () => {
    const income = SYNTHETIC.measures.find((m) => m.id === 'income')!;
    const table: MeasureTable = { ...SYNTHETIC, measures: [{ ...income, id: 'median_household_income', values: [250001, 40000, null] }] };
    const [group] = buildCompareGroups(table, compareColumns(table, ['A', 'B'])).filter((g) => g.label.endsWith('indicators'));
    expect(group?.rows[0]?.cells.map((c) => c.text)).toEqual(['$250,000 or more', '$40,000']);
  });

  it('marks context-only indicators and never highlights them', () => {
    const r = rows.get('dist')!;
    expect(r.note).toContain('context only');
    expect(r.note).toContain('coverage is partial');
    expect(r.cells.some((c) => c.highest)).toBe(false);
    expect(r.cells[0]).toMatchObject({ text: '3.2 km', sub: 'context only' });
  });
});
