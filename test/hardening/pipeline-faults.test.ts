import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../functions/src/api/app.js';
import { IndexReader } from '../../functions/src/api/index-reader.js';
import { serveLocal } from '../../functions/src/api/local-server.js';
import { runPipeline } from '../../functions/src/pipeline/run-pipeline.js';
import { createDynamoClient } from '../../functions/src/store/dynamo-client.js';
import { DynamoIndexStore } from '../../functions/src/store/dynamo-index-store.js';
import { DynamoInvestmentStore } from '../../functions/src/store/dynamo-investment-store.js';
import { FileBlobStore } from '../../functions/src/store/file-blob-store.js';
import type { BlobStore, IndexStore } from '../../functions/src/store/index-store.js';
import { publishedStore, TEST_CACHE_DIR } from '../support/published-store.js';

/**
 * The pipeline killed at each point where it writes (issue 14 "Keep it
 * proven"): before the version record, half-way through the places, among the
 * blobs, and at the flip of "current". Each crash leaves the previous version
 * current and served whole; the next run publishes normally. A whole-server
 * restart (new client, store, reader, app and HTTP server) serves the same
 * version, byte for byte.
 */
let ctx: Awaited<ReturnType<typeof publishedStore>>;
beforeAll(async () => {
  ctx = await publishedStore();
});
afterAll(() => ctx?.cleanup());

class SimulatedCrash extends Error {
  constructor(where: string) {
    super(`simulated crash: ${where}`);
  }
}

/** The store, except that `method` dies (after letting `passes` calls through, and after doing `partial` of the crashing call). */
function dyingStore(method: 'beginVersion' | 'putPlaces' | 'publishVersion', passes = 0): IndexStore {
  let calls = 0;
  return Object.create(ctx.store, {
    [method]: {
      value: async (...args: unknown[]) => {
        if (calls++ < passes) return (ctx.store[method] as (...a: unknown[]) => Promise<void>)(...args);
        if (method === 'putPlaces') {
          // Half the places reach the table before the process dies.
          const [version, places] = args as Parameters<IndexStore['putPlaces']>;
          await ctx.store.putPlaces(version, places.slice(0, Math.floor(places.length / 2)));
        }
        throw new SimulatedCrash(method);
      },
    },
  });
}

/** Blobs that die after `passes` writes. */
function dyingBlobs(passes: number): BlobStore & { writes: number; delete(key: string): Promise<void> } {
  const blobs = {
    writes: 0,
    put: async (key: string, body: string, type: string) => {
      if (blobs.writes >= passes) throw new SimulatedCrash(`blob ${key}`);
      blobs.writes++;
      return (ctx.blobs as BlobStore).put(key, body, type);
    },
    get: (key: string) => ctx.blobs.get(key),
    // The pipeline may also remove an abandoned version's blobs; that is not a write that crashes here.
    delete: (key: string) => (ctx.blobs as unknown as { delete?: (k: string) => Promise<void> }).delete?.(key) ?? Promise.resolve(),
  };
  return blobs;
}

/** What a client sees of the current version: the version, a place, the geometry, the version list. */
async function snapshot(app: ReturnType<typeof createApp> | { request: (path: string) => Promise<Response> }) {
  const paths = ['/v1/health', '/v1/places/town/2502507000', '/v1/places?level=zcta', '/v1/geometry/town', '/v1/versions', '/v1/investments', '/v1/priority-geographies'];
  const out: Record<string, { status: number; etag: string | null; body: string }> = {};
  for (const p of paths) {
    const res = await app.request(p);
    out[p] = { status: res.status, etag: res.headers.get('etag'), body: await res.text() };
  }
  return out;
}

const freshApp = () => createApp({ reader: new IndexReader(ctx.store, ctx.blobs), investments: ctx.investments });

