#!/usr/bin/env node
// npm start — local DynamoDB, pipeline on first run, then API + web app on http://localhost:PORT.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { loadConfig, REPO_ROOT } from '../config.js';
import { STORE_SCHEMA } from '../indices/place-record.js';
import { createApp } from '../api/app.js';
import { IndexReader } from '../api/index-reader.js';
import { adminAuthFrom } from '../api/admin-auth.js';
import { clientAddress, serveLocal } from '../api/local-server.js';
import { codeRevision } from '../pipeline/code-revision.js';
import { runPipelineJob } from '../pipeline/pipeline-job.js';
import { defaultCacheDir } from '../pipeline/run-pipeline.js';
import { DEFAULT_RETENTION } from '../pipeline/version-retention.js';
import { failAndExit } from './fail.js';
import { openLocalStack } from './local-stack.js';
import { terminalProgress } from './terminal-progress.js';

// Node 20 is supported until 2027 by the AWS SDK; its upgrade notice is noise for local runs (Lambda runs Node 22).
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const progress = terminalProgress();
try {
  const config = loadConfig();
  const stack = await openLocalStack(config, progress.step, 'serve');
  const current = await stack.store.getCurrentVersion();
  if (current && current.schema === STORE_SCHEMA) progress.step(`serving stored version ${current.version} (run \`npm run pipeline\` to recompute)`);
  else {
    progress.step(current ? `stored version ${current.version} was written by an older release: recomputing` : 'no published version in the local store yet: running the pipeline');
    // Sweep, compute, publish (pipeline-job.ts): a missing or older-schema version always counts as changed.
    await runPipelineJob({ store: stack.store, investments: stack.investments, blobs: stack.blobs, dataDir: config.dataDir, cacheDir: defaultCacheDir(config.stateDir), progress, codeRevision: codeRevision(), retention: DEFAULT_RETENTION });
  }
  // Investment edits need a bearer token: a fresh random one per start unless ADMIN_TOKEN is set.
  const generated = config.authMode === 'token' && !config.adminToken ? randomBytes(24).toString('base64url') : null;
  const adminAuth = adminAuthFrom({ ...config, adminToken: config.adminToken ?? generated ?? undefined });
  const app = createApp({ reader: new IndexReader(stack.store, stack.blobs), investments: stack.investments, adminAuth, rateLimit: { ...config.rateLimit, key: clientAddress } });
  const server = await serveLocal({ app, port: config.port, webDir: path.join(REPO_ROOT, 'web', 'dist'), hostname: process.env.HOST || '127.0.0.1' });
  if (generated) process.stdout.write(`\nADMIN_TOKEN was not set; this run's admin token for investment edits (Authorization: Bearer …):\n  ${generated}\n`);
  process.stdout.write(`\nEquity Atlas is running at ${server.url}  (API: ${server.url}/v1/places?level=town, docs: ${server.url}/v1/openapi.json)\nPress Ctrl+C to stop.\n`);
  const shutdown = async () => {
    await server.close();
    await stack.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
} catch (err) {
  failAndExit(err);
}
