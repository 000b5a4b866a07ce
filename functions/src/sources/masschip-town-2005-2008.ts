import { parse } from 'csv-parse/sync';
import { assertNoProblems, type SourceProblem } from './source-problem.js';
import { NON_NEGATIVE, PERCENT, valueProblem, type ValueRange } from './value-codes.js';

/**
 * MassCHIP town extract with births pooled 2005–2008 (wide: one row per town).
 * The file ends with a "Massachusetts Total" row and a suppression note; values
 * print "$" and thousands separators; "NA" means suppressed by DPH.
 */
export const MASSCHIP_2005_2008_TOWNS = 351;

/** Report names that differ from the MassGIS town names. */
const NAME_FIXES: Record<string, string> = { 'MANCHESTER BY THE SEA': 'MANCHESTER-BY-THE-SEA', 'NORTH ATTLEBORO': 'NORTH ATTLEBOROUGH' };

export interface Masschip20052008 {
  /** Column name → upper-case town name → value (null = suppressed). */
  columns: Map<string, Map<string, number | null>>;
  stateTotals: Map<string, number | null>;
}

/** A column's range (docs/method.md "Input checks"): the registry's where it reads the column, else percent for "% …" columns and ≥ 0 for counts, rates and dollars. */
const columnRange = (column: string, ranges: ReadonlyMap<string, ValueRange>) => ranges.get(column) ?? (column.trim().startsWith('%') ? PERCENT : NON_NEGATIVE);

export function parseMasschip20052008(text: string | Buffer, file: string, townNames: ReadonlySet<string>, ranges: ReadonlyMap<string, ValueRange> = new Map()): Masschip20052008 {
  const records = parse(text, { columns: true, bom: true, relax_column_count: true, skip_empty_lines: false }) as Record<string, string>[];
  const problems: SourceProblem[] = [];
  const valueColumns = Object.keys(records[0] ?? {}).filter((c) => c !== 'Geography' && c.trim() !== '');
  const columns = new Map(valueColumns.map((c) => [c, new Map<string, number | null>()]));
  const stateTotals = new Map<string, number | null>();
  let towns = 0;
  records.forEach((record, i) => {
    const row = i + 2;
    const geography = (record.Geography ?? '').trim();
    if (geography === '' || geography.startsWith('Note:')) return; // blank and footer lines
    const isState = geography === 'Massachusetts Total';
    const name = NAME_FIXES[geography.toUpperCase()] ?? geography.toUpperCase();
    if (!isState && !townNames.has(name)) {
      problems.push({ file, row, column: 'Geography', message: `"${geography}" is not one of the 351 municipalities` });
      return;
    }
    if (!isState) towns++;
    for (const column of valueColumns) {
      const raw = (record[column] ?? '').trim();
      let value: number | null = null;
      if (raw !== '' && raw !== 'NA') {
        const digits = raw.replace(/[$,\s]/g, '');
        value = digits === '' ? Number.NaN : Number(digits); // "$" alone is not 0
        if (!Number.isFinite(value)) problems.push({ file, row, column, message: `expected a number or NA (value "${raw}")` });
        else {
          const problem = valueProblem(value, columnRange(column, ranges));
          if (problem) problems.push({ file, row, column, message: `${problem} (value "${raw}")` });
        }
      }
      if (isState) stateTotals.set(column, value);
      else columns.get(column)!.set(name, value);
    }
  });
  if (towns !== MASSCHIP_2005_2008_TOWNS) problems.push({ file, message: `expected ${MASSCHIP_2005_2008_TOWNS} town rows, found ${towns}` });
  assertNoProblems(problems);
  return { columns, stateTotals };
}
