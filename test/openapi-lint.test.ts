import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../functions/src/api/app.js';
import type { IndexReader } from '../functions/src/api/index-reader.js';
import type { InvestmentStore } from '../functions/src/store/investment-store.js';

// The document does not depend on data: a reader and store that are never called are enough to build it.
type Json = Record<string, any>;
let doc: Json;
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const operations = () =>
  Object.entries(doc.paths as Record<string, Json>).flatMap(([p, item]) => METHODS.filter((m) => item[m]).map((m) => ({ key: `${m.toUpperCase()} ${p}`, path: p, op: item[m] as Json })));

beforeAll(async () => {
  const app = createApp({ reader: {} as IndexReader, investments: {} as InvestmentStore, adminAuth: { mode: 'token', token: 't' } });
  doc = (await (await app.request('/v1/openapi.json')).json()) as Json;
});

describe('OpenAPI document', () => {
  it('names every operation with a unique camelCase operationId', () => {
    const ops = operations();
    expect(ops.length).toBeGreaterThan(20);
    for (const { key, op } of ops) expect(op.operationId, key).toMatch(/^[a-z][a-zA-Z0-9]*$/);
    const ids = ops.map((o) => o.op.operationId as string);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it('declares bearer and Cognito JWT schemes, required exactly on the operations that answer 401', () => {
    const schemes = doc.components.securitySchemes as Record<string, Json>;
    expect(Object.values(schemes).map((s) => [s.type, s.scheme, s.bearerFormat])).toEqual(expect.arrayContaining([['http', 'bearer', undefined], ['http', 'bearer', 'JWT']]));
    expect(doc.security).toEqual([]); // public by default
    const admin = operations().filter(({ op }) => op.responses['401']);
    expect(admin.map((o) => o.key).sort()).toEqual(['DELETE /v1/investments/{id}', 'GET /v1/investments/{id}/audit', 'PATCH /v1/investments/{id}', 'POST /v1/investments', 'PUT /v1/investments/{id}']);
    for (const { key, op } of operations()) {
      if (op.responses['401']) expect(op.security.flatMap((r: Json) => Object.keys(r)).sort(), key).toEqual(Object.keys(schemes).sort());
      else expect(op.security, key).toBeUndefined();
    }
  });

  it('declares 429 problem+json with Retry-After on every /v1 operation (the limiter covers /v1/*)', () => {
    const tooMany = doc.components.responses.TooManyRequests as Json;
    expect(Object.keys(tooMany.headers)).toEqual(['Retry-After']);
    expect(tooMany.content['application/problem+json'].schema.$ref).toBe('#/components/schemas/Problem');
    for (const { key, op } of operations()) expect(op.responses['429'], key).toEqual({ $ref: '#/components/responses/TooManyRequests' });
  });

  it('types every problem answer with the Problem schema', () => {
    for (const { key, op } of operations()) {
      for (const [status, res] of Object.entries(op.responses as Record<string, Json>)) {
        const schema = (res.$ref ? doc.components.responses[res.$ref.split('/').pop()] : res).content?.['application/problem+json']?.schema;
        if (Number(status) >= 400) expect(schema, `${key} ${status}`).toEqual({ $ref: '#/components/schemas/Problem' });
      }
    }
  });

  it('leaves no answer untyped: no empty schema (z.any) except the diff\'s before/after values', () => {
    const untyped: string[] = [];
    const walk = (node: unknown, at: string) => {
      if (!node || typeof node !== 'object') return;
      if (!Array.isArray(node) && Object.keys(node).length === 0 && /(schema|items|properties\.[^.]+|additionalProperties)$/.test(at)) untyped.push(at);
      for (const [k, v] of Object.entries(node)) walk(v, `${at}.${k}`);
    };
    walk(doc.paths, 'paths');
    walk(doc.components.schemas, 'schemas');
    expect(untyped).toEqual(['schemas.FieldChange.properties.from', 'schemas.FieldChange.properties.to']);
  });

  it('describes GeoJSON answers as features with Polygon/MultiPolygon geometry and typed properties', () => {
    const geo = operations().flatMap(({ key, op }) => (op.responses['200']?.content?.['application/geo+json'] ? [{ key, schema: op.responses['200'].content['application/geo+json'].schema as Json }] : []));
    expect(geo.map((g) => g.key).sort()).toEqual(['GET /v1/geometry/{level}', 'GET /v1/places', 'GET /v1/priority-geographies', 'GET /v1/versions/{id}/download']);
    const resolve = (s: Json): Json => (s.$ref ? resolve(doc.components.schemas[s.$ref.split('/').pop()]) : s);
    for (const { key, schema } of geo) {
      const collection = resolve(schema);
      expect(collection.properties.type.enum ?? [collection.properties.type.const], key).toEqual(['FeatureCollection']);
      const feature = resolve(collection.properties.features.items);
      expect(feature.required, key).toEqual(expect.arrayContaining(['type', 'id', 'geometry', 'properties']));
      // Either the Polygon | MultiPolygon union, or that union or null (list rows without an outline).
      const geometry = feature.properties.geometry as Json;
      const shapes = (geometry.$ref ? resolve(geometry).anyOf : geometry.anyOf) as Json[];
      expect(shapes.map((s) => (s.$ref ? resolve(s).properties.type.enum[0] : s.type)).sort(), key).toEqual(expect.arrayContaining(['MultiPolygon', 'Polygon']));
      expect(shapes.length, key).toBeLessThanOrEqual(3);
      const properties = resolve(feature.properties.properties);
      expect(properties.properties ?? properties.additionalProperties, key).toBeTruthy();
    }
    const area = resolve({ $ref: '#/components/schemas/GeoJsonAreaGeometry' });
    expect(area.anyOf.map((s: Json) => resolve(s).properties.type.enum[0]).sort()).toEqual(['MultiPolygon', 'Polygon']);
  });

  it('declares required every query parameter the route refuses to go without', async () => {
    // No published version: the cache middleware lets the request through, so validation answers first.
    const reader = { currentVersion: async () => null } as unknown as IndexReader;
    const app = createApp({ reader, investments: {} as InvestmentStore, adminAuth: { mode: 'token', token: 't' }, logError: () => {} });
    let checked = 0;
    for (const { key, path, op } of operations().filter((o) => o.key.startsWith('GET /v1/'))) {
      const params = (op.parameters ?? []) as { name: string; in: string; required?: boolean; example?: unknown; schema?: Json }[];
      // Path parameters filled with their documented examples, so only the missing query can fail validation.
      const url = path.replace(/\{(\w+)\}/g, (_, name: string) => {
        const p = params.find((q) => q.in === 'path' && q.name === name);
        return encodeURIComponent(String(p?.example ?? p?.schema?.example ?? (p?.schema?.enum as string[] | undefined)?.[0] ?? 'x'));
      });
      const res = await Promise.resolve(app.request(url)).catch(() => null); // the stub reader throws past validation: that is a pass
      if (!res || res.status !== 400) continue;
      const body = (await res.json()) as { errors?: { path: string }[] };
      for (const e of body.errors ?? []) {
        const declared = params.find((q) => q.in === 'query' && q.name === e.path);
        if (declared) {
          checked++;
          expect(declared.required, `${key}: ${e.path}`).toBe(true);
        }
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('passes the Redocly recommended ruleset with 0 errors', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'openapi-lint-'));
    try {
      const file = path.join(dir, 'openapi.json');
      writeFileSync(file, JSON.stringify(doc, null, 2));
      const bin = path.resolve(import.meta.dirname, '../node_modules/.bin/redocly');
      // Exit code 1 on errors; the JSON report is on stdout either way.
      const { stdout } = await promisify(execFile)(bin, ['lint', '--extends', 'recommended', '--format', 'json', file], { env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' }, maxBuffer: 64 * 1024 * 1024 }).catch(
        (err: { stdout?: string }) => ({ stdout: err.stdout ?? '' }),
      );
      const report = JSON.parse(stdout) as { totals: { errors: number; warnings: number }; problems: { ruleId: string; severity: string; message: string; location: { pointer: string }[] }[] };
      const errors = report.problems.filter((p) => p.severity === 'error').map((p) => `${p.ruleId} ${p.location[0]?.pointer}: ${p.message}`);
      expect(errors).toEqual([]);
      expect(report.totals.errors).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
