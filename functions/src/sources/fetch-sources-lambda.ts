import { createReadStream } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { MANIFEST_PATH } from './source-manifest.js';
import { downloadToFile } from './fetch-sources-download.js';
import { buildReport, checkDownload, failedResult, planFetches, type FetchReport, type FetchResult } from './fetch-sources.js';

// Created once per container, outside the handler.
const s3 = new S3Client({ region: process.env.AWS_REGION || 'us-east-1' });
const bucket = process.env.DATA_BUCKET ?? '';

export const REPORT_PREFIX = 'fetch-reports/';

/**
 * Download every official source into s3://DATA_BUCKET/raw/<id>/…, record its
 * sha256 in a report (fetch-reports/<time>.json and fetch-reports/latest.json)
 * and verify it where a checksum for the download is known. It does not
 * convert formats and does not touch sources/ (the pipeline's staged inputs).
 * Fails (so the error alarm fires) when a download failed or mismatched.
 */
export async function handler(): Promise<FetchReport> {
  if (!bucket) throw new Error('DATA_BUCKET: the data bucket name is not set');
  const targets = planFetches(JSON.parse(await readFile(MANIFEST_PATH, 'utf8')) /* in the bundle: REPO_ROOT = task root (config.ts) */);
  const dir = await mkdtemp(path.join(tmpdir(), 'fetch-'));
  const results: FetchResult[] = [];
  try {
    for (const target of targets) {
      const file = path.join(dir, 'download');
      try {
        const download = await downloadToFile(target.url, file);
        const result = checkDownload(target, download);
        // A mismatched download is kept too (versioned bucket) so it can be reviewed; the report says which it is.
        await s3.send(
          new PutObjectCommand({
            Bucket: bucket,
            Key: target.key,
            Body: createReadStream(file),
            ContentLength: download.bytes,
            ChecksumSHA256: download.sha256Base64, // S3 rejects the upload if the bytes changed in transit
            Metadata: { 'source-ids': target.ids.join(','), 'download-url': target.url, status: result.status },
          }),
        );
        results.push(result);
      } catch (err) {
        results.push(failedResult(target, err));
      } finally {
        await rm(file, { force: true });
      }
      console.log(JSON.stringify({ level: 'info', ...results.at(-1) }));
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  const report = buildReport(results, new Date());
  const body = JSON.stringify(report, null, 2);
  for (const key of [`${REPORT_PREFIX}${report.fetchedAt.replace(/[:.]/g, '-')}.json`, `${REPORT_PREFIX}latest.json`]) {
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: 'application/json' }));
  }
  if (!report.ok) throw new Error(`fetch failed: ${report.counts.failed} failed, ${report.counts.mismatch} mismatched (see s3://${bucket}/${REPORT_PREFIX}latest.json)`);
  return report;
}
