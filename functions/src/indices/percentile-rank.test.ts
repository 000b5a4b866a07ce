import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { percentileRank } from './percentile-rank.js';

// Real extract: CDC/ATSDR SVI 2018, Massachusetts counties ranked within the state (14 rows).
const svi = parse(readFileSync(new URL('./fixtures/svi2018-ma-county-extract.csv', import.meta.url)), { columns: true }) as Record<string, string>[];

describe('percentileRank', () => {
  it.each([
    ['EP_POV', 'EPL_POV'],
    ['EP_UNEMP', 'EPL_UNEMP'],
  ])('reproduces the published SVI %s percentile ranks exactly (4 decimals)', (value, published) => {
    const ranks = percentileRank(svi.map((r) => Number(r[value])));
    ranks.forEach((rank, i) => expect(rank!.toFixed(4)).toBe(Number(svi[i]![published]).toFixed(4)));
  });

  it('gives ties the lowest rank and leaves nulls out of n', () => {
    expect(percentileRank([10, null, 20, 10, 30])).toEqual([0, null, 2 / 3, 0, 1]);
  });

  it('returns null for a lone value and for an empty input', () => {
    expect(percentileRank([5, null])).toEqual([null, null]);
    expect(percentileRank([])).toEqual([]);
  });

  it('rejects non-finite values, naming the argument', () => {
    expect(() => percentileRank([1, Number.NaN])).toThrow(/values/);
  });
});
