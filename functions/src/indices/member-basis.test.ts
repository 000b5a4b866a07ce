import { describe, expect, it } from 'vitest';
import { explainMembers, ordinal, withMemberBasis, type BasisInput } from './member-basis.js';

// Synthetic geographies shaped like the derivation's output (names are placeholders, not data).
const member = (id: string, role: 'configured' | 'seed' | 'adjacent', rank: number | null, adjacentTo: string[] = []) => ({ id, name: `Town ${id}`, role, rank, percentile: rank === null ? null : 100 - rank / 10, adjacentTo });

describe('explainMembers', () => {
  it('calls only the configured members of a confirmed geography announced; the others were added by the rule', () => {
    const g: BasisInput = { status: 'confirmed', members: [member('a', 'configured', 42, ['b', 'c']), member('b', 'adjacent', 13, ['a', 'c']), member('c', 'adjacent', 22, ['a', 'b'])] };
    const [a, b, c] = explainMembers(g);
    expect(a).toEqual({ basis: 'announced', reason: 'Announced AHEM community; ranks 42nd most disadvantaged on the overall index (percentile 95.8).' });
    expect(b!.basis).toBe('added-by-rule');
    expect(b!.reason).toBe('Not an announced AHEM community: added by the index’s rule because it borders Town a and ranks 13th most disadvantaged on the overall index (percentile 98.7).');
    // Only members in before it are why it joined (b joined before c).
    expect(c!.reason).toContain('borders Town a and Town b and ranks 22nd');
  });

  it('explains seeds, hand-listed members of derived geographies and towns without a score', () => {
    const [seed, listed, unscored] = explainMembers({ status: 'derived', members: [member('s', 'seed', 1), member('l', 'configured', 3), member('u', 'adjacent', null, ['s'])] });
    expect(seed).toMatchObject({ basis: 'added-by-rule', reason: expect.stringContaining('borders no other priority geography, so it starts this one') });
    expect(listed).toMatchObject({ basis: 'listed', reason: expect.stringMatching(/^Listed by hand .* not an announced AHEM community/) });
    expect(unscored!.reason).toContain('has no overall index score');
  });

  it('keeps every existing field when adding basis and reason', () => {
    const m = { ...member('a', 'configured', 1), population: 10, flagCount: 2 };
    expect(withMemberBasis({ status: 'confirmed', members: [m] })[0]).toEqual({ ...m, basis: 'announced', reason: expect.any(String) });
  });

  it('writes English ordinals', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111].map(ordinal)).toEqual(['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd', '101st', '111th']);
  });
});
