/**
 * Stale data (issue 17, item 8): how long the published version has lagged
 * the sources it should be computed from. The pipeline reports this after
 * every run (pipeline/run-log.ts emits it as a CloudWatch metric) and an
 * alarm fires when it stays above a few days (infra/lib/constructs/alarms.ts).
 */
export const STALE_DATA_METRIC = { namespace: 'EquityAtlas', name: 'StaleSourceDays', dimension: 'Stack' } as const;

export interface StalenessInput {
  /** The deployed source manifest (data/sources.json): what the next version should be computed from. */
  manifest: readonly { id: string; path: string; sha256: string }[];
  /** The current version: when it was created and the sources' sha256 it was computed from; null before the first. */
  current: { createdAt: string; sources: readonly { id: string; sha256: string }[] } | null;
  /** When a staged file was last uploaded (S3 LastModified of sources/<path>), if it is there. */
  uploadedAt: (path: string) => Date | undefined;
  now: Date;
}

const DAY_MS = 86_400_000;

/**
 * 0 when the current version was computed from exactly the manifest's
 * sources. Otherwise the days since the newest upload of a changed source
 * (new data waiting for a successful run), or, when none of the changed
 * files has been uploaded yet, since the current version was created (the
 * deployed manifest asks for data nobody staged). Before the first version,
 * the days since the newest upload (0 when nothing is uploaded: a fresh
 * account is not stale). Rounded to 0.1 day.
 */
export function staleSourceDays({ manifest, current, uploadedAt, now }: StalenessInput): number {
  const published = new Map((current?.sources ?? []).map((s) => [s.id, s.sha256]));
  const changed = manifest.filter((s) => published.get(s.id) !== s.sha256);
  if (changed.length === 0) return 0;
  const uploads = changed.map((s) => uploadedAt(s.path)?.getTime()).filter((t): t is number => t !== undefined);
  const since = uploads.length > 0 ? Math.max(...uploads) : current ? Date.parse(current.createdAt) : now.getTime();
  return Math.max(0, Math.round(((now.getTime() - since) / DAY_MS) * 10) / 10);
}
