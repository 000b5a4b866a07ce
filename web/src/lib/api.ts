import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';

/** Client for the Equity Atlas API (same origin: no other host is ever contacted). */

export type Level = 'town' | 'zcta';
export const LEVELS: readonly Level[] = ['town', 'zcta'];

export type Geometry = FeatureCollection<Polygon | MultiPolygon, { id: string; name: string }>;

// The API's own definitions of the layer table: a change to the answer's shape fails the web type check.
import type { MeasureColumn, MeasureTable } from '../../../functions/src/api/measure-table';
import type { NeedRow } from '../../../functions/src/indices/need-investment';
import type { Smoothing, ValueQuality } from '../../../functions/src/indices/estimate';
import type { Sensitivity } from '../../../functions/src/api/routes/sensitivity';
export type { MeasureColumn, MeasureTable, Smoothing, ValueQuality };
export type PlaceRow = MeasureTable['places'][number];

/** One indicator of a place; the quality fields (coverage, adjustment, smoothing, notes) come with method 1.1 and are absent before. */
export interface IndicatorDetail extends ValueQuality {
  label: string;
  domain: string;
  unit: string;
  direction: 'higher_is_worse' | 'higher_is_better';
  sourceId: string;
  vintage: string;
  ranked: boolean;
  value: number | null;
  se: number | null;
  /** 0–1 */
  percentile: number | null;
  flagged: boolean;
  derivation: string | null;
  noDataReason: string | null;
  /** The Massachusetts value in the same unit (issue 13); null = none or an older version. */
  stateValue?: number | null;
  /** 'source': the source's own state figure; 'population-weighted-mean': of the towns' values. */
  stateValueBasis?: 'source' | 'population-weighted-mean' | null;
  /** Where the state value comes from, in plain language. */
  stateValueNote?: string | null;
}

/** A ZIP code area's post office, county and the towns it overlaps (GET /v1/places/zcta/{id}). */
export interface ZipContext {
  poName: string | null;
  zips: string[];
  county: string | null;
  /** Largest share of the ZIP code's residents first; share 0–1. */
  towns: { id: string; name: string; county: string | null; share: number }[];
}

export interface DomainDetail {
  score: number | null;
  /** 0–1 */
  percentile: number | null;
  indicatorsWithData: number;
  indicatorsAvailable: number;
  noDataReason: string | null;
}

export interface PlaceDetail {
  version: string;
  method: string;
  place: {
    level: Level;
    id: string;
    name: string;
    county: string | null;
    population: number | null;
    score: number | null;
    /** 0–100 */
    percentile: number | null;
    percentileInterval: [number, number] | null;
    rank: number | null;
    rankInterval: [number, number] | null;
    noDataReason: string | null;
    /** Method 1.1: false = values shown but not ranked (too few residents; `noDataReason` says why); absent = ranked. */
    ranked?: boolean;
    flagCount: number;
    domains: Record<string, DomainDetail>;
    indicators: Record<string, IndicatorDetail>;
    /** ZIP code areas only. */
    zip?: ZipContext | null;
  };
}

export interface PriorityMember {
  id: string;
  name: string;
  role: 'configured' | 'seed' | 'adjacent';
  rank: number | null;
  percentile: number | null;
  score: number | null;
  flagCount: number;
  adjacentTo: string[];
  population: number | null;
  /** announced: an announced AHEM community; added-by-rule: added by the index's rule (not an AHEM community); listed: configured by hand. Absent from older servers. */
  basis?: 'announced' | 'added-by-rule' | 'listed';
  /** Why it is in, in plain language (absent from older servers). */
  reason?: string;
}

export interface PriorityGeographyProperties {
  id: string;
  name: string;
  status: 'confirmed' | 'derived';
  sourceUrl: string | null;
  notes: string;
  members: PriorityMember[];
  reasons: { id: string; name: string; reason: string }[];
  population: number | null;
  index: { percentile: number | null; bestRank: number | null; worstRank: number | null; flagCount: number; membersRanked: number };
}

export interface PriorityGeographies extends FeatureCollection<Polygon | MultiPolygon, PriorityGeographyProperties> {
  version: string;
  rule: { minPercentile: number; maxMembersPerGeography: number; targetGeographies: number; targetMunicipalities: number; text: string };
  notes: string;
  features: Feature<Polygon | MultiPolygon, PriorityGeographyProperties>[];
}

