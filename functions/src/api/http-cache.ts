import type { MiddlewareHandler } from 'hono';
import type { IndexReader } from './index-reader.js';
import { VERSION_ID_PATTERN } from './version-id.js';

/** Answers that do not follow the data version (liveness, the code's own OpenAPI document and its reference page). */
const UNVERSIONED = new Set(['/v1/health', '/v1/openapi.json', '/v1/docs', '/v1/methods/document']);
/** The reference page's files (docs-page.ts): their own content ETags, and no store read, so the docs work while the store is down. */
const DOCS_ASSETS = /^\/v1\/docs\/assets\//;
/** Live data with its own content ETags and no-store (investments, their audit trail, need vs investment). */
const LIVE = /^\/v1\/(investments|need-investment)(\/|$)/;

/** Cache lifetime of answers about the current version: the pointer may move, so short, and revalidated cheaply by ETag. */
export const CURRENT_MAX_AGE_SECONDS = 60;
/** After max-age, a cache may answer from the stale copy while it refetches in the background (hides cold starts). */
export const STALE_WHILE_REVALIDATE_SECONDS = 300;
/** If the API fails (5xx, store outage), a cache may keep answering from its copy this long instead of the error. */
export const STALE_IF_ERROR_SECONDS = 86_400;

/**
 * Cache-Control of an answer about the current version (RFC 9111, RFC 5861): CloudFront and browsers
 * honour both stale directives. A published version is whole, so a stale answer is an older
 * version's consistent answer, never a half-written one.
 */
export function currentCacheControl(maxAgeSeconds = CURRENT_MAX_AGE_SECONDS): string {
  return `public, max-age=${maxAgeSeconds}, stale-while-revalidate=${STALE_WHILE_REVALIDATE_SECONDS}, stale-if-error=${STALE_IF_ERROR_SECONDS}`;
}
/** Answers pinned to a version id never change (versions are immutable, docs/storage.md). */
export const IMMUTABLE_CACHE_CONTROL = 'public, max-age=31536000, immutable';

/** FNV-1a 32-bit: a cheap, stable hash of the request key; collisions only matter within one version and URL space. */
function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

/**
 * RFC 9110 §13.1.2: If-None-Match uses the weak comparison, so W/"x" matches "x".
 * "*" is not decided here: it matches only a representation that exists, which
 * only the route knows (see versionCache).
 */
export function ifNoneMatchHits(header: string, tag: string): boolean {
  return header.split(',').some((t) => t.trim().replace(/^W\//, '') === `"${tag}"`);
}

/** Routes whose path names the version (`/v1/versions/{id}/…`): pinned like `?version=`. */
const VERSION_PATH = /^\/v1\/versions\/([^/]+)(\/|$)/;

/**
 * The version id a request pins, if any: its `version` query parameter, or the id in a
 * `/v1/versions/{id}` path. The query wins, so a path route that (wrongly) gets both is keyed on what
 * the strict-parameter check will refuse anyway.
 */
export function pinnedVersionId(path: string, search: URLSearchParams): string | null {
  const query = search.get('version');
  if (query !== null) return query;
  const m = VERSION_PATH.exec(path);
  if (!m) return null;
  try {
    return decodeURIComponent(m[1]!);
  } catch {
    return m[1]!; // malformed escapes: no published id looks like that, so the route answers its 404
  }
}

/**
 * ETag and Cache-Control for GETs under /v1. An answer is a function of the
 * data version, the URL and the negotiated format (Accept), so the ETag is
 * `"<version>.<hash(path?query|accept)>"` — known before the handler runs,
 * so a matching If-None-Match is answered 304 without reading or serializing
 * anything. The compress middleware turns it weak when it gzips the body.
 *
 * The version is the pinned one when the request pins one (`?version=`, `/v1/versions/{id}`):
 * its answers never change, so they are `immutable`. A pinned id that is not published gets
 * no 304 (and no ETag): the route answers its 404.
 */
export function versionCache(reader: IndexReader): MiddlewareHandler {
  return async (c, next) => {
    if ((c.req.method !== 'GET' && c.req.method !== 'HEAD') || UNVERSIONED.has(c.req.path) || DOCS_ASSETS.test(c.req.path) || LIVE.test(c.req.path)) return next();
    const url = c.req.url;
    const queryAt = url.indexOf('?');
    const pinned = pinnedVersionId(c.req.path, new URLSearchParams(queryAt < 0 ? '' : url.slice(queryAt + 1)));
    // An id that cannot be a version is not looked up: the route's validation answers it.
    if (pinned !== null && !VERSION_ID_PATTERN.test(pinned)) return next();
    const meta = pinned === null ? await reader.currentVersion() : await reader.versionMeta(pinned);
    if (!meta) return next(); // the route answers 503 no-published-version, or 404 for an unknown pinned id
    const pathAndQuery = url.slice(url.indexOf('/', url.indexOf('//') + 2));
    const tag = `${meta.version}.${fnv1a(`${pathAndQuery}|${c.req.header('accept') ?? ''}`)}`;
    const cacheControl = pinned === null ? currentCacheControl() : IMMUTABLE_CACHE_CONTROL;
    const inm = c.req.header('if-none-match');
    if (inm && ifNoneMatchHits(inm, tag)) {
      return c.body(null, 304, { etag: `"${tag}"`, 'cache-control': cacheControl, vary: 'Accept, Accept-Encoding' });
    }
    await next();
    if (c.res.status !== 200) return; // a missing place stays 404 even under If-None-Match: *
    if (inm?.trim() === '*') {
      c.res = new Response(null, { status: 304, headers: { etag: c.res.headers.get('etag') ?? `"${tag}"`, 'cache-control': cacheControl, vary: 'Accept, Accept-Encoding' } });
      return;
    }
    if (!c.res.headers.has('etag')) c.res.headers.set('etag', `"${tag}"`);
    // A pinned answer is immutable whatever the route set for its current-version answers (geometry keeps those 300 s).
    if (pinned !== null || !c.res.headers.has('cache-control')) c.res.headers.set('cache-control', cacheControl);
    const vary = c.res.headers.get('vary');
    if (!vary || !/accept(?!-)/i.test(vary)) c.res.headers.set('vary', vary ? `Accept, ${vary}` : 'Accept');
  };
}
