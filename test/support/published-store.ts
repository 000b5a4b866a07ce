import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../functions/src/config.js';
import { runPipeline } from '../../functions/src/pipeline/run-pipeline.js';
import { DynamoInvestmentStore } from '../../functions/src/store/dynamo-investment-store.js';
import { freshLocalStore } from './local-store.js';

/** Crosswalk cache shared by test runs on this machine (keyed by boundary checksums, so always safe to reuse). */
export const TEST_CACHE_DIR = path.join(tmpdir(), 'equity-atlas-test-crosswalk-cache');

/** Monte Carlo draws in tests: enough to exercise the intervals, few enough to keep the suite fast. */
export const TEST_DRAWS = 50;

/** A fresh local store with one version published by the real pipeline from DATA_DIR. */
export async function publishedStore() {
  const local = await freshLocalStore();
  const { dataDir } = loadConfig();
  // Investments live in the same table; the first run loads ahem/investments.csv into it.
  const investments = new DynamoInvestmentStore(local.client, local.tableName);
  const result = await runPipeline({ store: local.store, investments, blobs: local.blobs, dataDir, cacheDir: TEST_CACHE_DIR, draws: TEST_DRAWS });
  return { ...local, investments, dataDir, result };
}
