import type { Investment } from '../api';

/** One version of a place as GET /v1/places/{level}/{id}/history answers it (the fields the report reads). */
export interface HistoryEntry {
  version: string;
  createdAt: string;
  asOf: string | null;
  present: boolean;
  rank: number | null;
}

export interface VersionFacts {
  /** The day the index describes; null for versions without one (the page then says when it was computed). */
  asOf: string | null;
  createdAt: string | null;
  /** The rank in the version published just before this one; null when there is none or the place was not ranked in it. */
  previous: { version: string; rank: number } | null;
}

/** "As of" and the previous version's rank of the version the report shows, from the place's history. */
export function versionFacts(items: readonly HistoryEntry[], version: string): VersionFacts {
  const sorted = [...items].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const at = sorted.findIndex((i) => i.version === version);
  if (at < 0) return { asOf: null, createdAt: null, previous: null };
  const before = sorted[at - 1];
  return {
    asOf: sorted[at]!.asOf,
    createdAt: sorted[at]!.createdAt,
    previous: before && before.present && before.rank !== null ? { version: before.version, rank: before.rank } : null,
  };
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
