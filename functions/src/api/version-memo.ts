/**
 * Values derived from one immutable version (search index, spatial index),
 * built once on first use and kept; a failed build is not kept, so the next
 * request retries.
 */
export class VersionMemo<T> {
  private readonly built = new Map<string, Promise<T>>();

  constructor(private readonly build: (version: string) => Promise<T>) {}

  get(version: string): Promise<T> {
    let value = this.built.get(version);
    if (!value) {
      value = this.build(version);
      value.catch(() => this.built.delete(version));
      this.built.set(version, value);
    }
    return value;
  }
}
