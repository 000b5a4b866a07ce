import { readFileSync } from 'node:fs';
import path from 'node:path';
import booleanValid from '@turf/boolean-valid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../functions/src/api/app.js';
import { IndexReader } from '../functions/src/api/index-reader.js';
import { buildPriorityGeographies, type PriorityGeographyCollection } from '../functions/src/pipeline/priority-geographies-stage.js';
import { parseAhemCommunities } from '../functions/src/sources/ahem-communities.js';
import { loadPriorityConfig } from '../functions/src/sources/priority-geographies-config.js';
import { parseTowns } from '../functions/src/sources/towns.js';
import type { Investment } from '../functions/src/store/investment-store.js';
import { publishedStore } from './support/published-store.js';

// Real sources → pipeline (with the AHEM stage and the investment seed) → DynamoDB Local → the Hono app.
const TOKEN = 'test-admin-token-0123456789';
const CONFIRMED = ['new-bedford', 'chicopee', 'brockton', 'lawrence', 'lowell', 'ayer-nashoba-valley'];
const CHICOPEE = '2501313660';
const AYER = '2501703005';

let ctx: Awaited<ReturnType<typeof publishedStore>>;
let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  ctx = await publishedStore();
  app = createApp({ reader: new IndexReader(ctx.store, ctx.blobs), investments: ctx.investments, adminAuth: { mode: 'token', token: TOKEN } });
});
afterAll(() => ctx?.cleanup());

const auth = { authorization: `Bearer ${TOKEN}` };
const json = (body: unknown, headers: Record<string, string> = {}) => ({ body: JSON.stringify(body), headers: { 'content-type': 'application/json', ...auth, ...headers } });
const grant = (over: Record<string, unknown> = {}) => ({
  funder: 'Synthetic Test Foundation',
  grantee: 'Synthetic Coalition',
  amountUsd: 300000,
  startDate: '2026-01-15',
  durationYears: 3,
  municipalities: [CHICOPEE],
  ahemLink: 'unconfirmed',
  sourceUrl: 'https://example.org/synthetic-grant',
  ...over,
});

