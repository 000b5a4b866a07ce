import { versionBlobKeys, type IndexStore, type PipelineBlobStore } from '../store/index-store.js';
import type { Progress } from './progress.js';

/**
 * A version still "writing" this long after its run began belongs to a run that
 * crashed (a pipeline Lambda stops at 15 min; a local run takes a few minutes).
 * Younger ones may be a concurrent run's and are left alone.
 */
export const ABANDONED_AFTER_MS = 60 * 60_000;

/**
 * Delete the versions crashed runs left half-written (issue 14: they were never
 * cleaned up): each "writing" version created more than `olderThanMs` ago, and
 * any already marked "abandoned" (a sweep interrupted midway). Each is first
 * marked "abandoned" — conditionally, so a version published meanwhile is
 * skipped and one being swept can never be published — then its blobs, its
 * place items and finally its record are deleted. Complete versions, the
 * current one among them, are never touched. Returns the versions removed.
 * Every pipeline entry (npm run pipeline, npm start's first run, the pipeline
 * Lambda) calls it just before runPipeline.
 */
export async function sweepAbandonedVersions(
  store: IndexStore,
  blobs: PipelineBlobStore,
  options: { now?: Date; olderThanMs?: number; progress?: Progress } = {},
): Promise<string[]> {
  const cutoff = (options.now ?? new Date()).getTime() - (options.olderThanMs ?? ABANDONED_AFTER_MS);
  const candidates = (await store.listVersions()).filter(
    (v) => v.status === 'abandoned' || (v.status === 'writing' && Date.parse(v.createdAt) < cutoff),
  );
  const swept: string[] = [];
  for (const { version } of candidates) {
    if (!(await store.abandonVersion(version))) continue;
    for (const key of versionBlobKeys(version)) await blobs.delete(key);
    await store.deleteAbandonedVersion(version);
    swept.push(version);
  }
  if (swept.length > 0) options.progress?.step(`deleted ${swept.length} version(s) a crashed run left half-written: ${swept.join(', ')}`);
  return swept;
}
