import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../functions/src/api/app.js';
import { IndexReader } from '../../functions/src/api/index-reader.js';
import type { Investment } from '../../functions/src/store/investment-store.js';
import { publishedStore } from '../support/published-store.js';

/**
 * The If-Match and Idempotency-Key races (issue 14 "Keep it proven"), 50 ways
 * at once through the app against DynamoDB Local: optimistic concurrency lets
 * exactly one writer win per version and loses no update; one key makes one
 * record. The two-way versions stay beside the code
 * (store/dynamo-investment-store.test.ts, test/priority-investments.e2e.test.ts).
 */
const WAYS = 50;
const TOKEN = 'race-admin-token-0123456789';
const CHICOPEE = '2501313660';
const auth = { authorization: `Bearer ${TOKEN}` };
const json = (body: unknown, headers: Record<string, string> = {}) => ({ body: JSON.stringify(body), headers: { 'content-type': 'application/json', ...auth, ...headers } });
const grant = (over: Record<string, unknown> = {}) => ({
  funder: 'Synthetic Race Foundation',
  grantee: 'Synthetic Coalition',
  amountUsd: 1000,
  startDate: '2026-02-01',
  durationYears: 1,
  municipalities: [CHICOPEE],
  ahemLink: 'unconfirmed',
  sourceUrl: 'https://example.org/synthetic-race',
  ...over,
});

let ctx: Awaited<ReturnType<typeof publishedStore>>;
let app: ReturnType<typeof createApp>;
const logged: Record<string, unknown>[] = [];
beforeAll(async () => {
  ctx = await publishedStore();
  app = createApp({ reader: new IndexReader(ctx.store, ctx.blobs), investments: ctx.investments, adminAuth: { mode: 'token', token: TOKEN }, logError: (e) => logged.push(e) });
});
afterAll(() => ctx?.cleanup());

const create = async (over: Record<string, unknown> = {}) => {
  const res = await app.request('/v1/investments', { method: 'POST', ...json(grant(over)) });
  expect(res.status).toBe(201);
  return (await res.json()) as Investment;
};
const read = async (id: string) => (await (await app.request(`/v1/investments/${id}`)).json()) as Investment;
const auditOf = async (id: string) => ((await (await app.request(`/v1/investments/${id}/audit`, { headers: auth })).json()) as { entries: { action: string; version: number; after: Investment }[] }).entries;

describe(`${WAYS}-way races through the API`, () => {
  it(`${WAYS} concurrent PUTs with the same If-Match: exactly one wins, the others get 412 and change nothing`, async () => {
    const created = await create();
    const results = await Promise.all(
      Array.from({ length: WAYS }, async (_, i) => {
        const res = await app.request(`/v1/investments/${created.id}`, { method: 'PUT', ...json(grant({ grantee: `Writer ${i}` }), { 'if-match': '"1"' }) });
        return { i, status: res.status, body: (await res.json()) as Investment & { currentVersion?: number; type?: string } };
      }),
    );
    const counts = results.reduce<Record<number, number>>((m, r) => ({ ...m, [r.status]: (m[r.status] ?? 0) + 1 }), {});
    console.log(`PUT race (${WAYS} writers, If-Match "1"): ${JSON.stringify(counts)}`);
    expect(counts).toEqual({ 200: 1, 412: WAYS - 1 });
    const winner = results.find((r) => r.status === 200)!;
    for (const r of results.filter((x) => x.status === 412)) expect(r.body).toMatchObject({ type: '/problems/precondition-failed', currentVersion: 2 });
    const stored = await read(created.id);
    expect(stored).toMatchObject({ version: 2, grantee: `Writer ${winner.i}` });
    expect((await auditOf(created.id)).map((e) => [e.action, e.version])).toEqual([['create', 1], ['update', 2]]);
    expect(logged).toEqual([]);
  });

  it(`${WAYS} writers that re-read and retry on 412: every change lands, one version each, none lost`, async () => {
    const created = await create({ focus: '' });
    const applied = await Promise.all(
      Array.from({ length: WAYS }, async (_, i) => {
        for (let attempt = 1; ; attempt++) {
          const current = await read(created.id);
          const res = await app.request(`/v1/investments/${created.id}`, { method: 'PATCH', ...json({ focus: `${current.focus}[${i}]` }, { 'if-match': `"${current.version}"` }) });
          if (res.status === 200) return attempt;
          expect(res.status, `writer ${i} attempt ${attempt}`).toBe(412);
          await new Promise((r) => setTimeout(r, Math.random() * 10 * Math.min(attempt, 10)));
        }
      }),
    );
    const stored = await read(created.id);
    expect(stored.version).toBe(WAYS + 1);
    const tags = stored.focus.match(/\[\d+\]/g) ?? [];
    expect(tags.sort()).toEqual(Array.from({ length: WAYS }, (_, i) => `[${i}]`).sort()); // each writer's change is in, exactly once
    const audit = await auditOf(created.id);
    expect(audit.map((e) => e.version)).toEqual(Array.from({ length: WAYS + 1 }, (_, i) => i + 1));
    console.log(`PATCH retry race: ${WAYS} writers, ${applied.reduce((s, n) => s + n, 0)} attempts in all, final version ${stored.version}`);
    expect(logged).toEqual([]);
  }, 180_000);

  it(`${WAYS} concurrent POSTs with one Idempotency-Key: exactly one record, every answer the same`, async () => {
    const before = (await ctx.investments.list()).length;
    const key = `race-key-${Date.now()}`;
    const body = grant({ grantee: 'Idempotent Coalition' });
    const results = await Promise.all(
      Array.from({ length: WAYS }, async () => {
        const res = await app.request('/v1/investments', { method: 'POST', ...json(body, { 'idempotency-key': key }) });
        return { status: res.status, replayed: res.headers.get('idempotent-replayed'), body: (await res.json()) as Investment };
      }),
    );
    const counts = results.reduce<Record<number, number>>((m, r) => ({ ...m, [r.status]: (m[r.status] ?? 0) + 1 }), {});
    console.log(`POST race (${WAYS} with one Idempotency-Key): ${JSON.stringify(counts)}, replayed ${results.filter((r) => r.replayed === 'true').length}`);
    expect(counts).toEqual({ 201: WAYS });
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    expect(results.filter((r) => r.replayed !== 'true')).toHaveLength(1);
    const all = await ctx.investments.list();
    expect(all).toHaveLength(before + 1);
    expect(all.filter((i) => i.grantee === 'Idempotent Coalition')).toHaveLength(1);
    expect(logged).toEqual([]);
  });

  it(`${WAYS} concurrent POSTs with one Idempotency-Key and different bodies: one record, the rest 422`, async () => {
    const before = (await ctx.investments.list()).length;
    const key = `race-key-diff-${Date.now()}`;
    const results = await Promise.all(
      Array.from({ length: WAYS }, async (_, i) => (await app.request('/v1/investments', { method: 'POST', ...json(grant({ grantee: `Body ${i}` }), { 'idempotency-key': key }) })).status),
    );
    expect(results.filter((s) => s === 201)).toHaveLength(1);
    expect(results.filter((s) => s === 422)).toHaveLength(WAYS - 1);
    expect(await ctx.investments.list()).toHaveLength(before + 1);
  });
});
