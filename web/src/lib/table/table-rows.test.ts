import { describe, expect, it } from 'vitest';
import type { MeasureColumn, MeasureTable } from '../api';
import {
  buildRows,
  csvCell,
  csvFilename,
  disadvantagedFirst,
  sortRows,
  toCsv,
  type Row,
} from './table-rows';

// SYNTHETIC FIXTURES: invented places and values for the tests, not real data.
const column = (over: Partial<MeasureColumn>): MeasureColumn => ({
  id: 'x',
  kind: 'indicator',
  label: 'X',
  unit: '%',
  direction: 'higher_is_worse',
  domain: null,
  vintage: 'synthetic',
  sourceIds: [],
  ranked: true,
  contextReason: null,
  values: [],
  percentiles: [],
  noData: [],
  ...over,
});

const table: MeasureTable = {
  version: 'synthetic-v1',
  level: 'town',
  method: 'synthetic',
  places: [
    { id: 'a', name: 'Alpha', county: 'Essex', population: 1000, rank: 2, flagCount: 3, percentileInterval: null },
    { id: 'b', name: 'beta', county: 'Bristol', population: null, rank: 1, flagCount: 5, percentileInterval: null },
    { id: 'c', name: 'Gamma, Town of', county: 'Essex', population: 50, rank: null, flagCount: 0, percentileInterval: null },
  ],
  measures: [
    column({ id: 'overall', kind: 'overall', unit: 'percentile (0–100)', values: [50, 100, null], percentiles: [50, 100, null], noData: [null, null, 'Too few indicators.'] }),
    column({
      id: 'low_birth_weight',
      label: 'Low birth weight (< 2,500 g)',
      unit: '% of live births',
      values: [7.5, null, -1.25],
      percentiles: [80, null, 0],
      noData: [null, 'Suppressed by the publisher (small numbers).', null],
    }),
    column({ id: 'income', direction: 'higher_is_better', unit: 'US dollars (2023)', values: [1, 2, 3], percentiles: [100, 50, 0], noData: [null, null, null] }),
  ],
};

describe('buildRows (synthetic fixture)', () => {
  it('joins the selected measure with the overall percentile and place facts', () => {
    const rows = buildRows(table, 'low_birth_weight', { priorityOf: (id) => (id === 'b' ? 'Geo B' : null) });
    expect(rows).toEqual<Row[]>([
      { id: 'a', name: 'Alpha', county: 'Essex', population: 1000, rank: 2, flagCount: 3, overall: 50, value: 7.5, valuePercentile: 80, noData: null, priority: null },
      { id: 'b', name: 'beta', county: 'Bristol', population: null, rank: 1, flagCount: 5, overall: 100, value: null, valuePercentile: null, noData: 'Suppressed by the publisher (small numbers).', priority: 'Geo B' },
      { id: 'c', name: 'Gamma, Town of', county: 'Essex', population: 50, rank: null, flagCount: 0, overall: null, value: -1.25, valuePercentile: 0, noData: null, priority: null },
    ]);
  });

  it('keeps only visible places; null visible = all', () => {
    expect(buildRows(table, 'overall', { visible: new Set(['c', 'a']) }).map((r) => r.id)).toEqual(['a', 'c']);
    expect(buildRows(table, 'overall', { visible: null })).toHaveLength(3);
    expect(buildRows(table, 'overall', { visible: new Set() })).toHaveLength(0);
  });

  it('gives a reason instead of failing for an unknown measure', () => {
    const rows = buildRows(table, 'nope', {});
    expect(rows.every((r) => r.value === null && r.noData !== null)).toBe(true);
  });
});

