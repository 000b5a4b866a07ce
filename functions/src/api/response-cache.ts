import type { Context } from 'hono';

/**
 * Default byte budget of one cache. Bytes, not entries: 2,000 list pages of
 * ~600 KB each took a 1 GB Lambda to 1.28 GB RSS (issue 14). Four caches
 * (places, custom index, layers, sensitivity) stay under 256 MiB together.
 */
export const RESPONSE_CACHE_MAX_BYTES = 64 * 1024 * 1024;

/**
 * Memory V8 holds for a string: one byte per character when every character is
 * Latin-1, two otherwise (a single "—" makes the whole string two-byte).
 */
export function heldBytes(s: string): number {
  // eslint-disable-next-line no-control-regex
  return /[^\u0000-\u00ff]/.test(s) ? 2 * s.length : s.length;
}

/**
 * Serialized JSON answers keyed by version and request: a version never
 * changes, so the same request always gets the same bytes. LRU (Map insertion
 * order) bounded by entries and by bytes, so hot places, lists and weight sets
 * are served without rebuilding or re-serializing them, and memory stays
 * capped however many distinct queries arrive. An answer larger than the whole
 * budget is served but not kept.
 */
export class ResponseCache {
  private readonly entries = new Map<string, { body: string; bytes: number }>();
  private bytes = 0;
  private readonly maxBytes: number;

  constructor(
    private readonly maxEntries = 2_000,
    options: { maxBytes?: number } = {},
  ) {
    this.maxBytes = options.maxBytes ?? RESPONSE_CACHE_MAX_BYTES;
  }

  /** Bytes held now (heldBytes of every body). */
  get size(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }

  async json(c: Context, key: string, build: () => unknown | Promise<unknown>): Promise<Response> {
    let entry = this.entries.get(key);
    if (entry === undefined) {
      const body = JSON.stringify(await build());
      entry = { body, bytes: heldBytes(body) };
      if (this.entries.has(key)) this.remove(key); // built twice concurrently: keep one copy
      if (entry.bytes <= this.maxBytes) this.add(key, entry);
    } else {
      this.entries.delete(key); // re-inserted as the most recently used
      this.entries.set(key, entry);
    }
    return c.body(entry.body, 200, { 'content-type': 'application/json' });
  }

  private add(key: string, entry: { body: string; bytes: number }): void {
    while (this.entries.size > 0 && (this.entries.size >= this.maxEntries || this.bytes + entry.bytes > this.maxBytes)) {
      this.remove(this.entries.keys().next().value!);
    }
    this.entries.set(key, entry);
    this.bytes += entry.bytes;
  }

  private remove(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= entry.bytes;
  }
}
