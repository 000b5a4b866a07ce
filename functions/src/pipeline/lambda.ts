import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { GetObjectCommand, NoSuchKey, S3Client } from '@aws-sdk/client-s3';
import { loadConfig } from '../config.js';
import { loadManifest, readSource, type SourceEntry } from '../sources/source-manifest.js';
import { createDynamoClient } from '../store/dynamo-client.js';
import { DynamoIndexStore } from '../store/dynamo-index-store.js';
import { DynamoInvestmentStore } from '../store/dynamo-investment-store.js';
import { S3BlobStore } from '../store/s3-blob-store.js';
import type { Progress } from './progress.js';
import { pipelineRunLog, type RunLog } from './run-log.js';
import { STALE_DATA_METRIC, staleSourceDays } from './staleness.js';
import { codeRevision } from './code-revision.js';
import { runPipelineJob, type PipelineJobOutcome } from './pipeline-job.js';
import { DEFAULT_RETENTION } from './version-retention.js';

/** Where staged sources live in the data bucket (uploaded by the command in docs/deploy.md). */
export const STAGED_PREFIX = 'sources/';

/**
 * Copy every manifest file from the bucket (`sources/<path>`) into `dir` and
 * check its sha256 with the same readSource the local pipeline uses, so AWS
 * computes from byte-identical inputs or not at all.
 */
export async function stageSources(
  manifest: SourceEntry[],
  dir: string,
  getObject: (key: string) => Promise<Uint8Array | null>,
): Promise<{ id: string; path: string; bytes: number }[]> {
  const staged = [];
  for (const entry of manifest) {
    const key = `${STAGED_PREFIX}${entry.path}`;
    const bytes = await getObject(key);
    if (bytes === null) {
      // Nothing at all under sources/: the schedule fired before the first upload, which is not a failure.
      if (staged.length === 0 && !(await anyStaged(manifest, getObject))) throw new NoSourcesUploadedError(manifest.length);
      throw new Error(`s3 object ${key} is missing: upload the staged sources first (docs/deploy.md, "First data load")`);
    }
    const file = path.join(dir, entry.path);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, bytes);
    readSource(dir, entry.id, manifest); // throws SourceValidationError naming the file on a checksum mismatch
    staged.push({ id: entry.id, path: entry.path, bytes: bytes.length });
  }
  return staged;
}

/** No staged source exists yet (a new stack before its first upload). */
export class NoSourcesUploadedError extends Error {
  constructor(expected: number) {
    super(`no sources uploaded yet: none of the ${expected} staged sources is under ${STAGED_PREFIX} (docs/deploy.md, "First data load"); nothing to compute`);
    this.name = 'NoSourcesUploadedError';
  }
}

async function anyStaged(manifest: SourceEntry[], getObject: (key: string) => Promise<Uint8Array | null>): Promise<boolean> {
  for (const entry of manifest) if ((await getObject(`${STAGED_PREFIX}${entry.path}`)) !== null) return true;
  return false;
}

/** One JSON line per step, each with the run id and (once known) the version id (run-log.ts); a new log per invocation. */
let log: RunLog = pipelineRunLog('init');
const logProgress: Progress = {
  step: (message) => log.progress.step(message),
  task: (label, total) => log.progress.task(label, total),
  version: (id) => log.setVersion(id),
};
/** When each staged file was last uploaded (S3 LastModified), for the stale-data metric; filled while staging. */
const uploadedAt = new Map<string, Date>();

// Created once per container, outside the handler.
const config = loadConfig();
const bucket = process.env.DATA_BUCKET ?? '';
const s3 = new S3Client({ region: config.region });
const dynamo = createDynamoClient({ endpoint: config.dynamoEndpoint, region: config.region });
const store = new DynamoIndexStore(dynamo, config.tableName);
// The first run loads ahem/investments.csv into the same table (issue 5), as the local pipeline does.
const investments = new DynamoInvestmentStore(dynamo, config.tableName);

async function getObject(key: string): Promise<Uint8Array | null> {
  try {
    const out = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    if (out.LastModified && key.startsWith(STAGED_PREFIX)) uploadedAt.set(key.slice(STAGED_PREFIX.length), out.LastModified);
    return out.Body ? await out.Body.transformToByteArray() : null;
  } catch (err) {
    if (err instanceof NoSuchKey) return null;
    throw err;
  }
}

/**
 * Scheduled (EventBridge) or on-demand invocation. The event may carry `{ "force": true }` to publish
 * even when nothing changed; otherwise it carries nothing the run needs.
 */
async function runJob(event?: { force?: unknown }): Promise<PipelineJobOutcome | { outcome: 'no-sources' }> {
  if (!bucket) throw new Error('DATA_BUCKET: the data bucket name is not set');
  // data/*.json ships inside the bundle, where REPO_ROOT points in Lambda (config.ts).
  const manifest = loadManifest();
  const dataDir = await mkdtemp(path.join(tmpdir(), 'sources-'));
  try {
    let staged;
    try {
      staged = await stageSources(manifest, dataDir, getObject);
    } catch (err) {
      if (!(err instanceof NoSourcesUploadedError)) throw err;
      // A clean exit: no error, no failure-queue message, no alarm — the schedule may fire before the first upload.
      logProgress.step(err.message);
      return { outcome: 'no-sources' };
    }
    logProgress.step(`staged ${staged.length} sources from s3://${bucket}/${STAGED_PREFIX} (sha256 ok)`);
    const blobs = new S3BlobStore(s3, bucket);
    // Sweep of crashed runs' versions, skip when unchanged, compute and publish, then retention (pipeline-job.ts).
    return await runPipelineJob({
      store,
      investments,
      blobs,
      dataDir,
      manifest,
      cacheDir: '/tmp/equity-atlas-cache', // /tmp survives warm starts: the crosswalk is recomputed only on a cold container
      progress: logProgress,
      codeRevision: codeRevision(),
      force: event?.force === true,
      retention: DEFAULT_RETENTION,
    });
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

/**
 * The Lambda entry point: runJob with a structured log per invocation (run id = the Lambda request id), a
 * last line saying how the run ended, and the stale-data metric after every run, failed ones included.
 */
export async function handler(event?: { force?: unknown }, context?: { awsRequestId?: string }): ReturnType<typeof runJob> {
  log = pipelineRunLog(context?.awsRequestId ?? randomUUID());
  uploadedAt.clear();
  try {
    const outcome = await runJob(event);
    if ('version' in outcome) log.setVersion(outcome.version);
    log.info('run finished', { outcome: outcome.outcome });
    return outcome;
  } catch (err) {
    log.error('run failed', { error: err instanceof Error ? err.message : String(err) });
    throw err;
  } finally {
    await reportStaleness().catch((err: unknown) => log.error('stale-data metric not reported', { error: String(err) }));
  }
}

/** StaleSourceDays for the alarm (pipeline/staleness.ts); only where the stack names the metric's dimension. */
async function reportStaleness(): Promise<void> {
  const stack = process.env.METRICS_STACK;
  if (!stack) return;
  const current = await store.getCurrentVersion();
  const days = staleSourceDays({ manifest: loadManifest(), current, uploadedAt: (p) => uploadedAt.get(p), now: new Date() });
  log.metric(STALE_DATA_METRIC, days, { [STALE_DATA_METRIC.dimension]: stack });
}
