import type { Level, PriorityGeographies } from '../api';
import { formatPercentile } from '../format';
import { describeZipPriority, ZIP_MAJORITY, type ZipPriority } from '../state/zip-priority';

export interface PriorityExplanation {
  /** True only when the place is a named member of a priority geography. */
  member: boolean;
  geography: { id: string; name: string; status: 'confirmed' | 'derived' } | null;
  text: string;
}

const STATUS_TEXT = {
  confirmed: 'confirmed: an announced AHEM community',
  derived: 'derived from the index, not an official designation',
} as const;

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
    const reason = p.reasons.find((r) => r.id === placeId)?.reason ?? 'No reason recorded.';
    return { member: true, geography, text: `In the priority geography “${p.name}” (${STATUS_TEXT[p.status]}). ${reason}` };
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
