import type { Context } from 'hono';

/**
 * Serialized JSON answers keyed by version and request: a version never
 * changes, so the same request always gets the same bytes. Bounded LRU (Map
 * insertion order), so hot places, lists and weight sets are served without
 * rebuilding or re-serializing them, and memory stays capped.
 */
export class ResponseCache {
  private readonly entries = new Map<string, string>();

  constructor(private readonly maxEntries = 2_000) {}

  async json(c: Context, key: string, build: () => unknown | Promise<unknown>): Promise<Response> {
    let body = this.entries.get(key);
    if (body === undefined) {
      body = JSON.stringify(await build());
      if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    } else this.entries.delete(key); // re-inserted below as most recently used
    this.entries.set(key, body);
    return c.body(body, 200, { 'content-type': 'application/json' });
  }
}
