import { versionBlobKeys, type IndexStore, type PipelineBlobStore, type VersionSummary } from '../store/index-store.js';
import type { Progress } from './progress.js';

/**
 * Which old versions the pipeline may delete (docs/storage.md, "Retention"). A version is kept when it is
 * the current one (and so readers' default), pinned (a citation relies on it: `npm run versions -- pin`),
 * the newest complete version of its method (what that published method's documentation describes),
 * among the `keepLatest` newest complete versions (rollback targets), or younger than `keepDays` (any
 * citation of a recent version still resolves). Versions not complete are the sweep's, never retention's.
 */
export interface RetentionRule {
  keepDays: number;
  keepLatest: number;
}

/** A year of versions: with skip-unchanged, a handful (one per source or code change), not 365. */
export const DEFAULT_RETENTION: RetentionRule = { keepDays: 365, keepLatest: 3 };

/** Pure: the versions the rule lets go, oldest first. */
export function versionsToRetire(versions: readonly VersionSummary[], current: string | null, rule: RetentionRule, now: Date): string[] {
  if (!Number.isInteger(rule.keepLatest) || rule.keepLatest < 1) throw new Error(`keepLatest: expected an integer ≥ 1, got ${rule.keepLatest}`);
  if (!(rule.keepDays >= 0)) throw new Error(`keepDays: expected a number ≥ 0, got ${rule.keepDays}`);
  const complete = versions.filter((v) => v.status === 'complete').sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
  const keep = new Set<string>(complete.slice(0, rule.keepLatest).map((v) => v.version));
  if (current !== null) keep.add(current);
  const newestOfMethod = new Set<string>();
  for (const v of complete) {
    const method = v.methodId ?? '(none)';
    if (!newestOfMethod.has(method)) {
      newestOfMethod.add(method);
      keep.add(v.version);
    }
  }
  const cutoff = now.getTime() - rule.keepDays * 86_400_000;
  return complete
    .filter((v) => !keep.has(v.version) && !v.pinned && !(Date.parse(v.createdAt) >= cutoff))
    .map((v) => v.version)
    .reverse();
}

/**
 * Retire what the rule lets go, and finish any retirement an interrupted run left: each is marked "retired"
 * (conditionally: never the current or a pinned version, so a rollback or pin meanwhile wins), then its
 * blobs, place items and record are deleted. Returns the versions removed.
 */
export async function applyRetention(store: IndexStore, blobs: PipelineBlobStore, rule: RetentionRule, options: { now?: Date; progress?: Progress } = {}): Promise<string[]> {
  const versions = await store.listVersions();
  const current = (await store.getCurrentVersion())?.version ?? null;
  const candidates = [...versions.filter((v) => v.status === 'retired').map((v) => v.version), ...versionsToRetire(versions, current, rule, options.now ?? new Date())];
  const removed: string[] = [];
  for (const version of candidates) {
    if (!(await store.retireVersion(version))) continue;
    for (const key of versionBlobKeys(version)) await blobs.delete(key);
    await store.deleteAbandonedVersion(version);
    removed.push(version);
  }
  if (removed.length > 0) options.progress?.step(`retention (keep ${rule.keepLatest} newest, ${rule.keepDays} days, newest per method, pinned): deleted ${removed.join(', ')}`);
  return removed;
}
