import { handle } from 'hono/aws-lambda';
import { loadConfig } from '../config.js';
import { createDynamoClient } from '../store/dynamo-client.js';
import { DynamoIndexStore } from '../store/dynamo-index-store.js';
import { FileBlobStore } from '../store/file-blob-store.js';
import { createApp } from './app.js';
import { IndexReader } from './index-reader.js';

// Created once per Lambda container, outside the handler (reused across invocations).
const config = loadConfig();
const client = createDynamoClient({ endpoint: config.dynamoEndpoint, region: config.region });
const store = new DynamoIndexStore(client, config.tableName);
// TODO(issue 6): S3 blob store for geometry in AWS; BLOB_DIR serves local/tests.
const blobs = new FileBlobStore(process.env.BLOB_DIR || `${config.stateDir}/blobs`);

export const app = createApp({ reader: new IndexReader(store, blobs) });
export const handler = handle(app);
