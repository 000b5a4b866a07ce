import { describe, expect, it } from 'vitest';
import { parseSviCounty } from './svi-county.js';
import { problemsOf } from './source-test-support.js';

// Synthetic CSVs in the CDC/ATSDR SVI layout (BOM, extra columns, -999 for no data).
const BOM = '\uFEFF';
const csv = (...lines: string[]) => BOM + lines.join('\r\n') + '\r\n';
const good = csv('ST,FIPS,E_TOTPOP,EP_POV,EP_PCI,EPL_POV', '25,25007,17313,8,43822,0.3077', '25,25001,0,-999,42578,-999');

describe('parseSviCounty', () => {
  it('reads FIPS, E_TOTPOP and the EP_* columns asked for, past a BOM; -999 becomes null', () => {
    expect(parseSviCounty(good, 'svi.csv', ['POV', 'PCI'])).toEqual([
      { fips: '25007', population: 17313, values: { POV: 8, PCI: 43822 } },
      { fips: '25001', population: 0, values: { POV: null, PCI: 42578 } },
    ]);
  });

  it('names file, row 1 and the column for each missing column', () => {
    expect(problemsOf(() => parseSviCounty(good, 'svi.csv', ['POV', 'UNEMP', 'PCI']))).toEqual([
      { file: 'svi.csv', row: 1, column: 'EP_UNEMP', message: 'required column is missing from the header' },
    ]);
  });

  it('names file, row and column of a value that is not a number', () => {
    const bad = good.replace('43822', 'n/a');
    expect(problemsOf(() => parseSviCounty(bad, 'svi.csv', ['POV', 'PCI']))).toEqual([
      expect.objectContaining({ file: 'svi.csv', row: 2, column: 'EP_PCI', message: expect.stringMatching(/expected a number.*n\/a/) }),
    ]);
  });

  it('reports a repeated FIPS', () => {
    const twice = good.replace('25,25001,', '25,25007,');
    expect(problemsOf(() => parseSviCounty(twice, 'svi.csv', ['POV']))).toEqual([
      expect.objectContaining({ row: 3, column: 'FIPS', message: expect.stringMatching(/duplicate id "25007"/) }),
    ]);
  });
});
