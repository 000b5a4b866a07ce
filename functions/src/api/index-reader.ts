import type { Level, PlaceRecord, VersionMeta } from '../indices/place-record.js';
import { geometryKey, type BlobStore, type IndexStore, type VersionSummary } from '../store/index-store.js';
import { problems } from './problem.js';

interface LevelData {
  list: PlaceRecord[];
  byId: Map<string, PlaceRecord>;
}

/**
 * Read side of the API. Published versions are immutable, so each version's
 * places and geometry are cached in memory after the first read; only the
 * "current" pointer is re-read, at most every `pointerTtlMs`.
 */
export class IndexReader {
  private current: { meta: VersionMeta | null; at: number } | null = null;
  private readonly levels = new Map<string, Promise<LevelData>>();
  private readonly geometry = new Map<string, Promise<string | null>>(); // blobs by key
  private versions: { list: VersionSummary[]; at: number } | null = null;
  private readonly metas = new Map<string, Promise<VersionMeta | null>>(); // published version records by id

  constructor(
    private readonly store: IndexStore,
    private readonly blobs: BlobStore,
    private readonly options: { pointerTtlMs?: number; now?: () => number } = {},
  ) {}

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
    if (!meta) {
      meta = this.guard(() => this.store.getVersion(version)).then((m) => (m && m.status === 'complete' ? m : null));
      // Only complete versions are immutable; an unknown or half-written id is asked again next time.
      meta.then((m) => m === null && this.metas.delete(version), () => this.metas.delete(version));
      this.metas.set(version, meta);
    }
    return meta;
  }

  private levelData(version: string, level: Level): Promise<LevelData> {
    const key = `${version}#${level}`;
    let data = this.levels.get(key);
    if (!data) {
      data = this.guard(() => this.store.listPlaces(version, level)).then((list) => {
        list.sort((a, b) => a.id.localeCompare(b.id));
        return { list, byId: new Map(list.map((p) => [p.id, p])) };
      });
      data.catch(() => this.levels.delete(key)); // do not cache failures
      this.levels.set(key, data);
    }
    return data;
  }

  async listPlaces(version: string, level: Level): Promise<PlaceRecord[]> {
    return (await this.levelData(version, level)).list;
  }

  async getPlace(version: string, level: Level, id: string): Promise<PlaceRecord | null> {
    return (await this.levelData(version, level)).byId.get(id) ?? null;
  }

  geometryJson(version: string, level: Level): Promise<string | null> {
    return this.blob(geometryKey(version, level));
  }

  /** A published artifact (geometry, crosswalk) by key; immutable, so cached after the first read. */
  blob(key: string): Promise<string | null> {
    let data = this.geometry.get(key);
    if (!data) {
      data = this.guard(() => this.blobs.get(key));
      data.catch(() => this.geometry.delete(key));
      this.geometry.set(key, data);
    }
    return data;
  }
}
