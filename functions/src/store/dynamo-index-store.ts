import { ConditionalCheckFailedException, TransactionCanceledException, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  BatchWriteCommand,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  TransactWriteCommand,
  UpdateCommand,
  type BatchWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { LEVELS, type Level, type PlaceRecord, type VersionMeta } from '../indices/place-record.js';
import { StaleVersionError, VersionNotCompleteError, type IndexStore, type VersionSummary } from './index-store.js';
import { keys } from './table-schema.js';
import { BULK_READ, BULK_WRITE } from './dynamo-client.js';
import { queryPartition } from './query-partition.js';

const BATCH_SIZE = 25; // DynamoDB BatchWriteItem limit
const MAX_ATTEMPTS = 8;
// Many batches in flight: DynamoDB Local on disk commits each write separately, and overlapping them is ~6× faster here (docs/storage.md); on-demand tables absorb it.
const WRITE_CONCURRENCY = 16;

type WriteRequests = NonNullable<BatchWriteCommandInput['RequestItems']>[string];

export interface DynamoIndexStoreOptions {
  /** Base delay for UnprocessedItems retries; doubled per attempt with full jitter. */
  retryBaseMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

export class DynamoIndexStore implements IndexStore {
  private readonly doc: DynamoDBDocumentClient;
  private readonly retryBaseMs: number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(client: DynamoDBClient, private readonly tableName: string, options: DynamoIndexStoreOptions = {}) {
    this.doc = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
    this.retryBaseMs = options.retryBaseMs ?? 50;
    this.sleep = options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
  }

  async getCurrentVersion(): Promise<VersionMeta | null> {
    const pointer = await this.doc.send(new GetCommand({ TableName: this.tableName, Key: keys.pointer(), ConsistentRead: true }));
    const version = pointer.Item?.version as string | undefined;
    return version ? this.getVersion(version) : null;
  }

  async getVersion(version: string): Promise<VersionMeta | null> {
    const out = await this.doc.send(new GetCommand({ TableName: this.tableName, Key: keys.version(version) }));
    return out.Item ? (out.Item.meta as VersionMeta) : null;
  }

  async listVersions(): Promise<VersionSummary[]> {
    const items = await queryPartition(this.doc, this.tableName, keys.version('').PK, {
      // Headline fields only: the registry in each record is ≈ 20 KB (docs/storage.md).
      ProjectionExpression: 'SK, #status, pinned, #meta.#createdAt, #meta.#counts, #meta.#method.#id, #meta.#schema, #meta.#content, #meta.#inputs.#code',
      ExpressionAttributeNames: { '#status': 'status', '#meta': 'meta', '#createdAt': 'createdAt', '#counts': 'counts', '#method': 'method', '#id': 'id', '#schema': 'schema', '#content': 'contentSha256', '#inputs': 'inputs', '#code': 'codeRevision' },
    });
    const out: VersionSummary[] = items.map((item) => {
      const meta = (item.meta ?? {}) as { createdAt?: string; counts?: VersionSummary['counts']; method?: { id?: string }; schema?: number; contentSha256?: string; inputs?: { codeRevision?: string } };
      return {
        version: item.SK as string,
        status: item.status as VersionSummary['status'],
        pinned: item.pinned === true,
        createdAt: meta.createdAt ?? '',
        methodId: meta.method?.id ?? null,
        counts: meta.counts ?? { town: 0, zcta: 0 },
        schema: meta.schema ?? null,
        contentSha256: meta.contentSha256 ?? null,
        codeRevision: meta.inputs?.codeRevision ?? null,
      };
    });
    // Newest first by creation time (ids sort by method first, so a method change would break id order).
    return out.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.version < b.version ? 1 : -1));
  }

  async beginVersion(meta: VersionMeta): Promise<void> {
    await this.doc.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...keys.version(meta.version), status: 'writing', meta: { ...meta, status: 'writing' } },
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
      BULK_WRITE, // a large item; a timed-out retry would fail its own condition
    );
  }

  async putPlaces(version: string, places: PlaceRecord[], onProgress?: (written: number) => void): Promise<void> {
    const batches: WriteRequests[] = [];
    for (let i = 0; i < places.length; i += BATCH_SIZE) {
      batches.push(places.slice(i, i + BATCH_SIZE).map((p) => ({ PutRequest: { Item: { ...keys.place(version, p.level, p.id), ...toItem(p) } } })));
    }
    let written = 0;
    let next = 0;
    // A few batches in flight: much faster than one at a time, gentle on provisioned capacity.
    const worker = async () => {
      while (next < batches.length) {
        const batch = batches[next++]!;
        await this.batchWriteWithRetry(batch);
        written += batch.length;
        onProgress?.(written);
      }
    };
    await Promise.all(Array.from({ length: Math.min(WRITE_CONCURRENCY, batches.length) }, worker));
  }

  /** BatchWriteItem may accept only part of a batch under throttling: resend the rest with exponential backoff. */
  private async batchWriteWithRetry(requests: WriteRequests): Promise<void> {
    let pending = requests;
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt >= MAX_ATTEMPTS) throw new Error(`BatchWriteItem: ${pending.length} items still unprocessed after ${MAX_ATTEMPTS} attempts`);
      if (attempt > 0) await this.sleep(Math.random() * this.retryBaseMs * 2 ** attempt);
      const out = await this.doc.send(new BatchWriteCommand({ RequestItems: { [this.tableName]: pending } }), BULK_WRITE);
      pending = out.UnprocessedItems?.[this.tableName] ?? [];
    }
  }

  /** The pointer write both publish and rollback make: only if the pointer is still what the caller saw. */
  private pointerPut(version: string, expectedCurrent: string | null) {
    return {
      Put: {
        TableName: this.tableName,
        Item: { ...keys.pointer(), version, publishedAt: new Date().toISOString() },
        ...(expectedCurrent === null
          ? { ConditionExpression: 'attribute_not_exists(PK)' }
          : { ConditionExpression: 'version = :expected', ExpressionAttributeValues: { ':expected': expectedCurrent } }),
      },
    };
  }

  async publishVersion(version: string, expectedCurrent: string | null, seal?: { contentSha256: string }): Promise<void> {
    try {
      await this.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            this.pointerPut(version, expectedCurrent),
            {
              Update: {
                TableName: this.tableName,
                Key: keys.version(version),
                UpdateExpression: `SET #status = :complete, meta.#status = :complete${seal ? ', meta.contentSha256 = :content' : ''}`,
                ConditionExpression: '#status = :writing',
                ExpressionAttributeNames: { '#status': 'status' },
                ExpressionAttributeValues: { ':complete': 'complete', ':writing': 'writing', ...(seal ? { ':content': seal.contentSha256 } : {}) },
              },
            },
          ],
        }),
      );
    } catch (err) {
      if (err instanceof TransactionCanceledException) throw new StaleVersionError(version, expectedCurrent);
      throw err;
    }
  }

  async abandonVersion(version: string): Promise<boolean> {
    try {
      // publishVersion requires status "writing", so once this lands the version can never become current.
      await this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.version(version),
          // Both copies of the status, as publishVersion sets both: the version record and its meta never disagree.
          UpdateExpression: 'SET #status = :abandoned, meta.#status = :abandoned',
          ConditionExpression: '#status IN (:writing, :abandoned)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':writing': 'writing', ':abandoned': 'abandoned' },
        }),
      );
      return true;
    } catch (err) {
      if (err instanceof ConditionalCheckFailedException) return false;
      throw err;
    }
  }

  async deleteAbandonedVersion(version: string): Promise<void> {
    for (const level of LEVELS) {
      const items = await queryPartition(this.doc, this.tableName, keys.placesPartition(version, level), { ProjectionExpression: 'PK, SK' });
      for (let i = 0; i < items.length; i += BATCH_SIZE) {
        await this.batchWriteWithRetry(items.slice(i, i + BATCH_SIZE).map((k) => ({ DeleteRequest: { Key: { PK: k.PK, SK: k.SK } } })));
      }
    }
    // The record goes last: until then a sweep interrupted here finds the version again and finishes. No
    // condition needed (and no DeleteItem grant for the pipeline): only abandonVersion leads here, and
    // nothing turns an abandoned record back into one that could be published.
    const record = await this.doc.send(new GetCommand({ TableName: this.tableName, Key: keys.version(version), ProjectionExpression: '#status', ExpressionAttributeNames: { '#status': 'status' }, ConsistentRead: true }));
    if (record.Item?.status === 'abandoned' || record.Item?.status === 'retired') await this.batchWriteWithRetry([{ DeleteRequest: { Key: keys.version(version) } }]);
  }

  async retireVersion(version: string): Promise<boolean> {
    try {
      await this.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            // Never the current version: the pointer must name another one (or none) as this lands.
            { ConditionCheck: { TableName: this.tableName, Key: keys.pointer(), ConditionExpression: 'attribute_not_exists(PK) OR version <> :v', ExpressionAttributeValues: { ':v': version } } },
            {
              Update: {
                TableName: this.tableName,
                Key: keys.version(version),
                UpdateExpression: 'SET #status = :retired, meta.#status = :retired',
                // "retired" again finishes a retention interrupted midway; a pinned version is never retired.
                ConditionExpression: '#status IN (:complete, :retired) AND (attribute_not_exists(pinned) OR pinned = :false)',
                ExpressionAttributeNames: { '#status': 'status' },
                ExpressionAttributeValues: { ':complete': 'complete', ':retired': 'retired', ':false': false },
              },
            },
          ],
        }),
      );
      return true;
    } catch (err) {
      if (err instanceof TransactionCanceledException) return false;
      throw err;
    }
  }

  async setPinned(version: string, pinned: boolean): Promise<boolean> {
    try {
      await this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.version(version),
          UpdateExpression: 'SET pinned = :pinned, meta.pinned = :pinned',
          ConditionExpression: '#status = :complete',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':pinned': pinned, ':complete': 'complete' },
        }),
      );
      return true;
    } catch (err) {
      if (err instanceof ConditionalCheckFailedException) return false;
      throw err;
    }
  }

  async movePointer(version: string, expectedCurrent: string | null): Promise<void> {
    try {
      await this.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            this.pointerPut(version, expectedCurrent),
            {
              ConditionCheck: {
                TableName: this.tableName,
                Key: keys.version(version),
                ConditionExpression: '#status = :complete',
                ExpressionAttributeNames: { '#status': 'status' },
                ExpressionAttributeValues: { ':complete': 'complete' },
              },
            },
          ],
        }),
      );
    } catch (err) {
      if (!(err instanceof TransactionCanceledException)) throw err;
      // Which condition failed: the version's (reasons[1]) or the pointer's.
      if (err.CancellationReasons?.[1]?.Code === 'ConditionalCheckFailed') {
        const record = await this.doc.send(new GetCommand({ TableName: this.tableName, Key: keys.version(version), ConsistentRead: true }));
        throw new VersionNotCompleteError(version, (record.Item?.status as string | undefined) ?? null);
      }
      throw new StaleVersionError(version, expectedCurrent);
    }
  }

  async listPlaces(version: string, level: Level): Promise<PlaceRecord[]> {
    return (await queryPartition(this.doc, this.tableName, keys.placesPartition(version, level), {}, BULK_READ)).map(toPlace);
  }

  async getPlace(version: string, level: Level, id: string): Promise<PlaceRecord | null> {
    const out = await this.doc.send(new GetCommand({ TableName: this.tableName, Key: keys.place(version, level, id) }));
    return out.Item ? toPlace(out.Item) : null;
  }
}

/**
 * Summary fields are native attributes (readable in the console, usable in
 * filters); the bulky per-indicator and per-domain detail is one JSON string
 * attribute: ~4 KB per place, far below the 400 KB item limit, and several
 * times cheaper to marshal than ~200 nested map attributes (docs/storage.md).
 */
function toItem(place: PlaceRecord): Record<string, unknown> {
  const { domains, indicators, ...summary } = place;
  return { ...summary, detail: JSON.stringify({ domains, indicators }) };
}

function toPlace(item: Record<string, unknown>): PlaceRecord {
  const { PK: _pk, SK: _sk, detail, ...summary } = item;
  return { ...summary, ...(JSON.parse(detail as string) as Pick<PlaceRecord, 'domains' | 'indicators'>) } as PlaceRecord;
}
