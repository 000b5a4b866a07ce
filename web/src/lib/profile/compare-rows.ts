import type { MeasureColumn, MeasureTable, PlaceRow } from '../api';
import { formatCount, formatPercentile, formatValue } from '../format';
import { stateLine, type StateLine } from './state-line';
import { m as msg } from '../../paraglide/messages.js';
import { domainLabel, indicatorContext, indicatorLabel, indicatorUnit, reasonText } from '../i18n/registry-text';

/** At most this many places side by side. */
export const MAX_COMPARE = 4;

/** One compared place: `row` is null when the id is not a place of this table's level. */
export type CompareColumn = { id: string; index: number; row: PlaceRow } | { id: string; index: null; row: null };

export interface CompareCell {
  text: string;
  /** Smaller second line (percentile, interval) or null. */
  sub: string | null;
  /** Why there is no value (for a title / screen-reader text), null when there is one. */
  noData: string | null;
  /** The most disadvantaged place of the row (ties: all of them). */
  highest: boolean;
  /** Id not found at this level. */
  missing: boolean;
}

export interface CompareRow {
  id: string;
  label: string;
  unit: string | null;
  /** e.g. "context only: not part of any score" */
  note: string | null;
  cells: CompareCell[];
  /** Indicators: the Massachusetts value beside the places' (issue 13); absent or null otherwise. */
  state?: StateLine | null;
}

export interface CompareGroup {
  label: string;
  rows: CompareRow[];
}

export function compareColumns(table: MeasureTable, ids: readonly string[]): CompareColumn[] {
  const at = new Map(table.places.map((p, i) => [p.id, i]));
  return [...new Set(ids)].slice(0, MAX_COMPARE).map((id): CompareColumn => {
    const index = at.get(id);
    const row = index === undefined ? undefined : table.places[index];
    return index === undefined || row === undefined ? { id, index: null, row: null } : { id, index, row };
  });
}

/**
 * Which entries are the most disadvantaged: the largest "badness" (ties all marked).
 * Nothing is marked with fewer than two values or when all values are equal.
 */
export function highestMask(badness: readonly (number | null)[]): boolean[] {
  const present = badness.filter((b): b is number => b !== null && Number.isFinite(b));
  if (present.length < 2) return badness.map(() => false);
  const max = Math.max(...present);
  if (present.every((b) => b === max)) return badness.map(() => false);
  return badness.map((b) => b === max);
}

const missing = (): CompareCell => ({ text: msg.compare_not_at_level(), sub: null, noData: null, highest: false, missing: true });

/** Build a row: cells from a per-place function, highlighted by a per-place badness (higher = more disadvantaged). */
function row(
  id: string,
  label: string,
  unit: string | null,
  note: string | null,
  cols: readonly CompareColumn[],
  cell: (i: number, p: PlaceRow) => Omit<CompareCell, 'highest' | 'missing'>,
  badness: (i: number, p: PlaceRow) => number | null,
): CompareRow {
  const mask = highestMask(cols.map((c) => (c.index === null ? null : badness(c.index, c.row))));
  return {
    id,
    label,
    unit,
    note,
    cells: cols.map((c, k) => (c.index === null ? missing() : { ...cell(c.index, c.row), highest: mask[k] ?? false, missing: false })),
  };
}

/** Entry i of a column; null for no data (never undefined). */
const at = <T>(xs: readonly (T | null)[], i: number): T | null => xs[i] ?? null;

/** The API's no-data reason in the UI language; "No data." when it gives none. */
const noDataText = (reason: string | null): string => (reason === null ? msg.compare_no_data() : reasonText(reason));

const percentileCell = (m: MeasureColumn, i: number) => {
  const p = at(m.percentiles, i);
  return { text: formatPercentile(p), sub: null, noData: p === null ? noDataText(at(m.noData, i)) : null };
};

/** Rows of the comparison, grouped: overall (percentile, rank, population, flags), domains, then indicators by domain. */
export function buildCompareGroups(table: MeasureTable, cols: readonly CompareColumn[]): CompareGroup[] {
  const overall = table.measures.find((m) => m.kind === 'overall');
  const domains = table.measures.filter((m) => m.kind === 'domain');
  const ranked = table.places.filter((p) => p.rank !== null).length;

  const summary: CompareRow[] = [];
  if (overall)
    summary.push(
      row('overall', msg.compare_row_overall(), msg.compare_unit_overall(), null, cols, (i, p) => {
        const iv = p.percentileInterval;
        return { ...percentileCell(overall, i), sub: iv ? msg.compare_interval({ low: formatPercentile(iv[0]), high: formatPercentile(iv[1]) }) : null };
      }, (i) => at(overall.percentiles, i)),
    );
  summary.push(
    row('rank', msg.compare_row_rank(), msg.compare_unit_rank({ count: String(ranked) }), null, cols, (_, p) => {
      const r = p.rank;
      return { text: r === null ? msg.compare_not_ranked() : formatCount(r), sub: null, noData: r === null ? msg.compare_no_overall() : null };
    }, (_, p) => {
      const r = p.rank;
      return r === null ? null : -r;
    }),
    row('population', msg.compare_row_population(), msg.compare_unit_population(), null, cols, (_, p) => ({ text: formatCount(p.population), sub: null, noData: null }), () => null),
    row('flags', msg.compare_row_flags(), msg.compare_unit_flags(), null, cols, (_, p) => ({ text: formatCount(p.flagCount), sub: null, noData: null }), (_, p) => p.flagCount),
  );

  const groups: CompareGroup[] = [{ label: msg.compare_group_overall(), rows: summary }];
  if (domains.length)
    groups.push({
      label: msg.compare_group_domains(),
      rows: domains.map((m) => row(m.id, domainLabel(m.domain ?? m.id, m.label), msg.compare_unit_percentile(), null, cols, (i) => percentileCell(m, i), (i) => at(m.percentiles, i))),
    });

  const domainIds = [...new Set([...domains.map((d) => d.domain), ...table.measures.filter((m) => m.kind === 'indicator').map((m) => m.domain)])];
  for (const d of domainIds) {
    const indicators = table.measures.filter((m) => m.kind === 'indicator' && m.domain === d);
    if (!indicators.length) continue;
    const domain = domains.find((x) => x.domain === d);
    const label = domain ? domainLabel(domain.domain ?? domain.id, domain.label) : d ? domainLabel(d, d) : msg.compare_group_other();
    groups.push({
      label: msg.compare_group_indicators({ domain: label }),
      rows: indicators.map((m) => ({
        state: stateLine(m, m.unit, m.id),
        ...row(
          m.id,
          indicatorLabel(m.id, m.label),
          indicatorUnit(m.id, m.unit),
          m.ranked ? null : m.contextReason ? msg.compare_context_note_reason({ reason: indicatorContext(m.id, m.contextReason) }) : msg.compare_context_note(),
          cols,
          (i) => {
            const v = at(m.values, i);
            return {
              text: formatValue(v, m.unit, { id: m.id }),
              sub: v === null ? null : m.ranked ? msg.compare_percentile({ percentile: formatPercentile(at(m.percentiles, i)) }) : msg.compare_context_only(),
              noData: v === null ? noDataText(at(m.noData, i)) : null,
            };
          },
          (i) => (m.ranked ? at(m.percentiles, i) : null),
        ),
      })),
    });
  }
  return groups;
}
