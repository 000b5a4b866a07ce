#!/usr/bin/env node
/**
 * First data load: copy the staged sources listed in data/sources.json from
 * DATA_DIR to s3://<bucket>/sources/<path>, where the pipeline Lambda reads
 * them. Each file's sha256 is checked against the manifest before upload (a
 * changed file is refused here, not discovered later in AWS) and sent as the
 * object's x-amz-checksum-sha256, so S3 rejects bytes damaged in transit.
 *
 *   npx tsx infra/scripts/upload-sources.ts <DataBucketName> [--dry-run]
 *
 * Credentials and region come from the usual AWS environment (AWS_PROFILE, AWS_REGION).
 */
import './quiet-sdk-notice.js';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { loadConfig } from '../../functions/src/config.js';
import { loadManifest, readSource } from '../../functions/src/sources/source-manifest.js';
import { STAGED_PREFIX } from '../../functions/src/pipeline/lambda.js';

const [bucket, ...flags] = process.argv.slice(2);
if (!bucket || bucket.startsWith('-')) {
  console.error('usage: npx tsx infra/scripts/upload-sources.ts <DataBucketName> [--dry-run]   (bucket: the stack output DataBucketName)');
  process.exit(2);
}
const dryRun = flags.includes('--dry-run');
const { dataDir } = loadConfig();
const manifest = loadManifest();
const s3 = new S3Client({});

let total = 0;
for (const entry of manifest) {
  const { bytes } = readSource(dataDir, entry.id, manifest); // throws on a checksum mismatch
  const key = `${STAGED_PREFIX}${entry.path}`;
  total += bytes.length;
  if (!dryRun) {
    await s3.send(
      new PutObjectCommand({ Bucket: bucket, Key: key, Body: bytes, ChecksumSHA256: Buffer.from(entry.sha256, 'hex').toString('base64'), Metadata: { 'source-id': entry.id } }),
    );
  }
  console.log(`${dryRun ? 'would upload' : 'uploaded'} s3://${bucket}/${key} (${(bytes.length / 1e6).toFixed(2)} MB, sha256 ${entry.sha256.slice(0, 12)}… ok)`);
}
console.log(`${manifest.length} files, ${(total / 1e6).toFixed(1)} MB${dryRun ? ' (dry run: nothing sent)' : ''}`);
