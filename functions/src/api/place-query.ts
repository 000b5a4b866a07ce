import type { PlaceRecord } from '../indices/place-record.js';
import { problems } from './problem.js';

export const SORT_KEYS = ['id', 'name', 'rank', 'percentile'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export interface PlaceQuery {
  flagged?: 'true' | 'false';
  county?: string;
  minPercentile?: number;
  sort: SortKey;
  order?: 'asc' | 'desc';
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** "Hampden", "hampden county" and "25013" all name Hampden County. */
function countyMatcher(county: string): (p: PlaceRecord) => boolean {
  const wanted = county.trim().toLowerCase().replace(/\s+county$/, '');
  if (/^\d{5}$/.test(wanted)) return (p) => p.countyFips === wanted;
  return (p) => (p.county ?? '').toLowerCase().replace(/\s+county$/, '') === wanted;
}

/**
 * Filter and sort a level's places. Places without a value for the sort key
 * come last in either order; ties fall back to id so pages are stable.
 * `flagged=true` keeps places with at least one indicator at or above the
 * flag threshold (docs/method.md).
 */
export function queryPlaces(places: readonly PlaceRecord[], q: PlaceQuery): PlaceRecord[] {
  const tests: ((p: PlaceRecord) => boolean)[] = [];
  if (q.flagged) tests.push(q.flagged === 'true' ? (p) => p.flagCount > 0 : (p) => p.flagCount === 0);
  if (q.county) tests.push(countyMatcher(q.county));
  if (q.minPercentile !== undefined) tests.push((p) => p.percentile !== null && p.percentile >= q.minPercentile!);
  const out = tests.length ? places.filter((p) => tests.every((t) => t(p))) : [...places];
  // rank ascending (1 = most disadvantaged) and percentile descending are the natural "worst first" orders.
  const order = q.order ?? (q.sort === 'percentile' ? 'desc' : 'asc');
  const sign = order === 'asc' ? 1 : -1;
  const byId = (a: PlaceRecord, b: PlaceRecord) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const numeric = (key: 'rank' | 'percentile') => (a: PlaceRecord, b: PlaceRecord) => {
    const x = a[key];
    const y = b[key];
    if (x === null || y === null) return x === y ? byId(a, b) : x === null ? 1 : -1;
    return sign * (x - y) || byId(a, b);
  };
  const compare =
    q.sort === 'id' ? (a: PlaceRecord, b: PlaceRecord) => sign * byId(a, b) : q.sort === 'name' ? (a: PlaceRecord, b: PlaceRecord) => sign * collator.compare(a.name, b.name) || byId(a, b) : numeric(q.sort);
  if (!(q.sort === 'id' && order === 'asc')) out.sort(compare); // the reader's list is already by id
  return out;
}

interface CursorState {
  /** Version the first page was read from: later pages stay on it even if a new version is published meanwhile. */
  v: string;
  o: number;
  /** The query the cursor belongs to. */
  q: string;
}

export function queryFingerprint(level: string, q: PlaceQuery): string {
  return [level, q.flagged ?? '', q.county?.trim().toLowerCase() ?? '', q.minPercentile ?? '', q.sort, q.order ?? ''].join('|');
}

/** Opaque to clients: base64url JSON of version, offset and the query it continues. */
export function encodeCursor(state: CursorState): string {
  return Buffer.from(JSON.stringify(state)).toString('base64url');
}

export function decodeCursor(cursor: string, fingerprint: string): { version: string; offset: number } {
  const invalid = (why: string) => problems.badRequest(`cursor: ${why}`, [{ path: 'cursor', message: why }]);
  let state: Partial<CursorState>;
  try {
    state = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Partial<CursorState>;
  } catch {
    throw invalid('not a cursor returned by this API');
  }
  if (typeof state !== 'object' || state === null || typeof state.v !== 'string' || !Number.isInteger(state.o) || (state.o as number) < 0 || typeof state.q !== 'string') {
    throw invalid('not a cursor returned by this API');
  }
  if (state.q !== fingerprint) throw invalid('belongs to a request with other filters or sort; repeat the same parameters with it');
  return { version: state.v, offset: state.o as number };
}
