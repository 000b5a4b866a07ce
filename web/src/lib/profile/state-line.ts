import { formatValue } from '../format';
import { m } from '../../paraglide/messages.js';

export interface StateLine {
  /** "Massachusetts 8.3 %" */
  text: string;
  /** Short basis, shown beside it: which kind of state figure this is. */
  basis: string;
  /** Full account from the API (publisher, or towns and residents covered). */
  note: string | null;
}

/** The basis in words. Short: it sits in a narrow column beside every value; the full account is `note` (title, CSV). */
function basisText(basis: string | null | undefined): string {
  if (basis === 'source') return m.profile_state_basis_source();
  if (basis === 'population-weighted-mean') return m.profile_state_basis_weighted();
  return m.profile_state_basis_other();
}

/** The Massachusetts value beside a place's (issue 13); null when the API has none. */
export function stateLine(
  s: { stateValue?: number | null; stateValueBasis?: string | null; stateValueNote?: string | null },
  unit: string,
  id?: string,
): StateLine | null {
  if (s.stateValue === null || s.stateValue === undefined || !Number.isFinite(s.stateValue)) return null;
  return { text: m.profile_state_value({ value: formatValue(s.stateValue, unit, { id }) }), basis: basisText(s.stateValueBasis), note: s.stateValueNote ?? null };
}
