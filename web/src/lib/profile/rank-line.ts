import type { PlaceDetail, Sensitivity, SensitivityItem } from '../api';
import { formatCount, formatShare } from '../format';
import { reasonText } from '../i18n/registry-text';
import { m } from '../../paraglide/messages.js';

type Place = Pick<PlaceDetail['place'], 'id' | 'rank' | 'ranked' | 'noDataReason'>;

/**
 * Whether a version of this method can have a rank sensitivity (GET /v1/sensitivity
 * came with ma-hei-1.1): asking a 1.0 version would only earn a 404. Unknown ids are asked.
 */
export function methodHasSensitivity(method: string): boolean {
  const v = /-(\d+)\.(\d+)$/.exec(method);
  if (!v) return true;
  const [major, minor] = [Number(v[1]), Number(v[2])];
  return major > 1 || (major === 1 && minor >= 1);
}

/** "Not ranked: <reason>" for a place method 1.1 leaves unranked (too few residents); null for every other place. */
export function notRankedText(place: Pick<Place, 'ranked' | 'noDataReason'>): string | null {
  if (place.ranked !== false) return null;
  // The API's reason may already open with "Not ranked:"; say it once.
  const reason = place.noDataReason?.trim().replace(/^not ranked:\s*/i, '');
  return m.profile_not_ranked({ reason: reason ? reasonText(reason) : m.profile_not_ranked_default() });
}

/** The place's sensitivity row, only when it belongs to the same version as the profile (null: none, or another version). */
export function sensitivityItem(sensitivity: Sensitivity | null, version: string | null, id: string): SensitivityItem | null {
  if (!sensitivity || sensitivity.version !== version) return null;
  return sensitivity.items.find((i) => i.id === id) ?? null;
}

/** "(in the top 10 % in 64 % of scenarios)", with the two ends spelled out. */
function topDecileText(share: number | null): string {
  if (share === null || !Number.isFinite(share)) return '';
  if (share <= 0) return ` (${m.profile_top_decile_never()})`;
  if (share >= 1) return ` (${m.profile_top_decile_always()})`;
  return ` (${m.profile_top_decile_share({ share: formatShare(share) })})`;
}

/**
 * "Rank 18 of 351; between 11 and 27 under other reasonable weightings (in the top 10 % in 64 % of scenarios)".
 * Null without a ranked place or a sensitivity row (method 1.0 versions have none).
 */
export function sensitivityText(place: Place, item: SensitivityItem | null, rankedCount: number | null): string | null {
  if (!item || place.ranked === false || place.rank === null || item.rankMin === null || item.rankMax === null) return null;
  const lo = Math.min(item.rankMin, item.rankMax);
  const hi = Math.max(item.rankMin, item.rankMax);
  const spread = lo === hi ? m.profile_sensitivity_same({ rank: formatCount(lo) }) : m.profile_sensitivity_between({ low: formatCount(lo), high: formatCount(hi) });
  const rank = rankedCount ? m.profile_sensitivity_rank_of({ rank: formatCount(place.rank), total: formatCount(rankedCount) }) : m.profile_sensitivity_rank({ rank: formatCount(place.rank) });
  return `${rank}; ${spread}${topDecileText(item.topDecileShare)}`;
}

/** Why a domain has no score; for an unranked place whose domains repeat its reason, a pointer to it instead. */
export function domainNoScoreText(place: Pick<Place, 'ranked' | 'noDataReason'>, reason: string | null | undefined): string {
  if (place.ranked === false && reason && reason.trim() === place.noDataReason?.trim()) return m.profile_domain_no_score_unranked();
  return m.profile_domain_no_score({ reason: reason == null ? m.profile_no_data_sentence() : reasonText(reason) });
}

/**
 * A rank interval in whole ranks, widened outward (floor, ceil): the Monte Carlo quantiles
 * can fall between two ranks (254.05), and a rank is a whole number (issue 13: ZIP profiles
 * showed "142–254.05"). Null stays null.
 */
export function wholeRankInterval(interval: readonly [number, number] | null): [number, number] | null {
  if (!interval) return null;
  const lo = Math.min(interval[0], interval[1]);
  const hi = Math.max(interval[0], interval[1]);
  return [Math.floor(lo), Math.ceil(hi)];
}
