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
