import type { Level, PriorityGeographies, PriorityMember } from '../api';
import { formatPercentile } from '../format';
import { describeZipPriority, ZIP_MAJORITY, type ZipPriority } from '../state/zip-priority';

export interface PriorityExplanation {
  /** True only when the place is a named member of a priority geography. */
  member: boolean;
  geography: { id: string; name: string; status: 'confirmed' | 'derived' } | null;
  text: string;
}

type Basis = NonNullable<PriorityMember['basis']>;

/**
 * Why a member is in (the API's `basis`; inferred from its role for an older answer without it):
 * only the configured members of a confirmed geography are announced AHEM communities.
 */
export function memberBasis(status: 'confirmed' | 'derived', m: Pick<PriorityMember, 'role' | 'basis'>): Basis {
  if (m.basis) return m.basis;
  if (m.role !== 'configured') return 'added-by-rule';
  return status === 'confirmed' ? 'announced' : 'listed';
}

/** Short label of a member's basis, for lists. */
export const BASIS_LABEL: Record<Basis, string> = {
  announced: 'announced AHEM community',
  'added-by-rule': 'added by the index’s rule',
  listed: 'listed by hand',
};

/** "A", "A and B", "A, B and C". */
const names = (xs: readonly string[]) => (xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} and ${xs.at(-1)}`);

/**
 * Why a place is, or is not, in a priority geography. Membership is by municipality,
 * so a ZIP code never gets a membership claim (it gets the share of its residents in member towns); a town that is not a member is explained
 * with the selection rule (threshold, geography size, adjacency, number of seeds).
 */
export function explainPriority(level: Level, placeId: string, placePercentile: number | null, geographies: PriorityGeographies | null, zips: ReadonlyMap<string, ZipPriority> | null = null): PriorityExplanation {
  if (level === 'zcta') {
    if (!zips) return { member: false, geography: null, text: 'Priority geographies are sets of municipalities; see the municipalities this ZIP code overlaps.' };
    const z = zips.get(placeId);
    return { member: false, geography: z && z.share >= ZIP_MAJORITY ? z.geography : null, text: describeZipPriority(z) };
  }
  if (!geographies) return { member: false, geography: null, text: 'Priority geographies are not loaded, so membership cannot be shown.' };

  for (const f of geographies.features) {
    const p = f.properties;
    if (!p.members.some((m) => m.id === placeId)) continue;
    const geography = { id: p.id, name: p.name, status: p.status };
    const m = p.members.find((x) => x.id === placeId)!;
    const basis = memberBasis(p.status, m);
    const reason = m.reason ?? p.reasons.find((r) => r.id === placeId)?.reason ?? 'No reason recorded.';
    const announced = p.members.filter((x) => memberBasis(p.status, x) === 'announced').map((x) => x.name);
    const added = p.members.filter((x) => memberBasis(p.status, x) === 'added-by-rule').map((x) => x.name);
    let text: string;
    if (basis === 'announced')
      text = `In the priority geography “${p.name}” (confirmed): ${m.name} is an announced AHEM community. ${reason.replace(/^Announced AHEM community; /, 'It ')}` + (added.length ? ` The index’s rule added ${names(added)} to this geography; ${added.length === 1 ? 'it is not an announced AHEM community' : 'they are not announced AHEM communities'}.` : '');
    else if (p.status === 'confirmed')
      text = `In the priority geography “${p.name}” (confirmed for ${names(announced)}, the announced AHEM communit${announced.length === 1 ? 'y' : 'ies'}). ${m.name}: ${reason}`;
    else text = `In the priority geography “${p.name}” (derived from the index, not an official designation). ${reason}`;
    return { member: true, geography, text };
  }

  const { minPercentile, maxMembersPerGeography, targetGeographies, targetMunicipalities } = geographies.rule;
  let why: string;
  if (placePercentile === null) why = `it has no overall index score, and towns are taken by their overall percentile (threshold ${minPercentile}).`;
  else if (placePercentile < minPercentile) why = `percentile ${formatPercentile(placePercentile)} is below the ${minPercentile} threshold.`;
  else
    why =
      `percentile ${formatPercentile(placePercentile)} ranks at or above the ${minPercentile} threshold but was not taken: ` +
      `the rule adds at most ${maxMembersPerGeography} towns per geography and only towns bordering one, ` +
      `or seeds up to ${targetGeographies} geographies (at most ${targetMunicipalities} towns in all), in rank order.`;
  return { member: false, geography: null, text: `Not in a priority geography: ${why}` };
}
