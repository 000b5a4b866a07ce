import type { IndexStore } from '../store/index-store.js';

export interface Rollback {
  from: string | null;
  to: string;
  /** False when `to` already was current (nothing written). */
  moved: boolean;
}

/**
 * Roll the published data back (or forward) to an existing complete version: only the version pointer
 * moves (versions are immutable), atomically and only if no run published meanwhile. Refuses a version
 * that is missing, still writing, abandoned or retired (VersionNotCompleteError).
 */
export async function rollbackVersion(store: IndexStore, to: string): Promise<Rollback> {
  const from = (await store.getCurrentVersion())?.version ?? null;
  if (from === to) return { from, to, moved: false };
  await store.movePointer(to, from);
  return { from, to, moved: true };
}