describe('GET /v1/priority-geographies', () => {
  let fc: PriorityGeographyCollection;
  beforeAll(async () => {
    const res = await app.request('/v1/priority-geographies');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/geo\+json/);
    fc = (await res.json()) as PriorityGeographyCollection;
  });

  it('has ten geographies, the six confirmed communities named after themselves with their sources', () => {
    expect(fc.version).toBe(ctx.result.version);
    expect(fc.features).toHaveLength(10);
    for (const id of CONFIRMED) {
      const g = fc.features.find((f) => f.properties.id === id)!;
      expect(g.properties.status, id).toBe('confirmed');
      expect(g.properties.sourceUrl, id).toMatch(/^https?:\/\//);
    }
    expect(fc.features.filter((f) => f.properties.status === 'derived')).toHaveLength(4);
    expect(fc.features.find((f) => f.properties.id === 'ayer-nashoba-valley')!.properties.members[0]!.id).toBe(AYER);
    const total = fc.features.reduce((s, f) => s + f.properties.members.length, 0);
    expect(total).toBeGreaterThanOrEqual(25);
    expect(total).toBeLessThanOrEqual(35);
    expect(fc.notes).toMatch(/Premature mortality .* not published by town/);
  });

  it('gives every member a reason, rank and the boundary it shares', () => {
    for (const f of fc.features) {
      expect(f.properties.reasons.map((r) => r.id)).toEqual(f.properties.members.map((m) => m.id));
      for (const m of f.properties.members) {
        expect(m.rank, m.name).not.toBeNull();
        if (m.role === 'adjacent') expect(m.adjacentTo.length, m.name).toBeGreaterThan(0);
      }
      expect(f.properties.population).toBe(f.properties.members.reduce((s, m) => s + (m.population ?? 0), 0));
      expect(f.properties.index.percentile).toBeGreaterThan(50);
    }
  });

  it('tells the announced AHEM community from the towns the rule added, in plain words (Springfield is not an AHEM community)', () => {
    const announced = new Set(readFileSync(path.join(ctx.dataDir, 'ahem/communities.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(',')[0]!));
    for (const f of fc.features)
      for (const m of f.properties.members) {
        expect(m.basis, m.name).toBe(announced.has(m.name) && f.properties.status === 'confirmed' && m.role === 'configured' ? 'announced' : 'added-by-rule');
        expect(m.reason, m.name).not.toMatch(/https?:|_|\bseed\b|\badjacent\b|configured/);
      }
    const chicopee = fc.features.find((f) => f.properties.id === 'chicopee')!.properties.members;
    expect(chicopee.find((m) => m.name === 'Chicopee')).toMatchObject({ basis: 'announced', reason: expect.stringMatching(/^Announced AHEM community/) });
    expect(chicopee.find((m) => m.name === 'Springfield')).toMatchObject({ basis: 'added-by-rule', reason: expect.stringMatching(/^Not an announced AHEM community: added by the index’s rule because it borders Chicopee/) });
  });

  it('has one valid (Multi)Polygon outline per geography and stays small', async () => {
    for (const f of fc.features) {
      expect(['Polygon', 'MultiPolygon'], f.properties.id).toContain(f.geometry.type);
      expect(booleanValid(f.geometry), f.properties.id).toBe(true);
    }
    expect(JSON.stringify(fc).length).toBeLessThan(200_000);
  });

  it('is derived deterministically: recomputing from the same inputs gives the same collection', async () => {
    const dir = ctx.dataDir;
    const towns = parseTowns(readFileSync(path.join(dir, 'boundaries/ma_towns_census2020_massgis_full.geojson')), 'towns');
    const townsForMap = parseTowns(readFileSync(path.join(dir, 'boundaries/ma_towns_census2020_massgis_simplified.geojson')), 'towns-simplified');
    const again = buildPriorityGeographies({
      version: fc.version,
      towns,
      townsForMap,
      townPlaces: await ctx.store.listPlaces(fc.version, 'town'),
      config: loadPriorityConfig(),
      communities: parseAhemCommunities(readFileSync(path.join(dir, 'ahem/communities.csv')), 'communities'),
    });
    expect(JSON.parse(JSON.stringify(again))).toEqual(fc);
  });
});

describe('investments (read)', () => {
  it('lists the seeded AHEM grants; an unpublished amount stays null; Devens is kept unmapped', async () => {
    const body = (await (await app.request('/v1/investments')).json()) as { count: number; items: Investment[] };
    expect(body.count).toBe(5);
    const chna9 = body.items.find((i) => i.grantee.includes('CHNA 9'))!;
    expect(chna9.amountUsd).toBeNull();
    expect(chna9.municipalities).toEqual([AYER]);
    const nashoba = body.items.find((i) => i.grantee === 'Nashoba Health Equity Partnership')!;
    expect(nashoba.municipalities).toHaveLength(9);
    expect(nashoba.unmappedPlaces).toEqual([{ name: 'Devens', note: expect.stringMatching(/not one of the 351 municipalities/) }]);
    expect(nashoba.startDate).toBe('2025-12');
  });

  it('filters by funder, municipality (name or GEOID) and priority geography', async () => {
    const count = async (q: string) => ((await (await app.request(`/v1/investments?${q}`)).json()) as { count: number }).count;
    expect(await count('funder=point32')).toBe(1);
    expect(await count('municipality=Lowell')).toBe(1);
    expect(await count(`municipality=${AYER}`)).toBe(2);
    expect(await count('geography=chicopee')).toBe(1);
    expect(await count('geography=ayer-nashoba-valley')).toBe(2);
    expect((await app.request('/v1/investments?geography=atlantis')).status).toBe(400);
  });

  it('returns one investment with its version as ETag, 404 for an unknown id', async () => {
    const { items } = (await (await app.request('/v1/investments')).json()) as { items: Investment[] };
    const res = await app.request(`/v1/investments/${items[0]!.id}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toBe('"1"');
    expect((await app.request('/v1/investments/inv-0000000000')).status).toBe(404);
  });
});

describe('GET /v1/need-investment', () => {
  it('serves a town table with dollars per resident per year and the high-need-no-investment flag', async () => {
    const body = (await (await app.request('/v1/need-investment?level=town')).json()) as { highNeedPercentile: number; items: Record<string, unknown>[] };
    expect(body.items).toHaveLength(351);
    expect(body.highNeedPercentile).toBe(80);
    const chicopee = body.items.find((r) => r.id === CHICOPEE)!;
    expect(chicopee).toMatchObject({ grant_count: 1, total_announced_usd: 100000, high_need: true, high_need_no_investment: false });
    // $100,000 is year 1 of a 2-year grant (ahem/investments.csv amount_note): it pays for one year, so it is not halved.
    expect(chicopee.usd_per_resident_per_year).toBeCloseTo(100000 / (chicopee.population as number), 2);
    const flagged = body.items.filter((r) => r.high_need_no_investment);
    expect(flagged.length).toBeGreaterThan(10);
    for (const r of flagged) expect(r).toMatchObject({ grant_count: 0, high_need: true });
    expect((body.items[0]!.rank as number)).toBe(1);
  });

  it('serves the geography table and CSV', async () => {
    const geo = (await (await app.request('/v1/need-investment?level=geography')).json()) as { items: { id: string; grant_count: number; county: string | null }[] };
    expect(geo.items).toHaveLength(10);
    expect(geo.items.find((g) => g.id === 'chicopee')!.county).toBe('Hampden');
    expect(geo.items.find((g) => g.id === 'new-bedford')!.county).toBe('Bristol');
    expect(geo.items.find((g) => g.id === 'lowell')!.grant_count).toBe(1);
    const csv = await app.request('/v1/need-investment?level=town&format=csv');
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    const lines = (await csv.text()).trim().split('\n');
    expect(lines[0]).toBe('id,name,population,percentile,rank,flag_count,grant_count,grants_without_amount,total_announced_usd,usd_per_resident_per_year,usd_not_annualized,high_need,high_need_no_investment,county');
    expect(lines[1]!.split(',').at(-1)).toMatch(/^[A-Z][a-z]+$/);
    expect(lines).toHaveLength(352);
  });
});

describe('investments (secured edits)', () => {
  it('answers 401 without a token and 403 with a wrong one, before validating anything', async () => {
    const noToken = await app.request('/v1/investments', { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
    expect(noToken.status).toBe(401);
    expect(noToken.headers.get('www-authenticate')).toMatch(/^Bearer/);
    const wrong = await app.request('/v1/investments', { method: 'POST', ...json(grant(), { authorization: 'Bearer nope' }) });
    expect(wrong.status).toBe(403);
    expect((await app.request('/v1/investments/inv-0000000000', { method: 'DELETE' })).status).toBe(401);
    expect((await app.request('/v1/investments/inv-0000000000/audit')).status).toBe(401);
  });

  it('rejects invalid bodies with a problem listing each field path', async () => {
    const res = await app.request('/v1/investments', { method: 'POST', ...json(grant({ funder: '', amountUsd: -5, municipalities: ['123'], extra: 1 })) });
    expect(res.status).toBe(400);
    const problem = (await res.json()) as { errors: { path: string }[] };
    const paths = problem.errors.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['funder', 'amountUsd', 'municipalities.0']));
    const unknownTown = await app.request('/v1/investments', { method: 'POST', ...json(grant({ municipalities: [CHICOPEE, '2599999999'] })) });
    expect(unknownTown.status).toBe(400);
    expect(((await unknownTown.json()) as { errors: { path: string }[] }).errors).toEqual([{ path: 'municipalities.1', message: expect.stringMatching(/not one of the 351/) }]);
  });

  it('makes POST idempotent with Idempotency-Key', async () => {
    const before = ((await (await app.request('/v1/investments')).json()) as { count: number }).count;
    const first = await app.request('/v1/investments', { method: 'POST', ...json(grant(), { 'idempotency-key': 'e2e-key-1' }) });
    const second = await app.request('/v1/investments', { method: 'POST', ...json(grant(), { 'idempotency-key': 'e2e-key-1' }) });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    const a = (await first.json()) as Investment;
    expect((await second.json()) as Investment).toEqual(a);
    expect(first.headers.get('location')).toBe(`/v1/investments/${a.id}`);
    expect(((await (await app.request('/v1/investments')).json()) as { count: number }).count).toBe(before + 1);
    const reused = await app.request('/v1/investments', { method: 'POST', ...json(grant({ grantee: 'Other' }), { 'idempotency-key': 'e2e-key-1' }) });
    expect(reused.status).toBe(422);
  });

  it('lets exactly one of two concurrent PUTs with the same version win, and loses no update', async () => {
    const created = (await (await app.request('/v1/investments', { method: 'POST', ...json(grant()) })).json()) as Investment;
    const put = (grantee: string, version: string) => app.request(`/v1/investments/${created.id}`, { method: 'PUT', ...json(grant({ grantee }), { 'if-match': version }) });
    const [a, b] = await Promise.all([put('Alpha', '"1"'), put('Beta', '"1"')]);
    expect([a.status, b.status].sort()).toEqual([200, 412]);
    const [winner, loser] = a.status === 200 ? [a, b] : [b, a];
    const won = (await winner.json()) as Investment;
    expect(won.version).toBe(2);
    expect(winner.headers.get('etag')).toBe('"2"');
    expect(((await loser.json()) as { currentVersion: number }).currentVersion).toBe(2);
    const stored = (await (await app.request(`/v1/investments/${created.id}`)).json()) as Investment;
    expect(stored.grantee).toBe(won.grantee); // the 412 changed nothing
    // The loser re-reads and re-applies its change on top: both edits survive.
    const retry = await app.request(`/v1/investments/${created.id}`, { method: 'PATCH', ...json({ focus: `also ${won.grantee === 'Alpha' ? 'Beta' : 'Alpha'}` }, { 'if-match': '"2"' }) });
    expect(retry.status).toBe(200);
    expect((await retry.json()) as Investment).toMatchObject({ version: 3, grantee: won.grantee, focus: expect.stringMatching(/^also /) });
    expect((await app.request(`/v1/investments/${created.id}`, { method: 'PUT', ...json(grant()) })).status).toBe(428);
    const notJson = await app.request(`/v1/investments/${created.id}`, { method: 'PUT', body: 'grantee=x', headers: { ...auth, 'content-type': 'application/x-www-form-urlencoded', 'if-match': '"3"' } });
    expect(notJson.status).toBe(415);
    expect(((await notJson.json()) as { type: string }).type).toBe('/problems/unsupported-media-type');
    expect((await app.request(`/v1/investments/${created.id}`, { method: 'PATCH', ...json({ amountUsd: null }, { 'if-match': '"2"' }) })).status).toBe(412);
  });

  it('never answers a stale 304 for live data after an edit', async () => {
    const first = await app.request('/v1/investments');
    const tag = first.headers.get('etag')!;
    expect(first.headers.get('cache-control')).toBe('no-store');
    expect(tag).toMatch(/^"c-/); // a content tag, not the index version's
    expect((await app.request('/v1/investments', { headers: { 'if-none-match': tag } })).status).not.toBe(304);
    await app.request('/v1/investments', { method: 'POST', ...json(grant({ grantee: 'Cache check' })) });
    const after = await app.request('/v1/investments', { headers: { 'if-none-match': tag } });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(tag);
    const need = await app.request('/v1/need-investment?level=town');
    expect(need.headers.get('etag')).toMatch(/^"c-/);
  });

  it('soft-deletes and keeps an audit trail readable by admins', async () => {
    const created = (await (await app.request('/v1/investments', { method: 'POST', ...json(grant()) })).json()) as Investment;
    await app.request(`/v1/investments/${created.id}`, { method: 'PATCH', ...json({ amountUsd: null, amountNote: 'withdrawn figure' }, { 'if-match': '"1"' }) });
    const del = await app.request(`/v1/investments/${created.id}`, { method: 'DELETE', headers: { ...auth, 'if-match': '"2"' } });
    expect(del.status).toBe(204);
    expect((await app.request(`/v1/investments/${created.id}`)).status).toBe(404);
    const list = (await (await app.request('/v1/investments')).json()) as { items: Investment[] };
    expect(list.items.some((i) => i.id === created.id)).toBe(false);
    const audit = (await (await app.request(`/v1/investments/${created.id}/audit`, { headers: auth })).json()) as { entries: { action: string; who: string; before: Investment | null; after: Investment }[] };
    expect(audit.entries.map((e) => e.action)).toEqual(['create', 'update', 'delete']);
    expect(audit.entries[1]!.before!.amountUsd).toBe(300000);
    expect(audit.entries[1]!.after.amountUsd).toBeNull();
    expect(audit.entries.every((e) => e.who === 'admin-token')).toBe(true);
  });
});

describe('HTTP semantics (issue 14)', () => {
  it('answers If-None-Match: * with 304 only for what exists: a missing place is 404, the audit trail 401 before auth', async () => {
    expect((await app.request('/v1/places/town/2502507000', { headers: { 'if-none-match': '*' } })).status).toBe(304);
    const missing = await app.request('/v1/places/town/0000000000', { headers: { 'if-none-match': '*' } });
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toBe('application/problem+json');
    const created = (await (await app.request('/v1/investments', { method: 'POST', ...json(grant({ grantee: 'INM check' })) })).json()) as Investment;
    expect((await app.request(`/v1/investments/${created.id}/audit`, { headers: { 'if-none-match': '*' } })).status).toBe(401);
    // A tag computed the way the index version's tags are must not open the admin route either.
    const tag = (await app.request('/v1/places?level=town')).headers.get('etag')!;
    expect((await app.request(`/v1/investments/${created.id}/audit`, { headers: { 'if-none-match': tag } })).status).toBe(401);
  });

  it('lets PATCH with If-Match: * change the current version, as PUT and DELETE do', async () => {
    const created = (await (await app.request('/v1/investments', { method: 'POST', ...json(grant({ grantee: 'If-Match star' })) })).json()) as Investment;
    const patched = await app.request(`/v1/investments/${created.id}`, { method: 'PATCH', ...json({ amountUsd: 123 }, { 'if-match': '*' }) });
    expect(patched.status).toBe(200);
    expect(((await patched.json()) as Investment).amountUsd).toBe(123);
    const put = await app.request(`/v1/investments/${created.id}`, { method: 'PUT', ...json(grant({ grantee: 'If-Match star', amountUsd: 7 }), { 'if-match': '*' }) });
    expect(put.status).toBe(200);
  });

  it('refuses an amount below one cent (DynamoDB cannot store 1e-200) with a 400 naming amountUsd', async () => {
    const res = await app.request('/v1/investments', { method: 'POST', ...json(grant({ amountUsd: 1e-200 })) });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { errors: { path: string }[] }).errors.map((e) => e.path)).toContain('amountUsd');
  });

  it.each(['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox(1)', 'ftp://example.org/x'])('refuses a sourceUrl of %s', async (url) => {
    const res = await app.request('/v1/investments', { method: 'POST', ...json(grant({ sourceUrl: url })) });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { errors: { path: string }[] }).errors.map((e) => e.path)).toContain('sourceUrl');
  });
});

describe('OpenAPI', () => {
  it('documents the new routes with their methods', async () => {
    const doc = (await (await app.request('/v1/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
    expect(Object.keys(doc.paths['/v1/investments']!).sort()).toEqual(['get', 'post']);
    expect(Object.keys(doc.paths['/v1/investments/{id}']!).sort()).toEqual(['delete', 'get', 'patch', 'put']);
    expect(doc.paths['/v1/investments/{id}/audit']!.get).toBeDefined();
    expect(doc.paths['/v1/need-investment']!.get).toBeDefined();
    expect(doc.paths['/v1/priority-geographies']!.get).toBeDefined();
  });
});
