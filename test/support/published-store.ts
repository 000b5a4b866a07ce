import { loadConfig } from '../../functions/src/config.js';
import { runPipeline } from '../../functions/src/pipeline/run-pipeline.js';
import { freshLocalStore } from './local-store.js';

/** A fresh local store with one version published by the real pipeline from DATA_DIR. */
export async function publishedStore() {
  const local = await freshLocalStore();
  const { dataDir } = loadConfig();
  const result = await runPipeline({ store: local.store, blobs: local.blobs, dataDir });
  return { ...local, dataDir, result };
}
