import type { MeasureColumn, MeasureTable, PlaceRow } from '../api';
import { formatCount, formatPercentile, formatValue } from '../format';
import { stateLine, type StateLine } from './state-line';

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

const MISSING: CompareCell = { text: 'not at this level', sub: null, noData: null, highest: false, missing: true };

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
    cells: cols.map((c, k) => (c.index === null ? MISSING : { ...cell(c.index, c.row), highest: mask[k] ?? false, missing: false })),
  };
}

/** Entry i of a column; null for no data (never undefined). */
const at = <T>(xs: readonly (T | null)[], i: number): T | null => xs[i] ?? null;

const percentileCell = (m: MeasureColumn, i: number) => {
  const p = at(m.percentiles, i);
  return { text: formatPercentile(p), sub: null, noData: p === null ? at(m.noData, i) ?? 'No data.' : null };
};

/** Rows of the comparison, grouped: overall (percentile, rank, population, flags), domains, then indicators by domain. */
export function buildCompareGroups(table: MeasureTable, cols: readonly CompareColumn[]): CompareGroup[] {
  const overall = table.measures.find((m) => m.kind === 'overall');
  const domains = table.measures.filter((m) => m.kind === 'domain');
  const ranked = table.places.filter((p) => p.rank !== null).length;

  const summary: CompareRow[] = [];
  if (overall)
    summary.push(
      row('overall', 'Overall percentile', '0–100, higher = more disadvantaged', null, cols, (i, p) => {
        const iv = p.percentileInterval;
        return { ...percentileCell(overall, i), sub: iv ? `90 % interval ${formatPercentile(iv[0])}–${formatPercentile(iv[1])}` : null };
      }, (i) => at(overall.percentiles, i)),
    );
  summary.push(
    row('rank', 'Rank', `1 = most disadvantaged, of ${ranked}`, null, cols, (_, p) => {
      const r = p.rank;
      return { text: r === null ? 'not ranked' : formatCount(r), sub: null, noData: r === null ? 'No overall score.' : null };
    }, (_, p) => {
      const r = p.rank;
      return r === null ? null : -r;
    }),
    row('population', 'Population', 'residents', null, cols, (_, p) => ({ text: formatCount(p.population), sub: null, noData: null }), () => null),
    row('flags', 'Flagged indicators', 'at or above percentile 90', null, cols, (_, p) => ({ text: formatCount(p.flagCount), sub: null, noData: null }), (_, p) => p.flagCount),
  );

  const groups: CompareGroup[] = [{ label: 'Overall', rows: summary }];
  if (domains.length)
    groups.push({
      label: 'Domains',
      rows: domains.map((m) => row(m.id, m.label, 'percentile 0–100', null, cols, (i) => percentileCell(m, i), (i) => at(m.percentiles, i))),
    });

  const domainIds = [...new Set([...domains.map((d) => d.domain), ...table.measures.filter((m) => m.kind === 'indicator').map((m) => m.domain)])];
  for (const d of domainIds) {
    const indicators = table.measures.filter((m) => m.kind === 'indicator' && m.domain === d);
    if (!indicators.length) continue;
    const label = domains.find((x) => x.domain === d)?.label ?? d ?? 'Other';
    groups.push({
      label: `${label}: indicators`,
      rows: indicators.map((m) => ({
        state: stateLine(m, m.unit, m.id),
        ...row(
          m.id,
          m.label,
          m.unit,
          m.ranked ? null : `context only, not part of any score${m.contextReason ? `: ${m.contextReason}` : ''}`,
          cols,
          (i) => {
            const v = at(m.values, i);
            return {
              text: formatValue(v, m.unit, { id: m.id }),
              sub: v === null ? null : m.ranked ? `percentile ${formatPercentile(at(m.percentiles, i))}` : 'context only',
              noData: v === null ? at(m.noData, i) ?? 'No data.' : null,
            };
          },
          (i) => (m.ranked ? at(m.percentiles, i) : null),
        ),
      })),
    });
  }
  return groups;
}
