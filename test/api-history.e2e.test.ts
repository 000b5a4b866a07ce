import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../functions/src/api/app.js';
import { IndexReader } from '../functions/src/api/index-reader.js';
import { DOMAINS } from '../functions/src/indices/indicator-registry.js';
import { runPipeline } from '../functions/src/pipeline/run-pipeline.js';
import { loadRegistry } from '../functions/src/sources/indicator-registry-file.js';
import { publishedStore, TEST_CACHE_DIR, TEST_DRAWS } from './support/published-store.js';

/**
 * Issue 15 contract 6 over two real versions: the default pipeline run, then a
 * second run with other domain weights (and a method id of its own) describing an
 * earlier day (fewer hospital closures applied). The diff and the history are
 * checked against each version's own bulk CSV download, an independent path.
 */
type Row = Record<string, string>;
type Change = { from: number | null; to: number | null; delta: number | null };
type PlaceDiff = { id: string; name: string; score: Change; percentile: Change; rank: Change; changed: boolean; indicators: { id: string; value: Change; percentile: Change }[] };
type Diff = {
  from: { version: string; method: string };
  to: { version: string; method: string };
  summary: { compared: number; changed: number; rankChanged: number; added: number; removed: number };
  methodChanges: { method: { from: string; to: string }; weights: { domain: string; from: number | null; to: number | null }[]; asOf: { from: string | null; to: string | null } };
  places: PlaceDiff[];
  added: { id: string }[];
  removed: { id: string }[];
};
type History = { level: string; id: string; current: string; items: { version: string; method: string; createdAt: string; asOf: string | null; current: boolean; present: boolean; percentile: number | null; rank: number | null; domains: Record<string, { percentile: number | null }> }[] };

let ctx: Awaited<ReturnType<typeof publishedStore>>;
let app: ReturnType<typeof createApp>;
let older: string;
let newer: string;
const csv: Record<string, Map<string, Row>> = {};
const WEIGHTS = { cardiometabolic: 0.1, maternal_perinatal: 0.2, social_drivers: 0.5, access_to_care: 0.2 };

const get = (path: string) => app.request(path);
async function json<T>(path: string): Promise<T> {
  const res = await get(path);
  expect(res.status, `${path}: ${await res.clone().text()}`).toBe(200);
  return (await res.json()) as T;
}
async function download(version: string): Promise<Map<string, Row>> {
  const res = await get(`/v1/versions/${version}/download?level=town&format=csv`);
  expect(res.status).toBe(200);
  const rows = parse(await res.text(), { columns: true }) as Row[];
  return new Map(rows.map((r) => [r.id!, r]));
}

/** A CSV cell as a number (empty = no data). */
const num = (cell: string | undefined) => (cell === undefined || cell === '' ? null : Number(cell));
/** The API number agrees with the CSV cell to the CSV's own printed precision (downloads may round). */
function agrees(api: number | null, cell: string | undefined): boolean {
  const n = num(cell);
  if (api === null || n === null) return api === n;
  const digits = cell!.includes('.') ? cell!.length - cell!.indexOf('.') - 1 : 0;
  return Math.abs(api - n) <= 0.5 * 10 ** -digits + 1e-12;
}

beforeAll(async () => {
  ctx = await publishedStore();
  older = ctx.result.version;
  const base = loadRegistry();
  const registry = { ...base, method: { ...base.method, id: 'ma-hei-1.2', domains: base.method.domains.map((d) => ({ ...d, weight: WEIGHTS[d.id] })) } };
  const second = await runPipeline({ store: ctx.store, blobs: ctx.blobs, dataDir: ctx.dataDir, cacheDir: TEST_CACHE_DIR, draws: TEST_DRAWS, registry, asOf: '2020-01-01' });
  expect(second.previous).toBe(older);
  newer = second.version;
  app = createApp({ reader: new IndexReader(ctx.store, ctx.blobs) });
  csv[older] = await download(older);
  csv[newer] = await download(newer);
}, 600_000);
afterAll(() => ctx?.cleanup());

