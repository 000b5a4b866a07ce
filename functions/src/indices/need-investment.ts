/**
 * Need vs. investment (docs/method.md, "Need and investment"): per town or
 * priority geography, the index next to the money announced for it.
 */

/** "High need": overall index percentile at or above this (the most disadvantaged fifth). */
export const HIGH_NEED_PERCENTILE = 80;

export interface NeedUnit {
  id: string;
  name: string;
  /** County name (a town: its county; a geography: its members' counties, "; "-joined); null = unknown. */
  county?: string | null;
  /** Town GEOIDs the unit covers (a town: itself). */
  members: readonly string[];
  population: number | null;
  percentile: number | null;
  rank: number | null;
  flagCount: number;
}

export interface GrantInput {
  id: string;
  amountUsd: number | null;
  /** Years the amount pays for (the investment's amountYears, else its duration): the annualisation divisor. */
  durationYears: number | null;
  municipalities: readonly string[];
  /** Places the grant names that are not municipalities (e.g. Devens): they take their share, credited to no town. */
  unmappedPlaceCount?: number;
}

export interface NeedRow {
  id: string;
  name: string;
  /** County of the town (e.g. "Hampden"); for a geography its members' counties, "; "-joined. */
  county: string | null;
  population: number | null;
  percentile: number | null;
  rank: number | null;
  flag_count: number;
  grant_count: number;
  /** Grants touching the unit whose amount was not published (not in the dollar totals). */
  grants_without_amount: number;
  total_announced_usd: number;
  /** Announced dollars ÷ years the amount covers ÷ population; grants without a duration are not annualised (see usd_not_annualized). */
  usd_per_resident_per_year: number | null;
  usd_not_annualized: number;
  high_need: boolean;
  high_need_no_investment: boolean;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * A grant naming several places is split into equal shares per place: the
 * announcements do not say how money divides, and an equal share invents
 * less than a population share would. A non-municipal place (Devens) keeps its
 * share, credited to no town. A unit counts the shares of its member
 * towns. "No investment" = no grant at all names a member town (a grant
 * without a published amount still counts as investment).
 */
export function needInvestmentRows(units: readonly NeedUnit[], grants: readonly GrantInput[]): NeedRow[] {
  return units
    .map((u) => {
      const members = new Set(u.members);
      let count = 0;
      let withoutAmount = 0;
      let total = 0;
      let perYear = 0;
      let notAnnualized = 0;
      for (const g of grants) {
        const inside = g.municipalities.filter((m) => members.has(m)).length;
        if (inside === 0) continue;
        count++;
        if (g.amountUsd === null) {
          withoutAmount++;
          continue;
        }
        const share = (g.amountUsd * inside) / (g.municipalities.length + (g.unmappedPlaceCount ?? 0));
        total += share;
        if (g.durationYears !== null && g.durationYears > 0) perYear += share / g.durationYears;
        else notAnnualized += share;
      }
      const highNeed = u.percentile !== null && u.percentile >= HIGH_NEED_PERCENTILE;
      return {
        id: u.id,
        name: u.name,
        county: u.county ?? null,
        population: u.population,
        percentile: u.percentile,
        rank: u.rank,
        flag_count: u.flagCount,
        grant_count: count,
        grants_without_amount: withoutAmount,
        total_announced_usd: round2(total),
        usd_per_resident_per_year: u.population ? round2(perYear / u.population) : null,
        usd_not_annualized: round2(notAnnualized),
        high_need: highNeed,
        high_need_no_investment: highNeed && count === 0,
      };
    })
    .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
