import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../functions/src/api/app.js';
import { IMMUTABLE_CACHE_CONTROL } from '../functions/src/api/http-cache.js';
import { IndexReader } from '../functions/src/api/index-reader.js';
import type { PlaceRecord, VersionMeta } from '../functions/src/indices/place-record.js';
import { versionBlobKeys } from '../functions/src/store/index-store.js';
import { publishedStore } from './support/published-store.js';

/**
 * Issue 15 contracts 3 and 4 over EVERY GET operation of /v1/openapi.json (enumerated from the
 * document, so a new route is covered or fails here): `?version=<id>` pins the answer and makes it
 * immutable, an unknown id is a 404 problem, an undeclared parameter is a 400 problem naming it.
 * A second, older version with different values shows that pinning really reads that version.
 */
let ctx: Awaited<ReturnType<typeof publishedStore>>;
let app: ReturnType<typeof createApp>;
let current: string; // the real pipeline's version, current
const OLDER = 'ma-hei-1.1-20200101T000000Z-0ld0';
const BOSTON = '2502507000';

/** The older version's values differ from the current one's by construction: every score + 1, every rank reversed. */
const older = (p: PlaceRecord, ranked: number): PlaceRecord => ({ ...p, score: p.score === null ? null : p.score + 1, rank: p.rank === null ? null : ranked + 1 - p.rank });

beforeAll(async () => {
  ctx = await publishedStore();
  current = ctx.result.version;
  // Publish OLDER from the current version's records and blobs, then move the pointer back to the real one.
  const meta = (await ctx.store.getVersion(current))!;
  await ctx.store.beginVersion(JSON.parse(JSON.stringify({ ...meta, version: OLDER, createdAt: '2020-01-01T00:00:00.000Z', status: 'writing' })) as VersionMeta);
  for (const level of ['town', 'zcta'] as const) {
    const places = await ctx.store.listPlaces(current, level);
    const ranked = places.filter((p) => p.rank !== null).length;
    await ctx.store.putPlaces(OLDER, places.map((p) => older(p, ranked)));
  }
  for (const [from, to] of versionBlobKeys(current).map((k, i) => [k, versionBlobKeys(OLDER)[i]!] as const)) {
    const body = await ctx.blobs.get(from);
    if (body !== null) await ctx.blobs.put(to, body.replaceAll(current, OLDER));
  }
  await ctx.store.publishVersion(OLDER, current);
  await ctx.store.movePointer(current, OLDER);
  app = createApp({ reader: new IndexReader(ctx.store, ctx.blobs), investments: ctx.investments });
}, 300_000);
afterAll(() => ctx?.cleanup());

type Param = { name: string; in: 'path' | 'query' | 'header'; required?: boolean; example?: unknown; schema?: { example?: unknown; enum?: unknown[]; default?: unknown } };
type Problem = { type: string; title: string; status: number; detail: string; errors?: { path: string; message: string }[] };

/** Values for required parameters the document gives no usable example of. */
const REQUIRED: Record<string, string> = { level: 'town', q: 'Boston', lon: '-71.0589', lat: '42.3601' };

/** GET operations without `version`, each with why; anything else must take it. */
const WITHOUT_VERSION: [RegExp, string][] = [
  [/^\/v1\/health$/, 'liveness, not data'],
  [/^\/v1\/versions$/, 'the list of versions itself'],
  [/^\/v1\/versions\/\{id\}(\/|$)/, 'the version is in the path'],
  [/^\/v1\/investments(\/|$)/, 'live data, not part of a version'],
  [/^\/v1\/places\/\{level\}\/\{id\}\/history$/, 'spans every version'],
  [/^\/v1\/methods\/document$/, "the code's method document, not a version's data"],
];

/** Pinnable answers whose body has no `version` field (the stored map geometry is served as published). */
const NO_VERSION_FIELD = new Set(['/v1/geometry/{level}']);

let ops: { path: string; params: Param[] }[];
let investmentId: string;

/** A request to the operation with every required parameter filled in, plus `extra`. */
function url(op: { path: string; params: Param[] }, extra: Record<string, string> = {}): string {
  let path = op.path.replace('{level}', 'town');
  path = path.replace('{id}', op.path.startsWith('/v1/places') ? BOSTON : op.path.startsWith('/v1/versions') ? current : investmentId);
  const query = new URLSearchParams();
  for (const p of op.params) {
    // lon/lat are coerced numbers, which the document lists as optional: fill in every name we know too.
    if (p.in !== 'query' || !(p.required || p.name in REQUIRED)) continue;
    if (p.name === 'from') query.set('from', OLDER); // version diff
    else query.set(p.name, REQUIRED[p.name] ?? String(p.example ?? p.schema?.example ?? p.schema?.enum?.[0]));
  }
  for (const [k, v] of Object.entries(extra)) query.set(k, v);
  const qs = query.toString();
  return qs ? `${path}?${qs}` : path;
}

