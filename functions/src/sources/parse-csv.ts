import { parse } from 'csv-parse/sync';
import type { z } from 'zod';
import type { SourceProblem } from './source-problem.js';

export interface ParsedRows<T> {
  rows: T[];
  problems: SourceProblem[];
  /** Data records in the file, valid or not (for count checks). */
  total: number;
}

/**
 * Parse a CSV and validate each record with a zod schema. Problems carry the
 * file, the 1-based line (header is line 1) and the column, so a corrupt file
 * is reported precisely.
 */
export function parseCsv<S extends z.ZodType>(text: string | Buffer, file: string, schema: S): ParsedRows<z.infer<S>> {
  const problems: SourceProblem[] = [];
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(text, { columns: true, bom: true, info: true, skip_empty_lines: true }) as typeof records;
  } catch (err) {
    const e = err as { lines?: number; message: string };
    return { rows: [], total: 0, problems: [{ file, row: e.lines, message: `unreadable CSV: ${e.message}` }] };
  }
  const first = records[0]?.record;
  if (!first) return { rows: [], total: 0, problems: [{ file, message: 'file has no data rows' }] };
  const shape = (schema as unknown as { shape?: Record<string, unknown> }).shape;
  const missing = shape ? Object.keys(shape).filter((col) => !(col in first)) : [];
  if (missing.length > 0) {
    return { rows: [], total: records.length, problems: missing.map((column) => ({ file, row: 1, column, message: 'required column is missing from the header' })) };
  }
  const rows: z.infer<S>[] = [];
  for (const { record, info } of records) {
    const result = schema.safeParse(record);
    if (result.success) rows.push(result.data);
    else
      for (const issue of result.error.issues)
        problems.push({ file, row: info.lines, column: issue.path.join('.'), message: `${issue.message} (value "${String(record[String(issue.path[0])] ?? '')}")` });
  }
  return { rows, problems, total: records.length };
}
