import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeasureColumn, MeasureTable } from '../api';
import { setLocale } from '../../paraglide/runtime.js';
import { buildCompareGroups, compareColumns } from '../profile/compare-rows';
import { compareCsvRows, indicatorCsv } from '../export/indicator-csv';
import { sourceName, sourceNameIn } from '../export/source-names';
import { needDefinition, unpublishedNote } from './need-rows';
import { NO_REASON, buildRows, noDataText, sortRows, toCsv } from './table-rows';

// The comparison, table and need view with ?lang=es (issue 16): screen text in Spanish, CSVs in English.
beforeAll(() => setLocale('es', { reload: false }));
afterAll(() => setLocale('en', { reload: false }));

// Synthetic fixture (invented places and values).
const col = (m: Partial<MeasureColumn> & Pick<MeasureColumn, 'id' | 'kind' | 'label' | 'values' | 'percentiles'>): MeasureColumn => ({
  unit: 'percentile (0–100)',
  direction: 'higher_is_worse',
  domain: null,
  vintage: 'synthetic',
  sourceIds: ['places-zcta'],
  ranked: true,
  contextReason: null,
  noData: m.values.map(() => null),
  ...m,
});
const TABLE: MeasureTable = {
  version: 'synthetic-1',
  level: 'town',
  method: 'synthetic',
  places: [
    { id: 'A', name: 'Álamo', county: 'X', population: 1000, rank: 2, flagCount: 1, percentileInterval: [40, 60] },
    { id: 'B', name: 'Zeta', county: 'X', population: 5000, rank: 1, flagCount: 4, percentileInterval: [80, 99] },
    { id: 'C', name: 'Beta', county: 'Y', population: null, rank: null, flagCount: 0, percentileInterval: null },
  ],
  measures: [
    col({ id: 'overall', kind: 'overall', label: 'Overall', values: [50, 90, null], percentiles: [50, 90, null] }),
    col({ id: 'income', kind: 'indicator', label: 'Median income', domain: 'd1', unit: 'US dollars (2023)', values: [90000, null, null], percentiles: [20, null, null] }),
  ],
};

describe('comparison, table and need view in Spanish', () => {
  it('labels the comparison rows and groups in Spanish', () => {
    const cols = compareColumns(TABLE, ['A', 'B', 'Q']);
    const groups = buildCompareGroups(TABLE, cols);
    expect(groups[0]!.label).toBe('General');
    expect(groups[0]!.rows.map((r) => r.label)).toEqual(['Percentil general', 'Puesto', 'Población', 'Indicadores señalados']);
    expect(groups[0]!.rows[1]!.unit).toBe('1 = el más desfavorecido, de 2');
    expect(groups[0]!.rows[0]!.cells[0]!.sub).toMatch(/^intervalo del 90 % /);
    expect(groups[0]!.rows[0]!.cells[2]!.text).toBe('no existe en este nivel');
    expect(groups.at(-1)!.label).toBe('d1: indicadores');
    expect(groups.at(-1)!.rows[0]!.cells[1]!.noData).toBe('Sin datos.');
  });

  it('keeps the CSV in English (headers, reasons and source names)', () => {
    const cols = compareColumns(TABLE, ['A', 'Q']);
    const csv = indicatorCsv(TABLE.version, cols.map((c) => ({ id: c.id, name: c.row?.name ?? c.id })), compareCsvRows(TABLE, cols));
    expect(csv).toContain('not at this level');
    expect(csv).toContain('CDC PLACES 2022 (ZIP code areas)');
    expect(csv).not.toMatch(/nivel|código/);
    const rows = buildRows(TABLE, 'income');
    expect(toCsv(rows, { version: 'v', level: 'town', measure: TABLE.measures[1]! })).toContain(NO_REASON);
  });

  it('shows no-data reasons, source names and need-view sentences in Spanish', () => {
    expect(noDataText(NO_REASON)).toBe('No se ha publicado ningún valor para este lugar.');
    expect(noDataText('Measure foo is not published for this level.')).toBe('La medida foo no se publica para este nivel.');
    expect(sourceName('places-zcta')).toBe('CDC PLACES 2022 (áreas de código postal)');
    expect(sourceNameIn('places-zcta', 'en')).toBe('CDC PLACES 2022 (ZIP code areas)');
    expect(sourceName('unknown-id')).toBe('unknown-id');
    expect(needDefinition(80)).toMatch(/percentil en el índice general es 80 o más/);
    expect(unpublishedNote(1)).toBe('+ 1 subvención sin importe publicado');
    expect(unpublishedNote(3)).toBe('+ 3 subvenciones sin importe publicado');
  });

  it('sorts names by Spanish rules (accents do not push a name to the end)', () => {
    const sorted = sortRows(buildRows(TABLE, 'overall'), 'name', 'asc').map((r) => r.name);
    expect(sorted).toEqual(['Álamo', 'Beta', 'Zeta']);
  });
});
