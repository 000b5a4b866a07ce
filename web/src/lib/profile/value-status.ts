import type { Smoothing, ValueQuality } from '../api';
import { formatCount, formatShare, formatValue, topCodeFloor } from '../format';

/**
 * How one value was obtained, as short plain-text lines shown beside it (issue 12):
 * age adjustment, coverage, small-numbers smoothing, the API's notes. Method 1.0
 * values carry none of these fields and get no lines.
 */
export interface StatusLine {
  kind: 'adjustment' | 'coverage' | 'smoothing' | 'note';
  text: string;
}

/** "age-adjusted" / "crude"; null when not applicable or not said. */
export function adjustmentText(adjustment: ValueQuality['adjustment']): string | null {
  return adjustment === 'age-adjusted' || adjustment === 'crude' ? adjustment : null;
}

/**
 * "covers 93 % of residents" when a visible part of the place is not behind the value; null otherwise
 * (a coverage that reads 100 % — e.g. 99.95 % from a sliver of a ZIP code — would only be noise).
 */
export function coverageText(coverage: number | null | undefined): string | null {
  if (coverage === null || coverage === undefined || !Number.isFinite(coverage) || Math.round(coverage * 100) >= 100) return null;
  return `covers ${formatShare(Math.max(0, coverage))} of residents`;
}

/** The kind of event a unit counts ("deaths per 100,000" → death), for "from 1 death". */
function eventNoun(unit: string, n: number): string {
  const m = /^(deaths|discharges|births|cases|visits|hospitalizations)\b/i.exec(unit);
  const plural = m ? m[1]!.toLowerCase() : 'events';
  return n === 1 ? plural.replace(/s$/, '') : plural;
}

/** "the Massachusetts rate (MassCHIP 2010)": an article unless the label brings its own. */
const withArticle = (label: string) => (/^(the|a|an)\s/i.test(label) ? label : `the ${label}`);

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
    from = ofBirths
      ? ` from ${formatCount(s.events)} of ${s.exposureEstimated ? 'about ' : ''}${formatCount(Math.round(s.exposure))} births`
      : ` from ${formatCount(s.events)} ${eventNoun(unit, s.events)}`;
  }
  return `smoothed toward ${withArticle(s.priorLabel)} of ${fmt(s.prior)}: source value ${fmt(s.raw)}${from}, weight ${weightText(s.weight)}`;
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
    if (smoothing) lines.push({ kind: 'smoothing', text: smoothing });
  }
  for (const note of value.notes ?? []) if (note.trim()) lines.push({ kind: 'note', text: note.trim() });
  return lines;
}

/** Whether the value is a top code ("$250,000 or more"): its margin of error would be meaningless. */
export const isTopCoded = (value: { value: number | null; id?: string; notes?: readonly string[] | null }) => topCodeFloor(value.value, value) !== null;
