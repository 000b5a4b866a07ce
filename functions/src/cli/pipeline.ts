#!/usr/bin/env node
// npm run pipeline [-- --force] — load sources from DATA_DIR, compute, write a new version to the local store, publish it;
// unless the current version was computed from the same sources, method and code: then "unchanged, nothing published".
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
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
  const { values } = parseArgs({ options: { force: { type: 'boolean', default: false } }, strict: true });
  const config = loadConfig();
  const stack = await openLocalStack(config, progress.step, 'command');
  try {
    const job = await runPipelineJob({
      store: stack.store,
      investments: stack.investments,
      blobs: stack.blobs,
      dataDir: config.dataDir,
      cacheDir: defaultCacheDir(config.stateDir),
      progress,
      codeRevision: codeRevision(),
      force: values.force,
      retention: DEFAULT_RETENTION,
    });
    if (job.outcome === 'published') progress.step(`done: version ${job.version} (${job.result.counts.town} towns, ${job.result.counts.zcta} ZCTAs)`);
  } finally {
    await stack.close();
  }
} catch (err) {
  failAndExit(err);
}
