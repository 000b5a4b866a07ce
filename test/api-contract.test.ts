import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../functions/src/api/app.js';
import { IndexReader } from '../functions/src/api/index-reader.js';
import { checkJsonSchema } from './support/json-schema-check.js';
import { publishedStore } from './support/published-store.js';

// Contract: real answers of every documented operation, good and bad input, checked against /v1/openapi.json.
let ctx: Awaited<ReturnType<typeof publishedStore>>;
let app: ReturnType<typeof createApp>;
type Doc = { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: Record<string, unknown> }> }> }>>; components: { schemas: Record<string, Record<string, unknown>> } };
let doc: Doc;
let investmentId: string;
const ADMIN_TOKEN = 'contract-test-token';

beforeAll(async () => {
  ctx = await publishedStore();
  app = createApp({ reader: new IndexReader(ctx.store, ctx.blobs), investments: ctx.investments, adminAuth: { mode: 'token', token: ADMIN_TOKEN } });
  doc = (await (await app.request('/v1/openapi.json')).json()) as Doc;
  investmentId = ((await (await app.request('/v1/investments')).json()) as { items: { id: string }[] }).items[0]!.id;
});
afterAll(() => ctx?.cleanup());

interface Sample {
  method?: 'get' | 'post' | 'put' | 'patch' | 'delete';
  url: string;
  accept?: string;
  body?: unknown;
  admin?: boolean;
}

const v = () => ctx.result.version;
const samples = (): Sample[] => [
  { url: '/v1/health' },
  { url: '/v1/places?level=town' },
  { url: '/v1/places?level=zcta&sort=rank&limit=20&flagged=true' },
  { url: '/v1/places?level=town&county=Hampden&format=csv' },
  { url: '/v1/places?level=town&limit=3', accept: 'application/geo+json' },
  { url: '/v1/places?level=county' },
  { url: '/v1/places/town/2502507000' },
  { url: '/v1/places/zcta/01001' },
  { url: '/v1/places/town/2599999999' },
  { url: '/v1/geometry/zcta' },
  { url: '/v1/geometry/state' },
  { url: '/v1/layers/town' },
  { url: '/v1/layers/zcta' },
  { url: '/v1/layers/county' },
  { url: '/v1/methods' },
  { url: '/v1/methods/document' },
  { url: '/v1/crosswalk?weight=population' },
  { url: '/v1/crosswalk?format=csv' },
  { url: '/v1/crosswalk?from=town&to=town' },
  { method: 'post', url: '/v1/indices/custom', body: { level: 'zcta', weights: { social_drivers: 2, access_to_care: 1 } } },
  { method: 'post', url: '/v1/indices/custom', body: { level: 'town', weights: { housing: 1 } } },
  { url: '/v1/disparities?indicator=low_birth_weight&level=town&group=2500545000,2501367000' },
  { url: '/v1/disparities?indicator=nope' },
  { url: '/v1/search?q=worc' },
  { url: '/v1/search?q=01060' },
  { url: '/v1/search?q=' },
  { url: '/v1/lookup?lon=-71.8023&lat=42.2626' },
  { url: '/v1/lookup?lon=-73.9857&lat=40.7484' },
  { url: '/v1/lookup?lon=x&lat=1' },
  { url: '/v1/versions' },
  { url: `/v1/versions/${v()}` },
  { url: '/v1/versions/ma-hei-0-19990101T000000Z-0000' },
  { url: `/v1/versions/${v()}/download?level=zcta` },
  { url: `/v1/versions/${v()}/download?format=geojson` },
  { url: `/v1/versions/${v()}/download?format=xlsx` },
  // Issue 15 contracts 1 and 5: data dictionary, long format, columns=.
  { url: `/v1/versions/${v()}/dictionary` },
  { url: `/v1/versions/${v()}/dictionary?format=csv` },
  { url: '/v1/versions/ma-hei-0-19990101T000000Z-0000/dictionary' },
  { url: `/v1/versions/${v()}/download?format=long&columns=id,indicator,value` },
  { url: `/v1/versions/${v()}/download?columns=id,nope` },
  // Issue 15 contract 6: change over time (a version compared with itself: every place unchanged).
  { url: `/v1/versions/${v()}/diff?from=${v()}` },
  { url: `/v1/versions/${v()}/diff?from=${v()}&level=zcta&format=csv` },
  { url: `/v1/versions/${v()}/diff` },
  { url: `/v1/versions/${v()}/diff?from=ma-hei-0-19990101T000000Z-0000` },
  { url: '/v1/places/town/2502507000/history' },
  { url: '/v1/places/zcta/01001/history' },
  { url: '/v1/places/town/2599999999/history' },
  // Issue 5 routes: reads, and writes without credentials (their success paths are tested in the investment tests).
  { url: '/v1/priority-geographies' },
  { url: '/v1/investments' },
  { url: `/v1/investments/${investmentId}` },
  { url: '/v1/investments/inv-0000000000' },
  { url: `/v1/investments/${investmentId}/audit`, admin: true },
  { url: '/v1/investments/not-an-id/audit', admin: true },
  { url: '/v1/need-investment?level=geography' },
  { url: '/v1/need-investment?level=town&format=csv' },
  { url: '/v1/need-investment?level=zcta' },
  { url: '/v1/sensitivity?level=town' },
  { url: '/v1/sensitivity?level=zcta&format=csv' },
  { url: '/v1/sensitivity?level=county' },
  // Issue 15 contracts 3 and 4: a pinned version, an unknown one, an undeclared parameter (every route declares its 400 and 404).
  { url: `/v1/layers/town?version=${v()}` },
  { url: '/v1/places?level=town&version=ma-hei-0-19990101T000000Z-0000' },
  { url: '/v1/health?bogus=1' },
  { method: 'post', url: '/v1/indices/custom', body: { level: 'town', weights: { social_drivers: 1 }, version: 'ma-hei-0-19990101T000000Z-0000' } },
  { method: 'post', url: '/v1/investments', body: {} },
  { method: 'put', url: `/v1/investments/${investmentId}`, body: {} },
  { method: 'patch', url: `/v1/investments/${investmentId}`, body: {} },
  { method: 'delete', url: `/v1/investments/${investmentId}` },
];

