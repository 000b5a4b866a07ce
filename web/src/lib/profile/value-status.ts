import type { Smoothing, ValueQuality } from '../api';
import { formatCount, formatShare, formatValue, topCodeFloor } from '../format';
import { currentLang } from '../i18n/locale';
import { m } from '../../paraglide/messages.js';

/**
 * How one value was obtained, as short plain-text lines shown beside it (issue 12):
 * age adjustment, coverage, small-numbers smoothing, the API's notes. Method 1.0
 * values carry none of these fields and get no lines.
 */
export interface StatusLine {
  kind: 'adjustment' | 'coverage' | 'smoothing' | 'note';
  text: string;
  /** A part of `text` published in English (a source's vintage inside a translated line), for `lang="en"`. */
  data?: string;
}

/** "age-adjusted" / "crude"; null when not applicable or not said. */
export function adjustmentText(adjustment: ValueQuality['adjustment']): string | null {
  if (adjustment === 'age-adjusted') return m.profile_status_age_adjusted();
  return adjustment === 'crude' ? m.profile_status_crude() : null;
}

/**
 * "covers 93 % of residents" when a visible part of the place is not behind the value; null otherwise
 * (a coverage that reads 100 % — e.g. 99.95 % from a sliver of a ZIP code — would only be noise).
 */
export function coverageText(coverage: number | null | undefined): string | null {
  if (coverage === null || coverage === undefined || !Number.isFinite(coverage) || Math.round(coverage * 100) >= 100) return null;
  return m.profile_status_coverage({ share: formatShare(Math.max(0, coverage)) });
}

/** " from 1 death": the events behind a value, named by the kind of event its unit counts ("deaths per 100,000" → death). */
function fromEvents(unit: string, n: number): string {
  const count = formatCount(n);
  switch (/^(deaths|discharges|births|cases|visits|hospitalizations)\b/i.exec(unit)?.[1]!.toLowerCase()) {
    case 'deaths':
      return m.profile_status_from_deaths({ count });
    case 'discharges':
      return m.profile_status_from_discharges({ count });
    case 'births':
      return m.profile_status_from_births_count({ count });
    case 'cases':
      return m.profile_status_from_cases({ count });
    case 'visits':
      return m.profile_status_from_visits({ count });
    case 'hospitalizations':
      return m.profile_status_from_hospitalizations({ count });
    default:
      return m.profile_status_from_events({ count });
  }
}

/**
 * "the Massachusetts rate (MassCHIP 2010)": an article unless the label brings its own. The API's
 * labels ("Massachusetts value (…)", "Massachusetts total (…)") are said in the UI's language;
 * any other label stays as published.
 */
const KNOWN_PRIOR = /^Massachusetts (value|total) \((.+)\)$/;
function priorText(label: string): string {
  if (currentLang() !== 'en') {
    const known = KNOWN_PRIOR.exec(label);
    if (known) return known[1] === 'value' ? m.profile_status_prior_value({ vintage: known[2]! }) : m.profile_status_prior_total({ vintage: known[2]! });
    return label;
  }
  return /^(the|a|an)\s/i.test(label) ? label : `the ${label}`;
}

/** A shrinkage weight with two decimals that never reads as a flat 0 or 1. */
function weightText(w: number): string {
  if (w > 0 && w < 0.005) return '< 0.01';
  if (w < 1 && w >= 0.995) return '> 0.99';
  return w.toFixed(2);
}

/**
 * "smoothed toward the Massachusetts rate (MassCHIP 2010) of 720: source value 594.7 from 1 death, weight 0.04"
 * (published value = weight · source value + (1 − weight) · prior; docs/method.md §3a).
 */
export function smoothingText(s: Smoothing | null | undefined, unit: string, id?: string): string | null {
  if (!s) return null;
  const fmt = (x: number) => formatValue(x, unit, { id });
  let from = '';
  if (s.events !== null && Number.isFinite(s.events)) {
    // A share of births ("% of live births") counts events out of its exposure: "3 of 41 births".
    const ofBirths = unit.startsWith('%') && /birth/i.test(unit);
    const births = { events: formatCount(s.events), exposure: formatCount(Math.round(s.exposure)) };
    if (!ofBirths) from = fromEvents(unit, s.events);
    else from = s.exposureEstimated ? m.profile_status_from_births_about(births) : m.profile_status_from_births(births);
  }
  return m.profile_status_smoothed({ prior: priorText(s.priorLabel), value: fmt(s.prior), raw: fmt(s.raw), from, weight: weightText(s.weight) });
}

/**
 * Every status line of a value, in reading order. A top-code note is kept (it says
 * why the value reads "or more"); empty notes are dropped.
 */
export function valueStatus(value: ValueQuality & { value: number | null; unit: string; id?: string }): StatusLine[] {
  const lines: StatusLine[] = [];
  // Without a value only the notes speak (the no-data reason is shown on its own).
  if (value.value !== null) {
    const adjustment = adjustmentText(value.adjustment);
    if (adjustment) lines.push({ kind: 'adjustment', text: adjustment });
    const coverage = coverageText(value.coverage);
    if (coverage) lines.push({ kind: 'coverage', text: coverage });
    const smoothing = smoothingText(value.smoothing, value.unit, value.id);
    // Outside English, the prior's vintage ("MA DPH MassCHIP, 2010 deaths") is English data inside the line.
    const vintage = value.smoothing && currentLang() !== 'en' ? KNOWN_PRIOR.exec(value.smoothing.priorLabel)?.[2] : undefined;
    if (smoothing) lines.push(vintage ? { kind: 'smoothing', text: smoothing, data: vintage } : { kind: 'smoothing', text: smoothing });
  }
  for (const note of value.notes ?? []) if (note.trim()) lines.push({ kind: 'note', text: note.trim() });
  return lines;
}

/** Whether the value is a top code ("$250,000 or more"): its margin of error would be meaningless. */
export const isTopCoded = (value: { value: number | null; id?: string; notes?: readonly string[] | null }) => topCodeFloor(value.value, value) !== null;
