import { describe, expect, it } from 'vitest';
import { blockGroupDenominators, type BlockGroupCounts } from './block-group-denominators.js';

// Rows copied from ej/ma_blockgroups_ej_criteria_acs2023_luna.csv (real extract).
const provincetown1: BlockGroupCounts = { id: '250010101001', minorityCount: 105, minorityPercent: 10.1156069364162, limitedEnglish: 27, limitedEnglishMoe: 48.4974226119286, limitedEnglishPercent: 3.99408284023669, limitedEnglishPercentMoe: 7.10517465808461 };
const provincetown2: BlockGroupCounts = { id: '250010101002', minorityCount: 82, minorityPercent: 16.9772256728778, limitedEnglish: 0, limitedEnglishMoe: 14, limitedEnglishPercent: 0, limitedEnglishPercentMoe: 5.44747081712062 };
const truro: BlockGroupCounts = { id: '250010102081', minorityCount: 0, minorityPercent: 0, limitedEnglish: 0, limitedEnglishMoe: 14, limitedEnglishPercent: 0, limitedEnglishPercentMoe: 3.13199105145414 };
// Synthetic: a block group with nobody in it (the source prints blank shares).
const empty: BlockGroupCounts = { id: '250010199991', minorityCount: 0, minorityPercent: null, limitedEnglish: 0, limitedEnglishMoe: 14, limitedEnglishPercent: null, limitedEnglishPercentMoe: null };

describe('blockGroupDenominators', () => {
  const d = blockGroupDenominators([provincetown1, provincetown2, truro, empty]);

  it('recovers totals from count ÷ share', () => {
    expect(d.get('250010101001')!.persons).toBeCloseTo(105 / 0.101156069364162, 6);
    expect(d.get('250010101001')!.households).toBeCloseTo(27 / 0.0399408284023669, 6);
  });

  it('recovers the households of a zero count from the MOEs (Y = MOE(x) / MOE(p))', () => {
    expect(d.get('250010101002')!.households).toBeCloseTo(257, 6);
    expect(d.get('250010101002')!.householdsHow).toBe('recovered from MOEs');
    expect(d.get('250010102081')!.households).toBeCloseTo(14 / 0.0313199105145414, 6);
  });

  it('estimates the residents of a block group with no minority residents from its households and the county’s persons per household', () => {
    const pph = d.get('250010101001')!.persons! / d.get('250010101001')!.households!; // only Barnstable block group with both recovered
    expect(d.get('250010102081')!.personsHow).toBe('housing-unit estimate');
    expect(d.get('250010102081')!.persons).toBeCloseTo(d.get('250010102081')!.households! * pph, 6);
  });

  it('keeps a block group with nobody in it as zero, not unknown', () => {
    expect(d.get('250010199991')).toEqual({ persons: 0, personsHow: 'none', households: 0, householdsHow: 'none' });
  });

  it('leaves totals unknown when nothing in the row supports them', () => {
    const gq: BlockGroupCounts = { ...truro, id: '250270000001', limitedEnglishPercent: null }; // synthetic: residents but no households
    const r = blockGroupDenominators([gq]).get('250270000001')!;
    expect(r.persons).toBeNull();
  });
});
