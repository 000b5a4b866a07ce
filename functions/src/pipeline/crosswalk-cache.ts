import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { OVERLAY_KERNEL_VERSION } from '../geo/geos-kernel.js';

export interface CacheResult<T> {
  value: T;
  /** True when read from disk, false when computed (and written). */
  hit: boolean;
  file: string;
}

/**
 * Cache key for an overlay: the kind of result, the sha256 of every input file
 * (from data/sources.json, already verified by readSource) and the kernel/projection
 * version. Unchanged boundaries are never recomputed; any change to a boundary
 * file or to the overlay code's version string yields a new key.
 */
export function crosswalkCacheKey(kind: string, inputSha256: readonly string[], kernel = OVERLAY_KERNEL_VERSION): string {
  const digest = createHash('sha256').update(JSON.stringify({ kind, inputSha256, kernel })).digest('hex');
  return `${kind}-${digest.slice(0, 32)}`;
}

/**
 * Read `<dir>/<key>.json`, or compute and write it. The pipeline passes
 * `<STATE_DIR>/cache` (default `.data/cache`). An entry that cannot be read,
 * is not JSON, or fails `parse` (truncated write, older shape) is ignored and
 * recomputed — a cache must never be able to break a run. Writes go to a
 * temporary file renamed into place, so a crash never leaves half an entry.
 */
export async function cachedCrosswalk<T>(dir: string, key: string, compute: () => Promise<T>, parse: (json: unknown) => T): Promise<CacheResult<T>> {
  const file = path.join(dir, `${key}.json`);
  try {
    const envelope = JSON.parse(readFileSync(file, 'utf8')) as { key?: unknown; value?: unknown };
    if (envelope.key === key) return { value: parse(envelope.value), hit: true, file };
  } catch {
    // Missing, unreadable or corrupt: fall through and recompute.
  }
  const value = await compute();
  mkdirSync(dir, { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify({ key, kernel: OVERLAY_KERNEL_VERSION, createdAt: new Date().toISOString(), value }));
  renameSync(tmp, file);
  return { value, hit: false, file };
}
