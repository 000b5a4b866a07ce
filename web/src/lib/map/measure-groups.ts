import type { MeasureColumn } from '../api';
import { domainLabel } from '../i18n/registry-text';
import { m } from '../../paraglide/messages.js';

export interface MeasureGroup {
  label: string;
  items: MeasureColumn[];
}

/**
 * The measure selector's groups: the index and its domains first, then each domain's indicators, in
 * the table's order (the same list at both levels), named in the UI's language.
 */
export function measureGroups(measures: readonly MeasureColumn[]): MeasureGroup[] {
  const indicators = measures.filter((c) => c.kind === 'indicator');
  const domains = [...new Set(indicators.map((c) => c.domain))];
  const domainName = (d: string | null | undefined): string =>
    d ? domainLabel(d, measures.find((c) => c.id === `domain:${d}`)?.label ?? d) : String(d);
  return [
    { label: m.common_measure_group_index(), items: measures.filter((c) => c.kind !== 'indicator') },
    ...domains.map((d) => ({ label: m.common_measure_group_indicators({ domain: domainName(d) }), items: indicators.filter((c) => c.domain === d) })),
  ];
}
