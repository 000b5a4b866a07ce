import type { Config } from '../config.js';
import { createDynamoClient } from '../store/dynamo-client.js';
import { DynamoIndexStore } from '../store/dynamo-index-store.js';
import type { IndexStore } from '../store/index-store.js';
import { openLocalStack } from './local-stack.js';

/**
 * The index store an operator command works on: the stack's table in AWS when `table` is given (the stack
 * output TableName, with the caller's AWS credentials and region; DYNAMODB_ENDPOINT if set), else the
 * local store of npm start / npm run pipeline.
 */
export async function openIndexStore(config: Config, table: string | undefined): Promise<{ store: IndexStore; close: () => Promise<void> }> {
  if (table) {
    const client = createDynamoClient({ endpoint: config.dynamoEndpoint, region: config.region });
    return { store: new DynamoIndexStore(client, table), close: async () => client.destroy() };
  }
  const stack = await openLocalStack(config, (m) => process.stderr.write(`${m}\n`), 'command');
  return { store: stack.store, close: stack.close };
}
