import { describe, expect, it } from 'vitest';
import { indicatorCsv, type CsvIndicatorRow } from './indicator-csv';

// SYNTHETIC rows: invented places and values.
const rows: CsvIndicatorRow[] = [
  { id: 'lbw', label: 'Low birth weight', unit: '% of live births', values: [8.65, null], status: [null, 'Suppressed by MA DPH: 1–4 births.'], stateValue: 7.88, stateValueNote: 'Massachusetts figure published by the source.', sourceIds: ['masschip-2005-2008'], vintage: 'Births 2005–2008' },
];

describe('indicatorCsv', () => {
  it('writes one row per indicator: each place, Massachusetts, basis, plain source name, vintage, then reasons', () => {
    const csv = indicatorCsv('v1', [{ id: 'a', name: 'Alpha' }, { id: 'b', name: 'Beta, Town of' }], rows);
    const [header, row, end] = csv.split('\r\n');
    expect(header).toBe('version,indicator_id,indicator,unit,Alpha (a),"Beta, Town of (b)",Massachusetts,Massachusetts_basis,source,vintage,Alpha: status or no-data reason,"Beta, Town of: status or no-data reason"');
    expect(row).toBe('v1,lbw,Low birth weight,% of live births,8.65,,7.88,Massachusetts figure published by the source.,MA DPH MassCHIP town health (births 2005–2008),Births 2005–2008,,Suppressed by MA DPH: 1–4 births.');
    expect(end).toBe('');
  });
});
