import type { Level } from '../api';
import { m } from '../../paraglide/messages.js';

export type ReportQuery = { ok: true; level: Level; id: string } | { ok: false; message: string };

/** Place ids as the API spells them: a town's 10-digit county subdivision GEOID, a ZCTA's 5 digits. */
const ID_PATTERN: Record<Level, RegExp> = { town: /^\d{10}$/, zcta: /^\d{5}$/ };

/** `?level=town|zcta&id=<id>`: which place the report is about, or what is wrong with the link (said on the page, never guessed). */
export function parseReportQuery(search: string): ReportQuery {
  const q = new URLSearchParams(search);
  const level = q.get('level');
  const id = q.get('id')?.trim() ?? '';
  if (level !== 'town' && level !== 'zcta') return { ok: false, message: m.report_query_level() };
  if (!ID_PATTERN[level].test(id))
    return { ok: false, message: level === 'town' ? m.report_query_town_id() : m.report_query_zip_id() };
  return { ok: true, level, id };
}

/** The report's own URL for a place (the profile links to it). */
export const reportHref = (level: Level, id: string): string => `/report?level=${level}&id=${encodeURIComponent(id)}`;
