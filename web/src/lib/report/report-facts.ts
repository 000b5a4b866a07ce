import type { Investment } from '../api';
import type { PlaceHistoryEntry } from '../profile/rank-change';

/** One version of a place as GET /v1/places/{level}/{id}/history answers it (the fields the report reads). */
export type HistoryEntry = Pick<PlaceHistoryEntry, 'version' | 'createdAt' | 'asOf'>;

export interface VersionFacts {
  /** The day the index describes; null for versions without one (method 1.0: the page then says when it was computed). */
  asOf: string | null;
  /** When the version was computed; null when the history does not list it. */
  createdAt: string | null;
}

/** "As of" of the version the report shows, from the place's history (the place answer does not carry it). */
export function versionFacts(items: readonly HistoryEntry[], version: string): VersionFacts {
  const entry = items.find((i) => i.version === version);
  return { asOf: entry?.asOf ?? null, createdAt: entry?.createdAt ?? null };
}

export interface InvestmentSummary {
  /** Largest announced amount first; amounts not published last. */
  shown: Investment[];
  /** How many more are not shown (the page has room for a few). */
  more: number;
  /** Sum of the published amounts of all of them (null when none is published). */
  totalUsd: number | null;
  /** How many have no published amount (so the total is read as "at least"). */
  unpublished: number;
  count: number;
}

/** The investments naming a place, cut to what fits a one-page report; the total covers them all. */
export function summarizeInvestments(items: readonly Investment[], max = 4): InvestmentSummary {
  const unique = [...new Map(items.map((i) => [i.id, i])).values()];
  const sorted = unique.sort((a, b) => (b.amountUsd ?? -1) - (a.amountUsd ?? -1) || a.id.localeCompare(b.id));
  const amounts = unique.map((i) => i.amountUsd).filter((a): a is number => a !== null);
  return {
    shown: sorted.slice(0, max),
    more: Math.max(0, sorted.length - max),
    totalUsd: amounts.length ? amounts.reduce((s, a) => s + a, 0) : null,
    unpublished: unique.length - amounts.length,
    count: unique.length,
  };
}