describe('GET /v1/versions/{id}/diff', () => {
  let diff: Diff;
  beforeAll(async () => {
    diff = await json<Diff>(`/v1/versions/${newer}/diff?from=${older}`);
  });

  it('compares every town of both downloads, with added and removed from the id sets', () => {
    const [a, b] = [csv[older]!, csv[newer]!];
    expect(diff.places.map((p) => p.id).sort()).toEqual([...b.keys()].filter((id) => a.has(id)).sort());
    expect(diff.added.map((p) => p.id)).toEqual([...b.keys()].filter((id) => !a.has(id)).sort());
    expect(diff.removed.map((p) => p.id)).toEqual([...a.keys()].filter((id) => !b.has(id)).sort());
    expect(diff.summary.compared).toBe(diff.places.length);
  });

  it('gives each town its score, percentile and rank in both versions as the downloads print them, and to − from', () => {
    let rankMoves = 0;
    for (const p of diff.places) {
      const [a, b] = [csv[older]!.get(p.id)!, csv[newer]!.get(p.id)!];
      for (const field of ['score', 'percentile', 'rank'] as const) {
        expect(agrees(p[field].from, a[field]), `${p.id} ${field} from`).toBe(true);
        expect(agrees(p[field].to, b[field]), `${p.id} ${field} to`).toBe(true);
        if (p[field].from !== null && p[field].to !== null) expect(p[field].delta).toBeCloseTo(p[field].to! - p[field].from!, 9);
        else expect(p[field].delta).toBeNull();
      }
      if (num(a.rank) !== num(b.rank)) rankMoves++;
    }
    expect(rankMoves).toBeGreaterThan(0); // other weights must move some ranks, or this test proves nothing
    expect(diff.summary.rankChanged).toBe(rankMoves);
  });

  it('lists an indicator exactly where its value or percentile moved, with both sides as downloaded', () => {
    const indicatorIds = Object.keys(csv[newer]!.values().next().value!).filter((k) => k.endsWith('_percentile') && !DOMAINS.some((d) => k === `${d}_percentile`)).map((k) => k.replace(/_percentile$/, ''));
    let listed = 0;
    for (const p of diff.places) {
      const [a, b] = [csv[older]!.get(p.id)!, csv[newer]!.get(p.id)!];
      const byId = new Map(p.indicators.map((i) => [i.id, i]));
      for (const id of indicatorIds) {
        const csvMoved = a[id] !== b[id] || a[`${id}_percentile`] !== b[`${id}_percentile`];
        const entry = byId.get(id);
        if (csvMoved) expect(entry, `${p.id} ${id} moved in the downloads`).toBeDefined();
        if (entry) {
          listed++;
          expect(agrees(entry.value.from, a[id]) && agrees(entry.value.to, b[id]), `${p.id} ${id} value`).toBe(true);
          expect(agrees(entry.percentile.from, a[`${id}_percentile`]) && agrees(entry.percentile.to, b[`${id}_percentile`]), `${p.id} ${id} percentile`).toBe(true);
        }
      }
    }
    expect(listed).toBeGreaterThan(0); // the earlier as-of day keeps closed hospitals, so access indicators move
  });

  it('summarises the method change from the two version records', async () => {
    const [a, b] = await Promise.all([json<{ method: { id: string; domains: { id: string; weight: number }[] } }>(`/v1/versions/${older}`), json<{ method: { id: string; domains: { id: string; weight: number }[] } }>(`/v1/versions/${newer}`)]);
    expect(diff.methodChanges.method).toMatchObject({ from: a.method.id, to: b.method.id });
    const expected = a.method.domains.map((d) => ({ domain: d.id, from: d.weight, to: b.method.domains.find((x) => x.id === d.id)!.weight })).filter((w) => w.from !== w.to);
    expect(diff.methodChanges.weights).toEqual(expected);
    expect(diff.methodChanges.asOf.to).toBe('2020-01-01');
  });

  it('is immutable, and reversing the versions reverses every delta', async () => {
    const res = await get(`/v1/versions/${newer}/diff?from=${older}`);
    expect(res.headers.get('cache-control')).toContain('immutable');
    const back = await json<Diff>(`/v1/versions/${older}/diff?from=${newer}`);
    const there = new Map(diff.places.map((p) => [p.id, p]));
    for (const p of back.places) {
      const q = there.get(p.id)!;
      expect([p.rank.from, p.rank.to]).toEqual([q.rank.to, q.rank.from]);
      if (q.rank.delta !== null) expect(p.rank.delta).toBe(0 - q.rank.delta);
    }
  });

  it('has a CSV form with one row per town and a status', async () => {
    const res = await get(`/v1/versions/${newer}/diff?from=${older}&format=csv`);
    expect(res.headers.get('content-type')).toContain('text/csv');
    const rows = parse(await res.text(), { columns: true }) as Row[];
    expect(rows).toHaveLength(diff.places.length + diff.added.length + diff.removed.length);
    const changed = new Set(diff.places.filter((p) => p.changed).map((p) => p.id));
    for (const r of rows) expect(r.status).toBe(changed.has(r.id!) ? 'changed' : 'unchanged');
  });

  it('answers 404 problems for an unknown version on either side and 400 without `from`', async () => {
    for (const path of [`/v1/versions/ma-hei-9.9-nope/diff?from=${older}`, `/v1/versions/${newer}/diff?from=ma-hei-9.9-nope`]) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
    }
    const missing = await get(`/v1/versions/${newer}/diff`);
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as { errors: { path: string }[] }).errors.map((e) => e.path)).toContain('from');
  });
});

describe('GET /v1/places/{level}/{id}/history', () => {
  it('gives a town\'s percentile, rank and domain percentiles in every version, newest first, as each download prints them', async () => {
    const versions = await json<{ items: { version: string; method: string; createdAt: string }[] }>('/v1/versions');
    // Springfield, Boston, and the town whose rank moved most between the versions.
    const moved = [...csv[newer]!.values()].filter((r) => r.rank !== '' && csv[older]!.get(r.id!)?.rank).sort((x, y) => Math.abs(Number(y.rank) - Number(csv[older]!.get(y.id!)!.rank)) - Math.abs(Number(x.rank) - Number(csv[older]!.get(x.id!)!.rank)))[0]!.id!;
    for (const id of ['2501367000', '2502507000', moved]) {
      const h = await json<History>(`/v1/places/town/${id}/history`);
      expect(h.items.map((i) => [i.version, i.method, i.createdAt])).toEqual(versions.items.map((v) => [v.version, v.method, v.createdAt]));
      expect(h.items.map((i) => i.version)).toEqual([newer, older]);
      expect(h.items.map((i) => i.current)).toEqual([true, false]);
      for (const item of h.items) {
        const row = csv[item.version]!.get(id)!;
        expect(item.present).toBe(true);
        expect(agrees(item.percentile, row.percentile) && agrees(item.rank, row.rank), `${id} in ${item.version}`).toBe(true);
        for (const d of DOMAINS) expect(agrees(item.domains[d]!.percentile, row[`${d}_percentile`]), `${id} ${d} in ${item.version}`).toBe(true);
      }
      expect(h.items[0]!.asOf).toBe('2020-01-01');
    }
  });

  it('answers a 404 problem for a place in no version, and the existing one-place route still answers', async () => {
    const res = await get('/v1/places/town/9999999999/history');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect((await get('/v1/places/town/2502507000')).status).toBe(200);
  });
});
