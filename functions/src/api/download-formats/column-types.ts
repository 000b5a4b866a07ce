import type { FieldType } from '../dictionary-entry.js';
import type { Row } from '../place-formats.js';

/**
 * The type of each download column, for typed formats (Parquet, GeoPackage).
 * The data dictionary is the one place types are declared, so a file's schema
 * and the dictionary cannot disagree. A column the dictionary does not know
 * (a new one not yet described) is typed from its values: text if any value is
 * text, boolean if all are booleans, else number — never dropped.
 */
export function columnTypes(columns: readonly string[], rows: readonly Row[], declared: ReadonlyMap<string, FieldType>): Map<string, FieldType> {
  return new Map(columns.map((c) => [c, declared.get(c) ?? inferType(rows.map((r) => r[c]))]));
}

function inferType(values: unknown[]): FieldType {
  const present = values.filter((v) => v !== null && v !== undefined);
  if (present.some((v) => typeof v === 'string')) return 'string';
  if (present.length > 0 && present.every((v) => typeof v === 'boolean')) return 'boolean';
  return 'number';
}

/**
 * One column's cells in its type; null stays null (Parquet null, SQL NULL). A cell that
 * does not fit the declared type throws: a typed file must not silently hold a wrong value.
 */
export function typedCells(column: string, type: FieldType, rows: readonly Row[]): (string | number | boolean | null)[] {
  return rows.map((r) => {
    const v = r[column] ?? null;
    if (v === null) return null;
    const ok =
      type === 'string' ? typeof v === 'string'
      : type === 'boolean' ? typeof v === 'boolean'
      : type === 'integer' ? Number.isSafeInteger(v)
      : typeof v === 'number' && Number.isFinite(v);
    if (!ok) throw new Error(`download column ${column} is declared ${type} but holds ${JSON.stringify(v)} (place ${String(r.id)})`);
    return v;
  });
}
