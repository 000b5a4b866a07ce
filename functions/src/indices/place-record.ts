import type { DomainResult, IndicatorResult } from './compute-index.js';
import type { Domain, IndicatorSpec, MethodSpec } from './indicator-registry.js';
import type { CountyContext } from '../sources/county-context.js';
import type { StateReference } from './state-reference.js';

/** Geographic levels the indices are computed for. */
export const LEVELS = ['town', 'zcta'] as const;
export type Level = (typeof LEVELS)[number];

/** What a place's headline score measures, shown next to every value (unit, source, vintage). */
export interface MeasureInfo {
  id: string;
  label: string;
  unit: string;
  /** "higher is worse": a high percentile always marks more disadvantage. */
  direction: 'higher_is_worse';
  description: string;
  sourceIds: string[];
  vintage: string;
}

/** Stored per place: value, SE, percentile, flag. Labels, sources and derivations live once in the version meta. */
export type PlaceIndicator = IndicatorResult;

/** One place's published values in one version (docs/method.md). */
export interface PlaceRecord {
  level: Level;
  id: string;
  name: string;
  county: string | null;
  /** 5-digit county FIPS (towns); context for it is in the version's countyContext. */
  countyFips: string | null;
  population: number | null;
  /** Overall index score: weighted mean of domain percentile ranks (0–1); null = no data (see noDataReason). */
  score: number | null;
  /** Overall percentile 0–100 among places of the level with an overall score; null = no data. */
  percentile: number | null;
  /** 90 % interval of `percentile` (0–100) from the Monte Carlo draws. */
  percentileInterval: [number, number] | null;
  /** 1 = most disadvantaged; ties share the best rank. */
  rank: number | null;
  rankInterval: [number, number] | null;
  noDataReason: string | null;
  /** ma-hei-1.1: false = shown with its values but not ranked (too few residents); absent in 1.0 versions = ranked. */
  ranked?: boolean;
  flagCount: number;
  domains: Record<Domain, DomainResult>;
  indicators: Record<string, PlaceIndicator>;
}

/** Bumped when the stored shape of versions changes; `npm start` recomputes a stored version of another schema. */
export const STORE_SCHEMA = 5; // 3: versions carry priority-geographies/<version>.geojson (issue 5); 4: method 1.1 value qualifiers, as-of date, sensitivity blobs (issue 12); 5: full-resolution outlines (geometry-full/), content hash and code provenance (issue 15)

export interface VersionMeta {
  version: string;
  /** STORE_SCHEMA of the code that wrote this version (absent before schema 2). */
  schema?: number;
  createdAt: string;
  status: 'writing' | 'complete' | 'abandoned' | 'retired';
  counts: Record<Level, number>;
  measures: Record<Level, MeasureInfo>;
  method: MethodSpec;
  indicators: IndicatorSpec[];
  /** Per level, how each indicator reached it ("native (ZCTA)", "population-weighted mean of …"); null = not available there. */
  derivation: Record<Level, Record<string, string | null>>;
  /** County-level context (SVI 2022, PLACES county, CHR 2011) by county FIPS: shown beside towns, never ranked with them. */
  countyContext: Record<string, CountyContext>;
  /** publisher, license and landingPage: recorded since issue 15 (the API fills them from data/sources.json by id for older versions). */
  sources: { id: string; title: string; vintage: string; sha256: string; downloadUrl: string; publisher?: string; license?: string; landingPage?: string | null }[];
  /** ma-hei-1.1: the day the index describes (YYYY-MM-DD): facility closures up to it are applied. */
  asOf?: string;
  /** ma-hei-1.1: towns where a hospital in a neighbouring state may be nearer than any in Massachusetts (docs/method.md §2b). */
  outOfStateLimitedTowns?: string[];
  /** ma-hei-1.1: facilities of the source layers left out because they had closed by `asOf`. */
  closedFacilities?: { id: string; name: string; effectiveDate: string; sourceUrl: string }[];
  /** Per indicator, the Massachusetts value shown beside a place's (issue 13); absent in versions published before it. */
  stateReference?: Record<string, StateReference>;
  /** Seconds per pipeline stage for this run. */
  timings?: Record<string, number>;
  /** What the version was computed from (pipeline/run-inputs.ts): a run with equal inputs publishes nothing. Absent before issue 17. */
  inputs?: VersionInputs;
  /** sha256 of the published outputs (pipeline/content-hash.ts): equal for two runs of the same code on the same inputs. Absent before issue 15. */
  contentSha256?: string;
  /** The code that computed it: git commit (null without git) and package version (pipeline/code-provenance.ts). Absent before issue 15. */
  code?: { gitCommit: string | null; gitDirty: boolean | null; packageVersion: string };
  /** Kept by the retention rule whatever its age (a citation relies on it): `npm run versions -- pin <id>`. */
  pinned?: boolean;
}

/** Sources (id → sha256), method id and hash of method + registry + config, and code revision of a run. */
export interface VersionInputs {
  sources: Record<string, string>;
  methodId: string;
  methodSha256: string;
  codeRevision: string;
}
