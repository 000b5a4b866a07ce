import { describe, expect, it } from 'vitest';
import type { NeedInvestmentRow } from '../api';
import { formatUsdCents } from '../format';
import { fundedRows, highNeedRows, inChosenCounties, needCsv, needDefinition, unpublishedNote } from './need-rows';

/** RFC 4180 fields of each line (enough for these rows: no newline inside a field). */
const parseCsvForTest = (csv: string) =>
  csv
    .split('\r\n')
    .filter(Boolean)
    .map((line) => [...line.matchAll(/(?:^|,)("(?:[^"]|"")*"|[^,]*)/g)].map((m) => m[1]!.replace(/^"|"$/g, '').replace(/""/g, '"')));

// Synthetic rows (not real places).
const row = (over: Partial<NeedInvestmentRow>): NeedInvestmentRow => ({
  id: 'x',
  name: 'X',
  county: 'Hampden',
  population: 100,
  percentile: 50,
  rank: 1,
  flag_count: 0,
  grant_count: 0,
  grants_without_amount: 0,
  total_announced_usd: 0,
  usd_per_resident_per_year: 0,
  usd_not_annualized: 0,
  high_need: false,
  high_need_no_investment: false,
  ...over,
});
const items = [
  row({ id: 'p', name: 'P', percentile: 85, high_need: true, high_need_no_investment: true, county: 'Worcester' }),
  row({ id: 'q', name: 'Q, "the" town', percentile: 99, high_need: true, grant_count: 2, grants_without_amount: 1, total_announced_usd: 1000 }),
  row({ id: 'r', name: 'R', percentile: 95, high_need: true, high_need_no_investment: true, county: 'Suffolk' }),
  row({ id: 's', name: 'S', percentile: 10, grant_count: 1 }),
  row({ id: 't', name: 'T', percentile: 90, high_need: true, high_need_no_investment: true, county: null }),
];

describe('need rows', () => {
  it('lists high need with or without investment, most disadvantaged first', () => {
    expect(highNeedRows(items, true).map((r) => r.id)).toEqual(['r', 't', 'p']);
    expect(highNeedRows(items, false).map((r) => r.id)).toEqual(['q', 'r', 't', 'p']);
    expect(fundedRows(items).map((r) => r.id)).toEqual(['q', 's']);
  });

  it('keeps only the chosen counties; a row without a county is kept only when no county is chosen', () => {
    expect(inChosenCounties(items, []).length).toBe(items.length);
    expect(highNeedRows(inChosenCounties(items, ['Hampden', 'Worcester']), true).map((r) => r.id)).toEqual(['p']);
    expect(inChosenCounties(items, ['Hampden']).map((r) => r.id)).toEqual(['q', 's']);
  });

  it('exports the earlier columns first, then county and the announced investment', () => {
    const csv = needCsv(highNeedRows(items, false), 'v1', 80);
    const rows = parseCsvForTest(csv);
    expect(rows[0]).toEqual([
      'version',
      'id',
      'name',
      'population',
      'overall_percentile (0-100)',
      'rank',
      'flag_count',
      'high_need_threshold_percentile',
      'county',
      'announced_investments (count)',
      'announced_usd (USD, published amounts only)',
      'investments_without_published_amount (count)',
    ]);
    expect(rows[1]).toEqual(['v1', 'q', 'Q, "the" town', '100', '99', '1', '0', '80', 'Hampden', '2', '1000', '1']);
    expect(rows[3]![8]).toBe(''); // no county: an empty cell, not "null"
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('says the definition without field names and formats unpublished amounts', () => {
    expect(needDefinition(80)).toMatch(/percentile is 80 or more/);
    expect(needDefinition(80)).not.toMatch(/_/);
    expect(formatUsdCents(2.469)).toBe('$2.47');
    expect(unpublishedNote(0)).toBe('');
    expect(unpublishedNote(1)).toBe('+ 1 grant amount not published');
    expect(unpublishedNote(3)).toBe('+ 3 grants amount not published');
  });
});
