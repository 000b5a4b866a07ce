import { ApiError, type Level } from '../api';
import { formatCount } from '../format';
import { m } from '../../paraglide/messages.js';
// The API's own shape of a history entry: a change to the answer fails the web type check.
import type { PlaceHistoryEntry } from '../../../../functions/src/indices/place-history';

export type { PlaceHistoryEntry };
export interface PlaceHistory {
  level: Level;
  id: string;
  current: string | null;
  /** Newest first. */
  items: PlaceHistoryEntry[];
}

/** GET /v1/places/{level}/{id}/history: the place in every published version (asked only when a profile opens). */
export async function fetchPlaceHistory(level: Level, id: string, fetchImpl: typeof fetch = fetch): Promise<PlaceHistory> {
  const res = await fetchImpl(`/v1/places/${level}/${encodeURIComponent(id)}/history`, { headers: { accept: 'application/json' } });
  if (!res.ok) throw new ApiError(res.status, `${res.status} ${res.statusText}`);
  return (await res.json()) as PlaceHistory;
}

/**
 * The words after "rank 18": "(was 22 in the previous version)", from the version
 * just before the one the profile shows. Null — say nothing — when the profile's
 * version is not in the history, it is the first version, the place has no rank
 * now, or it had none then (not ranked). A place absent from the previous version
 * is "new in this version". When the previous version used another method, its id
 * is named, since the move may be the method's, not the place's.
 */
export function rankChangeText(history: PlaceHistory | null, version: string | null, rank: number | null): string | null {
  if (!history || version === null || rank === null) return null;
  const at = history.items.findIndex((i) => i.version === version);
  if (at < 0) return null;
  const now = history.items[at]!;
  const before = history.items[at + 1];
  if (!before) return null;
  if (!before.present) return m.profile_rank_new();
  if (before.rank === null) return null;
  const method = before.method && before.method !== now.method ? before.method : null;
  if (before.rank === rank) return method ? m.profile_rank_also_method({ rank: formatCount(rank), method }) : m.profile_rank_also({ rank: formatCount(rank) });
  return method ? m.profile_rank_was_method({ rank: formatCount(before.rank), method }) : m.profile_rank_was({ rank: formatCount(before.rank) });
}
