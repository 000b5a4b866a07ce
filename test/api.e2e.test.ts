import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../functions/src/api/app.js';
import { IndexReader } from '../functions/src/api/index-reader.js';
import { serveLocal } from '../functions/src/api/local-server.js';
import { publishedStore } from './support/published-store.js';

// End to end: real sources → pipeline → DynamoDB Local → Hono on Node → HTTP on a free port.
let ctx: Awaited<ReturnType<typeof publishedStore>>;
let server: Awaited<ReturnType<typeof serveLocal>>;

beforeAll(async () => {
  ctx = await publishedStore();
  server = await serveLocal({ app: createApp({ reader: new IndexReader(ctx.store, ctx.blobs) }), port: 0 });
});
afterAll(async () => {
  await server?.close();
  ctx?.cleanup();
});

const get = (path: string, init?: RequestInit) => fetch(`${server.url}${path}`, init);

describe('HTTP API over the local store', () => {
  it('reports health with the published version', async () => {
    const res = await get('/v1/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', version: ctx.result.version });
  });

  it('lists all 351 towns including Boston', async () => {
    const res = await get('/v1/places?level=town');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { version: string; level: string; items: { id: string; name: string; score: number | null; percentile: number | null; rank: number | null }[] };
    expect(body.version).toBe(ctx.result.version);
    expect(body.level).toBe('town');
    expect(body.items).toHaveLength(351);
    const boston = body.items.find((p) => p.id === '2502507000');
    expect(boston?.name).toBe('Boston');
    expect(boston?.score).toBeGreaterThan(0);
    expect(boston?.score).toBeLessThan(1);
    expect(boston?.percentile).toBeGreaterThan(50); // Boston ranks above the state median on the overall index
    // Known AHEM communities rank among the most disadvantaged fifth of municipalities.
    for (const id of ['2500545000', '2501367000']) expect(body.items.find((p) => p.id === id)!.percentile).toBeGreaterThan(80); // New Bedford, Springfield
  });

  it('lists all 537 ZCTAs', async () => {
    const body = (await (await get('/v1/places?level=zcta')).json()) as { items: unknown[]; measure: { id: string } };
    expect(body.items).toHaveLength(537);
    expect(body.measure.id).toBe('overall');
  });

  it('returns one place with its details', async () => {
    type Indicator = { value: number | null; se: number | null; percentile: number | null; sourceId: string; vintage: string; derivation: string | null; noDataReason: string | null };
    const body = (await (await get('/v1/places/zcta/01001')).json()) as { method: string; place: { score: number; domains: Record<string, unknown>; indicators: Record<string, Indicator> } };
    expect(body.method).toBe('ma-hei-1.1');
    const obesity = body.place.indicators.obesity!;
    expect(obesity.value).toBe(27.9); // PLACES 2022, ZCTA 01001 obesity crude prevalence, CI (27.1, 28.7)
    expect(obesity.se).toBeCloseTo((28.7 - 27.1) / 3.92, 6);
    expect(obesity).toMatchObject({ sourceId: 'places-zcta', vintage: expect.stringMatching(/2022/), derivation: 'native (ZCTA)' });
    expect(body.place.indicators.diabetes).toMatchObject({ value: null, derivation: null, noDataReason: expect.stringMatching(/Not available for ZIP codes/) });
    expect(Object.keys(body.place.domains)).toHaveLength(4);
  });

  it('gives towns their county context (SVI 2022, PLACES county, CHR 2011), never ranked', async () => {
    type Ctx = { name: string; svi2022: { overall: number }; places2022: Record<string, { value: number } | null>; chr2011: { prematureDeathYpll: number } };
    const body = (await (await get('/v1/places/town/2502507000')).json()) as { place: { countyFips: string; countyContext: Ctx } };
    expect(body.place.countyFips).toBe('25025');
    expect(body.place.countyContext.name).toBe('Suffolk');
    expect(body.place.countyContext.svi2022.overall).toBeGreaterThan(0.5);
    expect(body.place.countyContext.places2022.DIABETES!.value).toBeGreaterThan(5);
    expect(body.place.countyContext.chr2011.prematureDeathYpll).toBeGreaterThan(5000);
    const zcta = (await (await get('/v1/places/zcta/02108')).json()) as { place: { countyContext: unknown } };
    expect(zcta.place.countyContext).toBeNull();
  });

  it('answers a bad level with a 400 problem naming the field', async () => {
    const res = await get('/v1/places?level=county');
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    const problem = (await res.json()) as { status: number; errors: { path: string }[]; detail: string };
    expect(problem.status).toBe(400);
    expect(problem.errors[0]!.path).toBe('level');
  });

  it('answers an unknown id and an unknown route with 404 problems', async () => {
    const res = await get('/v1/places/town/2599999999');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(((await res.json()) as { detail: string }).detail).toMatch(/No town with id "2599999999"/);
    const route = await get('/v1/nothing-here');
    expect(route.status).toBe(404);
    expect(route.headers.get('content-type')).toBe('application/problem+json');
  });

  it('serves map geometry gzip-compressed with one feature per place', async () => {
    const res = await get('/v1/geometry/town', { headers: { 'accept-encoding': 'gzip' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('gzip');
    const geo = (await res.json()) as { features: { id: string }[]; bbox: number[] };
    expect(geo.features).toHaveLength(351);
    expect(geo.bbox[0]).toBeCloseTo(-73.5, 1);
  });

  it('publishes the method: registry, weights and sources', async () => {
    const body = (await (await get('/v1/methods')).json()) as { version: string; method: { id: string; domains: { weight: number }[] }; indicators: { id: string; citation: string }[] };
    expect(body.version).toBe(ctx.result.version);
    expect(body.method.id).toBe('ma-hei-1.1');
    expect(body.method.domains.map((d) => d.weight)).toEqual([0.25, 0.25, 0.25, 0.25]);
    expect(body.indicators.map((i) => i.id)).toEqual(expect.arrayContaining(['diabetes', 'low_birth_weight', 'hospital_distance', 'median_household_income']));
  });

  it('serves the crosswalk as CSV with the contract columns, and by population as JSON', async () => {
    const res = await get('/v1/crosswalk?from=zcta&to=town&weight=area&format=csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = (await res.text()).trim().split('\n');
    expect(lines[0]).toBe('zcta,town_geoid,frac_of_zcta,frac_of_town');
    const beaconHill = lines.filter((l) => l.startsWith('02108,'));
    expect(beaconHill).toHaveLength(1);
    expect(beaconHill[0]!.split(',')[1]).toBe('2502507000'); // ZCTA 02108 lies in Boston
    expect(Number(beaconHill[0]!.split(',')[2])).toBeGreaterThan(0.99);

    const pop = (await (await get('/v1/crosswalk?weight=population')).json()) as { rows: { zcta: string; frac_of_zcta: number }[] };
    const sums = new Map<string, number>();
    for (const r of pop.rows) sums.set(r.zcta, (sums.get(r.zcta) ?? 0) + r.frac_of_zcta);
    expect(sums.size).toBeGreaterThan(500);
    for (const sum of sums.values()) expect(sum).toBeCloseTo(1, 4);
  });

  it('re-ranks under custom weights: the published weights reproduce the published percentiles', async () => {
    const post = (body: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
      fetch(`${server.url}/v1/indices/custom`, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
    const same = (await (await post({ level: 'town', weights: { cardiometabolic: 1, maternal_perinatal: 1, social_drivers: 1, access_to_care: 1 } })).json()) as {
      items: { id: string; percentile: number | null; publishedPercentile: number | null; rank: number | null }[];
    };
    expect(same.items).toHaveLength(351);
    for (const item of same.items) expect(item.percentile).toBe(item.publishedPercentile);
    const maternal = (await (await post({ level: 'town', weights: { maternal_perinatal: 1 } })).json()) as { items: { percentile: number | null; publishedPercentile: number | null }[] };
    expect(maternal.items.some((i) => i.percentile !== i.publishedPercentile)).toBe(true);

    const bad = await post({ level: 'town', weights: { cardiometabolic: -1, housing: 2 } });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toBe('application/problem+json');
    const paths = ((await bad.json()) as { errors: { path: string }[] }).errors.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['weights.cardiometabolic']));
    expect((await post('level=town', { 'content-type': 'text/plain' })).status).toBe(415);
    expect((await post({ level: 'town', weights: { cardiometabolic: 1 }, pad: 'x'.repeat(20_000) })).status).toBe(413);
  });

  it('measures disparities for an indicator, with a group contrast', async () => {
    const res = await get('/v1/disparities?indicator=low_birth_weight&level=town&group=2500545000,2501367000');
    expect(res.status).toBe(200);
    const d = (await res.json()) as { worstVsBestDecile: { rateRatio: number }; groupVsRest: { rate: number; reference: number }; theil: number; indexOfDisparity: number };
    // Empirical-Bayes shrinkage (method 1.1) pulls the extreme small-town rates in, so the decile contrast is milder than 1.0's (> 1.5).
    expect(d.worstVsBestDecile.rateRatio).toBeGreaterThan(1.3);
    expect(d.groupVsRest.rate).toBeGreaterThan(d.groupVsRest.reference); // New Bedford + Springfield vs the rest of the state
    expect(d.theil).toBeGreaterThan(0);
    const unknown = await get('/v1/disparities?indicator=nope');
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { errors: { path: string }[] }).errors[0]!.path).toBe('indicator');
  });

  it('documents its routes in OpenAPI 3.1', async () => {
    const doc = (await (await get('/v1/openapi.json')).json()) as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/v1/health', '/v1/places', '/v1/places/{level}/{id}', '/v1/geometry/{level}', '/v1/methods', '/v1/crosswalk', '/v1/indices/custom', '/v1/disparities']),
    );
  });
});