const takesVersion = (op: { params: Param[] }) => op.params.some((p) => p.in === 'query' && p.name === 'version');

describe('every GET operation of the OpenAPI document', () => {
  beforeAll(async () => {
    const doc = (await (await app.request('/v1/openapi.json')).json()) as { paths: Record<string, Record<string, { parameters?: Param[] }>> };
    ops = Object.entries(doc.paths).flatMap(([path, methods]) => (methods.get ? [{ path: `/v1${path.replace(/^\/v1/, '')}`, params: methods.get.parameters ?? [] }] : []));
    investmentId = ((await (await app.request('/v1/investments')).json()) as { items: { id: string }[] }).items[0]!.id;
  });

  it('lists the read routes of the issue, and each GET either takes `version` or is a known exception', () => {
    const paths = ops.map((o) => o.path);
    for (const read of ['/v1/places', '/v1/places/{level}/{id}', '/v1/layers/{level}', '/v1/disparities', '/v1/crosswalk', '/v1/need-investment', '/v1/priority-geographies', '/v1/sensitivity', '/v1/search', '/v1/lookup', '/v1/geometry/{level}', '/v1/methods']) {
      expect(paths, read).toContain(read);
      expect(takesVersion(ops.find((o) => o.path === read)!), read).toBe(true);
    }
    const unexplained = ops.filter((o) => !takesVersion(o) && !WITHOUT_VERSION.some(([re]) => re.test(o.path))).map((o) => o.path);
    expect(unexplained, 'GET routes that neither take ?version= nor say why').toEqual([]);
  });

  it('answers ?version=<current id> with that version and an immutable Cache-Control', async () => {
    for (const op of ops.filter(takesVersion)) {
      const res = await app.request(url(op, { version: current }));
      expect(res.status, op.path).toBe(200);
      // Need vs investment joins live investments: never cached, whatever the version.
      expect(res.headers.get('cache-control'), op.path).toBe(op.path === '/v1/need-investment' ? 'no-store' : IMMUTABLE_CACHE_CONTROL);
      if (op.path !== '/v1/need-investment') expect(res.headers.get('etag'), op.path).toMatch(new RegExp(`^(W/)?"${current}\\.`));
      if ((res.headers.get('content-type') ?? '').includes('json') && !NO_VERSION_FIELD.has(op.path)) {
        const body = (await res.json()) as { version?: string };
        expect(body.version, op.path).toBe(current);
      }
    }
  });

  it('answers ?version=<unknown id> with a 404 problem that points to /v1/versions, never a 304', async () => {
    for (const op of ops.filter(takesVersion)) {
      const res = await app.request(url(op, { version: 'nope' }), { headers: { 'if-none-match': '*' } });
      expect(res.status, `${url(op, { version: 'nope' })}: ${await res.clone().text()}`).toBe(404);
      expect(res.headers.get('content-type'), op.path).toMatch(/^application\/problem\+json/);
      const problem = (await res.json()) as Problem;
      expect(problem.detail, op.path).toBe('No published version "nope"; GET /v1/versions lists them.');
    }
  });

  it('answers an undeclared parameter with a 400 problem naming it and listing the accepted ones', async () => {
    for (const op of ops) {
      const res = await app.request(url(op, { bogus: '1' }));
      expect(res.status, op.path).toBe(400);
      const problem = (await res.json()) as Problem;
      expect(problem.detail, op.path).toMatch(/^Unknown query parameter "bogus"; /);
      for (const p of op.params.filter((q) => q.in === 'query')) expect(problem.detail, `${op.path} lists ${p.name}`).toContain(p.name);
      expect(problem.errors, op.path).toEqual([{ path: 'bogus', message: expect.stringContaining('unknown query parameter') }]);
    }
  });
});

