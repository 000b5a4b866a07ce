import type { Context, MiddlewareHandler } from 'hono';
import { PROBLEM_BASE, problemResponse } from './problem.js';

export interface RateLimitOptions {
  /** Sustained requests per second per client; 0 turns the limit off. */
  perSecond: number;
  /** Bucket size: requests a client may send at once before the sustained rate applies. */
  burst: number;
  /** Client key, e.g. the remote IP address. */
  key: (c: Context) => string;
  now?: () => number;
}

/** Buckets kept at most; full (idle) buckets are dropped first when it is reached. */
const MAX_CLIENTS = 10_000;

/**
 * Per-client token bucket for the local server (in AWS, API Gateway
 * throttling does this). Each request takes one token; tokens refill at
 * `perSecond` up to `burst`. An empty bucket answers 429 problem+json with
 * Retry-After.
 */
export function rateLimit(options: RateLimitOptions): MiddlewareHandler {
  const { perSecond, burst } = options;
  const now = options.now ?? Date.now;
  const buckets = new Map<string, { tokens: number; at: number }>();
  return async (c, next) => {
    if (perSecond <= 0) return next();
    const key = options.key(c);
    const t = now();
    let bucket = buckets.get(key);
    if (!bucket) {
      if (buckets.size >= MAX_CLIENTS) prune(buckets, t, perSecond, burst);
      bucket = { tokens: burst, at: t };
      buckets.set(key, bucket);
    }
    bucket.tokens = Math.min(burst, bucket.tokens + ((t - bucket.at) / 1000) * perSecond);
    bucket.at = t;
    if (bucket.tokens < 1) {
      const retryAfter = Math.max(1, Math.ceil((1 - bucket.tokens) / perSecond));
      const res = problemResponse(c, 429, {
        type: `${PROBLEM_BASE}too-many-requests`,
        title: 'Too many requests',
        detail: `This client sent more than ${perSecond} requests per second (burst ${burst}); retry after ${retryAfter} s.`,
        instance: c.req.path,
      });
      res.headers.set('retry-after', String(retryAfter));
      return res;
    }
    bucket.tokens -= 1;
    return next();
  };
}

function prune(buckets: Map<string, { tokens: number; at: number }>, t: number, perSecond: number, burst: number): void {
  for (const [key, b] of buckets) if (b.tokens + ((t - b.at) / 1000) * perSecond >= burst) buckets.delete(key);
  if (buckets.size >= MAX_CLIENTS) buckets.clear(); // everyone active: start over rather than grow without bound
}
