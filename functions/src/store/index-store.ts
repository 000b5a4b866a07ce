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
   * `expectedCurrent` (null = none yet). Throws StaleVersionError otherwise. `seal.contentSha256`, the hash of
   * everything written (pipeline/content-hash.ts), is recorded in the version's meta in the same write.
   */
  publishVersion(version: string, expectedCurrent: string | null, seal?: { contentSha256: string }): Promise<void>;
  /**
   * Mark a version that is still "writing" (or already "abandoned") as "abandoned", so it can never be
   * published. False when it is neither: published meanwhile, or gone.
   */
  abandonVersion(version: string): Promise<boolean>;
  /** Delete an abandoned (or retired) version's place items, then its record (only while it is "abandoned" or "retired"). */
  deleteAbandonedVersion(version: string): Promise<void>;
  /**
   * Mark a complete version "retired" (pipeline/version-retention.ts), so readers stop serving it and it can
   * no longer be made current. False — and nothing changes — when it is current, pinned, or not complete.
   */
  retireVersion(version: string): Promise<boolean>;
  /** Pin (or unpin) a complete version: the retention rule keeps pinned versions whatever their age. False when not complete. */
  setPinned(version: string, pinned: boolean): Promise<boolean>;
  /**
   * Roll the pointer to an existing complete version (cli/rollback.ts), atomically and only if the current
   * pointer still is `expectedCurrent`. Throws StaleVersionError when the pointer moved, and
   * VersionNotCompleteError when `version` is missing or not complete.
   */
  movePointer(version: string, expectedCurrent: string | null): Promise<void>;
  listPlaces(version: string, level: Level): Promise<PlaceRecord[]>;
  getPlace(version: string, level: Level, id: string): Promise<PlaceRecord | null>;
}

/** A version record's headline fields (`Query PK = VERSIONS`, projected). */
export interface VersionSummary {
  version: string;
  /** "abandoned": a crashed run's version being swept away (pipeline/sweep-abandoned-versions.ts). */
  status: 'writing' | 'complete' | 'abandoned' | 'retired';
  /** Kept by the retention rule whatever its age (setPinned). */
  pinned: boolean;
  createdAt: string;
  methodId: string | null;
  counts: Record<Level, number>;
  schema: number | null;
  /** sha256 of the version's outputs and the revision of the code that computed it (issue 15); null before they were recorded. */
  contentSha256?: string | null;
  codeRevision?: string | null;
}

export class StaleVersionError extends Error {
  constructor(version: string, expected: string | null) {
    super(`cannot publish ${version}: the current version is no longer ${expected ?? '(none)'} — another pipeline run published first`);
    this.name = 'StaleVersionError';
  }
}

export class VersionNotCompleteError extends Error {
  constructor(version: string, status: string | null) {
    super(`${version} cannot be made current: ${status === null ? 'no such version' : `its status is "${status}", not "complete"`}`);
    this.name = 'VersionNotCompleteError';
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

/** Full-resolution outlines of a level (source coordinates, not simplified or rounded); versions before issue 15 have none. */
export function fullGeometryKey(version: string, level: Level): string {
  return `geometry-full/${version}/${level}.geojson`;
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
    ...LEVELS.map((level) => fullGeometryKey(version, level)),
    crosswalkKey(version, 'area'),
    crosswalkKey(version, 'population'),
    zipTableKey(version),
    priorityGeographiesKey(version),
    ...LEVELS.map((level) => sensitivityKey(version, level)),
  ];
}
