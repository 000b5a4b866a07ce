import { z } from 'zod';
import { parseCsv } from './parse-csv.js';
import { assertNoProblems } from './source-problem.js';

/** Column names of shared/data/ahem/communities.csv. */
export const AHEM_COMMUNITY_COLUMNS = { municipality: 'municipality', status: 'status', evidence: 'evidence', sourceUrl: 'source_url' } as const;

const Row = z.object({
  [AHEM_COMMUNITY_COLUMNS.municipality]: z.string().trim().min(1),
  [AHEM_COMMUNITY_COLUMNS.status]: z.literal('confirmed'),
  [AHEM_COMMUNITY_COLUMNS.evidence]: z.string().trim().min(1),
  [AHEM_COMMUNITY_COLUMNS.sourceUrl]: z.url(),
});

export interface AhemCommunity {
  municipality: string;
  status: 'confirmed';
  evidence: string;
  sourceUrl: string;
}

/** Publicly confirmed AHEM communities (municipality names as announced). */
export function parseAhemCommunities(text: string | Buffer, file: string): AhemCommunity[] {
  const { rows, problems } = parseCsv(text, file, Row);
  assertNoProblems(problems);
  return rows.map((r) => ({ municipality: r.municipality, status: r.status, evidence: r.evidence, sourceUrl: r.source_url }));
}
