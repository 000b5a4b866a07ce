import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { numberCell } from './csv-fields.js';
import { parseCsv } from './parse-csv.js';
import { checkUnique } from './source-checks.js';
import { assertNoProblems } from './source-problem.js';

/** Columns of a CDC/ATSDR SVI CSV (county or tract) that the ranking reads. */
export const SVI_COLUMNS = {
  fips: 'FIPS',
  population: 'E_TOTPOP',
  /** The ranked estimate of a variable, e.g. EP_POV. */
  value: (id: string) => `EP_${id}`,
} as const;

/** CDC/ATSDR writes "no data" as -999 in every SVI column. */
const SVI_NO_DATA = -999;

export interface SviCountyRow {
  /** FIPS as written in the file (the national CSV drops leading zeros: "1001"). */
  fips: string;
  /** E_TOTPOP; null if the file says -999. */
  population: number | null;
  /** EP_* by variable id ("POV", …); null where the file says -999. */
  values: Record<string, number | null>;
}

const sviCell = numberCell.transform((v) => (v === SVI_NO_DATA ? null : v));

/**
 * Parse a CDC/ATSDR SVI CSV (UTF-8 BOM allowed), keeping FIPS, E_TOTPOP and the
 * EP_* columns of the given variables. Every problem names file, row and
 * column; any problem throws a SourceValidationError carrying them all.
 */
export function parseSviCounty(text: string | Buffer, file: string, variableIds: readonly string[]): SviCountyRow[] {
  const Row = z.object({
    [SVI_COLUMNS.fips]: z.string().trim().regex(/^\d+$/, 'expected a numeric FIPS code'),
    [SVI_COLUMNS.population]: sviCell,
    ...Object.fromEntries(variableIds.map((id) => [SVI_COLUMNS.value(id), sviCell])),
  });
  const { rows, problems } = parseCsv(text, file, Row);
  const records = rows as Record<string, string | number | null>[];
  checkUnique(problems, file, SVI_COLUMNS.fips, records.map((r) => String(r[SVI_COLUMNS.fips])), (i) => i + 2);
  assertNoProblems(problems);
  return records.map((r) => ({
    fips: String(r[SVI_COLUMNS.fips]),
    population: r[SVI_COLUMNS.population] as number | null,
    values: Object.fromEntries(variableIds.map((id) => [id, r[SVI_COLUMNS.value(id)] as number | null])),
  }));
}

/** Read and parse an SVI CSV from disk. */
export function loadSviCounty(path: string, variableIds: readonly string[]): SviCountyRow[] {
  return parseSviCounty(readFileSync(path), path, variableIds);
}
