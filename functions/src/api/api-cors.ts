import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';

export interface ApiCorsOptions {
  allowMethods: string[];
  exposeHeaders: string[];
}

/**
 * CORS for the API, open to any origin (the data is public; writes need a token).
 * Preflights are Hono's `cors()`. Other requests get their headers after the
 * route has answered, on the answer itself: Hono's `cors()` sets them on
 * `c.res` before the route runs, which makes Hono copy every answer into a new
 * Response, about a fifth of a cached GET's CPU (docs/api-performance.md).
 */
export function apiCors({ allowMethods, exposeHeaders }: ApiCorsOptions): MiddlewareHandler {
  const preflight = cors({ origin: '*', allowMethods, exposeHeaders });
  const expose = exposeHeaders.join(',');
  return async (c, next) => {
    if (c.req.method === 'OPTIONS') return preflight(c, next);
    await next();
    c.res.headers.set('access-control-allow-origin', '*');
    c.res.headers.set('access-control-expose-headers', expose);
  };
}
