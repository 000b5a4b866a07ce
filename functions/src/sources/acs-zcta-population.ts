import { z } from 'zod';
import { parseCsv } from './parse-csv.js';
import { assertNoProblems } from './source-problem.js';
import { checkCount, checkUnique } from './source-checks.js';
import { checkedCell } from './csv-fields.js';
import { COUNT } from './value-codes.js';

/** ACS 2017–2021 5-year ZCTA rows in the staged Massachusetts extract. */
export const ACS_ZCTA_ROWS = 539;

const Row = z.object({
  GEOID: z.string().regex(/^\d{5}$/, 'expected a 5-digit ZCTA'),
  /** Whole and ≥ 0; an ACS code such as -666666666 is rejected by name (value-codes.ts). */
  total_pop: checkedCell(COUNT).transform((v) => v!),
});

/**
 * ZCTA → residents (ACS 2017–2021 5-year total population): the count that
 * decides whether a ZCTA has enough residents to be ranked (docs/method.md §4).
 */
export function parseAcsZctaPopulation(text: string | Buffer, file: string, expectedRows = ACS_ZCTA_ROWS): Map<string, number> {
  const { rows, problems, total } = parseCsv(text, file, Row);
  checkCount(problems, file, 'rows', total, expectedRows);
  checkUnique(problems, file, 'GEOID', rows.map((r) => r.GEOID), (i) => i + 2);
  assertNoProblems(problems);
  return new Map(rows.map((r) => [r.GEOID, r.total_pop]));
}