describe('pinning an older version', () => {
  const json = async <T>(path: string) => {
    const res = await app.request(path);
    expect(res.status, path).toBe(200);
    return (await res.json()) as T;
  };

  it("returns the older version's values when pinned and the current ones without", async () => {
    const stored = (await ctx.store.getPlace(current, 'town', BOSTON))!;
    const storedOlder = (await ctx.store.getPlace(OLDER, 'town', BOSTON))!;
    expect(stored.score).not.toBeNull();
    type Detail = { version: string; place: { score: number; rank: number } };
    const pinned = await json<Detail>(`/v1/places/town/${BOSTON}?version=${OLDER}`);
    const unpinned = await json<Detail>(`/v1/places/town/${BOSTON}`);
    expect(pinned.version).toBe(OLDER);
    expect(pinned.place.score).toBeCloseTo(stored.score! + 1, 12);
    expect(pinned.place.rank).toBe(storedOlder.rank);
    expect(unpinned.version).toBe(current);
    expect(unpinned.place.score).toBe(stored.score);
    expect(unpinned.place.rank).toBe(stored.rank);

    type List = { version: string; items: { id: string; rank: number | null }[] };
    const first = (l: List) => l.items[0]!.id;
    const [old, now] = [await json<List>(`/v1/places?level=town&sort=rank&limit=1&version=${OLDER}`), await json<List>('/v1/places?level=town&sort=rank&limit=1')];
    expect([old.version, now.version]).toEqual([OLDER, current]);
    const towns = await ctx.store.listPlaces(current, 'town');
    const worstRank = Math.max(...towns.map((t) => t.rank ?? 0));
    expect(towns.find((t) => t.id === first(now))!.rank).toBe(1);
    expect(towns.find((t) => t.id === first(old))!.rank).toBe(worstRank); // ranks were reversed in the older version

    type Layers = { version: string; places: { id: string; rank: number | null }[] };
    const layers = await json<Layers>(`/v1/layers/town?version=${OLDER}`);
    expect(layers.version).toBe(OLDER);
    expect(layers.places.find((p) => p.id === BOSTON)!.rank).toBe(storedOlder.rank);
  });

  it('keys the ETag and the response caches on the pinned version, and revalidates it with a 304', async () => {
    const a = await app.request(`/v1/layers/town?version=${OLDER}`);
    const b = await app.request('/v1/layers/town');
    expect(a.headers.get('etag')).toMatch(new RegExp(`^(W/)?"${OLDER}\\.`));
    expect(b.headers.get('etag')).toMatch(new RegExp(`^(W/)?"${current}\\.`));
    expect(((await a.json()) as { version: string }).version).toBe(OLDER);
    expect(((await b.json()) as { version: string }).version).toBe(current);
    const again = await app.request(`/v1/layers/town?version=${OLDER}`, { headers: { 'if-none-match': a.headers.get('etag')! } });
    expect(again.status).toBe(304);
    expect(again.headers.get('cache-control')).toBe(IMMUTABLE_CACHE_CONTROL);
    // The current version's tag does not revalidate the pinned answer.
    expect((await app.request(`/v1/layers/town?version=${OLDER}`, { headers: { 'if-none-match': b.headers.get('etag')! } })).status).toBe(200);
  });

  it('keeps a cursor on its version: the same version= continues, another is a 400 problem', async () => {
    const page = await json<{ nextCursor: string }>(`/v1/places?level=town&limit=10&version=${OLDER}`);
    const next = await json<{ version: string }>(`/v1/places?level=town&limit=10&version=${OLDER}&cursor=${encodeURIComponent(page.nextCursor)}`);
    expect(next.version).toBe(OLDER);
    const unpinnedNext = await json<{ version: string }>(`/v1/places?level=town&limit=10&cursor=${encodeURIComponent(page.nextCursor)}`);
    expect(unpinnedNext.version).toBe(OLDER);
    const res = await app.request(`/v1/places?level=town&limit=10&version=${current}&cursor=${encodeURIComponent(page.nextCursor)}`);
    expect(res.status).toBe(400);
    expect(((await res.json()) as Problem).errors![0]!.path).toBe('version');
  });

  it('pins POST /v1/indices/custom by its "version" field and refuses unknown fields and ids', async () => {
    const post = (body: unknown) => app.request('/v1/indices/custom', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const weights = { cardiometabolic: 1, maternal_perinatal: 1, social_drivers: 1, access_to_care: 1 };
    type Custom = { version: string; items: { id: string; publishedPercentile: number | null }[] };
    const pinned = (await (await post({ level: 'town', weights, version: OLDER })).json()) as Custom;
    const unpinned = (await (await post({ level: 'town', weights })).json()) as Custom;
    expect(pinned.version).toBe(OLDER);
    expect(unpinned.version).toBe(current);
    const missing = await post({ level: 'town', weights, version: 'nope' });
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as Problem).detail).toBe('No published version "nope"; GET /v1/versions lists them.');
    const extra = await post({ level: 'town', weights, fields: ['score'] });
    expect(extra.status).toBe(400);
    const problem = (await extra.json()) as Problem;
    expect(problem.detail).toBe('Unknown body field "fields"; accepted: level, weights, version.');
    expect(problem.errors![0]!.path).toBe('fields');
  });
});
