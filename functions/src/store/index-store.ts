import { LEVELS, type Level, type PlaceRecord, type VersionMeta } from '../indices/place-record.js';

/**
 * Storage of published index versions. One DynamoDB implementation serves
 * both local (DynamoDB Local) and AWS; only the endpoint differs.
 */
export interface IndexStore {
  /** The version readers should see, or null before the first successful pipeline run. */
  getCurrentVersion(): Promise<VersionMeta | null>;
  getVersion(version: string): Promise<VersionMeta | null>;
  /** Every version record (complete and still writing), newest first, without the bulky registry. */
  listVersions(): Promise<VersionSummary[]>;
  /** Record a version as "writing": invisible to readers until published. */
  beginVersion(meta: VersionMeta): Promise<void>;
  putPlaces(version: string, places: PlaceRecord[], onProgress?: (written: number) => void): Promise<void>;
  /**
   * Make `version` current, atomically, only if the current pointer still is
   * `expectedCurrent` (null = none yet). Throws StaleVersionError otherwise.
   */
  publishVersion(version: string, expectedCurrent: string | null): Promise<void>;
  /**
   * Mark a version that is still "writing" (or already "abandoned") as "abandoned", so it can never be
   * published. False when it is neither: published meanwhile, or gone.
   */
  abandonVersion(version: string): Promise<boolean>;
  /** Delete an abandoned version's place items, then its record (only while it is "abandoned"). */
  deleteAbandonedVersion(version: string): Promise<void>;
  listPlaces(version: string, level: Level): Promise<PlaceRecord[]>;
  getPlace(version: string, level: Level, id: string): Promise<PlaceRecord | null>;
}

/** A version record's headline fields (`Query PK = VERSIONS`, projected). */
export interface VersionSummary {
  version: string;
  /** "abandoned": a crashed run's version being swept away (pipeline/sweep-abandoned-versions.ts). */
  status: 'writing' | 'complete' | 'abandoned';
  createdAt: string;
  methodId: string | null;
  counts: Record<Level, number>;
  schema: number | null;
}

export class StaleVersionError extends Error {
  constructor(version: string, expected: string | null) {
    super(`cannot publish ${version}: the current version is no longer ${expected ?? '(none)'} — another pipeline run published first`);
    this.name = 'StaleVersionError';
  }
}

/** Large artifacts (map geometry) live beside the table, not in items (400 KB item limit). */
export interface BlobStore {
  put(key: string, body: string, contentType: string): Promise<void>;
  get(key: string): Promise<string | null>;
}

/** What the pipeline needs of blobs: it also removes an abandoned version's (readers never delete). */
export interface PipelineBlobStore extends BlobStore {
  /** Remove the blob; a missing one is not an error. */
  delete(key: string): Promise<void>;
}

export function geometryKey(version: string, level: Level): string {
  return `geometry/${version}/${level}.geojson`;
}

export function crosswalkKey(version: string, weight: 'area' | 'population'): string {
  return `crosswalk/${version}/zcta-town-${weight}.json`;
}

/** The version's priority geographies (GeoJSON FeatureCollection with members and reasons). */
export function priorityGeographiesKey(version: string): string {
  return `priority-geographies/${version}.geojson`;
}

/** USPS ZIP → ZCTA table (UDS Mapper) of a version, for ZIP search; under crosswalk/ like the other joins. */
export function zipTableKey(version: string): string {
  return `crosswalk/${version}/zip-zcta.json`;
}

/** Rank sensitivity of a version at one level (indices/sensitivity.ts); versions before it have none. */
export function sensitivityKey(version: string, level: Level): string {
  return `sensitivity/${version}/${level}.json`;
}

/** Every blob a pipeline run writes for a version (what a sweep of an abandoned version deletes). */
export function versionBlobKeys(version: string): string[] {
  return [
    ...LEVELS.map((level) => geometryKey(version, level)),
    crosswalkKey(version, 'area'),
    crosswalkKey(version, 'population'),
    zipTableKey(version),
    priorityGeographiesKey(version),
    ...LEVELS.map((level) => sensitivityKey(version, level)),
  ];
}
