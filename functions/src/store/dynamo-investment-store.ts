import { randomBytes } from 'node:crypto';
import { ConditionalCheckFailedException, TransactionCanceledException, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand, TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import {
  IdempotencyKeyReuseError,
  InvestmentNotFoundError,
  StaleInvestmentError,
  type AuditEntry,
  type CreateOptions,
  type Investment,
  type InvestmentFields,
  type InvestmentStore,
} from './investment-store.js';
import { keys } from './table-schema.js';
import { queryPartition } from './query-partition.js';

type TransactItems = NonNullable<TransactWriteCommandInput['TransactItems']>;

/** An Idempotency-Key is remembered this long (the record it created stays, of course). */
const IDEMPOTENCY_TTL_SECONDS = 24 * 3600;
/** A transaction can lose a race without anyone having committed (TransactionConflict): retry that, never a stale version. */
const MAX_CONFLICT_RETRIES = 4;

/**
 * Investments in the index table (docs/storage.md): every change is one
 * transaction that writes the record *and* its audit entry, conditional on the
 * version the change was based on (optimistic concurrency), so a lost update
 * or an unaudited change is impossible.
 */
export class DynamoInvestmentStore implements InvestmentStore {
  private readonly doc: DynamoDBDocumentClient;

  constructor(client: DynamoDBClient, private readonly tableName: string, private readonly now: () => Date = () => new Date()) {
    this.doc = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  }

  async list(): Promise<Investment[]> {
    return (await queryPartition(this.doc, this.tableName, keys.investmentsPartition(), { ConsistentRead: true })).map(fromItem);
  }

  async get(id: string): Promise<Investment | null> {
    const out = await this.doc.send(new GetCommand({ TableName: this.tableName, Key: keys.investment(id), ConsistentRead: true }));
    return out.Item ? fromItem(out.Item) : null;
  }

  async create(fields: InvestmentFields, options: CreateOptions): Promise<{ investment: Investment; replayed: boolean }> {
    const at = this.now().toISOString();
    const investment: Investment = { ...fields, id: `inv-${randomBytes(5).toString('hex')}`, version: 1, createdAt: at, createdBy: options.who, updatedAt: at, updatedBy: options.who, deletedAt: null, deletedBy: null };
    const items: TransactItems = [
      { Put: { TableName: this.tableName, Item: { ...keys.investment(investment.id), ...toItem(investment) }, ConditionExpression: 'attribute_not_exists(PK)' } },
      { Put: { TableName: this.tableName, Item: auditItem({ investmentId: investment.id, version: 1, action: 'create', who: options.who, at, before: null, after: investment }), ConditionExpression: 'attribute_not_exists(PK)' } },
    ];
    const idem = options.idempotency;
    if (idem) {
      const nowSeconds = Math.floor(this.now().getTime() / 1000);
      items.push({
        Put: {
          TableName: this.tableName,
          Item: { ...keys.idempotency(idem.key), fingerprint: idem.fingerprint, response: JSON.stringify(investment), createdAt: at, expiresAt: nowSeconds + IDEMPOTENCY_TTL_SECONDS },
          // An expired key may be reused (DynamoDB TTL deletes it eventually; until then this check ignores it).
          ConditionExpression: 'attribute_not_exists(PK) OR expiresAt < :now',
          ExpressionAttributeValues: { ':now': nowSeconds },
        },
      });
    }
    try {
      await this.doc.send(new TransactWriteCommand({ TransactItems: items }));
      return { investment, replayed: false };
    } catch (err) {
      if (!(err instanceof TransactionCanceledException) || !idem) throw err;
      // Someone (a retry of this very request, usually) used the key first: answer as it was answered.
      const prior = await this.doc.send(new GetCommand({ TableName: this.tableName, Key: keys.idempotency(idem.key), ConsistentRead: true }));
      if (!prior.Item) throw err;
      if (prior.Item.fingerprint !== idem.fingerprint) throw new IdempotencyKeyReuseError(idem.key);
      return { investment: JSON.parse(prior.Item.response as string) as Investment, replayed: true };
    }
  }

  async update(id: string, fields: InvestmentFields, expectedVersion: number | null, who: string): Promise<Investment> {
    return this.change(id, expectedVersion, who, 'update', (before, at) => ({ ...before, ...fields, version: before.version + 1, updatedAt: at, updatedBy: who }));
  }

  async softDelete(id: string, expectedVersion: number | null, who: string): Promise<Investment> {
    return this.change(id, expectedVersion, who, 'delete', (before, at) => ({ ...before, version: before.version + 1, updatedAt: at, updatedBy: who, deletedAt: at, deletedBy: who }));
  }

  /** Read, check the version, write record + audit entry in one transaction conditional on that version. */
  private async change(id: string, expectedVersion: number | null, who: string, action: 'update' | 'delete', next: (before: Investment, at: string) => Investment): Promise<Investment> {
    for (let attempt = 0; ; attempt++) {
      const before = await this.get(id);
      if (!before || before.deletedAt) throw new InvestmentNotFoundError(id);
      const expected = expectedVersion ?? before.version;
      if (before.version !== expected) throw new StaleInvestmentError(id, expected, before.version);
      const at = this.now().toISOString();
      const after = next(before, at);
      try {
        await this.doc.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Put: {
                  TableName: this.tableName,
                  Item: { ...keys.investment(id), ...toItem(after) },
                  ConditionExpression: 'version = :expected AND attribute_not_exists(deletedAt)',
                  ExpressionAttributeValues: { ':expected': expected },
                },
              },
              { Put: { TableName: this.tableName, Item: auditItem({ investmentId: id, version: after.version, action, who, at, before, after }), ConditionExpression: 'attribute_not_exists(PK)' } },
            ],
          }),
        );
        return after;
      } catch (err) {
        if (!(err instanceof TransactionCanceledException)) throw err;
        // Re-read: a committed competitor makes this stale (or deleted); a mere conflict is retried.
        const current = await this.get(id);
        if (!current || current.deletedAt) throw new InvestmentNotFoundError(id);
        if (current.version !== expected) throw new StaleInvestmentError(id, expected, current.version);
        if (attempt >= MAX_CONFLICT_RETRIES) throw err;
        await new Promise((r) => setTimeout(r, 20 * 2 ** attempt * Math.random()));
      }
    }
  }

  async audit(id: string): Promise<AuditEntry[]> {
    return (await queryPartition(this.doc, this.tableName, keys.auditPartition(id), { ConsistentRead: true })).map((item) => ({
      investmentId: item.investmentId as string,
      version: item.version as number,
      action: item.action as AuditEntry['action'],
      who: item.who as string,
      at: item.at as string,
      before: item.before ? (JSON.parse(item.before as string) as Investment) : null,
      after: JSON.parse(item.after as string) as Investment,
    }));
  }

  async seed(records: { id: string; fields: InvestmentFields }[], source: { sha256: string }, who: string): Promise<number> {
    const marker = await this.doc.send(new GetCommand({ TableName: this.tableName, Key: keys.investmentSeed(), ConsistentRead: true }));
    if (marker.Item) return 0;
    const at = this.now().toISOString();
    let written = 0;
    for (const { id, fields } of records) {
      const investment: Investment = { ...fields, id, version: 1, createdAt: at, createdBy: who, updatedAt: at, updatedBy: who, deletedAt: null, deletedBy: null };
      try {
        await this.doc.send(
          new TransactWriteCommand({
            TransactItems: [
              { Put: { TableName: this.tableName, Item: { ...keys.investment(id), ...toItem(investment) }, ConditionExpression: 'attribute_not_exists(PK)' } },
              { Put: { TableName: this.tableName, Item: auditItem({ investmentId: id, version: 1, action: 'seed', who, at, before: null, after: investment }), ConditionExpression: 'attribute_not_exists(PK)' } },
            ],
          }),
        );
        written++;
      } catch (err) {
        // Seed ids are derived from the row, so a record left by an interrupted earlier seed is simply kept.
        if (!(err instanceof TransactionCanceledException)) throw err;
      }
    }
    try {
      await this.doc.send(new PutCommand({ TableName: this.tableName, Item: { ...keys.investmentSeed(), sha256: source.sha256, seededAt: at, count: records.length }, ConditionExpression: 'attribute_not_exists(PK)' }));
    } catch (err) {
      if (!(err instanceof ConditionalCheckFailedException)) throw err;
    }
    return written;
  }
}

function auditItem(entry: AuditEntry): Record<string, unknown> {
  // before/after as JSON strings: whole records, never queried by field.
  return { ...keys.audit(entry.investmentId, entry.version), investmentId: entry.investmentId, version: entry.version, action: entry.action, who: entry.who, at: entry.at, before: entry.before ? JSON.stringify(entry.before) : undefined, after: JSON.stringify(entry.after) };
}

/** Native attributes (readable in the console); deletedAt is absent until a soft delete, which the write condition relies on. */
function toItem(inv: Investment): Record<string, unknown> {
  const { deletedAt, deletedBy, ...rest } = inv;
  return { ...rest, ...(deletedAt ? { deletedAt, deletedBy } : {}) };
}

function fromItem(item: Record<string, unknown>): Investment {
  const { PK: _pk, SK: _sk, ...rest } = item;
  return { deletedAt: null, deletedBy: null, ...rest } as Investment;
}
