import type { DomainDetail, IndicatorDetail, PlaceDetail } from '../api';
import { formatPercentile, formatValue } from '../format';
import { isTopCoded, valueStatus, type StatusLine } from './value-status';
import { stateLine, type StateLine } from './state-line';
import { domainLabel as registryDomainLabel } from '../i18n/registry-text';
import { m } from '../../paraglide/messages.js';

/** z for a two-sided 90 % interval: margin of error = 1.645 × standard error. */
export const Z90 = 1.645;

/**
 * The method's label for a domain id, in the UI's language (the registry catalogue); unknown ids
 * are spelled out ("new_domain" → "New domain").
 */
export function domainLabel(id: string): string {
  const words = id.replace(/_/g, ' ');
  return registryDomainLabel(id, words.charAt(0).toUpperCase() + words.slice(1));
}

/** "± 0.2 %" from a standard error; "" when there is none. Tiny margins read "± < 0.1 %", never "± 0". */
export function formatMoe(se: number | null, unit: string): string {
  if (se === null || !Number.isFinite(se) || se <= 0) return '';
  const moe = Z90 * se;
  const text = formatValue(moe, unit);
  if (/^\$?0(\s|$)/.test(text)) return `± < ${formatValue(unit.startsWith('US dollars') ? 1 : 0.1, unit)}`;
  return `± ${text}`;
}

/** A 0–1 percentile as 0–100 text: 0.9169 → "91.7". */
export const percent01 = (p: number | null): string => formatPercentile(p === null ? null : p * 100);

export interface IndicatorView extends IndicatorDetail {
  id: string;
  valueText: string;
  moeText: string;
  percentileText: string;
  /** How the value was obtained (method 1.1; empty for 1.0). */
  status: StatusLine[];
  /** The Massachusetts value beside it (issue 13); null when the version has none. */
  state: StateLine | null;
}

export interface DomainView {
  id: string;
  label: string;
  detail: DomainDetail | null;
  /** 0–100 or null */
  percentile: number | null;
  indicators: IndicatorView[];
}

/** Domains in the order the API lists them (then any domain only indicators name), each with its indicators. */
export function domainViews(place: PlaceDetail['place']): DomainView[] {
  const indicators = Object.entries(place.indicators);
  const ids = [...new Set([...Object.keys(place.domains), ...indicators.map(([, i]) => i.domain)])];
  return ids.map((id) => {
    const detail = place.domains[id] ?? null;
    return {
      id,
      label: domainLabel(id),
      detail,
      percentile: detail?.percentile == null ? null : Math.round(detail.percentile * 1000) / 10,
      indicators: indicators
        .filter(([, i]) => i.domain === id)
        .map(([iid, i]) => ({
          ...i,
          id: iid,
          valueText: i.value === null ? m.profile_no_data() : formatValue(i.value, i.unit, { id: iid, notes: i.notes }),
          // A top code ("$250,000 or more") has no margin of error to speak of.
          moeText: i.value === null || isTopCoded({ ...i, id: iid }) ? '' : formatMoe(i.se, i.unit),
          percentileText: i.ranked ? percent01(i.percentile) : m.profile_not_ranked_short(),
          status: valueStatus({ ...i, id: iid }),
          state: stateLine(i, i.unit, iid),
        })),
    };
  });
}

/** Left and width (percent of the track) of a 0–100 interval; a zero-width interval still shows as a sliver. */
export function intervalBox(interval: [number, number] | null): { left: number; width: number } | null {
  if (!interval) return null;
  const clamp = (x: number) => Math.min(100, Math.max(0, x));
  const lo = clamp(Math.min(...interval));
  const hi = clamp(Math.max(...interval));
  const width = Math.max(hi - lo, 1);
  return { left: Math.min(lo, 100 - width), width };
}
