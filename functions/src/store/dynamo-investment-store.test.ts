import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshLocalStore } from '../../../test/support/local-store.js';
import { DynamoInvestmentStore } from './dynamo-investment-store.js';
import { IdempotencyKeyReuseError, InvestmentNotFoundError, StaleInvestmentError, type InvestmentFields } from './investment-store.js';

// Synthetic grant (labelled synthetic); the store runs against DynamoDB Local, not a mock.
const fields: InvestmentFields = {
  funder: 'Synthetic Foundation',
  grantee: 'Synthetic Coalition',
  amountUsd: null,
  amountNote: 'not published',
  startDate: '2025-01-01',
  durationYears: 2,
  municipalities: ['2501313660'],
  unmappedPlaces: [],
  focus: 'synthetic',
  ahemLink: 'unconfirmed',
  sourceUrl: 'https://example.org/grant',
};

let local: Awaited<ReturnType<typeof freshLocalStore>>;
let store: DynamoInvestmentStore;
beforeAll(async () => {
  local = await freshLocalStore();
  store = new DynamoInvestmentStore(local.client, local.tableName);
});
afterAll(() => local?.cleanup());

describe('DynamoInvestmentStore', () => {
  it('creates a record at version 1 with an audit entry, amount null kept as null', async () => {
    const { investment, replayed } = await store.create(fields, { who: 'tester' });
    expect(replayed).toBe(false);
    expect(investment).toMatchObject({ version: 1, amountUsd: null, createdBy: 'tester', deletedAt: null });
    expect(await store.get(investment.id)).toEqual(investment);
    const audit = await store.audit(investment.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'create', who: 'tester', before: null, after: investment, version: 1 });
  });

  it('lets exactly one of two concurrent updates from the same version win; the loser changes nothing', async () => {
    const { investment } = await store.create(fields, { who: 'tester' });
    const results = await Promise.allSettled([
      store.update(investment.id, { ...fields, grantee: 'A' }, 1, 'alice'),
      store.update(investment.id, { ...fields, grantee: 'B' }, 1, 'bob'),
    ]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]!.reason).toBeInstanceOf(StaleInvestmentError);
    const stored = (await store.get(investment.id))!;
    expect(stored.version).toBe(2);
    expect(stored.grantee).toBe((won[0] as PromiseFulfilledResult<{ grantee: string }>).value.grantee);
    const audit = await store.audit(investment.id);
    expect(audit.map((a) => a.version)).toEqual([1, 2]);
    expect(audit[1]!.before!.grantee).toBe('Synthetic Coalition');
    expect(audit[1]!.after.grantee).toBe(stored.grantee);
    // The loser re-reads and re-applies on top of the winner: no update is lost.
    const loserName = stored.grantee === 'A' ? 'B' : 'A';
    const again = await store.update(investment.id, { ...stored, grantee: `${stored.grantee}+${loserName}` }, 2, 'loser');
    expect(again).toMatchObject({ version: 3, grantee: `${stored.grantee}+${loserName}` });
  });

  it('replays an idempotent create and refuses the key for a different body', async () => {
    const idem = { key: 'key-1', fingerprint: 'f1' };
    const [a, b] = await Promise.all([store.create(fields, { who: 't', idempotency: idem }), store.create(fields, { who: 't', idempotency: idem })]);
    expect(a.investment).toEqual(b.investment);
    expect([a.replayed, b.replayed].sort()).toEqual([false, true]);
    const all = await store.list();
    expect(all.filter((i) => i.id === a.investment.id)).toHaveLength(1);
    await expect(store.create({ ...fields, grantee: 'other' }, { who: 't', idempotency: { key: 'key-1', fingerprint: 'f2' } })).rejects.toBeInstanceOf(IdempotencyKeyReuseError);
  });

  it('soft-deletes: the record and its audit stay, further edits are refused', async () => {
    const { investment } = await store.create(fields, { who: 'tester' });
    await expect(store.softDelete(investment.id, 7, 'tester')).rejects.toBeInstanceOf(StaleInvestmentError);
    const deleted = await store.softDelete(investment.id, 1, 'remover');
    expect(deleted).toMatchObject({ version: 2, deletedBy: 'remover' });
    expect((await store.get(investment.id))!.deletedAt).toBe(deleted.deletedAt);
    await expect(store.update(investment.id, fields, 2, 'tester')).rejects.toBeInstanceOf(InvestmentNotFoundError);
    expect((await store.audit(investment.id)).map((a) => a.action)).toEqual(['create', 'delete']);
  });

  it('seeds once: a second seed is a no-op', async () => {
    const fresh = await freshLocalStore();
    try {
      const s = new DynamoInvestmentStore(fresh.client, fresh.tableName);
      expect(await s.seed([{ id: 'inv-seed-1', fields }], { sha256: 'x' }, 'seed')).toBe(1);
      expect(await s.seed([{ id: 'inv-seed-2', fields }], { sha256: 'x' }, 'seed')).toBe(0);
      expect((await s.list()).map((i) => i.id)).toEqual(['inv-seed-1']);
      expect((await s.audit('inv-seed-1'))[0]!.action).toBe('seed');
    } finally {
      fresh.cleanup();
    }
  });
});
