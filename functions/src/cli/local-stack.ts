import path from 'node:path';
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import type { Config } from '../config.js';
import { createDynamoClient, ensureTable } from '../store/dynamo-client.js';
import { DynamoIndexStore } from '../store/dynamo-index-store.js';
import { DynamoInvestmentStore } from '../store/dynamo-investment-store.js';
import { FileBlobStore } from '../store/file-blob-store.js';
import { localCredentials } from '../store/local-credentials.js';
import { startLocalDynamoDb } from '../store/local-dynamodb.js';
import { claimLocalStore, type StoreRole } from '../store/local-store-lock.js';
import { migrateSharedDb } from '../store/shared-db-migration.js';

/**
 * The store as the local commands use it: DynamoDB Local persisted under
 * STATE_DIR (or DYNAMODB_ENDPOINT when set) and geometry files beside it,
 * always with this install's credential (STATE_DIR/credentials.json).
 * `role` says who asks: a pipeline run beside `npm start` uses the server's
 * DynamoDB Local instead of opening the same files a second time.
 */
export async function openLocalStack(config: Config, log: (message: string) => void, role: StoreRole) {
  const credentials = localCredentials(config.stateDir);
  let stopDb = async () => {};
  let endpoint = config.dynamoEndpoint;
  let migrated: string | null = null;
  if (!endpoint) {
    const claim = await claimLocalStore(config.stateDir, role);
    if (claim.kind === 'reuse') {
      log(`using the local store of npm start (pid ${claim.ownerPid}) at ${claim.endpoint}`);
      endpoint = claim.endpoint;
    } else {
      const dir = path.join(config.stateDir, 'dynamodb');
      try {
        migrated = migrateSharedDb(dir, credentials, config.region);
        log(`starting DynamoDB Local (data in ${dir}) …`);
        const db = await startLocalDynamoDb({ dir, credentials });
        claim.publish(db.endpoint, db.pid);
        endpoint = db.endpoint;
        stopDb = async () => {
          await db.stop();
          claim.release();
        };
      } catch (err) {
        claim.release();
        throw err;
      }
    }
  }
  const client = createDynamoClient({ endpoint, region: config.region, credentials });
  try {
    if (migrated) {
      const tables = (await client.send(new ListTablesCommand({}))).TableNames ?? [];
      log(`moved the shared DynamoDB Local database of an older release to this install's credential (${migrated}; tables: ${tables.join(', ') || 'none'})`);
    }
    await ensureTable(client, config.tableName);
  } catch (err) {
    client.destroy();
    await stopDb();
    throw new Error(`the local store at ${endpoint} did not answer: ${(err as Error).message}`, { cause: err });
  }
  return {
    endpoint,
    credentials,
    store: new DynamoIndexStore(client, config.tableName),
    investments: new DynamoInvestmentStore(client, config.tableName),
    blobs: new FileBlobStore(path.join(config.stateDir, 'blobs')),
    close: async () => {
      client.destroy();
      await stopDb();
    },
  };
}
