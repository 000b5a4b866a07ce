import { z } from 'zod';
import { optionalNumberCell } from './csv-fields.js';
import { parseCsv } from './parse-csv.js';
import { assertNoProblems } from './source-problem.js';

/** Column names of shared/data/ahem/investments.csv. */
export const AHEM_INVESTMENT_COLUMNS = {
  announced: 'announced',
  funder: 'funder',
  grantee: 'grantee',
  amountUsd: 'amount_usd',
  amountNote: 'amount_note',
  durationYears: 'duration_years',
  municipalities: 'municipalities',
  focus: 'focus',
  ahemLink: 'ahem_link',
  sourceUrl: 'source_url',
} as const;
const C = AHEM_INVESTMENT_COLUMNS;

const Row = z.object({
  // As published: a day (2025-02-19) or only a month (2025-12).
  [C.announced]: z.string().trim().regex(/^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/, 'expected YYYY-MM-DD or YYYY-MM'),
  [C.funder]: z.string().trim().min(1),
  [C.grantee]: z.string().trim().min(1),
  // Empty = the amount was not published: stays null, never filled in.
  [C.amountUsd]: optionalNumberCell,
  [C.amountNote]: z.string().trim(),
  [C.durationYears]: optionalNumberCell,
  [C.municipalities]: z.string().trim().min(1).transform((s) => s.split(';').map((m) => m.trim()).filter(Boolean)),
  [C.focus]: z.string().trim(),
  [C.ahemLink]: z.enum(['confirmed', 'unconfirmed']),
  [C.sourceUrl]: z.url(),
});

export interface AhemInvestmentRow {
  /** YYYY-MM-DD or YYYY-MM (the precision published). */
  announced: string;
  funder: string;
  grantee: string;
  amountUsd: number | null;
  amountNote: string;
  durationYears: number | null;
  /** Years the published amount pays for: 1 where the note says it is one year of a longer grant, else the duration. */
  amountYears: number | null;
  /** Place names as announced (may include places that are not municipalities, e.g. Devens). */
  places: string[];
  focus: string;
  ahemLink: 'confirmed' | 'unconfirmed';
  sourceUrl: string;
}

/**
 * The announcements sometimes publish only the first year of a multi-year
 * grant ("year 1 of a 2-year … grant; year-2 amount not stated"): that amount
 * pays for one year, so annualising it over the grant's duration would halve it.
 */
export function amountYears(note: string, durationYears: number | null): number | null {
  return /\byear \d+ of an? \d+-year\b/i.test(note) ? 1 : durationYears;
}

export function parseAhemInvestments(text: string | Buffer, file: string): AhemInvestmentRow[] {
  const { rows, problems } = parseCsv(text, file, Row);
  assertNoProblems(problems);
  return rows.map((r) => ({
    announced: r.announced,
    funder: r.funder,
    grantee: r.grantee,
    amountUsd: r.amount_usd,
    amountNote: r.amount_note,
    durationYears: r.duration_years,
    amountYears: amountYears(r.amount_note, r.duration_years),
    places: r.municipalities,
    focus: r.focus,
    ahemLink: r.ahem_link,
    sourceUrl: r.source_url,
  }));
}
