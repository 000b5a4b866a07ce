import { DOMAINS, type Domain } from './indicator-registry.js';
import type { PlaceRecord } from './place-record.js';

/** What the history needs to know of a version (from its summary record). */
export interface HistoryVersion {
  version: string;
  methodId: string | null;
  createdAt: string;
  asOf: string | null;
}

/** A place's headline numbers in one version, or why there are none (GET /v1/places/{level}/{id}/history). */
export interface PlaceHistoryEntry {
  version: string;
  method: string | null;
  createdAt: string;
  /** The day the index describes (method 1.1); null for versions published without one. */
  asOf: string | null;
  current: boolean;
  /** False: no place of this level has this id in the version (the fields below are null). */
  present: boolean;
  name: string | null;
  score: number | null;
  /** Overall percentile, 0–100. */
  percentile: number | null;
  percentileInterval: [number, number] | null;
  rank: number | null;
  rankInterval: [number, number] | null;
  /** Method 1.1: false = shown but not ranked; a 1.0 record (no flag) is ranked. Null when not present. */
  ranked: boolean | null;
  noDataReason: string | null;
  /** Domain score and percentile (0–1) per domain; null when not present. */
  domains: Record<Domain, { score: number | null; percentile: number | null }> | null;
}

/** One version's entry: the place's numbers as stored, or an explicit "not in this version". */
export function historyEntry(v: HistoryVersion, current: string | null, place: PlaceRecord | null, label: string): PlaceHistoryEntry {
  const base = { version: v.version, method: v.methodId, createdAt: v.createdAt, asOf: v.asOf, current: v.version === current };
  if (!place) {
    return {
      ...base,
      present: false,
      name: null,
      score: null,
      percentile: null,
      percentileInterval: null,
      rank: null,
      rankInterval: null,
      ranked: null,
      noDataReason: `No ${label} in this version.`,
      domains: null,
    };
  }
  const domains = Object.fromEntries(DOMAINS.map((d) => [d, { score: place.domains[d]?.score ?? null, percentile: place.domains[d]?.percentile ?? null }])) as PlaceHistoryEntry['domains'];
  return {
    ...base,
    present: true,
    name: place.name,
    score: place.score,
    percentile: place.percentile,
    percentileInterval: place.percentileInterval,
    rank: place.rank,
    rankInterval: place.rankInterval,
    ranked: place.ranked !== false,
    noDataReason: place.noDataReason,
    domains,
  };
}
