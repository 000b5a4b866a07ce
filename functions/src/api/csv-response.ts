import { stringify } from 'csv-stringify/sync';
import type { Context } from 'hono';

/** Answer with RFC 4180 CSV (header row first) and a download file name. */
export function csvResponse(c: Context, filename: string, columns: string[], rows: unknown[][]): Response {
  c.header('content-type', 'text/csv; charset=utf-8');
  c.header('content-disposition', `attachment; filename="${filename}"`);
  return c.body(stringify([columns, ...rows]), 200);
}

/** `?format=` wins; otherwise an Accept header asking for text/csv (and not JSON) selects CSV. */
export function wantsCsv(c: Context, format: string | undefined): boolean {
  if (format) return format === 'csv';
  const accept = c.req.header('accept') ?? '';
  return accept.includes('text/csv') && !accept.includes('application/json');
}
