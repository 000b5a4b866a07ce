import type { Level, PlaceRecord, VersionMeta } from '../indices/place-record.js';
import { geometryKey, type BlobStore, type IndexStore, type VersionSummary } from '../store/index-store.js';
import { problems } from './problem.js';

interface LevelData {
  list: PlaceRecord[];
  byId: Map<string, PlaceRecord>;
}

/** What the reader keeps of one version: its places per level and its blobs (geometry, crosswalks…) by key. */
interface VersionData {
  levels: Map<Level, Promise<LevelData>>;
  blobs: Map<string, Promise<string | null>>;
}

/** Versions whose data stay in memory: the current one and the two most recently used others. */
export const CACHED_VERSIONS = 3;
/** Version records (VersionMeta, tens of KB each) kept for /v1/versions/{id}. */
const CACHED_METAS = 16;

/**
 * The version a published artifact belongs to. Every key built in
 * store/index-store.ts is `<kind>/<version>/<file>` or `<kind>/<version>.<ext>`;
 * version ids contain dots ("ma-hei-1.0-…"), so only a known extension is cut.
 */
export function blobKeyVersion(key: string): string {
  const [, second, third] = key.split('/');
  if (second === undefined) return key;
  return third === undefined ? second.replace(/\.(geo)?json$/, '') : second;
}

/**
 * Read side of the API. Published versions are immutable, so each version's
 * places and blobs are cached in memory after the first read, for the
 * `maxVersions` most recently used versions (the current one is never the one
 * evicted: LRU in Map insertion order). Only the "current" pointer is re-read,
 * at most every `pointerTtlMs`.
 */
export class IndexReader {
  private current: { meta: VersionMeta | null; at: number } | null = null;
  private readonly data = new Map<string, VersionData>(); // by version, least recently used first
  private versions: { list: VersionSummary[]; at: number } | null = null;
  private readonly metas = new Map<string, Promise<VersionMeta | null>>(); // published version records by id, LRU

  constructor(
    private readonly store: IndexStore,
    private readonly blobs: BlobStore,
    private readonly options: { pointerTtlMs?: number; now?: () => number; maxVersions?: number } = {},
  ) {}

  /** The version's cache, marked most recently used; drops the least recently used other than current beyond `maxVersions`. */
  private versionData(version: string): VersionData {
    let entry = this.data.get(version);
    if (entry) this.data.delete(version);
    else entry = { levels: new Map(), blobs: new Map() };
    this.data.set(version, entry);
    const max = Math.max(1, this.options.maxVersions ?? CACHED_VERSIONS);
    const current = this.current?.meta?.version;
    for (const old of this.data.keys()) {
      if (this.data.size <= max) break;
      if (old !== current && old !== version) this.data.delete(old);
    }
    return entry;
  }

  /** Versions whose data are in memory now, least recently used first. */
  cachedVersions(): string[] {
    return [...this.data.keys()];
  }

  private now(): number {
    return this.options.now?.() ?? Date.now();
  }

  /** Store failures become a 503 problem; the cause is logged by the app's error handler. */
  private async guard<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (err) {
      throw Object.assign(problems.storeUnavailable(), { cause: err });
    }
  }

  async currentVersion(): Promise<VersionMeta | null> {
    const ttl = this.options.pointerTtlMs ?? 5_000;
    if (this.current && this.now() - this.current.at < ttl) return this.current.meta;
    const meta = await this.guard(() => this.store.getCurrentVersion());
    this.current = { meta, at: this.now() };
    return meta;
  }

  async requireCurrentVersion(): Promise<VersionMeta> {
    const meta = await this.currentVersion();
    if (!meta) throw problems.noVersion();
    return meta;
  }

  /** Complete (published) versions, newest first; like the pointer, re-read at most every `pointerTtlMs`. */
  async listVersions(): Promise<VersionSummary[]> {
    const ttl = this.options.pointerTtlMs ?? 5_000;
    if (this.versions && this.now() - this.versions.at < ttl) return this.versions.list;
    const list = (await this.guard(() => this.store.listVersions())).filter((v) => v.status === 'complete');
    this.versions = { list, at: this.now() };
    return list;
  }

  /** A published version's record by id (the current one or any earlier); null when unknown or still being written. */
  versionMeta(version: string): Promise<VersionMeta | null> {
    let meta = this.metas.get(version);
    if (meta) this.metas.delete(version); // re-inserted below as the most recently used
    else {
      meta = this.guard(() => this.store.getVersion(version)).then((m) => (m && m.status === 'complete' ? m : null));
      // Only complete versions are immutable; an unknown or half-written id is asked again next time.
      const asked = meta;
      asked.then((m) => m === null && this.metas.get(version) === asked && this.metas.delete(version), () => this.metas.get(version) === asked && this.metas.delete(version));
      if (this.metas.size >= CACHED_METAS) this.metas.delete(this.metas.keys().next().value!);
    }
    this.metas.set(version, meta);
    return meta;
  }

  private levelData(version: string, level: Level): Promise<LevelData> {
    const levels = this.versionData(version).levels;
    let data = levels.get(level);
    if (!data) {
      data = this.guard(() => this.store.listPlaces(version, level)).then((list) => {
        list.sort((a, b) => a.id.localeCompare(b.id));
        return { list, byId: new Map(list.map((p) => [p.id, p])) };
      });
      const asked = data;
      asked.catch(() => levels.get(level) === asked && levels.delete(level)); // do not cache failures
      levels.set(level, data);
    }
    return data;
  }

  async listPlaces(version: string, level: Level): Promise<PlaceRecord[]> {
    return (await this.levelData(version, level)).list;
  }

  async getPlace(version: string, level: Level, id: string): Promise<PlaceRecord | null> {
    return (await this.levelData(version, level)).byId.get(id) ?? null;
  }

  /**
   * One place of any version without loading its level: from memory when the level is cached, else a
   * single-item read that caches nothing. A history across every version would otherwise load each
   * version's whole level and evict the ones other requests are using (only CACHED_VERSIONS stay).
   */
  async peekPlace(version: string, level: Level, id: string): Promise<PlaceRecord | null> {
    const cached = this.data.get(version)?.levels.get(level); // .get, not versionData(): leaves the LRU order alone
    if (cached) return (await cached).byId.get(id) ?? null;
    return this.guard(() => this.store.getPlace(version, level, id));
  }

  geometryJson(version: string, level: Level): Promise<string | null> {
    return this.blob(geometryKey(version, level));
  }

  /** A published artifact (geometry, crosswalk) by key; immutable, so cached with its version after the first read. */
  blob(key: string): Promise<string | null> {
    const blobs = this.versionData(blobKeyVersion(key)).blobs;
    let data = blobs.get(key);
    if (!data) {
      data = this.guard(() => this.blobs.get(key));
      const asked = data;
      asked.catch(() => blobs.get(key) === asked && blobs.delete(key));
      blobs.set(key, data);
    }
    return data;
  }
}
