import { z } from 'zod';

/**
 * Planning and checking for the data-fetch Lambda (pure: no network, no AWS).
 *
 * The sha256 in data/sources.json is of the *staged* file the pipeline reads,
 * which for most sources is a format conversion of the publisher's download
 * (see `format`/`stagedFrom` and shared/data/SOURCES.md). A fresh official
 * download therefore cannot be checked against it. This module verifies a
 * download only against a checksum known for that download (`downloadSha256`,
 * optional per source) or, when the staged file is an unmodified copy, the
 * staged sha256; otherwise it records the sha256 it saw, and says so.
 */
const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const FetchEntry = z.object({
  id: z.string().min(1),
  path: z.string().min(1),
  sha256: Sha256,
  downloadUrl: z.url(),
  downloadSha256: Sha256.optional(),
  format: z.string().optional(),
  stagedFrom: z.string().optional(),
});
export type FetchEntry = z.infer<typeof FetchEntry>;
const FetchManifest = z.object({ sources: z.array(FetchEntry).min(1) });

export interface FetchTarget {
  url: string;
  /** Every source id served by this download (e.g. full and simplified towns share one zip). */
  ids: string[];
  /** Object key of the raw download: raw/<first id>/<file name from the URL>. */
  key: string;
  /** Known sha256 of the official download, or null when none is published or recorded. */
  downloadSha256: string | null;
  staged: { id: string; path: string; sha256: string; format: string | null }[];
}

export type FetchStatus = 'verified' | 'recorded' | 'mismatch' | 'failed';

export interface FetchResult {
  url: string;
  ids: string[];
  key: string | null;
  status: FetchStatus;
  bytes: number | null;
  sha256: string | null;
  expectedSha256: string | null;
  note: string;
}

export interface FetchReport {
  fetchedAt: string;
  ok: boolean;
  counts: Record<FetchStatus, number>;
  results: FetchResult[];
}

/** File name for the raw object: the URL's last path segment, made safe for a key. */
export function rawFileName(url: string): string {
  const last = new URL(url).pathname.split('/').filter(Boolean).at(-1) ?? 'download';
  return last.replace(/[^A-Za-z0-9._-]/g, '_') || 'download';
}

/** One target per distinct download URL, in manifest order. Throws naming the manifest field on invalid input. */
export function planFetches(manifestJson: unknown): FetchTarget[] {
  const parsed = FetchManifest.safeParse(manifestJson);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`data/sources.json: ${issue.path.join('.')}: ${issue.message}`);
  }
  const byUrl = new Map<string, FetchTarget>();
  for (const s of parsed.data.sources) {
    let target = byUrl.get(s.downloadUrl);
    if (!target) {
      target = { url: s.downloadUrl, ids: [], key: `raw/${s.id}/${rawFileName(s.downloadUrl)}`, downloadSha256: null, staged: [] };
      byUrl.set(s.downloadUrl, target);
    }
    if (s.downloadSha256 && target.downloadSha256 && s.downloadSha256 !== target.downloadSha256) {
      throw new Error(`data/sources.json: sources "${target.ids[0]}" and "${s.id}" share ${s.downloadUrl} but give different downloadSha256`);
    }
    target.ids.push(s.id);
    target.downloadSha256 = s.downloadSha256 ?? target.downloadSha256;
    target.staged.push({ id: s.id, path: s.path, sha256: s.sha256, format: s.format ?? null });
  }
  return [...byUrl.values()];
}

/** Judge a completed download honestly: verified only against a checksum that applies to these bytes. */
export function checkDownload(target: FetchTarget, download: { bytes: number; sha256: string }): FetchResult {
  const base = { url: target.url, ids: target.ids, key: target.key, bytes: download.bytes, sha256: download.sha256 };
  if (target.downloadSha256) {
    const ok = download.sha256 === target.downloadSha256;
    return {
      ...base,
      status: ok ? 'verified' : 'mismatch',
      expectedSha256: target.downloadSha256,
      note: ok ? 'matches downloadSha256 in data/sources.json' : 'differs from downloadSha256 in data/sources.json: the publisher changed the file; review it before updating the manifest',
    };
  }
  const sameAsStaged = target.staged.find((s) => s.sha256 === download.sha256);
  if (sameAsStaged) {
    return { ...base, status: 'verified', expectedSha256: sameAsStaged.sha256, note: `byte-identical to the staged file ${sameAsStaged.path}` };
  }
  const conversions = target.staged.map((s) => `${s.path}${s.format ? ` (${s.format})` : ''}`).join('; ');
  return {
    ...base,
    status: 'recorded',
    expectedSha256: null,
    note:
      `no published checksum for this download; sha256 recorded, not verified. The pipeline reads the staged file(s) ${conversions}, ` +
      `derived from this download outside AWS and checked against data/sources.json by the pipeline; no conversion is done here`,
  };
}

export function failedResult(target: FetchTarget, error: unknown): FetchResult {
  return {
    url: target.url,
    ids: target.ids,
    key: null,
    status: 'failed',
    bytes: null,
    sha256: null,
    expectedSha256: target.downloadSha256,
    note: error instanceof Error ? error.message : String(error),
  };
}

/** The report is ok only when nothing failed or mismatched; "recorded" is honest, not an error. */
export function buildReport(results: FetchResult[], fetchedAt: Date): FetchReport {
  const counts: Record<FetchStatus, number> = { verified: 0, recorded: 0, mismatch: 0, failed: 0 };
  for (const r of results) counts[r.status]++;
  return { fetchedAt: fetchedAt.toISOString(), ok: counts.mismatch === 0 && counts.failed === 0, counts, results };
}
