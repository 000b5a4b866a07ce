import { CreateTableCommand, DescribeTableCommand, DynamoDBClient, ResourceInUseException } from '@aws-sdk/client-dynamodb';
import { TABLE_KEYS } from './table-schema.js';

/**
 * Time limits for one store call. Without them a stalled store (a paused JVM, a
 * half-open connection) held every request for the SDK's 300 s socket default;
 * with them a stalled or dead store fails within `worstCaseMs` and the API
 * answers 503 (api/index-reader.ts, api/guarded-investment-store.ts). Retries
 * use the SDK's standard strategy: full-jitter backoff (random × 50 ms × 2^n)
 * and a retry quota, so a long outage soon costs one attempt per call.
 */
export interface StoreTimeouts {
  /** TCP connect. */
  connectionTimeoutMs: number;
  /** Whole request, from send to the last byte (throwOnRequestTimeout: an error, not the SDK's warning). */
  requestTimeoutMs: number;
  /** First try included. */
  maxAttempts: number;
}

/**
 * DynamoDB Local on loopback answers small reads (pointer, version record,
 * investments) in milliseconds; with test suites and a pipeline sharing one
 * JVM on two cores, the slowest measured 1.3 s. Two attempts: about 4 s before
 * a stalled store becomes a 503. Bulk calls take BULK_READ / BULK_WRITE.
 */
export const LOCAL_TIMEOUTS: StoreTimeouts = { connectionTimeoutMs: 1_000, requestTimeoutMs: 2_000, maxAttempts: 2 };

/**
 * DynamoDB in AWS: single-digit-ms calls, a TLS connect on a cold Lambda. Three
 * attempts of at most 3 s (about 9 s in all) stay far inside API Gateway's 29 s
 * integration limit, so the API's 503 arrives before the gateway's own 504.
 */
export const AWS_TIMEOUTS: StoreTimeouts = { connectionTimeoutMs: 1_000, requestTimeoutMs: 3_000, maxAttempts: 3 };

/**
 * Per-call options for bulk writes (the pipeline's 25-item BatchWriteItem, the
 * version record, table creation): never on a serving path, and on DynamoDB
 * Local they queue behind each other (16 in flight: p50 2 s measured under
 * load), so they get a longer limit than the serving reads.
 */
export const BULK_WRITE: { requestTimeout: number } = { requestTimeout: 30_000 };

/**
 * Per-call options for bulk reads: a version's places, in 1 MB pages, read
 * once per version and then served from memory (api/index-reader.ts). Under a
 * loaded test run DynamoDB Local took up to 2.3 s for one page, past the
 * serving limit. A stalled store is still noticed by the "current" pointer
 * read, which comes first with the short limit; only a cold cache waits
 * longer (at worst 2 × 8 s locally, 3 × 8 s in AWS, inside API Gateway's 29 s).
 */
export const BULK_READ: { requestTimeout: number } = { requestTimeout: 8_000 };

/**
 * The longest a failing call can take: every attempt timing out (both timers
 * start with the attempt, so the longer one bounds it), plus the largest
 * jittered backoffs between attempts.
 */
export function worstCaseMs(t: StoreTimeouts): number {
  let backoff = 0;
  for (let i = 0; i < t.maxAttempts - 1; i++) backoff += 50 * 2 ** i;
  return t.maxAttempts * Math.max(t.connectionTimeoutMs, t.requestTimeoutMs) + backoff;
}

/**
 * One client per process. With an endpoint (DynamoDB Local) it uses static
 * local credentials; without one it is the plain AWS client (Lambda role).
 * Both have connection and request timeouts and bounded retries (StoreTimeouts).
 */
export function createDynamoClient(options: {
  endpoint?: string | undefined;
  region: string;
  /** Local only: the credentials DynamoDB Local keys its database by (default the fixed test pair). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /** Default LOCAL_TIMEOUTS with an endpoint, AWS_TIMEOUTS without. */
  timeouts?: StoreTimeouts;
}): DynamoDBClient {
  const t = options.timeouts ?? (options.endpoint ? LOCAL_TIMEOUTS : AWS_TIMEOUTS);
  const limits = {
    maxAttempts: t.maxAttempts,
    // A plain options object: the SDK builds its own NodeHttpHandler from it (no extra dependency).
    requestHandler: { connectionTimeout: t.connectionTimeoutMs, requestTimeout: t.requestTimeoutMs, throwOnRequestTimeout: true },
  };
  if (!options.endpoint) return new DynamoDBClient({ region: options.region, ...limits });
  return new DynamoDBClient({
    region: options.region,
    endpoint: options.endpoint,
    credentials: options.credentials ?? { accessKeyId: 'local', secretAccessKey: 'local' },
    ...limits,
  });
}

/** Create the table when missing (local only: in AWS the CDK stack owns it). */
export async function ensureTable(client: DynamoDBClient, tableName: string): Promise<void> {
  try {
    await client.send(
      new CreateTableCommand({
        TableName: tableName,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [
          { AttributeName: TABLE_KEYS.partition, AttributeType: 'S' },
          { AttributeName: TABLE_KEYS.sort, AttributeType: 'S' },
        ],
        KeySchema: [
          { AttributeName: TABLE_KEYS.partition, KeyType: 'HASH' },
          { AttributeName: TABLE_KEYS.sort, KeyType: 'RANGE' },
        ],
      }),
      BULK_WRITE,
    );
  } catch (err) {
    if (!(err instanceof ResourceInUseException)) throw err;
  }
  for (let i = 0; i < 50; i++) {
    const out = await client.send(new DescribeTableCommand({ TableName: tableName }));
    if (out.Table?.TableStatus === 'ACTIVE') return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`table ${tableName} did not become ACTIVE`);
}