describe('pipeline killed while writing', () => {
  let original: string;
  let before: Awaited<ReturnType<typeof snapshot>>;
  const survived: string[] = [];
  beforeAll(async () => {
    original = ctx.result.version;
    before = await snapshot(freshApp());
    expect(before['/v1/health']!.status).toBe(200);
    expect(JSON.parse(before['/v1/health']!.body).version).toBe(original);
  });
  afterAll(() => console.log(`pipeline faults survived (previous version ${original} served whole after each): ${survived.join('; ')}`));

  const crashes: { name: string; store?: () => IndexStore; blobs?: () => BlobStore }[] = [
    { name: 'at beginVersion (before the version record)', store: () => dyingStore('beginVersion') },
    { name: 'mid putPlaces (half the places written)', store: () => dyingStore('putPlaces') },
    { name: 'among the blob writes (geometry written, crosswalks not)', blobs: () => dyingBlobs(2) },
    { name: 'at publishVersion (everything written, "current" not flipped)', store: () => dyingStore('publishVersion') },
  ];
  for (const crash of crashes) {
    it(`leaves the previous version current and whole when it dies ${crash.name}`, async () => {
      const err = await runPipeline({
        store: crash.store?.() ?? ctx.store,
        blobs: crash.blobs?.() ?? ctx.blobs,
        investments: ctx.investments,
        dataDir: ctx.dataDir,
        cacheDir: TEST_CACHE_DIR,
        draws: 0,
      }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(SimulatedCrash);
      expect((await ctx.store.getCurrentVersion())?.version).toBe(original);
      // A server started after the crash (nothing cached) serves exactly what it served before.
      const after = await snapshot(freshApp());
      expect(after).toEqual(before);
      // The half-written version is never offered.
      expect((JSON.parse(after['/v1/versions']!.body) as { items: { version: string }[] }).items.map((v) => v.version)).toEqual([original]);
      survived.push(crash.name);
    }, 120_000);
  }

  it('publishes normally on the next run after the crashes; the previous version stays readable', async () => {
    const result = await runPipeline({ store: ctx.store, blobs: ctx.blobs, investments: ctx.investments, dataDir: ctx.dataDir, cacheDir: TEST_CACHE_DIR, draws: 0 });
    expect(result.previous).toBe(original);
    expect((await ctx.store.getCurrentVersion())?.version).toBe(result.version);
    const app = freshApp();
    const versions = (await (await app.request('/v1/versions')).json()) as { current: string; items: { version: string }[] };
    expect(versions.current).toBe(result.version);
    expect(versions.items.map((v) => v.version)).toEqual([result.version, original]); // the four crashed runs are not listed
    expect((await app.request(`/v1/versions/${original}`)).status).toBe(200);
    expect((await (await app.request('/v1/investments')).json()) as { count: number }).toEqual(JSON.parse(before['/v1/investments']!.body)); // seeded once, never again
    survived.push('next run after the crashes');
  }, 120_000);
});

describe('whole-server restart', () => {
  it('a new process (client, stores, reader, app, HTTP server) serves the same current version, byte for byte', async () => {
    const first = await serveLocal({ app: freshApp(), port: 0 });
    const get = (base: string) => ({ request: (p: string) => fetch(`${base}${p}`) });
    const served = await snapshot(get(first.url));
    await first.close();

    // Everything the process held is rebuilt from the table and the blob directory.
    const credentials = (ctx as { credentials?: { accessKeyId: string; secretAccessKey: string } }).credentials;
    const client = createDynamoClient({ endpoint: ctx.endpoint, region: 'us-east-1', ...(credentials ? { credentials } : {}) });
    try {
      const store = new DynamoIndexStore(client, ctx.tableName);
      const app = createApp({ reader: new IndexReader(store, new FileBlobStore(ctx.blobDir)), investments: new DynamoInvestmentStore(client, ctx.tableName) });
      const second = await serveLocal({ app, port: 0 });
      try {
        const again = await snapshot(get(second.url));
        expect(again['/v1/health']!.status).toBe(200);
        expect(JSON.parse(again['/v1/health']!.body).version).toBe((await ctx.store.getCurrentVersion())!.version);
        expect(again).toEqual(served);
      } finally {
        await second.close();
      }
    } finally {
      client.destroy();
    }
  });
});
