import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { claimGroups, requireAdmin, type AdminAuth, type AdminEnv } from './admin-auth.js';

const appWith = (auth: AdminAuth) => {
  const app = new Hono<AdminEnv>();
  app.use('*', requireAdmin(auth));
  app.get('/who', (c) => c.text(c.get('admin')));
  return app;
};
/** What hono/aws-lambda hands the app: the API Gateway event as env.event. */
const lambdaEnv = (claims?: Record<string, unknown>) => ({ event: { requestContext: claims ? { authorizer: { jwt: { claims, scopes: null } } } : {} } });

describe('requireAdmin (token)', () => {
  const app = appWith({ mode: 'token', token: 's3cret' });

  it('answers 401 with WWW-Authenticate and a problem without a token', async () => {
    const res = await app.request('/who');
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(await res.json()).toMatchObject({ status: 401, type: '/problems/unauthorized' });
    expect((await app.request('/who', { headers: { authorization: 'Basic czNjcmV0' } })).status).toBe(401);
  });

  it('answers 403 to a wrong token and lets the right one through', async () => {
    expect((await app.request('/who', { headers: { authorization: 'Bearer s3cre' } })).status).toBe(403);
    const ok = await app.request('/who', { headers: { authorization: 'Bearer s3cret' } });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('admin-token');
  });

  it('lets nobody edit when no token is configured', async () => {
    const closed = appWith({ mode: 'token', token: null });
    expect((await closed.request('/who', { headers: { authorization: 'Bearer anything' } })).status).toBe(403);
  });
});

describe('requireAdmin (apigateway-jwt)', () => {
  const app = appWith({ mode: 'apigateway-jwt', adminGroup: 'admins' });

  it('trusts claims from the API Gateway authorizer and requires the admin group', async () => {
    const ok = await app.request('/who', {}, lambdaEnv({ sub: 'abc', 'cognito:username': 'ana', 'cognito:groups': '[admins editors]' }));
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('jwt:ana');
    expect((await app.request('/who', {}, lambdaEnv({ sub: 'abc', 'cognito:groups': '[editors]' }))).status).toBe(403);
  });

  it('refuses requests that did not pass the authorizer, whatever Authorization header they carry', async () => {
    expect((await app.request('/who', { headers: { authorization: 'Bearer forged' } }, lambdaEnv())).status).toBe(401);
    expect((await app.request('/who', { headers: { authorization: 'Bearer forged' } })).status).toBe(401); // not even in Lambda
  });

  it('reads Cognito groups as flattened strings or arrays', () => {
    expect(claimGroups('[admins editors]')).toEqual(['admins', 'editors']);
    // Cognito group names may contain commas: "x,admins" is one group, not the admins group.
    expect(claimGroups('[x,admins]')).toEqual(['x,admins']);
    expect(claimGroups('[editors x,admins]')).not.toContain('admins');
    expect(claimGroups(['admins'])).toEqual(['admins']);
    expect(claimGroups(undefined)).toEqual([]);
  });
});
