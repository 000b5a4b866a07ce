import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/**
 * Problem type URIs are relative references (RFC 9457 §3.1.1), resolved against
 * the API's own origin; each type is documented in docs/api-errors.md.
 */
export const PROBLEM_BASE = '/problems/';

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  [extension: string]: unknown;
}

/** An expected API error, rendered as RFC 9457 application/problem+json. */
export class ProblemError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly slug: string,
    readonly title: string,
    readonly detail: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(detail);
    this.name = 'ProblemError';
  }
}

export const problems = {
  badRequest: (detail: string, errors?: { path: string; message: string }[]) =>
    new ProblemError(400, 'invalid-request', 'Invalid request', detail, errors ? { errors } : {}),
  notFound: (detail: string) => new ProblemError(404, 'not-found', 'Not found', detail),
  noVersion: () =>
    new ProblemError(503, 'no-published-version', 'No index published yet', 'No index version has been published yet; run `npm run pipeline` (locally) or the pipeline function (AWS).'),
  storeUnavailable: () =>
    new ProblemError(503, 'store-unavailable', 'Index store unavailable', 'The index store did not answer; try again shortly.', { retryAfterSeconds: 5 }),
};

export function problemResponse(c: Context, status: number, body: Omit<ProblemBody, 'status'>): Response {
  return c.body(JSON.stringify({ ...body, status }), status as ContentfulStatusCode, { 'content-type': 'application/problem+json' });
}

export function renderProblem(c: Context, err: ProblemError): Response {
  const headers: Record<string, string> = {};
  if (typeof err.extensions.retryAfterSeconds === 'number') headers['retry-after'] = String(err.extensions.retryAfterSeconds);
  const res = problemResponse(c, err.status, {
    type: PROBLEM_BASE + err.slug,
    title: err.title,
    detail: err.detail,
    instance: c.req.path,
    ...err.extensions,
  });
  for (const [k, v] of Object.entries(headers)) res.headers.set(k, v);
  return res;
}
