import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { createDynamoClient, ensureTable } from '../../functions/src/store/dynamo-client.js';
import { DynamoIndexStore } from '../../functions/src/store/dynamo-index-store.js';
import { FileBlobStore } from '../../functions/src/store/file-blob-store.js';

/** A fresh table in the shared DynamoDB Local and a fresh blob directory, for one test file. */
export async function freshLocalStore() {
  const endpoint = inject('dynamoEndpoint');
  const tableName = `test-${randomBytes(4).toString('hex')}`;
  const credentials = inject('dynamoCredentials');
  const client = createDynamoClient({ endpoint, region: 'us-east-1', credentials });
  await ensureTable(client, tableName);
  const blobDir = mkdtempSync(path.join(tmpdir(), 'equity-atlas-blobs-'));
  return {
    endpoint,
    credentials,
    tableName,
    client,
    blobDir,
    store: new DynamoIndexStore(client, tableName),
    blobs: new FileBlobStore(blobDir),
    cleanup: () => {
      client.destroy();
      rmSync(blobDir, { recursive: true, force: true });
    },
  };
}
