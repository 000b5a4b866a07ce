/**
 * One CORS policy for the Hono app (local and Lambda), which answers every
 * preflight itself in AWS too (API Gateway's own CORS would answer with one
 * origin list for all methods: infra/lib/constructs/http-api.ts). Reads are
 * public data, so any origin may read (bearer tokens, no cookies); write
 * methods are allowed only from the site's own origin (SITE_ORIGIN), so a
 * page elsewhere cannot drive an admin's token against the write routes.
 * The conditional and idempotent writes need their headers allowed, and
 * clients must be able to read the ETag they send back as If-Match.
 */
export const CORS_ALLOW_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;
export const CORS_ALLOW_HEADERS = ['authorization', 'content-type', 'if-match', 'if-none-match', 'idempotency-key'] as const;
export const CORS_EXPOSE_HEADERS = ['etag', 'location', 'idempotent-replayed', 'x-next-cursor', 'x-request-id', 'retry-after'] as const;
/** Methods any origin may use everywhere. */
export const CORS_READ_METHODS = ['GET', 'HEAD', 'OPTIONS'] as const;
/** POSTs that compute from published data and store nothing: public like the reads (PUBLIC_COMPUTE_PATHS in the CDK app). */
export const CORS_PUBLIC_POST_PATHS = ['/v1/indices/custom'] as const;

const READ = new Set<string>(CORS_READ_METHODS);

/** May any origin use `method` on `path`? */
export function isPublicMethod(method: string, path: string): boolean {
  return READ.has(method) || (method === 'POST' && (CORS_PUBLIC_POST_PATHS as readonly string[]).includes(path));
}

/**
 * Access-Control-Allow-Origin for a request (for a preflight, `method` is the
 * one it asks for): `*` for public methods, the origin itself when it is the
 * site's, otherwise none — the browser then refuses the call.
 */
export function corsAllowOrigin(req: { origin: string; method: string; path: string }, siteOrigins: readonly string[]): string | null {
  if (isPublicMethod(req.method, req.path)) return '*';
  return siteOrigins.includes(req.origin) ? req.origin : null;
}
