import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { freshLocalStore } from '../../../test/support/local-store.js';
import type { PlaceRecord, VersionMeta } from '../indices/place-record.js';
import { DynamoIndexStore } from './dynamo-index-store.js';
import { StaleVersionError } from './index-store.js';

// Synthetic records (labelled): the store is tested against DynamoDB Local, not a mock.
const meta = (version: string): VersionMeta => ({
  version,
  createdAt: '2026-01-01T00:00:00.000Z',
  status: 'writing',
  counts: { town: 60, zcta: 0 },
  measures: {} as VersionMeta['measures'],
  method: {} as VersionMeta['method'],
  indicators: [],
  derivation: { town: {}, zcta: {} },
  countyContext: {},
  sources: [],
});
const place = (i: number): PlaceRecord => ({
  level: 'town',
  id: `25000${String(i).padStart(5, '0')}`,
  name: `Synthetic ${i}`,
  county: null,
  countyFips: null,
  population: i,
  score: i === 0 ? null : i / 200,
  percentile: null,
  percentileInterval: i === 0 ? null : [10, 20],
  rank: i === 0 ? null : i,
  rankInterval: null,
  noDataReason: i === 0 ? 'synthetic gap' : null,
  flagCount: 0,
  domains: {} as PlaceRecord['domains'],
  indicators: { obesity: { value: i, se: 0.5, percentile: 0.5, flagged: false } },
});

let local: Awaited<ReturnType<typeof freshLocalStore>>;
beforeAll(async () => {
  local = await freshLocalStore();
});
afterAll(() => local.cleanup());

describe('DynamoIndexStore on DynamoDB Local', () => {
  it('keeps a version invisible until it is published, then serves it', async () => {
    const { store } = local;
    expect(await store.getCurrentVersion()).toBeNull();
    await store.beginVersion(meta('v1'));
    const progress: number[] = [];
    await store.putPlaces('v1', Array.from({ length: 60 }, (_, i) => place(i)), (n) => progress.push(n));
    expect(progress.at(-1)).toBe(60);
    expect(await store.getCurrentVersion()).toBeNull();

    await store.publishVersion('v1', null);
    expect((await store.getCurrentVersion())?.version).toBe('v1');
    expect((await store.getCurrentVersion())?.status).toBe('complete');
    const listed = await store.listPlaces('v1', 'town');
    expect(listed).toHaveLength(60);
    expect(await store.getPlace('v1', 'town', place(0).id)).toEqual(place(0));
    expect(await store.getPlace('v1', 'zcta', place(0).id)).toBeNull();
  });

  it('refuses to publish over a pointer that moved (two concurrent pipelines)', async () => {
    const { store } = local;
    await store.beginVersion(meta('v2'));
    await store.beginVersion(meta('v3'));
    await store.publishVersion('v2', 'v1');
    await expect(store.publishVersion('v3', 'v1')).rejects.toBeInstanceOf(StaleVersionError);
    expect((await store.getCurrentVersion())?.version).toBe('v2');
  });

  it('lists version records newest first with their status and headline fields only', async () => {
    const { store } = local;
    await store.beginVersion({ ...meta('v0-later'), createdAt: '2026-02-01T00:00:00.000Z', method: { id: 'ma-hei-1.0' } as VersionMeta['method'] });
    const versions = await store.listVersions();
    expect(versions.map((v) => v.version)).toEqual(['v0-later', 'v3', 'v2', 'v1']); // by createdAt, then id
    expect(versions[0]).toEqual({ version: 'v0-later', status: 'writing', pinned: false, createdAt: '2026-02-01T00:00:00.000Z', methodId: 'ma-hei-1.0', counts: { town: 60, zcta: 0 }, schema: null, contentSha256: null, codeRevision: null });
    expect(versions.find((v) => v.version === 'v2')?.status).toBe('complete');
    expect(versions.find((v) => v.version === 'v3')?.status).toBe('writing');
  });

  it('refuses to begin a version id twice', async () => {
    await expect(local.store.beginVersion(meta('v1'))).rejects.toThrow();
  });
});

/**
 * A real client whose BatchWriteItem answers come from `answer` instead of the
 * network: middleware short-circuits the call, as a throttled table would reply.
 */
function throttledClient(answer: (items: unknown[]) => unknown[]): { client: DynamoDBClient; sent: number[] } {
  const sent: number[] = [];
  const client = new DynamoDBClient({ region: 'us-east-1', endpoint: 'http://127.0.0.1:9', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
  client.middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName !== 'BatchWriteItemCommand') return next(args);
      const items = (args.input as { RequestItems: Record<string, unknown[]> }).RequestItems.t!;
      sent.push(items.length);
      const rest = answer(items);
      return { output: { $metadata: {}, UnprocessedItems: rest.length ? { t: rest } : {} }, response: {} };
    },
    { step: 'initialize', name: 'throttle' },
  );
  return { client, sent };
}

describe('batch writes', () => {
  it('retries UnprocessedItems until every item is written', async () => {
    const { client, sent } = throttledClient((items) => items.slice(1)); // accepts one item per request
    const store = new DynamoIndexStore(client, 't', { retryBaseMs: 0, sleep: async () => {} });
    await store.putPlaces('v', [place(1), place(2), place(3)]);
    expect(sent).toEqual([3, 2, 1]);
  });

  it('gives up after bounded attempts with a clear error', async () => {
    const { client, sent } = throttledClient((items) => items); // accepts nothing
    const store = new DynamoIndexStore(client, 't', { retryBaseMs: 0, sleep: async () => {} });
    await expect(store.putPlaces('v', [place(1)])).rejects.toThrow(/1 items still unprocessed after 8 attempts/);
    expect(sent).toHaveLength(8);
  });
});
