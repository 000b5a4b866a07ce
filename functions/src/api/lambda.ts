import { S3Client } from '@aws-sdk/client-s3';
import { handle } from 'hono/aws-lambda';
import { loadConfig } from '../config.js';
import { createDynamoClient } from '../store/dynamo-client.js';
import { DynamoIndexStore } from '../store/dynamo-index-store.js';
import { DynamoInvestmentStore } from '../store/dynamo-investment-store.js';
import { adminAuthFrom } from './admin-auth.js';
import { FileBlobStore } from '../store/file-blob-store.js';
import type { BlobStore } from '../store/index-store.js';
import { S3BlobStore } from '../store/s3-blob-store.js';
import { createApp } from './app.js';
import { IndexReader } from './index-reader.js';
import { jsonLog, withRequestLog } from './lambda-log.js';
import { withinPayloadLimit } from './lambda-payload-limit.js';

// Created once per Lambda container, outside the handler (reused across invocations).
const config = loadConfig();
// With DYNAMODB_ENDPOINT (a DynamoDB Local: tests, smoke runs) the database is the one of the credentials in the
// standard AWS variables, as the SDK would use; without an endpoint the Lambda role's credentials apply.
const localCredentials =
  config.dynamoEndpoint && process.env.AWS_ACCESS_KEY_ID && process.env.AWS_SECRET_ACCESS_KEY
    ? { accessKeyId: process.env.AWS_ACCESS_KEY_ID, secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY }
    : undefined;
const client = createDynamoClient({ endpoint: config.dynamoEndpoint, region: config.region, credentials: localCredentials });
const store = new DynamoIndexStore(client, config.tableName);

/** Geometry from S3 in AWS (BLOB_BUCKET, set by the CDK stack); from files for local runs and tests (BLOB_DIR). */
function geometryBlobs(env: NodeJS.ProcessEnv): BlobStore {
  if (env.BLOB_BUCKET) return new S3BlobStore(new S3Client({ region: config.region }), env.BLOB_BUCKET);
  return new FileBlobStore(env.BLOB_DIR || `${config.stateDir}/blobs`);
}

// In AWS set AUTH_MODE=apigateway-jwt: the HTTP API's JWT authorizer guards the write routes (api/admin-auth.ts).
export const app = createApp({ reader: new IndexReader(store, geometryBlobs(process.env)), investments: new DynamoInvestmentStore(client, config.tableName), adminAuth: adminAuthFrom(config), siteOrigins: config.siteOrigins });
const handleHttp = handle(app);
// An answer over Lambda's 6 MB would be a bare 502 from API Gateway; say why and how to ask instead.
export const handler = withRequestLog(async (event: Parameters<typeof handleHttp>[0], context?: Parameters<typeof handleHttp>[1]) =>
  withinPayloadLimit(await handleHttp(event, context), ('rawPath' in event ? event.rawPath : event.path) ?? ''),
);
// Module init (imports, config, clients, app): milliseconds since the runtime process started.
jsonLog({ level: 'info', message: 'init', initMs: Math.round(performance.now()) });
