import { CACHED_VERSIONS } from './index-reader.js';

/**
 * Values derived from one immutable version (search index, spatial index),
 * built once on first use and kept for the `maxVersions` most recently used
 * versions (LRU in Map insertion order, like IndexReader's data); a failed
 * build is not kept, so the next request retries.
 */
export class VersionMemo<T> {
  private readonly built = new Map<string, Promise<T>>();

  constructor(
    private readonly build: (version: string) => Promise<T>,
    private readonly maxVersions = CACHED_VERSIONS,
  ) {}

  get(version: string): Promise<T> {
    let value = this.built.get(version);
    if (value) this.built.delete(version); // re-inserted below as the most recently used
    else {
      value = this.build(version);
      const asked = value;
      asked.catch(() => this.built.get(version) === asked && this.built.delete(version));
      while (this.built.size >= Math.max(1, this.maxVersions)) this.built.delete(this.built.keys().next().value!);
    }
    this.built.set(version, value);
    return value;
  }

  /** Versions held now, least recently used first. */
  versions(): string[] {
    return [...this.built.keys()];
  }
}
