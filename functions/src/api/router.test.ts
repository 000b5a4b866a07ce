import { createRoute, z } from '@hono/zod-openapi';
import { HTTPException } from 'hono/http-exception';
import { describe, expect, it } from 'vitest';
import { ProblemError, renderProblem } from './problem.js';
import { declaredKeys, newRouter, unknownKeys, unknownKeysProblem } from './router.js';

describe('unknownKeys', () => {
  it('names each undeclared key once, in the order given', () => {
    expect(unknownKeys(['level', 'fields', 'x', 'fields', 'version'], ['level', 'version'])).toEqual(['fields', 'x']);
    expect(unknownKeys(['level'], ['level'])).toEqual([]);
    expect(unknownKeys(['__proto__', 'constructor'], [])).toEqual(['__proto__', 'constructor']);
  });

  it('reads the declared keys of an object schema only', () => {
    expect(declaredKeys(z.object({ a: z.string(), b: z.number().optional() }))).toEqual(['a', 'b']);
    expect(declaredKeys(z.string())).toBeNull();
    expect(declaredKeys(undefined)).toBeNull();
  });

  it('words the problem with what the route accepts, or that it takes none', () => {
    expect(unknownKeysProblem('query parameter', ['fields'], ['level', 'version']).detail).toBe('Unknown query parameter "fields"; accepted: level, version.');
    expect(unknownKeysProblem('query parameter', ['a', 'b'], []).detail).toBe('Unknown query parameters "a", "b"; this route takes no query parameters.');
    expect(unknownKeysProblem('body field', ['x'.repeat(100)], ['level']).detail).toBe(`Unknown body field "${'x'.repeat(60)}…"; accepted: level.`);
  });
});

describe('newRouter: strict parameters on every route', () => {
  const withQuery = createRoute({ method: 'get', path: '/q', request: { query: z.object({ level: z.string(), version: z.string().optional() }) }, responses: { 200: { description: 'ok' } } });
  const without = createRoute({ method: 'get', path: '/none', responses: { 200: { description: 'ok' } } });
  const body = createRoute({
    method: 'post',
    path: '/b',
    request: { body: { content: { 'application/json': { schema: z.object({ level: z.string(), version: z.string().optional() }) } }, required: true } },
    responses: { 200: { description: 'ok' } },
  });
  const app = newRouter()
    .openapi(withQuery, (c) => c.json(c.req.valid('query'), 200))
    .openapi(without, (c) => c.json({ ok: true }, 200))
    .openapi(body, (c) => c.json(c.req.valid('json'), 200));
  app.onError((err, c) => (err instanceof ProblemError ? renderProblem(c, err) : err instanceof HTTPException ? err.getResponse() : c.text(String(err), 500)));
  const problem = async (res: Response) => ({ status: res.status, ...((await res.json()) as { detail: string; errors: { path: string }[] }) });

  it('lets declared parameters through', async () => {
    expect((await app.request('/q?level=town&version=v1')).status).toBe(200);
    expect((await app.request('/none')).status).toBe(200);
    const res = await app.request('/b', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ level: 'town' }) });
    expect(await res.json()).toEqual({ level: 'town' }); // the validator still reads the body after the check did
  });

  it('refuses an undeclared query parameter with a 400 problem naming it and the accepted ones', async () => {
    const p = await problem(await app.request('/q?level=town&fields=score'));
    expect(p.status).toBe(400);
    expect(p.detail).toBe('Unknown query parameter "fields"; accepted: level, version.');
    expect(p.errors.map((e) => e.path)).toEqual(['fields']);
  });

  it('refuses any parameter on a route that declares none', async () => {
    const p = await problem(await app.request('/none?cachebuster=1'));
    expect(p.status).toBe(400);
    expect(p.detail).toBe('Unknown query parameter "cachebuster"; this route takes no query parameters.');
  });

  it('refuses an undeclared JSON body field before validation', async () => {
    const p = await problem(await app.request('/b', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ level: 'town', fields: ['score'] }) }));
    expect(p.status).toBe(400);
    expect(p.detail).toBe('Unknown body field "fields"; accepted: level, version.');
  });

  it('leaves a malformed body to the validator', async () => {
    const res = await app.request('/b', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{not json' });
    expect(res.status).toBe(400);
  });

  it('declares 400 on every route and 404 where it takes a version', () => {
    const doc = app.getOpenAPI31Document({ openapi: '3.1.0', info: { title: 't', version: '1' } });
    expect(Object.keys(doc.paths!['/none']!.get!.responses!)).toEqual(['200', '400']);
    expect(Object.keys(doc.paths!['/q']!.get!.responses!).sort()).toEqual(['200', '400', '404']);
  });
});

describe('strict body fields with other mistakes', () => {
  const route = createRoute({
    method: 'post',
    path: '/b',
    request: { body: { content: { 'application/json': { schema: z.object({ level: z.enum(['town', 'zcta']), n: z.number().min(0) }).strict() } }, required: true } },
    responses: { 200: { description: 'ok' } },
  });
  const app = newRouter().openapi(route, (c) => c.json(c.req.valid('json'), 200));
  app.onError((err, c) => (err instanceof ProblemError ? renderProblem(c, err) : c.text(String(err), 500)));

  it('lists the unknown field and every other invalid field in one problem', async () => {
    const res = await app.request('/b', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ level: 'city', n: -1, extra: 1 }) });
    expect(res.status).toBe(400);
    const p = (await res.json()) as { detail: string; errors: { path: string }[] };
    expect(p.errors.map((e) => e.path)).toEqual(['extra', 'level', 'n']);
    expect(p.detail).toMatch(/^Unknown body field "extra"; accepted: level, n\. level: .+\. n: .+\.$/);
  });
});
