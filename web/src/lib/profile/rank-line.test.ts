import { describe, expect, it } from 'vitest';
import type { Sensitivity, SensitivityItem } from '../api';
import { domainNoScoreText, methodHasSensitivity, notRankedText, sensitivityItem, sensitivityText } from './rank-line';

// Synthetic answer shaped like GET /v1/sensitivity?level=town (invented values).
const ITEM: SensitivityItem = { id: 'T1', name: 'Synthton', rank: 18, rankMin: 11, rankMax: 27, rankP05: 12, rankP95: 25, medianRank: 18, topDecileShare: 0.64, ranksByScenario: [18, 11, 27] };
const SENSITIVITY: Sensitivity = {
  version: 'v-synthetic',
  level: 'town',
  method: 'ma-hei-1.1',
  draws: 3,
  seed: 1,
  scenarios: [{ id: 'baseline', kind: 'baseline', label: 'The method’s weights' }],
  items: [ITEM],
};
const PLACE = { id: 'T1', rank: 18, ranked: undefined, noDataReason: null };

describe('rank-line', () => {
  it('says how the rank moves under other weightings', () => {
    expect(sensitivityText(PLACE, ITEM, 351)).toBe('Rank 18 of 351; between 11 and 27 under other reasonable weightings (in the top 10 % in 64 % of scenarios)');
    expect(sensitivityText(PLACE, ITEM, null)).toBe('Rank 18; between 11 and 27 under other reasonable weightings (in the top 10 % in 64 % of scenarios)');
  });

  it('spells out the ends: the same rank everywhere, never or always in the top 10 %', () => {
    expect(sensitivityText({ ...PLACE, rank: 1 }, { ...ITEM, rankMin: 1, rankMax: 1, topDecileShare: 1 }, 351)).toBe(
      'Rank 1 of 351; rank 1 under every other reasonable weighting (in the top 10 % in every scenario)',
    );
    expect(sensitivityText({ ...PLACE, rank: 300 }, { ...ITEM, rankMin: 280, rankMax: 320, topDecileShare: 0 }, 351)).toBe(
      'Rank 300 of 351; between 280 and 320 under other reasonable weightings (never in the top 10 %)',
    );
  });

  it('gives no line without a sensitivity row (method 1.0, 404) or for an unranked place', () => {
    expect(sensitivityText(PLACE, null, 351)).toBeNull();
    expect(sensitivityText({ ...PLACE, rank: null }, ITEM, 351)).toBeNull();
    expect(sensitivityText({ ...PLACE, rank: null, ranked: false }, ITEM, 351)).toBeNull();
    expect(sensitivityText(PLACE, { ...ITEM, rankMin: null, rankMax: null }, 351)).toBeNull();
    expect(sensitivityText(PLACE, { ...ITEM, topDecileShare: null }, 351)).toBe('Rank 18 of 351; between 11 and 27 under other reasonable weightings');
  });

  it('finds the row of the place only in the same version', () => {
    expect(sensitivityItem(SENSITIVITY, 'v-synthetic', 'T1')).toBe(ITEM);
    expect(sensitivityItem(SENSITIVITY, 'v-other', 'T1')).toBeNull();
    expect(sensitivityItem(SENSITIVITY, 'v-synthetic', 'T2')).toBeNull();
    expect(sensitivityItem(null, 'v-synthetic', 'T1')).toBeNull();
  });

  it('says why a place is not ranked, only when method 1.1 says it is not', () => {
    expect(notRankedText({ ranked: false, noDataReason: 'Fewer than 1,000 residents (312).' })).toBe('Not ranked: Fewer than 1,000 residents (312).');
    expect(notRankedText({ ranked: false, noDataReason: 'Not ranked: 160 residents (Census 2020).' })).toBe('Not ranked: 160 residents (Census 2020).');
    expect(notRankedText({ ranked: false, noDataReason: null })).toBe('Not ranked: too few residents for a stable rank.');
    expect(notRankedText({ ranked: true, noDataReason: null })).toBeNull();
    expect(notRankedText({ noDataReason: 'Too few domains have data.' })).toBeNull();
  });

  it('asks for a sensitivity only from method 1.1 on', () => {
    expect(methodHasSensitivity('ma-hei-1.0')).toBe(false);
    expect(methodHasSensitivity('ma-hei-1.1')).toBe(true);
    expect(methodHasSensitivity('ma-hei-1.12')).toBe(true);
    expect(methodHasSensitivity('ma-hei-2.0')).toBe(true);
    expect(methodHasSensitivity('ma-hei-0.9')).toBe(false);
    expect(methodHasSensitivity('custom')).toBe(true);
  });

  it('points a domain of an unranked place at the reason above instead of repeating it', () => {
    const reason = 'Not ranked: 160 residents (Census 2020).';
    expect(domainNoScoreText({ ranked: false, noDataReason: reason }, reason)).toBe('No score: not ranked (see above).');
    expect(domainNoScoreText({ ranked: false, noDataReason: reason }, 'Only 1 of 4 indicators have data.')).toBe('No score: Only 1 of 4 indicators have data.');
    expect(domainNoScoreText({ noDataReason: null }, 'Only 1 of 4 indicators have data.')).toBe('No score: Only 1 of 4 indicators have data.');
    expect(domainNoScoreText({ noDataReason: null }, null)).toBe('No score: no data.');
  });
});

describe('wholeRankInterval (issue 13: ranks are whole numbers)', () => {
  it('widens a Monte Carlo quantile interval outward to whole ranks', async () => {
    const { wholeRankInterval } = await import('./rank-line');
    expect(wholeRankInterval([142, 254.05])).toEqual([142, 255]);
    expect(wholeRankInterval([156.95, 366.05])).toEqual([156, 367]);
    expect(wholeRankInterval([7, 7])).toEqual([7, 7]);
    expect(wholeRankInterval(null)).toBeNull();
  });
});
