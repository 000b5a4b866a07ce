import type { MeasureTable, PlaceDetail } from '../api';
import { csvFrom, type Cell } from '../table/table-rows';
import { valueStatus } from '../profile/value-status';
import { inLang } from '../i18n/locale';
import { sourceNameIn } from './source-names';

/**
 * CSVs of a profile and of a comparison (issue 13): one row per indicator with its
 * unit, each place's value, the Massachusetts value and its basis, source, vintage,
 * and per place how the value was obtained or why there is none. Values are written
 * as numbers (not formatted), so a spreadsheet can compute with them.
 */

export interface CsvPlace {
  id: string;
  name: string;
}

export interface CsvIndicatorRow {
  id: string;
  label: string;
  unit: string;
  /** One per place, same order. */
  values: (number | null)[];
  /** One per place: the no-data reason, or how the value was obtained ('' when nothing to say). */
  status: (string | null)[];
  stateValue: number | null;
  stateValueNote: string | null;
  sourceIds: readonly string[];
  vintage: string;
}

export function indicatorCsv(version: string, places: readonly CsvPlace[], rows: readonly CsvIndicatorRow[]): string {
  const header = [
    'version',
    'indicator_id',
    'indicator',
    'unit',
    ...places.map((p) => `${p.name} (${p.id})`),
    'Massachusetts',
    'Massachusetts_basis',
    'source',
    'vintage',
    ...places.map((p) => `${p.name}: status or no-data reason`), // i18n-ignore: CSV header (machine-readable)
  ];
  const records = rows.map((r): Cell[] => [
    version,
    r.id,
    r.label,
    r.unit,
    ...places.map((_, k) => r.values[k] ?? null),
    r.stateValue,
    r.stateValueNote,
    r.sourceIds.map((id) => sourceNameIn(id, 'en')).join('; '),
    r.vintage,
    ...places.map((_, k) => r.status[k] ?? null),
  ]);
  return csvFrom(header, records);
}

/** The comparison's indicators from the layer table (the columns the comparison shows). */
export function compareCsvRows(table: MeasureTable, columns: readonly { index: number | null }[]): CsvIndicatorRow[] {
  return table.measures
    .filter((m) => m.kind === 'indicator')
    .map((m) => ({
      id: m.id,
      label: m.label,
      unit: m.unit,
      values: columns.map((c) => (c.index === null ? null : (m.values[c.index] ?? null))),
      // i18n-ignore: CSV values (machine-readable; the API's English reasons, as in the data dictionary)
      status: columns.map((c) => (c.index === null ? 'not at this level' : m.values[c.index] === null ? (m.noData[c.index] ?? 'No data.') : m.ranked ? null : 'context only, not part of any score')),
      stateValue: m.stateValue ?? null,
      stateValueNote: m.stateValueNote ?? null,
      sourceIds: m.sourceIds,
      vintage: m.vintage,
    }));
}

/** A profile's indicators, with how each value was obtained (coverage, adjustment, smoothing, notes). */
export function profileCsvRows(place: PlaceDetail['place']): CsvIndicatorRow[] {
  return Object.entries(place.indicators).map(([id, i]) => ({
    id,
    label: i.label,
    unit: i.unit,
    values: [i.value],
    // The status lines are the profile's, written in English here whatever the UI language.
    // i18n-ignore: CSV value (machine-readable; as the API's English reasons)
    status: [i.value === null ? (i.noDataReason ?? 'No data.') : inLang('en', () => valueStatus({ ...i, id }).map((s) => s.text).join('; ')) || null],
    stateValue: i.stateValue ?? null,
    stateValueNote: i.stateValueNote ?? null,
    sourceIds: [i.sourceId],
    vintage: i.vintage,
  }));
}
