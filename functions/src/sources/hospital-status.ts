import { z } from 'zod';
import { parseCsv } from './parse-csv.js';
import { assertNoProblems } from './source-problem.js';
import { checkUnique } from './source-checks.js';
import type { Facility } from './facilities.js';

/**
 * Curated status changes of acute-care hospitals after the 2018 MassGIS layer
 * (shared/data/SOURCES.md §9, `facilities/hospital_status_changes.csv`): each
 * row names a hospital by its DPHID and the date it stopped seeing patients,
 * with the news report it comes from. The layer itself is a 2018 snapshot, so
 * without these rows an index "as of" today would count closed hospitals.
 */
export const HOSPITAL_STATUS_COLUMNS = {
  dphid: 'dphid',
  name: 'name',
  town: 'town',
  status: 'status',
  effectiveDate: 'effective_date',
  sourceUrl: 'source_url',
  note: 'note',
} as const;

const C = HOSPITAL_STATUS_COLUMNS;
/** Only closures are compiled so far; a reopening or merger would add a status here and a rule in openFacilitiesAsOf. */
export const HOSPITAL_STATUSES = ['closed'] as const;

export interface HospitalStatusChange {
  /** DPHID of the hospital in the 2018 layer. */
  dphid: string;
  name: string;
  town: string;
  status: (typeof HOSPITAL_STATUSES)[number];
  /** First day the status holds (ISO YYYY-MM-DD): a hospital closed on this date is not open on it. */
  effectiveDate: string;
  sourceUrl: string;
  note: string;
}

const IsoDate = z.iso.date('expected an ISO date YYYY-MM-DD');
const normalName = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * Parse the status-change file, checking every row against the hospital layer
 * it amends: the DPHID must exist there and the row's name must be that
 * hospital's name (so a typo in the id cannot silently close another hospital).
 * Any problem names file, row and column, and nothing is returned.
 */
export function parseHospitalStatusChanges(text: string | Buffer, file: string, hospitals: readonly Facility[]): HospitalStatusChange[] {
  const nameByDphid = new Map(hospitals.flatMap((h) => (h.dphid === undefined ? [] : [[h.dphid, h.name] as const])));
  if (nameByDphid.size === 0) throw new Error('hospitals: none carries a dphid (parse the layer with HOSPITALS_SPEC)');
  const Row = z
    .object({
      [C.dphid]: z.string().regex(/^\d+$/, 'expected a DPHID (digits)').refine((id) => nameByDphid.has(id), 'not a DPHID of the 2018 hospital layer'),
      [C.name]: z.string().trim().min(1, 'expected the hospital name'),
      [C.town]: z.string().trim().min(1, 'expected the town'),
      [C.status]: z.enum(HOSPITAL_STATUSES),
      [C.effectiveDate]: IsoDate,
      [C.sourceUrl]: z.url('expected the URL of the report the row comes from'),
      [C.note]: z.string(),
    })
    .superRefine((row, ctx) => {
      const layerName = nameByDphid.get(row[C.dphid]);
      if (layerName !== undefined && normalName(layerName) !== normalName(row[C.name]))
        ctx.addIssue({ code: 'custom', path: [C.name], message: `DPHID ${row[C.dphid]} is "${layerName}" in the hospital layer` });
    });
  const { rows, problems } = parseCsv(text, file, Row);
  // Row numbers from list positions are exact only when every row parsed (one line per record, as in this file).
  if (problems.length === 0) checkUnique(problems, file, C.dphid, rows.map((r) => r[C.dphid]), (i) => i + 2);
  assertNoProblems(problems);
  return rows.map((r) => ({
    dphid: r[C.dphid],
    name: r[C.name],
    town: r[C.town],
    status: r[C.status],
    effectiveDate: r[C.effectiveDate],
    sourceUrl: r[C.sourceUrl],
    note: r[C.note],
  }));
}

export interface FacilitiesAsOf {
  open: Facility[];
  /** Hospitals left out, each with the change that closed it. */
  closed: { facility: Facility; change: HospitalStatusChange }[];
}

/**
 * The hospitals open on `asOf` (ISO YYYY-MM-DD): a hospital whose closure took
 * effect on or before that day is left out. Dates compare as strings, which is
 * exact for ISO dates. A change for a DPHID not in `hospitals` is a misuse
 * (the loader already checked the file against the layer) and throws.
 */
export function openFacilitiesAsOf(hospitals: readonly Facility[], changes: readonly HospitalStatusChange[], asOf: string): FacilitiesAsOf {
  if (!IsoDate.safeParse(asOf).success) throw new Error(`asOf: expected an ISO date YYYY-MM-DD, got "${asOf}"`);
  const known = new Set(hospitals.map((h) => h.dphid));
  const closing = new Map<string, HospitalStatusChange>();
  for (const change of changes) {
    if (!known.has(change.dphid)) throw new Error(`changes: DPHID ${change.dphid} (${change.name}) is not among the hospitals`);
    const earlier = closing.get(change.dphid);
    if (change.status === 'closed' && change.effectiveDate <= asOf && (!earlier || change.effectiveDate < earlier.effectiveDate)) closing.set(change.dphid, change);
  }
  const out: FacilitiesAsOf = { open: [], closed: [] };
  for (const facility of hospitals) {
    const change = facility.dphid === undefined ? undefined : closing.get(facility.dphid);
    if (change) out.closed.push({ facility, change });
    else out.open.push(facility);
  }
  return out;
}
