import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../functions/src/api/app.js';
import { IndexReader } from '../../functions/src/api/index-reader.js';
import type { PlaceRecord, VersionMeta } from '../../functions/src/indices/place-record.js';
import { createDynamoClient, ensureTable } from '../../functions/src/store/dynamo-client.js';
import { DynamoIndexStore } from '../../functions/src/store/dynamo-index-store.js';
import { DynamoInvestmentStore } from '../../functions/src/store/dynamo-investment-store.js';
import { FileBlobStore } from '../../functions/src/store/file-blob-store.js';
import { freePort, startLocalDynamoDb, type LocalDynamoDb } from '../../functions/src/store/local-dynamodb.js';

/**
 * Store faults (issue 14, defects 1 and 2): DynamoDB Local paused (SIGSTOP) or
 * killed. Reads on an index route and on the investment routes answer a 503
 * problem within a few seconds, never hang, and serving recovers by itself
 * once the store is back. This file runs its own DynamoDB Local (on disk, so a
 * restart finds the same data), not the suite's shared one.
 */

/** The longest a store fault may hold a request: the client's worst case (about 4 s) plus the app's own work. */
const FAST_MS = 5_000;

const version = 'synthetic-faults-1';
const meta = {
  version,
  createdAt: '2026-01-01T00:00:00.000Z',
  status: 'writing',
  counts: { town: 3, zcta: 0 },
  measures: { town: {}, zcta: {} },
  method: {},
  indicators: [],
  derivation: { town: {}, zcta: {} },
  countyContext: {},
  sources: [],
} as unknown as VersionMeta;
const place = (i: number): PlaceRecord => ({
  level: 'town',
  id: `25000${String(i).padStart(5, '0')}`,
  name: `Synthetic ${i}`,
  county: null,
  countyFips: null,
  population: 100 * i,
  score: i / 10,
  percentile: null,
  percentileInterval: null,
  rank: i,
  rankInterval: null,
  noDataReason: null,
  flagCount: 0,
  domains: {} as PlaceRecord['domains'],
  indicators: {},
});

let db: LocalDynamoDb;
let port: number;
let dataDir: string;
let blobDir: string;
let client: ReturnType<typeof createDynamoClient>;
let app: ReturnType<typeof createApp>;
let investmentId: string;
const logged: Record<string, unknown>[] = [];

const reads = () => [
  `/v1/places/town/${place(1).id}`, // index route: pointer and places from the store
  '/v1/investments',
  `/v1/investments/${investmentId}`,
  '/v1/need-investment?level=town',
];

async function timed(pathname: string) {
  const started = performance.now();
  const res = await app.request(pathname);
  const body = await res.text();
  return { path: pathname, status: res.status, type: res.headers.get('content-type'), body, ms: Math.round(performance.now() - started) };
}

/** Every read answers 503 store-unavailable as problem+json, each within FAST_MS (all sent at once, as a server would get them). */
async function expectFast503s(): Promise<number> {
  const answers = await Promise.all(reads().map(timed));
  for (const a of answers) {
    expect({ path: a.path, status: a.status, type: a.type }).toEqual({ path: a.path, status: 503, type: 'application/problem+json' });
    expect(JSON.parse(a.body).type).toBe('/problems/store-unavailable');
    expect(a.ms, a.path).toBeLessThan(FAST_MS);
  }
  return Math.max(...answers.map((a) => a.ms));
}

/** Serving is back: every read answers 200 with the data written before the fault. */
async function expectServing(): Promise<void> {
  for (const a of await Promise.all(reads().map(timed))) expect({ path: a.path, status: a.status }).toEqual({ path: a.path, status: 200 });
  expect(JSON.parse((await timed(`/v1/places/town/${place(1).id}`)).body)).toMatchObject({ version, place: { id: place(1).id, name: 'Synthetic 1' } });
  expect(JSON.parse((await timed(`/v1/investments/${investmentId}`)).body)).toMatchObject({ id: investmentId, funder: 'Synthetic Fund' });
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'equity-atlas-faults-db-'));
  blobDir = mkdtempSync(path.join(tmpdir(), 'equity-atlas-faults-blobs-'));
  port = await freePort();
  db = await startLocalDynamoDb({ dir: dataDir, port });
  client = createDynamoClient({ endpoint: db.endpoint, region: 'us-east-1', credentials: db.credentials });
  await ensureTable(client, 'faults');
  const store = new DynamoIndexStore(client, 'faults');
  await store.beginVersion(meta);
  await store.putPlaces(version, [1, 2, 3].map(place));
  await store.publishVersion(version, null);
  const investments = new DynamoInvestmentStore(client, 'faults');
  const { investment } = await investments.create(
    { funder: 'Synthetic Fund', grantee: 'Synthetic grantee', amountUsd: 1000, amountNote: '', startDate: '2026-01-01', durationYears: 1, municipalities: [place(1).id], unmappedPlaces: [], focus: 'synthetic', ahemLink: 'unconfirmed', sourceUrl: 'https://example.org/' },
    { who: 'test' },
  );
  investmentId = investment.id;
  // pointerTtlMs 0: every request re-reads "current" from the store, as each one does once the 5 s TTL lapses.
  app = createApp({ reader: new IndexReader(store, new FileBlobStore(blobDir), { pointerTtlMs: 0 }), investments, logError: (e) => logged.push(e) });
  await expectServing();
}, 120_000);

afterAll(async () => {
  client?.destroy();
  await db?.stop();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(blobDir, { recursive: true, force: true });
});

describe('store faults', () => {
  it('a stalled store (SIGSTOP) answers 503 within a few seconds, and serving recovers on SIGCONT', async () => {
    const pid = db.pid;
    process.kill(pid, 'SIGSTOP');
    // Whatever happens below, the JVM is resumed (a stopped one would ignore the SIGTERM of stop()).
    const resume = setTimeout(() => process.kill(pid, 'SIGCONT'), 20_000);
    let slowest: number;
    try {
      slowest = await expectFast503s();
      // Still stalled: the next requests are as fast (nothing waits on the earlier ones).
      await expectFast503s();
    } finally {
      clearTimeout(resume);
      process.kill(pid, 'SIGCONT');
    }
    console.log(`store-faults: SIGSTOP → slowest 503 after ${slowest} ms`);
    await expectServing();
    expect(logged.some((e) => String(e.cause).includes('TimeoutError'))).toBe(true); // the cause went to the log
  }, 30_000);

  it('a killed store answers 503 at once, and serving recovers when it restarts on the same port and data', async () => {
    await db.stop();
    const slowest = await expectFast503s();
    expect(slowest).toBeLessThan(1_000); // connection refused: no timeout to wait for
    db = await startLocalDynamoDb({ dir: dataDir, port, credentials: db.credentials });
    await expectServing(); // the same client, reader and app: nothing to restart but the store
    console.log(`store-faults: killed → slowest 503 after ${slowest} ms`);
  }, 90_000);
});
