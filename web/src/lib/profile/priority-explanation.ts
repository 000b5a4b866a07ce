import type { Level, PriorityGeographies, PriorityMember } from '../api';
import { formatPercentile } from '../format';
import { describeZipPriority, ZIP_MAJORITY, type ZipPriority } from '../state/zip-priority';
import { currentLang } from '../i18n/locale';
import { reasonText } from '../i18n/registry-text';
import { m as msg } from '../../paraglide/messages.js';

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

/** Short label of a member's basis, for lists (read when shown, so it is in the UI's language). */
export const BASIS_LABEL: Readonly<Record<Basis, string>> = {
  get announced() {
    return msg.profile_basis_announced();
  },
  get 'added-by-rule'() {
    return msg.profile_basis_added();
  },
  get listed() {
    return msg.profile_basis_listed();
  },
};

/** "A", "A and B", "A, B and C". */
const names = (xs: readonly string[]) => (xs.length <= 1 ? (xs[0] ?? '') : msg.profile_names_and({ first: xs.slice(0, -1).join(', '), last: xs.at(-1)! }));

/**
 * An announced member's reason after "… is an announced AHEM community.": its standing, as a
 * sentence of its own ("It ranks 22nd …"). In another language the API's sentence is translated
 * and its opening ("Announced AHEM community; ") dropped the same way.
 */
function announcedStanding(reason: string): string {
  if (currentLang() === 'en') return reason.replace(/^Announced AHEM community; /, 'It ');
  const text = reasonText(reason);
  const opening = msg.reason_member_announced({ standing: '\u0000' }).split('\u0000')[0]!;
  if (text === reason || !opening || !text.startsWith(opening)) return text;
  const rest = text.slice(opening.length);
  return rest.charAt(0).toUpperCase() + rest.slice(1);
}

/**
 * Why a place is, or is not, in a priority geography. Membership is by municipality,
 * so a ZIP code never gets a membership claim (it gets the share of its residents in member towns); a town that is not a member is explained
 * with the selection rule (threshold, geography size, adjacency, number of seeds).
 */
export function explainPriority(level: Level, placeId: string, placePercentile: number | null, geographies: PriorityGeographies | null, zips: ReadonlyMap<string, ZipPriority> | null = null): PriorityExplanation {
  if (level === 'zcta') {
    if (!zips) return { member: false, geography: null, text: msg.profile_priority_zcta_unloaded() };
    const z = zips.get(placeId);
    return { member: false, geography: z && z.share >= ZIP_MAJORITY ? z.geography : null, text: describeZipPriority(z) };
  }
  if (!geographies) return { member: false, geography: null, text: msg.profile_priority_not_loaded() };

  for (const f of geographies.features) {
    const p = f.properties;
    if (!p.members.some((m) => m.id === placeId)) continue;
    const geography = { id: p.id, name: p.name, status: p.status };
    const m = p.members.find((x) => x.id === placeId)!;
    const basis = memberBasis(p.status, m);
    const reason = m.reason ?? p.reasons.find((r) => r.id === placeId)?.reason ?? msg.profile_no_reason();
    const announced = p.members.filter((x) => memberBasis(p.status, x) === 'announced').map((x) => x.name);
    const added = p.members.filter((x) => memberBasis(p.status, x) === 'added-by-rule').map((x) => x.name);
    let text: string;
    if (basis === 'announced')
      text =
        msg.profile_priority_announced({ geography: p.name, name: m.name, reason: announcedStanding(reason) }) +
        (added.length ? ` ${msg.profile_priority_added({ names: names(added), count: added.length })}` : '');
    else if (p.status === 'confirmed')
      text = msg.profile_priority_confirmed({ geography: p.name, names: names(announced), count: announced.length, name: m.name, reason: reasonText(reason) });
    else text = msg.profile_priority_derived({ geography: p.name, reason: reasonText(reason) });
    return { member: true, geography, text };
  }

  const { minPercentile, maxMembersPerGeography, targetGeographies, targetMunicipalities } = geographies.rule;
  const threshold = String(minPercentile);
  let why: string;
  if (placePercentile === null) why = msg.profile_priority_why_no_score({ threshold });
  else if (placePercentile < minPercentile) why = msg.profile_priority_why_below({ percentile: formatPercentile(placePercentile), threshold });
  else
    why = msg.profile_priority_why_not_taken({
      percentile: formatPercentile(placePercentile),
      threshold,
      members: String(maxMembersPerGeography),
      geographies: String(targetGeographies),
      towns: String(targetMunicipalities),
    });
  return { member: false, geography: null, text: msg.profile_priority_not_member({ why }) };
}