describe('map layers', () => {
  it('serves every measure of a level as columns aligned with its places', async () => {
    const res = await get('/v1/layers/town', { headers: { 'accept-encoding': 'gzip' } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { version: string; places: { id: string; name: string }[]; measures: { id: string; kind: string; unit: string; values: (number | null)[]; percentiles: (number | null)[]; noData: (string | null)[] }[] };
    expect(body.version).toBe(ctx.result.version);
    expect(body.places).toHaveLength(351);
    const kinds = body.measures.map((m) => m.kind);
    expect(kinds.filter((k) => k === 'domain')).toHaveLength(4);
    expect(kinds.filter((k) => k === 'indicator').length).toBeGreaterThanOrEqual(20);
    for (const m of body.measures) {
      expect(m.values).toHaveLength(351);
      m.values.forEach((v, i) => expect(v === null).toBe(m.noData[i] !== null));
    }
    // The overall column agrees with the place list.
    const list = (await (await get('/v1/places?level=town')).json()) as { items: { id: string; percentile: number | null }[] };
    const overall = body.measures.find((m) => m.id === 'overall')!;
    const newBedford = body.places.findIndex((p) => p.name === 'New Bedford');
    expect(overall.percentiles[newBedford]).toBe(list.items.find((p) => p.id === body.places[newBedford]!.id)!.percentile);
  });
});

describe('rank sensitivity', () => {
  type Sensitivity = {
    version: string; level: string; method: string; draws: number; seed: number;
    scenarios: { id: string; kind: string; label: string }[];
    items: { id: string; name: string; rank: number | null; rankMin: number | null; rankMax: number | null; rankP05: number | null; rankP95: number | null; medianRank: number | null; topDecileShare: number | null; ranksByScenario: (number | null)[] }[];
  };

  it(`is published per level with the version and keeps the published ranks as its baseline`, async () => {
    console.log(`sensitivity stage: ${ctx.result.timings.sensitivity} s for ${ctx.result.counts.town} towns + ${ctx.result.counts.zcta} ZCTAs`);
    expect(ctx.result.timings.sensitivity).toBeLessThan(3);
    const places = (await (await get('/v1/places?level=town')).json()) as { items: { id: string; rank: number | null }[] };
    const body = (await (await get('/v1/sensitivity?level=town')).json()) as Sensitivity;
    expect(body).toMatchObject({ version: ctx.result.version, level: 'town', draws: 500, seed: 20261130 });
    expect(body.items).toHaveLength(351);
    expect(body.scenarios[0]!.kind).toBe('baseline');
    expect(body.scenarios.filter((s) => s.kind === 'leave-domain-out')).toHaveLength(4);
    expect(body.scenarios.at(-1)!.kind).toBe('random-weights');
    const boston = body.items.find((p) => p.id === '2502507000')!;
    expect(boston.name).toBe('Boston');
    expect(boston.rank).toBe(places.items.find((p) => p.id === '2502507000')!.rank);
    const rankOf = new Map(places.items.map((p) => [p.id, p.rank]));
    for (const p of body.items) {
      expect(p.rank).toBe(rankOf.get(p.id));
      expect(p.ranksByScenario).toHaveLength(body.scenarios.length - 1);
      expect(p.ranksByScenario[0]).toBe(p.rank);
      if (p.rank === null) continue;
      expect(p.rankMin!).toBeLessThanOrEqual(p.rank);
      expect(p.rank).toBeLessThanOrEqual(p.rankMax!);
      expect(p.topDecileShare!).toBeGreaterThanOrEqual(0);
      expect(p.topDecileShare!).toBeLessThanOrEqual(1);
    }
  });

  it('serves CSV with one column per leave-one-out scenario, and a 400 problem for a bad level', async () => {
    const json = (await (await get('/v1/sensitivity?level=zcta')).json()) as Sensitivity;
    const res = await get('/v1/sensitivity?level=zcta', { headers: { accept: 'text/csv' } });
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = (await res.text()).trim().split('\n');
    const header = lines[0]!.split(',');
    expect(header.slice(0, 9)).toEqual(['id', 'name', 'rank', 'rank_min', 'rank_max', 'rank_p05', 'rank_p95', 'median_rank', 'top_decile_share']);
    expect(header.slice(9)).toEqual(json.scenarios.filter((s) => s.kind.startsWith('leave-')).map((s) => `rank_${s.id.replace(/[^a-z0-9]+/gi, '_')}`));
    expect(header).toContain('rank_without_domain_social_drivers');
    expect(lines).toHaveLength(1 + 537);
    const bad = await get('/v1/sensitivity?level=county');
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toBe('application/problem+json');
  });
});
