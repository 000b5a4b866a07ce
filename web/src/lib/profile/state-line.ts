import { formatValue } from '../format';
import { currentLang } from '../i18n/locale';
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

/**
 * The API's account of the state figure (functions/src/indices/state-reference.ts) in the UI's
 * language; as published in English, and for a sentence of another shape. The publisher's title
 * the API names is the indicator's own source, which the profile shows beside the value.
 */
export function stateNoteText(note: string): string {
  if (currentLang() === 'en') return note;
  if (/^Massachusetts figure published by the source( \(.+\))?\.$/s.test(note)) return m.profile_state_note_source();
  const mean = /^Population-weighted mean of the ([\d,]+) municipalities with a value \((?:all residents|(\d+) % of residents)\); the source publishes no state figure\.$/.exec(note);
  if (!mean) return note;
  return mean[2] === undefined ? m.profile_state_note_mean_all({ count: mean[1]! }) : m.profile_state_note_mean_share({ count: mean[1]!, share: `${mean[2]} %` });
}

/** The Massachusetts value beside a place's (issue 13); null when the API has none. */
export function stateLine(
  s: { stateValue?: number | null; stateValueBasis?: string | null; stateValueNote?: string | null },
  unit: string,
  id?: string,
): StateLine | null {
  if (s.stateValue === null || s.stateValue === undefined || !Number.isFinite(s.stateValue)) return null;
  return { text: m.profile_state_value({ value: formatValue(s.stateValue, unit, { id }) }), basis: basisText(s.stateValueBasis), note: s.stateValueNote ? stateNoteText(s.stateValueNote) : (s.stateValueNote ?? null) };
}
