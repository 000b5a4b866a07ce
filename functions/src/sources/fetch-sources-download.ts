import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';

export interface Download {
  bytes: number;
  /** Hex, as in data/sources.json. */
  sha256: string;
  /** Base64, as S3's x-amz-checksum-sha256 wants it. */
  sha256Base64: string;
}

export interface DownloadOptions {
  fetchImpl?: typeof fetch;
  timeoutMs?: number;
  /** Refuse larger bodies: a runaway download must not fill the Lambda's /tmp. */
  maxBytes?: number;
}

/** Stream `url` to `file`, hashing on the way (the body is never held in memory whole). */
export async function downloadToFile(url: string, file: string, options: DownloadOptions = {}): Promise<Download> {
  const { fetchImpl = fetch, timeoutMs = 5 * 60_000, maxBytes = 1.5e9 } = options;
  const res = await fetchImpl(url, { redirect: 'follow', signal: AbortSignal.timeout(timeoutMs) });
  if (!res.ok || !res.body) throw new Error(`GET ${url}: HTTP ${res.status} ${res.statusText}`.trim());
  const hash = createHash('sha256');
  let bytes = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      bytes += chunk.length;
      if (bytes > maxBytes) return done(new Error(`GET ${url}: body exceeds ${maxBytes} bytes`));
      hash.update(chunk);
      done(null, chunk);
    },
  });
  await pipeline(Readable.fromWeb(res.body as unknown as WebReadableStream), meter, createWriteStream(file));
  const digest = hash.digest();
  return { bytes, sha256: digest.toString('hex'), sha256Base64: digest.toString('base64') };
}
