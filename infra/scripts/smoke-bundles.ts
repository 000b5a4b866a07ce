#!/usr/bin/env node
/**
 * Run the *bundled* Lambda code (what `cdk deploy` uploads) locally, end to end:
 * the pipeline handler stages the sources from an S3 stand-in, computes and
 * publishes into DynamoDB Local; then the API handler answers API Gateway v2
 * events from that table and reads map geometry from the same S3 stand-in; the
 * fetch handler downloads from a local "publisher" (serving the staged files
 * under the manifest's URL paths) into the S3 stand-in and writes its report.
 *
 *   npx tsx infra/scripts/smoke-bundles.ts      (needs Java 17+ and DATA_DIR, like npm start)
 */
// The AWS SDK's Node 20 upgrade notice is noise here (Lambda runs Node 22).
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { loadConfig } from '../../functions/src/config.js';
import { loadManifest } from '../../functions/src/sources/source-manifest.js';
import { createDynamoClient, ensureTable } from '../../functions/src/store/dynamo-client.js';
import { startLocalDynamoDb } from '../../functions/src/store/local-dynamodb.js';
import { synthStack } from '../lib/synth-for-test.js';
import { startFakeS3 } from './fake-s3-server.js';

const run = promisify(execFile);
const BUCKET = 'equity-atlas-smoke';
const TABLE = 'equity-atlas-smoke';

