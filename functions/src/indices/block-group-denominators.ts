/**
 * Denominators of the block-group shares (method ma-hei-1.1, docs/method.md §2a).
 *
 * The EJ file publishes counts and percentages but no totals, so totals are
 * recovered from them. In 1.0 a block group whose count was 0 lost its total
 * (0 ÷ 0 %) and vanished from numerator and denominator alike, which pushed
 * shares up and left some towns valued from neighbours' slivers. Here:
 *
 * - households = limited-English households ÷ their share; where the count is
 *   0, from the published MOEs: the ACS MOE of a proportion with a zero
 *   numerator is MOE(x) / Y (ACS General Handbook ch. 8), so Y = MOE(x) / MOE(p);
 * - persons = minority residents ÷ minority share; where the share is blank the
 *   source divided 0 by 0, i.e. nobody lives there; where it is 0 (no minority
 *   residents) persons are estimated by the housing-unit method (households ×
 *   the county's persons per household, from block groups where both are known),
 *   the method the Census Bureau uses for sub-county population estimates.
 * Anything else stays unknown (null). Pure.
 */
export interface BlockGroupCounts {
  /** 12-digit block-group GEOID (its first 5 digits are the county). */
  id: string;
  minorityCount: number;
  /** Percent minority; null = blank in the source (0 ÷ 0). */
  minorityPercent: number | null;
  limitedEnglish: number;
  limitedEnglishMoe: number;
  /** Percent of households; null = blank (no households). */
  limitedEnglishPercent: number | null;
  limitedEnglishPercentMoe: number | null;
}

export type PersonsHow = 'recovered' | 'none' | 'housing-unit estimate';
export type HouseholdsHow = 'recovered' | 'recovered from MOEs' | 'none';

export interface Denominators {
  persons: number | null;
  personsHow: PersonsHow | null;
  households: number | null;
  householdsHow: HouseholdsHow | null;
}

function households(bg: BlockGroupCounts): Pick<Denominators, 'households' | 'householdsHow'> {
  const pct = bg.limitedEnglishPercent;
  if (pct === null) return { households: 0, householdsHow: 'none' };
  if (pct > 0) return { households: bg.limitedEnglish / (pct / 100), householdsHow: 'recovered' };
  const pctMoe = bg.limitedEnglishPercentMoe;
  if (bg.limitedEnglish === 0 && pctMoe !== null && pctMoe > 0) return { households: bg.limitedEnglishMoe / (pctMoe / 100), householdsHow: 'recovered from MOEs' };
  return { households: null, householdsHow: null };
}

export function blockGroupDenominators(blockGroups: readonly BlockGroupCounts[]): Map<string, Denominators> {
  const out = new Map<string, Denominators>();
  const perCounty = new Map<string, { persons: number; households: number }>();
  for (const bg of blockGroups) {
    const h = households(bg);
    const pct = bg.minorityPercent;
    const persons = pct === null ? 0 : pct > 0 ? bg.minorityCount / (pct / 100) : null;
    const personsHow: PersonsHow | null = pct === null ? 'none' : pct > 0 ? 'recovered' : null;
    out.set(bg.id, { persons, personsHow, ...h });
    if (personsHow === 'recovered' && h.householdsHow === 'recovered' && h.households! > 0) {
      const c = perCounty.get(bg.id.slice(0, 5)) ?? { persons: 0, households: 0 };
      c.persons += persons!;
      c.households += h.households!;
      perCounty.set(bg.id.slice(0, 5), c);
    }
  }
  for (const [id, d] of out) {
    if (d.persons !== null || d.households === null) continue;
    const county = perCounty.get(id.slice(0, 5));
    // Households 0 with residents (group quarters only): no household basis, so unknown.
    if (!county || d.households === 0) continue;
    out.set(id, { ...d, persons: d.households * (county.persons / county.households), personsHow: 'housing-unit estimate' });
  }
  return out;
}