/** The documented operation a concrete request hits: `{param}` matches one path segment. */
function operationOf(method: string, url: string): { template: string; op: Doc['paths'][string][string] } | null {
  const path = url.split('?')[0]!;
  for (const [template, item] of Object.entries(doc.paths)) {
    const re = new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`);
    if (re.test(path) && item[method]) return { template, op: item[method]! };
  }
  return null;
}

describe('contract: answers match /v1/openapi.json', () => {
  it('exercises every documented operation', () => {
    const documented = Object.entries(doc.paths).flatMap(([p, item]) => Object.keys(item).map((m) => `${m.toUpperCase()} ${p}`));
    const covered = new Set(samples().map((s) => { const hit = operationOf(s.method ?? 'get', s.url); return hit ? `${(s.method ?? 'get').toUpperCase()} ${hit.template}` : `unmatched ${s.url}`; }));
    expect(documented.filter((d) => !covered.has(d))).toEqual([]);
    expect([...covered].filter((c) => c.startsWith('unmatched'))).toEqual([]);
  });

  it('every answer has a documented status and content type, and its body validates against the schema', async () => {
    const statuses = new Map<string, Set<number>>();
    for (const s of samples()) {
      const method = s.method ?? 'get';
      const { template, op } = operationOf(method, s.url)!;
      const res = await app.request(s.url, {
        method: method.toUpperCase(),
        headers: { ...(s.accept ? { accept: s.accept } : {}), ...(s.body ? { 'content-type': 'application/json' } : {}), ...(s.admin ? { authorization: `Bearer ${ADMIN_TOKEN}` } : {}) },
        body: s.body ? JSON.stringify(s.body) : undefined,
      });
      const label = `${method.toUpperCase()} ${s.url} → ${res.status}`;
      const declared = op.responses[String(res.status)];
      expect(declared, `${label}: status not in the document`).toBeDefined();
      const type = (res.headers.get('content-type') ?? '').split(';')[0]!.trim();
      const media = declared!.content?.[type];
      expect(media, `${label}: content type ${type} not documented (${Object.keys(declared!.content ?? {}).join(', ')})`).toBeDefined();
      const text = await res.text();
      const body = type.endsWith('json') ? JSON.parse(text) : text;
      expect(checkJsonSchema(body, media!.schema, doc), label).toEqual([]);
      statuses.set(template, (statuses.get(template) ?? new Set()).add(res.status));
    }
    // Every operation that declares a 400 was sent bad input too (the samples above), except the input-free ones.
    for (const [template, item] of Object.entries(doc.paths)) {
      for (const op of Object.values(item)) {
        const hasInput = template.includes('{') || ['/v1/places', '/v1/indices/custom', '/v1/crosswalk', '/v1/disparities', '/v1/search', '/v1/lookup', '/v1/need-investment', '/v1/sensitivity'].includes(template);
        if (op.responses['400'] && hasInput) expect([...(statuses.get(template) ?? [])].some((st) => st >= 400), `${template}: no bad-input sample`).toBe(true);
      }
    }
  });

  it('the checker itself rejects a wrong answer (so the test can fail)', () => {
    const schema = doc.paths['/v1/places']!.get!.responses['200']!.content!['application/json']!.schema;
    expect(checkJsonSchema({ version: 'x', level: 'state', items: [{ id: 1 }] }, schema, doc).length).toBeGreaterThan(2);
  });

  it('serves the human docs page: Swagger UI over this document, its assets from our own origin (rendering: api-docs.browser.test.ts)', async () => {
    const res = await app.request('/docs');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).toContain('<div id="swagger-ui">');
    expect(html).not.toMatch(/https?:\/\//); // no outside requests
    expect(await (await app.request('/v1/docs/assets/docs-init.js')).text()).toContain('"/v1/openapi.json"');
  });
});