/** Invoke a bundle's handler in a fresh Node process with the Lambda-like environment. */
async function invoke(assetDir: string, env: Record<string, string>, event: unknown): Promise<{ result: any; ms: number; logs: Record<string, unknown>[] }> {
  const script = `const m = await import(${JSON.stringify(path.join(assetDir, 'index.mjs'))}); const t = performance.now();
    const result = await m.handler(${JSON.stringify(event)}, { awsRequestId: 'smoke-run' }); console.log('@@' + JSON.stringify({ result, ms: Math.round(performance.now() - t) }));`;
  const { stdout } = await run(process.execPath, ['--enable-source-maps', '--input-type=module', '-e', script], {
    env: { PATH: process.env.PATH, LAMBDA_TASK_ROOT: assetDir, AWS_REGION: 'us-east-1', AWS_ACCESS_KEY_ID: 'local', AWS_SECRET_ACCESS_KEY: 'local', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  const lines = stdout.split('\n');
  const logs = lines.filter((l) => l.startsWith('{')).flatMap((l) => { try { return [JSON.parse(l) as Record<string, unknown>]; } catch { return []; } });
  return { ...JSON.parse(lines.find((l) => l.startsWith('@@'))!.slice(2)), logs };
}

const apiEvent = (rawPath: string, rawQueryString = '') => ({
  version: '2.0', routeKey: 'GET /v1/{proxy+}', rawPath, rawQueryString, headers: { host: 'smoke.local', accept: 'application/json' },
  requestContext: { http: { method: 'GET', path: rawPath, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'smoke' }, requestId: 'smoke', routeKey: 'GET /v1/{proxy+}', stage: '$default', timeEpoch: Date.now() },
  isBase64Encoded: false,
});

const t0 = performance.now();
const { stack, outdir } = synthStack({ stage: 'dev', bundle: true });
const asset = (fn: { node: { defaultChild?: unknown } }) => {
  const code = (stack.resolve((fn.node.defaultChild as { code: unknown }).code) as { s3Key: string }).s3Key;
  return path.join(outdir, `asset.${code.replace(/\.zip$/, '')}`);
};
const pipelineDir = asset(stack.jobs.pipeline.fn);
const fetchDir = asset(stack.jobs.fetch.fn);
const apiDir = asset(stack.apiFunction.fn);
const size = (dir: string) => `${(statSync(path.join(dir, 'index.mjs')).size / 1e6).toFixed(2)} MB`;
console.log(`synth + bundling ${((performance.now() - t0) / 1000).toFixed(1)} s; bundles: api ${size(apiDir)}, pipeline ${size(pipelineDir)}`);

const dynamo = await startLocalDynamoDb();
const s3 = await startFakeS3(BUCKET);
try {
  await ensureTable(createDynamoClient({ endpoint: dynamo.endpoint, region: 'us-east-1' }), TABLE);
  const { dataDir } = loadConfig();
  for (const entry of loadManifest()) {
    s3.objects.set(`sources/${entry.path}`, { body: readFileSync(path.join(dataDir, entry.path)), contentType: 'application/octet-stream' });
  }
  const common = { TABLE_NAME: TABLE, DYNAMODB_ENDPOINT: dynamo.endpoint, AWS_ENDPOINT_URL_S3: s3.endpoint };

  const pipeline = await invoke(pipelineDir, { ...common, DATA_BUCKET: BUCKET }, {});
  // The handler answers with the job's outcome (pipeline-job.ts): a fresh store always publishes.
  console.log(`pipeline handler: ${pipeline.result.outcome} version ${pipeline.result.version}, ${JSON.stringify(pipeline.result.result?.counts)} in ${(pipeline.ms / 1000).toFixed(1)} s`);
  console.log(`  artifacts in S3: ${[...s3.objects.keys()].filter((k) => !k.startsWith('sources/')).join(', ')}`);
  // Every line of the run carries the run id; from "writing version" on, the version id too (pipeline/run-log.ts).
  const finished = pipeline.logs.find((l) => l.message === 'run finished');
  const withoutRunId = pipeline.logs.filter((l) => l.message !== 'init' && l.runId !== 'smoke-run').length;
  const withVersion = pipeline.logs.filter((l) => l.versionId === pipeline.result.version).length;
  console.log(`  log: ${pipeline.logs.length} JSON lines, ${withoutRunId} without the run id, ${withVersion} with versionId; last: ${JSON.stringify(finished)}`);
  if (withoutRunId > 0 || finished?.versionId !== pipeline.result.version) process.exitCode = 1;

  // The reference page and its Swagger UI files, which ship beside the bundle (bundle-api.ts).
  for (const [p, q] of [['/v1/health', ''], ['/v1/places', 'level=town'], ['/v1/geometry/zcta', ''], ['/v1/crosswalk', 'weight=population'], ['/v1/docs', ''], ['/v1/docs/assets/swagger-ui-bundle.js', ''], ['/v1/docs/assets/swagger-ui.css', '']] as const) {
    const res = await invoke(apiDir, { ...common, BLOB_BUCKET: BUCKET }, apiEvent(p, q));
    const body = res.result.isBase64Encoded ? '(compressed)' : String(res.result.body).slice(0, 80);
    console.log(`api handler GET ${p}${q ? `?${q}` : ''}: ${res.result.statusCode} in ${res.ms} ms (cold module) — ${body}`);
    if (res.result.statusCode !== 200) process.exitCode = 1;
  }

  // Fetch: the same bundle, with a copy of its manifest whose download URLs point at a local publisher
  // serving the staged files (so every download is byte-identical to a staged file: status "verified").
  const publisherFiles = new Map<string, Buffer>();
  const publisher = createServer((req, res) => {
    const body = publisherFiles.get(req.url ?? '');
    if (body) res.writeHead(200, { 'content-length': body.length }).end(body);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => publisher.listen(0, '127.0.0.1', resolve));
  try {
    const base = `http://127.0.0.1:${(publisher.address() as { port: number }).port}`;
    const manifest = JSON.parse(readFileSync(path.join(fetchDir, 'data', 'sources.json'), 'utf8')) as { sources: { id: string; path: string; downloadUrl: string }[] };
    for (const entry of manifest.sources) {
      entry.downloadUrl = `${base}/${entry.id}/${path.basename(entry.path)}`;
      publisherFiles.set(`/${entry.id}/${path.basename(entry.path)}`, readFileSync(path.join(dataDir, entry.path)));
    }
    const localFetchDir = mkdtempSync(path.join(tmpdir(), 'fetch-bundle-'));
    cpSync(fetchDir, localFetchDir, { recursive: true });
    writeFileSync(path.join(localFetchDir, 'data', 'sources.json'), JSON.stringify(manifest));
    const fetched = await invoke(localFetchDir, { ...common, DATA_BUCKET: BUCKET }, {});
    const report = JSON.parse(s3.objects.get('fetch-reports/latest.json')!.body.toString('utf8')) as { ok: boolean; counts: Record<string, number> };
    const raw = [...s3.objects.entries()].filter(([k]) => k.startsWith('raw/'));
    console.log(`fetch handler: ${JSON.stringify(report.counts)}, ok=${report.ok}, ${raw.length} raw objects (${(raw.reduce((n, [, o]) => n + o.body.length, 0) / 1e6).toFixed(1)} MB) in ${(fetched.ms / 1000).toFixed(1)} s`);
    if (!report.ok || report.counts.verified !== manifest.sources.length) process.exitCode = 1;
  } finally {
    publisher.close();
  }
} finally {
  await s3.close();
  await dynamo.stop();
}
