import { createHash } from 'node:crypto';
import type { AhemInvestmentRow } from '../sources/ahem-investments.js';
import { SourceValidationError, type SourceProblem } from '../sources/source-problem.js';
import type { Town } from '../sources/towns.js';
import type { InvestmentFields, UnmappedPlace } from '../store/investment-store.js';

/**
 * Places named in announcements that are not one of the 351 municipalities.
 * Devens is a regional enterprise zone inside Ayer, Harvard and Shirley: it is
 * kept as an unmapped place rather than split among the three towns, because
 * how a grant's money or reach divides among them is not published.
 */
export const NON_MUNICIPAL_PLACES: Record<string, string> = {
  devens:
    'Devens is a regional enterprise zone inside Ayer, Harvard and Shirley, not one of the 351 municipalities; kept unmapped (not split among the three towns, since no split is published) and so not counted for any town.',
};

/** Seed ids come from the row, so re-seeding after an interruption never duplicates a grant. */
export function seedInvestmentId(row: Pick<AhemInvestmentRow, 'announced' | 'funder' | 'grantee'>): string {
  return `inv-${createHash('sha256').update(`${row.announced}|${row.funder}|${row.grantee}`).digest('hex').slice(0, 10)}`;
}

/** ahem/investments.csv rows → investment records: town names → GEOIDs, amounts untouched (empty stays null). */
export function seedInvestments(rows: readonly AhemInvestmentRow[], towns: readonly Town[], file = 'ahem/investments.csv'): { id: string; fields: InvestmentFields }[] {
  const byName = new Map(towns.map((t) => [t.name.toLowerCase(), t.id]));
  const problems: SourceProblem[] = [];
  const out = rows.map((row, i) => {
    const municipalities: string[] = [];
    const unmappedPlaces: UnmappedPlace[] = [];
    for (const place of row.places) {
      const geoid = byName.get(place.toLowerCase());
      const note = NON_MUNICIPAL_PLACES[place.toLowerCase()];
      if (geoid) municipalities.push(geoid);
      else if (note) unmappedPlaces.push({ name: place, note });
      else problems.push({ file, row: i + 2, column: 'municipalities', message: `"${place}" is not a Massachusetts municipality name (nor a known non-municipal place)` });
    }
    const fields: InvestmentFields = {
      funder: row.funder,
      grantee: row.grantee,
      amountUsd: row.amountUsd,
      amountNote: row.amountNote,
      startDate: row.announced,
      durationYears: row.durationYears,
      amountYears: row.amountYears,
      municipalities,
      unmappedPlaces,
      focus: row.focus,
      ahemLink: row.ahemLink,
      sourceUrl: row.sourceUrl,
    };
    return { id: seedInvestmentId(row), fields };
  });
  if (problems.length > 0) throw new SourceValidationError(problems);
  return out;
}
