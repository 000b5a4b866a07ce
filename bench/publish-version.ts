/**
 * What the serving benchmarks share: DynamoDB Local in memory, one table, and a
 * version published by the real pipeline from DATA_DIR. Monte Carlo draws are cut
 * to 100: serving speed and page load do not depend on them.
 */
import path from 'node:path';
import { loadConfig } from '../functions/src/config.js';
import { defaultCacheDir, runPipeline } from '../functions/src/pipeline/run-pipeline.js';
import { createDynamoClient, ensureTable } from '../functions/src/store/dynamo-client.js';
import { DynamoIndexStore } from '../functions/src/store/dynamo-index-store.js';
import { DynamoInvestmentStore } from '../functions/src/store/dynamo-investment-store.js';
import { FileBlobStore } from '../functions/src/store/file-blob-store.js';
import { startLocalDynamoDb } from '../functions/src/store/local-dynamodb.js';

export const BENCH_TABLE = 'bench';

/** Publish one version into a fresh in-memory DynamoDB Local; blobs go under `workDir`. `close()` stops the database. */
export async function publishBenchVersion(workDir: string) {
  const config = loadConfig();
  const db = await startLocalDynamoDb();
  const client = createDynamoClient({ endpoint: db.endpoint, region: 'us-east-1', credentials: db.credentials });
  const close = async () => {
    client.destroy();
    await db.stop();
  };
  try {
    await ensureTable(client, BENCH_TABLE);
    const store = new DynamoIndexStore(client, BENCH_TABLE);
    const investments = new DynamoInvestmentStore(client, BENCH_TABLE);
    const blobDir = path.join(workDir, 'blobs');
    const blobs = new FileBlobStore(blobDir);
    process.stdout.write('publishing a version (pipeline with investments, 100 Monte Carlo draws: serving does not depend on them) … ');
    const t0 = performance.now();
    const { version } = await runPipeline({ store, investments, blobs, dataDir: config.dataDir, cacheDir: defaultCacheDir(config.stateDir), draws: 100 });
    console.log(`${version} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    return { endpoint: db.endpoint, credentials: db.credentials, store, investments, blobs, blobDir, version, close };
  } catch (err) {
    await close();
    throw err;
  }
}
