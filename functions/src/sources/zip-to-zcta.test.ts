import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { readSource } from './source-manifest.js';
import { parseZipToZcta } from './zip-to-zcta.js';
import { fixture, problemsOf } from './source-test-support.js';

// Small real extract: five UDS Mapper rows, including PO-box ZIPs and Andover's 05501.
const zips = fixture('zip-to-zcta-extract.csv');

describe('parseZipToZcta', () => {
  it('reads ZIP, ZCTA, type and join, including PO-box ZIPs placed by spatial join', () => {
    const rows = parseZipToZcta(zips, 'zip.csv', 5);
    expect(rows[1]).toEqual({ zip: '01004', poName: 'Amherst', zipType: 'Post Office or large volume customer', zcta: '01002', joinType: 'Spatial join to ZCTA' });
    expect(rows.find((r) => r.zip === '05501')!.zcta).toBe('01810');
  });

  it('names file, row and column of a malformed ZIP, ZCTA or state', () => {
    const bad = zips.replace('02108,Boston,MA', '2108,Boston,MA').replace('02109,Boston,MA,Zip Code Area,02109', '02109,Boston,NH,Zip Code Area,2109');
    expect(problemsOf(() => parseZipToZcta(bad, 'zip.csv', 5))).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ file: 'zip.csv', row: 4, column: 'ZIP_CODE', message: expect.stringMatching(/5-digit Massachusetts ZIP.*"2108"/) }),
        expect.objectContaining({ file: 'zip.csv', row: 5, column: 'STATE' }),
        expect.objectContaining({ file: 'zip.csv', row: 5, column: 'ZCTA', message: expect.stringMatching(/"2109"/) }),
      ]),
    );
  });

  it('reports a missing column, a wrong count, a duplicate ZIP and a "matches" row whose ZCTA differs', () => {
    expect(problemsOf(() => parseZipToZcta(zips.replace('ZCTA,', 'ZCTA5,'), 'z.csv', 5))[0]).toMatchObject({ row: 1, column: 'ZCTA' });
    expect(problemsOf(() => parseZipToZcta(zips, 'z.csv', 681))[0]!.message).toBe('expected 681 ZIP rows, found 5');
    const dup = zips.replace('02109,Boston,MA,Zip Code Area,02109', '02108,Boston,MA,Zip Code Area,02108');
    expect(problemsOf(() => parseZipToZcta(dup, 'z.csv', 5))).toContainEqual(expect.objectContaining({ row: 5, column: 'ZIP_CODE', message: expect.stringMatching(/duplicate id "02108"/) }));
    const mismatch = zips.replace('01001,Agawam,MA,Zip Code Area,01001', '01001,Agawam,MA,Zip Code Area,01002');
    expect(problemsOf(() => parseZipToZcta(mismatch, 'z.csv', 5))).toEqual([expect.objectContaining({ row: 2, column: 'ZCTA', message: expect.stringMatching(/Zip matches ZCTA/) })]);
  });

  it('loads the real file: 681 ZIPs onto the 537 ZCTAs', () => {
    const src = readSource(loadConfig().dataDir, 'zip-to-zcta');
    const rows = parseZipToZcta(src.bytes, src.entry.path);
    expect(rows).toHaveLength(681);
    expect(new Set(rows.map((r) => r.zcta)).size).toBe(537);
    expect(rows.filter((r) => r.joinType === 'Spatial join to ZCTA')).toHaveLength(144);
  });
});
