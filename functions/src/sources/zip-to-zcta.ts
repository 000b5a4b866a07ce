import { z } from 'zod';
import { parseCsv } from './parse-csv.js';
import { assertNoProblems } from './source-problem.js';
import { checkCount, checkUnique } from './source-checks.js';
import { ZCTA_ID } from './zctas.js';

/** UDS Mapper 2021 ZIP → ZCTA crosswalk, Massachusetts rows: 681 USPS ZIPs onto 537 (2010) ZCTAs. */
export const ZIP_TO_ZCTA_COUNT = 681;
/** Massachusetts ZIPs: 010xx–027xx plus 05501/05544 (Andover IRS PO boxes, numbered in Vermont's range). */
export const MA_ZIP = /^(0[12]\d{3}|055\d{2})$/;

export const ZIP_COLUMNS = { zip: 'ZIP_CODE', poName: 'PO_NAME', state: 'STATE', zipType: 'ZIP_TYPE', zcta: 'ZCTA', joinType: 'zip_join_type' } as const;

export interface ZipToZcta {
  zip: string;
  /** USPS post-office name, e.g. "Agawam". */
  poName: string;
  /** "Zip Code Area" (a delivery area) or "Post Office or large volume customer" (PO boxes, one building). */
  zipType: 'Zip Code Area' | 'Post Office or large volume customer';
  zcta: string;
  /** "Zip matches ZCTA", or "Spatial join to ZCTA" for point ZIPs placed in the ZCTA containing them. */
  joinType: 'Zip matches ZCTA' | 'Spatial join to ZCTA';
}

const Row = z.object({
  [ZIP_COLUMNS.zip]: z.string().regex(MA_ZIP, 'expected a 5-digit Massachusetts ZIP code (010xx–027xx or 055xx)'),
  [ZIP_COLUMNS.poName]: z.string().trim().min(1, 'expected a post-office name'),
  [ZIP_COLUMNS.state]: z.literal('MA', 'expected MA'),
  [ZIP_COLUMNS.zipType]: z.enum(['Zip Code Area', 'Post Office or large volume customer']),
  [ZIP_COLUMNS.zcta]: z.string().regex(ZCTA_ID, 'expected a 5-digit Massachusetts ZCTA (01xxx or 02xxx)'),
  [ZIP_COLUMNS.joinType]: z.enum(['Zip matches ZCTA', 'Spatial join to ZCTA']),
});

export function parseZipToZcta(text: string | Buffer, file: string, expectedCount = ZIP_TO_ZCTA_COUNT): ZipToZcta[] {
  const { rows, problems, total } = parseCsv(text, file, Row);
  checkCount(problems, file, 'ZIP rows', total, expectedCount);
  checkUnique(problems, file, ZIP_COLUMNS.zip, rows.map((r) => r[ZIP_COLUMNS.zip]), (i) => i + 2);
  rows.forEach((r, i) => {
    // "Zip matches ZCTA" promises the same code; anything else is a corrupt row.
    if (r[ZIP_COLUMNS.joinType] === 'Zip matches ZCTA' && r[ZIP_COLUMNS.zip] !== r[ZIP_COLUMNS.zcta])
      problems.push({ file, row: i + 2, column: ZIP_COLUMNS.zcta, message: `says "Zip matches ZCTA" but ZIP ${r[ZIP_COLUMNS.zip]} ≠ ZCTA ${r[ZIP_COLUMNS.zcta]}` });
  });
  assertNoProblems(problems);
  return rows.map((r) => ({
    zip: r[ZIP_COLUMNS.zip],
    poName: r[ZIP_COLUMNS.poName],
    zipType: r[ZIP_COLUMNS.zipType],
    zcta: r[ZIP_COLUMNS.zcta],
    joinType: r[ZIP_COLUMNS.joinType],
  }));
}