export interface Investment {
  id: string;
  funder: string;
  grantee: string | null;
  amountUsd: number | null;
  amountNote: string | null;
  durationYears: number | null;
  startDate: string | null;
  focus: string | null;
  sourceUrl: string | null;
  municipalities: string[];
  unmappedPlaces: { name: string; note: string }[];
  ahemLink: string | null;
}

/** A need-vs-investment row: the API module's own definition. */
export type NeedInvestmentRow = NeedRow;

export interface NeedInvestment {
  version: string;
  highNeedPercentile: number;
  definition: string;
  items: NeedInvestmentRow[];
}

export interface SearchHit {
  level: Level;
  id: string;
  name: string;
  percentile: number | null;
  rank: number | null;
  match: string;
  zip?: string;
  poName?: string;
}

export interface Methods {
  version: string;
  method: { id: string; label: string; flagPercentile: number; domains: { id: string; label: string; weight: number }[]; monteCarlo: { draws: number; interval: number } };
  indicators: { id: string; label: string; domain: string; unit: string; vintage: string; citation: string; ranked: boolean }[];
}

/** How each place's rank moves under other reasonable weightings (GET /v1/sensitivity, method 1.1 on): the route's own type. */
export type { Sensitivity };
export type SensitivityItem = Sensitivity['items'][number];

/** An API error carrying the problem+json detail, so the page can say what went wrong. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** GET a JSON answer; a failure is an ApiError carrying the problem's detail (or the status line). */
export async function getJson<T>(url: string, fetchImpl: typeof fetch = fetch): Promise<T> {
  const res = await fetchImpl(url, { headers: { accept: 'application/json' } });
  if (!res.ok) {
    let detail = `${res.status} ${res.statusText}`;
    try {
      const problem = (await res.json()) as { title?: string; detail?: string };
      detail = problem.detail ?? problem.title ?? detail;
    } catch {
      /* not problem+json: keep the status line */
    }
    throw new ApiError(res.status, detail);
  }
  return (await res.json()) as T;
}

export const fetchGeometry = (level: Level, f?: typeof fetch) => getJson<Geometry>(`/v1/geometry/${level}`, f);
export const fetchLayers = (level: Level, f?: typeof fetch) => getJson<MeasureTable>(`/v1/layers/${level}`, f);
export const fetchPlace = (level: Level, id: string, f?: typeof fetch) => getJson<PlaceDetail>(`/v1/places/${level}/${encodeURIComponent(id)}`, f);
export const fetchPriorityGeographies = (f?: typeof fetch) => getJson<PriorityGeographies>('/v1/priority-geographies', f);
export const fetchInvestments = (f?: typeof fetch) => getJson<{ items: Investment[] }>('/v1/investments', f).then((r) => r.items);
export const fetchNeedInvestment = (f?: typeof fetch) => getJson<NeedInvestment>('/v1/need-investment?level=town', f);
/** The sensitivity of ranks at a level; null when the version has none (computed before method 1.1: 404). */
export const fetchSensitivity = (level: Level, f?: typeof fetch) =>
  getJson<Sensitivity>(`/v1/sensitivity?level=${level}`, f).catch((e: unknown) => {
    if (e instanceof ApiError && e.status === 404) return null;
    throw e;
  });
export const fetchMethods = (f?: typeof fetch) => getJson<Methods>('/v1/methods', f);
export const searchPlaces = (q: string, f?: typeof fetch) => getJson<{ items: SearchHit[] }>(`/v1/search?q=${encodeURIComponent(q)}`, f).then((r) => r.items);

/** One ZCTA × town pair of the population-weighted crosswalk (GET /v1/crosswalk). */
export interface CrosswalkRow {
  zcta: string;
  town_geoid: string;
  /** Share of the ZCTA's residents living in the town. */
  frac_of_zcta: number;
  frac_of_town: number;
}
export const fetchZctaTownCrosswalk = (f?: typeof fetch) => getJson<{ rows: CrosswalkRow[] }>('/v1/crosswalk?from=zcta&to=town&weight=population', f).then((r) => r.rows);
