import type { Context, MiddlewareHandler } from 'hono';
import { COMPRESSIBLE_CONTENT_TYPE_REGEX } from 'hono/compress';
import { promisify } from 'node:util';
import { deflate, gzip } from 'node:zlib';

/** Bodies smaller than this are sent as they are: a frame or two either way, and compressing costs more than it saves. */
export const COMPRESS_THRESHOLD_BYTES = 1024;

/**
 * Besides hono's list: GeoPackage downloads are uncompressed SQLite pages; gzip takes the
 * full-resolution town file from ≈ 5.5 MB to ≈ 3.7 MB, which (base64) fits Lambda's 6 MB answer limit.
 */
const ALSO_COMPRESSIBLE = /^\s*application\/geopackage\+sqlite3(?:[;\s]|$)/i;

const ENCODERS = { gzip: promisify(gzip), deflate: promisify(deflate) };
type Encoding = keyof typeof ENCODERS;

/**
 * gzip or deflate for clients that ask (Accept-Encoding, q-values honoured),
 * in place of Hono's `compress()`, which rebuilds every JSON answer to add
 * `Vary` even for clients that accept no encoding, and compresses the same
 * bytes again on every request (docs/api-performance.md).
 *
 * Mount it outside the ETag middleware (http-cache.ts) so the answer's strong
 * ETag is known here: a strong ETag names exact bytes, so their compressed
 * form is kept (LRU bounded by `maxCachedBytes`) and reused for every later
 * request of that version, and the compressed answer carries the weak form of
 * the tag (RFC 9110 §8.8.1: other bytes, same meaning).
 */
export function compressAnswers({ maxCachedBytes = 16 * 1024 * 1024 }: { maxCachedBytes?: number } = {}): MiddlewareHandler {
  const cache = new CompressedBodies(maxCachedBytes);
  return async (c, next) => {
    await next();
    const res = c.res;
    if (c.req.method === 'HEAD' || res.status === 204 || res.status === 206 || res.status === 304) return;
    const headers = res.headers;
    const type = headers.get('content-type');
    const cacheControl = headers.get('cache-control') ?? '';
    if (!type || !(COMPRESSIBLE_CONTENT_TYPE_REGEX.test(type) || ALSO_COMPRESSIBLE.test(type)) || headers.has('content-encoding') || headers.has('transfer-encoding') || /(?:^|,)\s*no-transform\s*(?:,|$)/i.test(cacheControl)) return;
    const length = headers.get('content-length');
    if (length && Number(length) < COMPRESS_THRESHOLD_BYTES) return;
    const vary = headers.get('vary');
    if (vary !== '*' && !(vary && /(?:^|,)\s*accept-encoding\s*(?:,|$)/i.test(vary))) headers.set('vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
    const encoding = selectEncoding(c.req.header('accept-encoding'));
    if (!encoding) return;

    const etag = headers.get('etag');
    const key = res.status === 200 && etag && !etag.startsWith('W/') && !/no-store|private/i.test(cacheControl) && !c.req.header('authorization') ? `${encoding} ${etag}` : null;
    let body = key ? cache.get(key) : undefined;
    if (!body) {
      const raw = new Uint8Array(await res.arrayBuffer());
      if (raw.byteLength < COMPRESS_THRESHOLD_BYTES) return replaceAnswer(c, new Response(raw, { status: res.status, headers }));
      body = new Uint8Array(await ENCODERS[encoding](raw));
      if (key) cache.set(key, body);
    }
    headers.delete('content-length');
    headers.set('content-encoding', encoding);
    if (etag && !etag.startsWith('W/')) headers.set('etag', `W/${etag}`);
    replaceAnswer(c, new Response(body, { status: res.status, headers }));
  };
}

/** Assigning `c.res` over an answer makes Hono copy the old answer's headers into the new one; these headers are already the old ones. */
function replaceAnswer(c: Context, res: Response): void {
  c.res = undefined as unknown as Response;
  c.res = res;
}

/** The preferred encoding we offer (gzip first on a tie), or undefined when the client accepts neither (RFC 9110 §12.5.3). */
export function selectEncoding(header: string | undefined): Encoding | undefined {
  if (!header) return undefined;
  const q = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const value = qParam ? Number(qParam.slice(2)) : 1;
    if (name) q.set(name.trim(), Number.isFinite(value) ? value : 0);
  }
  let best: { encoding: Encoding; q: number } | undefined;
  for (const encoding of ['gzip', 'deflate'] as const) {
    const weight = q.get(encoding) ?? q.get('*') ?? 0;
    if (weight > 0 && (!best || weight > best.q)) best = { encoding, q: weight };
  }
  return best?.encoding;
}

/** Compressed bodies by encoding and strong ETag, least recently used dropped first once `maxBytes` is reached. */
class CompressedBodies {
  private readonly entries = new Map<string, Uint8Array<ArrayBuffer>>();
  private bytes = 0;

  constructor(private readonly maxBytes: number) {}

  get(key: string): Uint8Array<ArrayBuffer> | undefined {
    const body = this.entries.get(key);
    if (body) {
      this.entries.delete(key);
      this.entries.set(key, body);
    }
    return body;
  }

  set(key: string, body: Uint8Array<ArrayBuffer>): void {
    if (body.byteLength > this.maxBytes / 4) return; // one answer may not push out most of the others
    const old = this.entries.get(key); // two requests compressed the same answer at once
    if (old) {
      this.entries.delete(key);
      this.bytes -= old.byteLength;
    }
    this.entries.set(key, body);
    this.bytes += body.byteLength;
    for (const [k, b] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(k);
      this.bytes -= b.byteLength;
    }
  }
}
