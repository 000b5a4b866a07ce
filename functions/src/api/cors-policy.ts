/**
 * One CORS policy for the Hono app (local and Lambda) and API Gateway's
 * preflight answers in AWS (infra/lib/constructs/http-api.ts): public read data
 * and bearer tokens (no cookies), so any origin may call; the conditional and
 * idempotent writes need their headers allowed, and clients must be able to
 * read the ETag they send back as If-Match.
 */
export const CORS_ALLOW_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;
export const CORS_ALLOW_HEADERS = ['authorization', 'content-type', 'if-match', 'if-none-match', 'idempotency-key'] as const;
export const CORS_EXPOSE_HEADERS = ['etag', 'location', 'idempotent-replayed', 'x-next-cursor', 'x-request-id', 'retry-after'] as const;
