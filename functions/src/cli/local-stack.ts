import path from 'node:path';
import type { Config } from '../config.js';
import { createDynamoClient, ensureTable } from '../store/dynamo-client.js';
import { DynamoIndexStore } from '../store/dynamo-index-store.js';
import { DynamoInvestmentStore } from '../store/dynamo-investment-store.js';
import { FileBlobStore } from '../store/file-blob-store.js';
import { startLocalDynamoDb } from '../store/local-dynamodb.js';

/**
 * The store as the local commands use it: DynamoDB Local persisted under
 * STATE_DIR (or DYNAMODB_ENDPOINT when set) and geometry files beside it.
 */
export async function openLocalStack(config: Config, log: (message: string) => void) {
  let stopDb = async () => {};
  let endpoint = config.dynamoEndpoint;
  if (!endpoint) {
    log(`starting DynamoDB Local (data in ${path.join(config.stateDir, 'dynamodb')}) …`);
    const db = await startLocalDynamoDb({ dir: path.join(config.stateDir, 'dynamodb') });
    endpoint = db.endpoint;
    stopDb = db.stop;
  }
  const client = createDynamoClient({ endpoint, region: config.region });
  await ensureTable(client, config.tableName);
  return {
    endpoint,
    store: new DynamoIndexStore(client, config.tableName),
    investments: new DynamoInvestmentStore(client, config.tableName),
    blobs: new FileBlobStore(path.join(config.stateDir, 'blobs')),
    close: async () => {
      client.destroy();
      await stopDb();
    },
  };
}