describe('sortRows (synthetic fixture)', () => {
  const rows = buildRows(table, 'low_birth_weight', {});
  it('sorts numbers numerically with nulls last in both directions', () => {
    expect(sortRows(rows, 'value', 'asc').map((r) => r.id)).toEqual(['c', 'a', 'b']);
    expect(sortRows(rows, 'value', 'desc').map((r) => r.id)).toEqual(['a', 'c', 'b']);
    expect(sortRows(rows, 'rank', 'desc').map((r) => r.id)).toEqual(['a', 'b', 'c']);
    expect(sortRows(rows, 'population', 'asc').map((r) => r.id)).toEqual(['c', 'a', 'b']);
  });
  it('compares strings by locale, case-insensitively', () => {
    expect(sortRows(rows, 'name', 'asc').map((r) => r.name)).toEqual(['Alpha', 'beta', 'Gamma, Town of']);
    expect(sortRows(rows, 'name', 'desc').map((r) => r.name)).toEqual(['Gamma, Town of', 'beta', 'Alpha']);
  });
  it('is stable for ties in both directions and does not mutate', () => {
    const before = rows.map((r) => r.id);
    expect(sortRows(rows, 'county', 'asc').map((r) => r.id)).toEqual(['b', 'a', 'c']);
    expect(sortRows(rows, 'county', 'desc').map((r) => r.id)).toEqual(['a', 'c', 'b']);
    expect(rows.map((r) => r.id)).toEqual(before);
  });
  it('orders the most disadvantaged first by direction', () => {
    expect(disadvantagedFirst({ direction: 'higher_is_worse' })).toBe('desc');
    expect(disadvantagedFirst({ direction: 'higher_is_better' })).toBe('asc');
  });
});

describe('CSV (synthetic fixture)', () => {
  const measure = table.measures[1]!;
  const rows = sortRows(buildRows(table, 'low_birth_weight', { priorityOf: (id) => (id === 'a' ? '=HYPERLINK("x")' : null) }), 'value', 'desc');
  const csv = toCsv(rows, { version: table.version, level: 'town', measure });
  const lines = csv.split('\r\n') as [string, string, string, string, string];

  it('starts with a clean header naming the value unit and ends records with CRLF', () => {
    expect(lines[0]).toBe(
      'version,level,id,name,county,population,measure,value (% of live births),value_percentile (0-100),no_data_reason,overall_percentile (0-100),rank,flag_count,priority_geography',
    );
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(lines).toHaveLength(5); // header + 3 rows + trailing empty
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/\n|\r/);
  });

  it('writes rows in the shown order, quotes, blanks missing values, keeps negative numbers, guards formulas', () => {
    expect(lines[1]).toBe(`synthetic-v1,town,a,Alpha,Essex,1000,low_birth_weight,7.5,80,,50,2,3,"'=HYPERLINK(""x"")"`);
    expect(lines[2]).toBe('synthetic-v1,town,c,"Gamma, Town of",Essex,50,low_birth_weight,-1.25,0,,,,0,');
    expect(lines[3]).toBe('synthetic-v1,town,b,beta,Bristol,,low_birth_weight,,,Suppressed by the publisher (small numbers).,100,1,5,');
  });

  it('drops the county column for ZIP codes', () => {
    const [h, first] = toCsv(rows.slice(0, 1), { version: 'v', level: 'zcta', measure }).split('\r\n') as [string, string];
    expect(h.startsWith('version,level,id,name,population,')).toBe(true);
    expect(first.startsWith('v,zcta,a,Alpha,1000,')).toBe(true);
  });

  it('escapes single cells per RFC 4180 and OWASP', () => {
    expect(csvCell('a "b"')).toBe('"a ""b"""');
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-x')).toBe("'-x");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('=1,2')).toBe(`"'=1,2"`);
    expect(csvCell(-3.5)).toBe('-3.5');
    expect(csvCell(null)).toBe('');
    expect(csvCell(Number.NaN)).toBe('');
  });

  it('makes file names safe', () => {
    expect(csvFilename('town', 'domain:maternal_perinatal', 'ma-hei-1.0-2026T05Z-88f5')).toBe('equity-atlas-town-domain-maternal_perinatal-ma-hei-1.0-2026T05Z-88f5.csv');
  });
});

// The need view's helpers and their tests are in need-rows.ts / need-rows.test.ts.

describe('showsOverallColumn (issue 13: the overall index appeared twice)', () => {
  it('is off for the overall index itself and on for domains and indicators', async () => {
    const { showsOverallColumn } = await import('./table-rows');
    expect(showsOverallColumn({ kind: 'overall' })).toBe(false);
    expect(showsOverallColumn({ kind: 'domain' })).toBe(true);
    expect(showsOverallColumn({ kind: 'indicator' })).toBe(true);
  });
});
