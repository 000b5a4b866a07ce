import type { Context } from 'hono';

/**
 * Default byte budget of one cache. Bytes, not entries: 2,000 list pages of
 * ~600 KB each took a 1 GB Lambda to 1.28 GB RSS (issue 14). Four caches
 * (places, custom index, layers, sensitivity) stay under 256 MiB together.
 */
export const RESPONSE_CACHE_MAX_BYTES = 64 * 1024 * 1024;

/** Encodes each answer once; TextEncoder gives each its own buffer (Buffer.from would pin a shared 8 KiB pool slab per small answer). */
const utf8 = new TextEncoder();

/**
 * Serialized JSON answers keyed by version and request: a version never
 * changes, so the same request always gets the same bytes. LRU (Map insertion
 * order) bounded by entries and by bytes, so hot places, lists and weight sets
 * are served without rebuilding or re-serializing them, and memory stays
 * capped however many distinct queries arrive. An answer larger than the whole
 * budget is served but not kept.
 *
 * Bodies are kept as UTF-8 bytes, not strings: one character outside Latin-1
 * (a "—") makes V8 hold the whole answer as a two-byte string, and sending that
 * cost a UTF-8 length count and an encode on every request, about half the CPU
 * of a cached GET (docs/api-performance.md).
 */
export class ResponseCache {
  private readonly entries = new Map<string, { body: Uint8Array<ArrayBuffer>; bytes: number }>();
  private bytes = 0;
  private readonly maxBytes: number;

  constructor(
    private readonly maxEntries = 2_000,
    options: { maxBytes?: number } = {},
  ) {
    this.maxBytes = options.maxBytes ?? RESPONSE_CACHE_MAX_BYTES;
  }

  /** Bytes held now (the UTF-8 bodies). */
  get size(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }

  async json(c: Context, key: string, build: () => unknown | Promise<unknown>): Promise<Response> {
    let entry = this.entries.get(key);
    if (entry === undefined) {
      const body = utf8.encode(JSON.stringify(await build()));
      entry = { body, bytes: body.byteLength };
      if (this.entries.has(key)) this.remove(key); // built twice concurrently: keep one copy
      if (entry.bytes <= this.maxBytes) this.add(key, entry);
    } else {
      this.entries.delete(key); // re-inserted as the most recently used
      this.entries.set(key, entry);
    }
    return c.body(entry.body, 200, { 'content-type': 'application/json' });
  }

  private add(key: string, entry: { body: Uint8Array<ArrayBuffer>; bytes: number }): void {
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
