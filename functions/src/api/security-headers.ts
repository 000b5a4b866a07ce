import { createHash } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';

/**
 * One security-header policy for every place the service is served from:
 * CloudFront's response-headers policy (infra/lib/constructs/web-site.ts) is
 * built from these values, and the local server and Lambda send them too, so a
 * page that works locally works behind the CDN and the other way round
 * (infra/lib/web-site.test.ts compares the two).
 */

/** The API reference page's only style sheet: allowed by its hash, so the CSP needs no 'unsafe-inline'. */
export const DOCS_PAGE_STYLE = `
body{font:15px/1.5 system-ui,sans-serif;max-width:70rem;margin:0 auto;padding:1rem 1.5rem;color:#1a1a1a}
h1{margin-bottom:.2rem}h2{border-bottom:2px solid #ddd;margin-top:2.5rem}h3{margin:1.8rem 0 .3rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0;font-size:14px}th,td{border:1px solid #ddd;padding:.25rem .5rem;text-align:left;vertical-align:top}
th{background:#f4f4f4}code{background:#f4f4f4;padding:0 .2rem;border-radius:3px}.m{background:#1f5f8b;color:#fff;padding:0 .4rem;border-radius:3px;font-size:13px}
ul.toc{columns:2}a{color:#1f5f8b}
`;

const styleHash = `'sha256-${createHash('sha256').update(DOCS_PAGE_STYLE).digest('base64')}'`;

/**
 * Content-Security-Policy for the map and the API reference: everything from
 * our own origin, plus the API's direct URL for calls when there is one.
 * Checked against the real build (web/dist) in headless Chromium: the map
 * renders with no violation — Svelte's styles are extracted to a CSS file,
 * MapLibre sets styles through the CSSOM and loads its worker as a bundled
 * module from our origin (STACK.md), so no 'unsafe-inline' and no blob: are needed.
 */
export function contentSecurityPolicy(apiOrigin?: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    `style-src 'self' ${styleHash}`,
    "img-src 'self' data:",
    "font-src 'self'",
    apiOrigin ? `connect-src 'self' ${apiOrigin}` : "connect-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** HSTS for two years with subdomains (CloudFront's `strictTransportSecurity`); browsers ignore it over plain http. */
export const HSTS_MAX_AGE_SECONDS = 730 * 24 * 60 * 60;

/** The headers every response carries (names lower-case, as Hono and CloudFront's tests compare them). */
export function securityHeaders(apiOrigin?: string): Record<string, string> {
  return {
    'content-security-policy': contentSecurityPolicy(apiOrigin),
    'strict-transport-security': `max-age=${HSTS_MAX_AGE_SECONDS}; includeSubDomains`,
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'strict-origin-when-cross-origin',
  };
}

/** Sets the policy on every response, the map's files and the API alike (headers already set win). */
export function securityHeadersMiddleware(apiOrigin?: string): MiddlewareHandler {
  const headers = Object.entries(securityHeaders(apiOrigin));
  return async (c, next) => {
    await next();
    for (const [name, value] of headers) if (!c.res.headers.has(name)) c.res.headers.set(name, value);
  };
}
