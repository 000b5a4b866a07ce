import type { NeedInvestmentRow } from '../api';
import { inCounties } from '../state/county-filter';
import { csvFrom, sortRows } from './table-rows';
import { m as msg } from '../../paraglide/messages.js';

/**
 * The need view's lists (GET /v1/need-investment?level=town): high-need
 * municipalities with the money announced for them, narrowed by the county
 * filter, and their CSV.
 */

/** Rows in the chosen counties (none chosen = every row). */
export function inChosenCounties(items: readonly NeedInvestmentRow[], counties: readonly string[]): NeedInvestmentRow[] {
  return items.filter((r) => inCounties(counties, r.county));
}

/** High-need places, most disadvantaged first; `unfundedOnly` keeps those no announced grant names. */
export function highNeedRows(items: readonly NeedInvestmentRow[], unfundedOnly: boolean): NeedInvestmentRow[] {
  return sortRows(
    items.filter((r) => (unfundedOnly ? r.high_need_no_investment : r.high_need)),
    'percentile',
    'desc',
  );
}

/** Places some announced grant names, most disadvantaged first. */
export function fundedRows(items: readonly NeedInvestmentRow[]): NeedInvestmentRow[] {
  return sortRows(
    items.filter((r) => r.grant_count > 0),
    'percentile',
    'desc',
  );
}

/**
 * The list as shown, one line per place with the version. The first eight columns are those of
 * earlier exports, in the same order; county and the announced investment follow.
 */
export function needCsv(rows: readonly NeedInvestmentRow[], version: string, highNeedPercentile: number): string {
  const header = [
    'version',
    'id',
    'name',
    'population',
    'overall_percentile (0-100)', // i18n-ignore: CSV header (machine-readable)
    'rank',
    'flag_count',
    'high_need_threshold_percentile',
    'county',
    'announced_investments (count)', // i18n-ignore: CSV header (machine-readable)
    'announced_usd (USD, published amounts only)', // i18n-ignore: CSV header (machine-readable)
    'investments_without_published_amount (count)', // i18n-ignore: CSV header (machine-readable)
  ];
  return csvFrom(
    header,
    rows.map((r) => [version, r.id, r.name, r.population, r.percentile, r.rank, r.flag_count, highNeedPercentile, r.county, r.grant_count, r.total_announced_usd, r.grants_without_amount]),
  );
}

/** What "high need" and "no announced investment" mean, in words (the API's definition names its fields). */
export function needDefinition(highNeedPercentile: number): string {
  return msg.need_definition({ percentile: String(highNeedPercentile) });
}

/** "+ 1 grant amount not published" / "+ 2 grants amount not published" ('' when none). */
export function unpublishedNote(n: number): string {
  return n > 0 ? msg.need_unpublished({ count: n }) : '';
}
