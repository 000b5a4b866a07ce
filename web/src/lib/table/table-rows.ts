import type { Level, MeasureColumn, MeasureTable } from '../api';
import { m as msg } from '../../paraglide/messages.js';
import { numberLocale } from '../i18n/locale';
import { reasonText } from '../i18n/registry-text';

/** One place of the table view: the selected measure next to the overall index. */
export interface Row {
  id: string;
  name: string;
  county: string | null;
  population: number | null;
  rank: number | null;
  flagCount: number;
  /** Overall index percentile, 0–100 (high = more disadvantaged); null = no overall score. */
  overall: number | null;
  /** Value of the selected measure in its unit; null = no data. */
  value: number | null;
  /** Percentile of the selected measure, 0–100 (high = more disadvantaged whatever the direction). */
  valuePercentile: number | null;
  /** Why the selected measure has no value here (null where it has one). */
  noData: string | null;
  /** Name of the priority geography the place belongs to, if any. */
  priority: string | null;
}

export type SortKey = keyof Row;
export type SortDir = 'asc' | 'desc';

export interface BuildOptions {
  /** Ids to keep (filters); null/undefined = every place of the level. */
  visible?: Set<string> | null;
  priorityOf?: (id: string) => string | null;
}

/**
 * Whether the table shows an "Overall percentile" column beside the measure: not when the measure
 * is the overall index itself, whose values already are the overall percentile (issue 13: the
 * column repeated them).
 */
export const showsOverallColumn = (measure: Pick<MeasureColumn, 'kind'>): boolean => measure.kind !== 'overall';

/** Said when the API gives no value and no reason (should not happen, but never show a blank). English: the row (and its CSV) keeps the API's words. */
export const NO_REASON = 'No value published for this place.'; // i18n-ignore: CSV value (machine-readable); shown through noDataText()

const NOT_PUBLISHED = /^Measure (.+) is not published for this level\.$/;

/** A row's no-data reason (English, as in the CSV) in the UI language. */
export function noDataText(reason: string): string {
  if (reason === NO_REASON) return msg.table_no_reason();
  const g = NOT_PUBLISHED.exec(reason);
  return g ? msg.table_measure_not_published({ id: g[1]! }) : reasonText(reason);
}

export function buildRows(table: MeasureTable, measureId: string, opts: BuildOptions = {}): Row[] {
  const measure = table.measures.find((m) => m.id === measureId) ?? null;
  const overall = table.measures.find((m) => m.id === 'overall') ?? null;
  const { visible = null, priorityOf } = opts;
  const rows: Row[] = [];
  table.places.forEach((p, i) => {
    if (visible && !visible.has(p.id)) return;
    const value = measure?.values[i] ?? null;
    rows.push({
      id: p.id,
      name: p.name,
      county: p.county,
      population: p.population,
      rank: p.rank,
      flagCount: p.flagCount,
      overall: overall?.percentiles[i] ?? null,
      value,
      valuePercentile: measure?.percentiles[i] ?? null,
      noData: value === null ? (measure ? (measure.noData[i] ?? NO_REASON) : `Measure ${measureId} is not published for this level.` /* i18n-ignore: CSV value (machine-readable); shown through noDataText() */) : null,
      priority: priorityOf ? priorityOf(p.id) : null,
    });
  });
  return rows;
}

/** Names sort by the UI language's rules (built once per language). */
const collators = new Map<string, Intl.Collator>();
function collator(): Intl.Collator {
  const locale = numberLocale();
  let c = collators.get(locale);
  if (!c) collators.set(locale, (c = new Intl.Collator(locale, { sensitivity: 'base', numeric: true })));
  return c;
}

/** Sorted copy: nulls last whatever the direction; stable; numbers numeric, strings locale-compared. */
export function sortRows<T extends object>(rows: readonly T[], key: keyof T, dir: SortDir): T[] {
  const sign = dir === 'asc' ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => {
      const x = a.row[key] as unknown;
      const y = b.row[key] as unknown;
      const xNull = x === null || x === undefined || (typeof x === 'number' && Number.isNaN(x));
      const yNull = y === null || y === undefined || (typeof y === 'number' && Number.isNaN(y));
      if (xNull || yNull) return xNull && yNull ? a.index - b.index : xNull ? 1 : -1;
      let c: number;
      if (typeof x === 'number' && typeof y === 'number') c = x - y;
      else c = collator().compare(String(x), String(y));
      return c !== 0 ? sign * c : a.index - b.index;
    })
    .map((e) => e.row);
}

/** The order that puts the most disadvantaged places first for a measure's values. */
export function disadvantagedFirst(measure: Pick<MeasureColumn, 'direction'>): SortDir {
  return measure.direction === 'higher_is_better' ? 'asc' : 'desc';
}

/** The direction a column sorts in on its first click. */
export function firstDir(key: SortKey, measure: Pick<MeasureColumn, 'direction'>): SortDir {
  switch (key) {
    case 'value':
      return disadvantagedFirst(measure);
    case 'name':
    case 'county':
    case 'priority':
    case 'rank':
    case 'id':
    case 'noData':
      return 'asc';
    default:
      return 'desc';
  }
}

// ---------------------------------------------------------------------------------------------- CSV

export type Cell = string | number | boolean | null | undefined;

/**
 * One CSV field (RFC 4180). Strings that a spreadsheet would run as a formula (= + - @, tab, CR)
 * get a leading apostrophe; numbers are written as numbers, so -3.2 stays a number.
 */
export function csvCell(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  let s = String(cell);
  if (typeof cell === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A whole CSV: header then records, CRLF line ends (including after the last record). */
export function csvFrom(header: readonly string[], records: readonly (readonly Cell[])[]): string {
  return [header, ...records].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export interface CsvMeta {
  version: string;
  level: Level;
  measure: MeasureColumn;
}

/** The rows as shown (same order), with the version on every line so an extract stays citable. */
export function toCsv(rows: readonly Row[], meta: CsvMeta): string {
  const town = meta.level === 'town';
  const m = meta.measure;
  const header = [
    'version',
    'level',
    'id',
    'name',
    ...(town ? ['county'] : []),
    'population',
    'measure',
    `value (${m.unit})`,
    'value_percentile (0-100)', // i18n-ignore: CSV header (machine-readable)
    'no_data_reason',
    'overall_percentile (0-100)', // i18n-ignore: CSV header (machine-readable)
    'rank',
    'flag_count',
    'priority_geography',
  ];
  const records = rows.map((r) => [
    meta.version,
    meta.level,
    r.id,
    r.name,
    ...(town ? [r.county] : []),
    r.population,
    m.id,
    r.value,
    r.valuePercentile,
    r.noData,
    r.overall,
    r.rank,
    r.flagCount,
    r.priority,
  ]);
  return csvFrom(header, records);
}

/** A file name safe on every OS: equity-atlas-town-domain-maternal_perinatal-<version>.csv */
export function csvFilename(...parts: string[]): string {
  const safe = parts.map((p) => p.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, ''));
  return `equity-atlas-${safe.join('-')}.csv`;
}
