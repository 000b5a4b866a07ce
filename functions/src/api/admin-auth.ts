import { createHash, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { PROBLEM_BASE, problemResponse } from './problem.js';

/**
 * Who may edit investments (docs/api-errors.md, README "Configuration"):
 * - `token`: a shared bearer token (ADMIN_TOKEN; `npm start` generates and
 *   prints one when unset). No token configured = nobody may edit.
 * - `apigateway-jwt` (AWS): API Gateway's JWT authorizer has already verified
 *   the Cognito token on the write routes; the app trusts the claims API
 *   Gateway puts in the Lambda event (`requestContext.authorizer.jwt`), which
 *   a client cannot set, and requires membership of the admin group. A request
 *   that did not pass the authorizer carries no claims and is refused.
 */
export type AdminAuth = { mode: 'token'; token: string | null } | { mode: 'apigateway-jwt'; adminGroup: string };

export type AdminEnv = { Variables: { admin: string } };

/** The Cognito group the CDK stack creates for editors (infra/lib/constructs/http-api.ts). */
export const DEFAULT_ADMIN_GROUP = 'admins';

const digest = (s: string) => createHash('sha256').update(s).digest();

function unauthorized(c: Context, detail: string): Response {
  const res = problemResponse(c, 401, { type: `${PROBLEM_BASE}unauthorized`, title: 'Unauthorized', detail, instance: c.req.path });
  res.headers.set('www-authenticate', 'Bearer realm="equity-atlas"');
  return res;
}

const forbidden = (c: Context, detail: string) => problemResponse(c, 403, { type: `${PROBLEM_BASE}forbidden`, title: 'Forbidden', detail, instance: c.req.path });

/** API Gateway HTTP API (payload 2.0) puts verified JWT claims here; hono/aws-lambda passes the event as c.env.event. */
function jwtClaims(c: Context): Record<string, unknown> | null {
  const env = c.env as { event?: { requestContext?: { authorizer?: { jwt?: { claims?: Record<string, unknown> } } } } } | undefined;
  return env?.event?.requestContext?.authorizer?.jwt?.claims ?? null;
}

/**
 * Cognito sends groups as "[admins editors]" (HTTP API flattens arrays to
 * strings, space-separated) or as an array. Group names may contain commas but
 * never whitespace, so only whitespace separates: a group named "x,admins" is
 * not the admins group.
 */
export function claimGroups(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value !== 'string') return [];
  return value.replace(/^\[|\]$/g, '').split(/\s+/).filter(Boolean);
}

/** Require an admin; sets `admin` (who, for the audit trail). */
export function requireAdmin(auth: AdminAuth): MiddlewareHandler<AdminEnv> {
  return async (c, next) => {
    if (auth.mode === 'apigateway-jwt') {
      const claims = jwtClaims(c);
      if (!claims) return unauthorized(c, 'This route needs a Cognito access token (Authorization: Bearer …) verified by the API Gateway JWT authorizer.');
      if (!claimGroups(claims['cognito:groups']).includes(auth.adminGroup)) return forbidden(c, `The token is valid but its user is not in the "${auth.adminGroup}" group.`);
      c.set('admin', `jwt:${String(claims['cognito:username'] ?? claims.username ?? claims.sub ?? 'unknown')}`);
      return next();
    }
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match) return unauthorized(c, 'Send the admin token as "Authorization: Bearer <ADMIN_TOKEN>".');
    // Compare digests in constant time: equal length, and no early exit that leaks a prefix.
    if (auth.token === null || !timingSafeEqual(digest(match[1]!), digest(auth.token))) return forbidden(c, 'The bearer token is not the admin token.');
    c.set('admin', 'admin-token');
    return next();
  };
}

/** From the configuration (config.ts): AUTH_MODE and ADMIN_TOKEN. */
export function adminAuthFrom(config: { authMode: 'token' | 'apigateway-jwt'; adminToken: string | undefined }, adminGroup = DEFAULT_ADMIN_GROUP): AdminAuth {
  return config.authMode === 'apigateway-jwt' ? { mode: 'apigateway-jwt', adminGroup } : { mode: 'token', token: config.adminToken ?? null };
}
