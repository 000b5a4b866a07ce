import { problems } from './problem.js';

/**
 * `columns=a,b,c` of a download: the named columns in the caller's order
 * (repeats dropped). No parameter = every column. A name the format does not
 * have is a 400 problem naming it, so a script never receives a silently
 * narrower file; the dictionary lists what each format has.
 */
export function selectColumns(param: string | undefined, available: readonly string[], dictionaryPath: string): string[] {
  if (param === undefined) return [...available];
  const asked = [...new Set(param.split(',').map((s) => s.trim()).filter((s) => s !== ''))];
  if (asked.length === 0) throw problems.badRequest(`columns: give at least one column name; ${dictionaryPath} lists them.`, [{ path: 'columns', message: 'empty list' }]);
  const known = new Set(available);
  const unknown = asked.filter((c) => !known.has(c));
  if (unknown.length > 0) {
    const names = unknown.map((c) => `"${c}"`).join(', ');
    throw problems.badRequest(`columns: unknown column ${names} for this format; ${dictionaryPath} lists every column of every format.`, unknown.map((c) => ({ path: 'columns', message: `unknown column "${c}"` })));
  }
  return asked;
}

/** Keep only `columns` of each row (GeoJSON properties). */
export function pickColumns<T extends Record<string, unknown>>(rows: T[], columns: readonly string[]): Record<string, unknown>[] {
  return rows.map((r) => Object.fromEntries(columns.map((c) => [c, r[c] ?? null])));
}
