import type { MiddlewareHandler } from 'hono';

/**
 * One security-header policy for every place the service is served from:
 * CloudFront's response-headers policy (infra/lib/constructs/web-site.ts) is
 * built from these values, and the local server and Lambda send them too, so a
 * page that works locally works behind the CDN and the other way round
 * (infra/lib/web-site.test.ts compares the two).
 */

/**
 * Content-Security-Policy for the map and the API reference: everything from
 * our own origin, plus the API's direct URL for calls when there is one. The
 * reference (Swagger UI, docs-page.ts) loads its script, start-up script and
 * style sheet as files from /v1/docs/assets/, so it needs nothing inline either.
 * Checked against the real build (web/dist) in headless Chromium: the map
 * renders with no violation — Svelte's styles are extracted to a CSS file,
 * MapLibre sets styles through the CSSOM and loads its worker as a bundled
 * module from our origin (STACK.md), so no 'unsafe-inline' and no blob: are needed.
 */
export function contentSecurityPolicy(apiOrigin?: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
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
