import { InternalServerError } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import type { Level, PlaceRecord, VersionMeta } from '../indices/place-record.js';
import type { BlobStore, IndexStore } from '../store/index-store.js';
import { InvestmentNotFoundError, StaleInvestmentError, type InvestmentStore } from '../store/investment-store.js';
import { createApp } from './app.js';
import { guardInvestmentStore } from './guarded-investment-store.js';
import { IndexReader } from './index-reader.js';
import { ProblemError } from './problem.js';

const meta = { version: 'ma-hei-1.0-20261123T000000Z-abcd', measures: { town: {}, zcta: {} } } as unknown as VersionMeta;
const tinyStore = { getCurrentVersion: async () => meta, getVersion: async () => meta, listPlaces: async (_v: string, _l: Level): Promise<PlaceRecord[]> => [] } as unknown as IndexStore;
const noBlobs: BlobStore = { put: async () => {}, get: async () => null };

/** The ways a DynamoDB call fails when the store is stalled, dead or broken (synthetic, as the SDK shapes them). */
const failures: [string, () => Error][] = [
  ['a request timeout', () => Object.assign(new Error('@smithy/node-http-handler - [ERROR] a request has exceeded the configured 2000 ms requestTimeout.'), { name: 'TimeoutError', $metadata: { attempts: 2 } })],
  ['a refused connection', () => Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:8000'), { code: 'ECONNREFUSED' })],
  ['a DynamoDB 500', () => new InternalServerError({ message: 'Internal server error', $metadata: { httpStatusCode: 500 } })],
];
/** An investment store whose every call fails with `make()`. */
const failing = (make: () => Error) => new Proxy({}, { get: () => () => Promise.reject(make()) }) as unknown as InvestmentStore;

const admin = { authorization: 'Bearer t0ken' };
const app = (investments: InvestmentStore) => createApp({ reader: new IndexReader(tinyStore, noBlobs), investments, adminAuth: { mode: 'token', token: 't0ken' }, logError: () => {} });
const id = 'inv-0123456789';

describe('investment routes when the store fails', () => {
  for (const [what, make] of failures) {
    it(`answer 503 store-unavailable on ${what}, on every route that reads or writes investments`, async () => {
      const api = app(failing(make));
      const requests: [string, RequestInit?][] = [
        ['/v1/investments'],
        [`/v1/investments/${id}`],
        ['/v1/need-investment?level=town'],
        [`/v1/investments/${id}/audit`, { headers: admin }],
        [`/v1/investments/${id}`, { method: 'DELETE', headers: { ...admin, 'if-match': '"1"' } }],
      ];
      for (const [path, init] of requests) {
        const res = await api.request(path, init);
        expect({ path, status: res.status }).toEqual({ path, status: 503 });
        expect(res.headers.get('content-type')).toBe('application/problem+json');
        expect(res.headers.get('retry-after')).toBe('5');
        const text = await res.text();
        expect(JSON.parse(text).type).toBe('/problems/store-unavailable');
        expect(text).not.toMatch(/ECONNREFUSED|requestTimeout|Internal server error/);
      }
    });
  }

  it('keeps the store’s domain answers: 404 for a missing or deleted record, 412 for a stale version', async () => {
    const store = {
      get: async () => null,
      softDelete: async (i: string, expected: number | null) => {
        if (expected === 7) throw new StaleInvestmentError(i, 7, 8);
        throw new InvestmentNotFoundError(i);
      },
    } as unknown as InvestmentStore;
    const api = app(store);
    expect((await api.request(`/v1/investments/${id}`)).status).toBe(404);
    expect((await api.request(`/v1/investments/${id}`, { method: 'DELETE', headers: { ...admin, 'if-match': '"1"' } })).status).toBe(404);
    const stale = await api.request(`/v1/investments/${id}`, { method: 'DELETE', headers: { ...admin, 'if-match': '"7"' } });
    expect(stale.status).toBe(412);
    expect((await stale.json()).currentVersion).toBe(8);
  });

  it('wraps every store method and keeps the cause for the log', async () => {
    const cause = failures[0]![1]();
    const guarded = guardInvestmentStore(new Proxy({}, { get: () => () => Promise.reject(cause) }) as unknown as InvestmentStore);
    for (const method of ['list', 'get', 'create', 'update', 'softDelete', 'audit', 'seed'] as const) {
      const err = await (guarded[method] as () => Promise<unknown>)().catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ProblemError);
      expect(err).toMatchObject({ status: 503, slug: 'store-unavailable', cause });
    }
  });
});
