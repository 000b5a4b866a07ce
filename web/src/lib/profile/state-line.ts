import { formatValue } from '../format';

export interface StateLine {
  /** "Massachusetts 8.3 %" */
  text: string;
  /** Short basis, shown beside it: which kind of state figure this is. */
  basis: string;
  /** Full account from the API (publisher, or towns and residents covered). */
  note: string | null;
}

const BASIS: Record<string, string> = {
  // Short: they sit in a narrow column beside every value; the full account is `note` (title, CSV).
  source: 'state figure',
  'population-weighted-mean': 'weighted town mean',
};

/** The Massachusetts value beside a place's (issue 13); null when the API has none. */
export function stateLine(
  s: { stateValue?: number | null; stateValueBasis?: string | null; stateValueNote?: string | null },
  unit: string,
  id?: string,
): StateLine | null {
  if (s.stateValue === null || s.stateValue === undefined || !Number.isFinite(s.stateValue)) return null;
  return { text: `Massachusetts ${formatValue(s.stateValue, unit, { id })}`, basis: BASIS[s.stateValueBasis ?? ''] ?? 'state value', note: s.stateValueNote ?? null };
}
