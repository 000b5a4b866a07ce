import type { Level } from '../api';

export type ReportQuery = { ok: true; level: Level; id: string } | { ok: false; message: string };

/** Place ids as the API spells them: a town's 10-digit county subdivision GEOID, a ZCTA's 5 digits. */
const ID_PATTERN: Record<Level, RegExp> = { town: /^\d{10}$/, zcta: /^\d{5}$/ };

/** `?level=town|zcta&id=<id>`: which place the report is about, or what is wrong with the link (said on the page, never guessed). */
export function parseReportQuery(search: string): ReportQuery {
  const q = new URLSearchParams(search);
  const level = q.get('level');
  const id = q.get('id')?.trim() ?? '';
  if (level !== 'town' && level !== 'zcta') return { ok: false, message: 'This report link needs level=town or level=zcta.' };
  if (!ID_PATTERN[level].test(id))
    return { ok: false, message: level === 'town' ? 'This report link needs id= a municipality’s 10-digit id (e.g. 2500934550).' : 'This report link needs id= a 5-digit ZIP code (e.g. 01841).' };
  return { ok: true, level, id };
}

/** The report's own URL for a place (the profile links to it). */
export const reportHref = (level: Level, id: string): string => `/report?level=${level}&id=${encodeURIComponent(id)}`;
