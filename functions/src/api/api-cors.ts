import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import { corsAllowOrigin, isPublicMethod } from './cors-policy.js';

export interface ApiCorsOptions {
  allowMethods: string[];
  exposeHeaders: string[];
  /** Allowed request headers; default: whatever the preflight asks for. */
  allowHeaders?: string[];
  /** Origins that may use the write methods (the site's own, SITE_ORIGIN); default none. */
  siteOrigins?: string[];
}

/**
 * CORS for the API (cors-policy.ts): reads open to any origin, writes only
 * from the site. Preflights are Hono's `cors()`. Other requests get their
 * headers after the route has answered, on the answer itself: Hono's `cors()`
 * sets them on `c.res` before the route runs, which makes Hono copy every
 * answer into a new Response, about a fifth of a cached GET's CPU
 * (docs/api-performance.md).
 */
export function apiCors({ allowMethods, exposeHeaders, allowHeaders, siteOrigins = [] }: ApiCorsOptions): MiddlewareHandler {
  const requested = (c: { req: { header(name: string): string | undefined; method: string } }) => c.req.header('access-control-request-method')?.toUpperCase() ?? c.req.method;
  const preflight = cors({
    origin: (origin, c) => corsAllowOrigin({ origin, method: requested(c), path: c.req.path }, siteOrigins),
    // The site may use every method; anyone else the public ones on this path.
    allowMethods: (origin, c) => (siteOrigins.includes(origin) ? allowMethods : allowMethods.filter((m) => isPublicMethod(m, c.req.path))),
    allowHeaders,
    exposeHeaders,
    maxAge: 86_400,
  });
  const expose = exposeHeaders.join(',');
  return async (c, next) => {
    if (c.req.method === 'OPTIONS') return preflight(c, next);
    await next();
    const allowOrigin = corsAllowOrigin({ origin: c.req.header('origin') ?? '', method: c.req.method, path: c.req.path }, siteOrigins);
    if (allowOrigin === null) return;
    c.res.headers.set('access-control-allow-origin', allowOrigin);
    c.res.headers.set('access-control-expose-headers', expose);
    if (allowOrigin !== '*') c.res.headers.append('vary', 'Origin');
  };
}
