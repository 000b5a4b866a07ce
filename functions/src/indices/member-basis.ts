/**
 * Why each member is in its priority geography, said plainly (issue 13, "honest membership"):
 * only the configured members of a confirmed geography are announced AHEM communities; every
 * other member was added by the index's rule (docs/method.md, "Priority geographies").
 * Pure: it reads the roles the derivation recorded, so it also explains versions published
 * before these fields existed.
 */

/** announced: named in a public AHEM announcement; added-by-rule: taken by the index's rule; listed: configured by hand for a derived geography. */
export type MemberBasis = 'announced' | 'added-by-rule' | 'listed';

export interface BasisInput {
  status: 'confirmed' | 'derived';
  members: readonly { id: string; name: string; role: 'configured' | 'seed' | 'adjacent'; rank: number | null; percentile: number | null; adjacentTo: readonly string[] }[];
}

export interface MemberExplanation {
  basis: MemberBasis;
  /** One plain-language sentence (no codes, no links). */
  reason: string;
}

/** 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, … */
export function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${n}${suffix}`;
}

const standing = (m: BasisInput['members'][number]) =>
  m.rank === null || m.percentile === null ? 'has no overall index score' : `ranks ${ordinal(m.rank)} most disadvantaged on the overall index (percentile ${Math.round(m.percentile * 10) / 10})`;

/** Names joined as "A", "A and B", "A, B and C". */
const listNames = (names: readonly string[]) => (names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`);

/**
 * One explanation per member, in member order. An adjacent member is said to border the members
 * that were in before it (members are listed in the order they joined), which is why it joined.
 */
export function explainMembers(geography: BasisInput): MemberExplanation[] {
  return geography.members.map((m, i) => {
    if (m.role === 'configured' && geography.status === 'confirmed') return { basis: 'announced', reason: `Announced AHEM community; ${standing(m)}.` };
    if (m.role === 'configured') return { basis: 'listed', reason: `Listed by hand in the priority-geography settings, not an announced AHEM community; ${standing(m)}.` };
    const notAnnounced = 'Not an announced AHEM community: added by the index’s rule';
    if (m.role === 'seed') return { basis: 'added-by-rule', reason: `${notAnnounced} because it ${standing(m)} and borders no other priority geography, so it starts this one.` };
    const earlier = new Set(geography.members.slice(0, i).map((x) => x.id));
    const via = geography.members.filter((x) => earlier.has(x.id) && m.adjacentTo.includes(x.id)).map((x) => x.name);
    const borders = via.length ? `borders ${listNames(via)}` : 'borders this geography';
    return { basis: 'added-by-rule', reason: `${notAnnounced} because it ${borders} and ${standing(m)}.` };
  });
}

/** The members with `basis` and `reason` added (existing fields kept as they are). */
export function withMemberBasis<M extends BasisInput['members'][number]>(geography: { status: BasisInput['status']; members: readonly M[] }): (M & MemberExplanation)[] {
  const explained = explainMembers(geography);
  return geography.members.map((m, i) => ({ ...m, ...explained[i]! }));
}
