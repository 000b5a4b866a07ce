import type { MeasureColumn } from '../api';
import { domainLabel, indicatorLabel, indicatorUnit } from '../i18n/registry-text';
import { m } from '../../paraglide/messages.js';

/** What names a measure: the index, a domain or an indicator (id and domain may be missing in older callers). */
export type NamedMeasure = Pick<MeasureColumn, 'kind' | 'label' | 'unit'> & Partial<Pick<MeasureColumn, 'id' | 'domain'>>;

/**
 * A measure's name in the UI's language: domains and indicators through the registry's words, the
 * overall index by its own message when the API sends the name this build knows (else as sent).
 */
export function measureLabel(c: NamedMeasure): string {
  if (c.kind === 'domain' && c.domain) return domainLabel(c.domain, c.label);
  if (c.kind === 'overall') return c.label === m.map_overall_label({}, { locale: 'en' }) ? m.map_overall_label() : c.label;
  return c.id ? indicatorLabel(c.id, c.label) : c.label;
}

/**
 * A measure's unit in the UI's language. Logic that inspects the unit (formatValue: "%…", "US dollars…")
 * keeps using the API's English unit; this is only for showing it.
 */
export function measureUnit(c: NamedMeasure): string {
  if (c.kind === 'overall') return c.unit === m.map_unit_percentile({}, { locale: 'en' }) ? m.map_unit_percentile() : c.unit;
  if (c.kind === 'domain') return c.unit === m.map_unit_domain_percentile({}, { locale: 'en' }) ? m.map_unit_domain_percentile() : c.unit;
  return c.id ? indicatorUnit(c.id, c.unit) : c.unit;
}
