#!/usr/bin/env node
// npm run pipeline — load sources from DATA_DIR, compute, write a new version to the local store, publish it.
import { loadConfig } from '../config.js';
import { defaultCacheDir, runPipeline } from '../pipeline/run-pipeline.js';
import { sweepAbandonedVersions } from '../pipeline/sweep-abandoned-versions.js';
import { failAndExit } from './fail.js';
import { openLocalStack } from './local-stack.js';
import { terminalProgress } from './terminal-progress.js';

// Node 20 is supported until 2027 by the AWS SDK; its upgrade notice is noise for local runs (Lambda runs Node 22).
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const progress = terminalProgress();
try {
  const config = loadConfig();
  const stack = await openLocalStack(config, progress.step, 'command');
  try {
    await sweepAbandonedVersions(stack.store, stack.blobs, { progress });
    const result = await runPipeline({ store: stack.store, investments: stack.investments, blobs: stack.blobs, dataDir: config.dataDir, cacheDir: defaultCacheDir(config.stateDir), progress });
    progress.step(`done: version ${result.version} (${result.counts.town} towns, ${result.counts.zcta} ZCTAs)`);
  } finally {
    await stack.close();
  }
} catch (err) {
  failAndExit(err);
}
