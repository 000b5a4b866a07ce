#!/usr/bin/env node
/**
 * CDN hit path vs miss path, measured locally (issue 17, item 7; figures in docs/deploy.md).
 *
 * Publishes a real version (pipeline → in-memory DynamoDB Local) and times single
 * requests, one at a time over a loopback socket, for the answers the map and
 * researchers fetch most:
 *  - miss, new container: a fresh app (empty per-version memo), as after a Lambda cold start
 *    (module init not included: `npm run bench:bundle` measures that);
 *  - miss, warm container: the same app again (what a CloudFront miss costs on a warm Lambda);
 *  - revalidation: If-None-Match with the answer's ETag → 304 (what CloudFront sends once max-age is over);
 *  - hit: a bare node:http server sending the stored bytes, standing in for the edge's copy.
 * Medians of `BENCH_SAMPLES` (default 15) requests. Network between viewer, edge and origin is
 * not in these figures (see docs/deploy.md for the AWS part, which is an estimate).
 *
 *   npx tsx bench/cache-paths.ts
 */
import http from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { createApp } from '../functions/src/api/app.js';
import { IndexReader } from '../functions/src/api/index-reader.js';
import { serveLocal } from '../functions/src/api/local-server.js';
import { publishBenchVersion } from './publish-version.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const SAMPLES = Number(process.env.BENCH_SAMPLES || 15);

interface Answer {
  status: number;
  ms: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

function get(base: string, p: string, headers: Record<string, string> = {}): Promise<Answer> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    http
      .get(new URL(p, base), { headers, agent: false }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode!, ms: performance.now() - t0, headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

const work = mkdtempSync(path.join(tmpdir(), 'equity-atlas-bench-cache-'));
const published = await publishBenchVersion(work);
const { store, blobs, version } = published;
const PATHS = ['/v1/places?level=town', '/v1/layers/town', '/v1/geometry/town', `/v1/versions/${version}/download?level=town&format=csv`];
const ENCODING = { 'accept-encoding': 'gzip' };

try {
  const warm = await serveLocal({ app: createApp({ reader: new IndexReader(store, blobs), logError: () => {} }), port: 0 });
  // The edge stand-in: stored bytes and headers per path, nothing computed.
  const stored = new Map<string, Answer>();
  const edge = http.createServer((req, res) => {
    const a = stored.get(req.url!)!;
    res.writeHead(200, { 'content-type': String(a.headers['content-type']), ...(a.headers['content-encoding'] ? { 'content-encoding': String(a.headers['content-encoding']) } : {}), 'content-length': a.body.length }).end(a.body);
  });
  await new Promise<void>((r) => edge.listen(0, '127.0.0.1', r));
  const edgeUrl = `http://127.0.0.1:${(edge.address() as AddressInfo).port}`;

  console.log(`\nmedian of ${SAMPLES} single requests over loopback, gzip asked for; load average ${loadavg()[0]!.toFixed(1)} (Node ${process.versions.node})\n`);
  console.log(`${'answer'.padEnd(58)} ${'gzip B'.padStart(8)} │ miss new ms │ miss warm ms │ 304 ms │ hit ms`);
  for (const p of PATHS) {
    const cold: number[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      const fresh = await serveLocal({ app: createApp({ reader: new IndexReader(store, blobs), logError: () => {} }), port: 0 });
      const a = await get(fresh.url, p, ENCODING);
      if (a.status !== 200) throw new Error(`${p}: ${a.status} ${a.body.toString().slice(0, 200)}`);
      cold.push(a.ms);
      await fresh.close();
    }
    const first = await get(warm.url, p, ENCODING);
    stored.set(p, first);
    const warmMs: number[] = [];
    const revalidate: number[] = [];
    const hit: number[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      warmMs.push((await get(warm.url, p, ENCODING)).ms);
      const r = await get(warm.url, p, { ...ENCODING, 'if-none-match': String(first.headers.etag) });
      if (r.status !== 304) throw new Error(`${p}: revalidation answered ${r.status}`);
      revalidate.push(r.ms);
      hit.push((await get(edgeUrl, p, ENCODING)).ms);
    }
    const f = (xs: number[], w: number) => median(xs).toFixed(1).padStart(w);
    console.log(`${p.slice(0, 58).padEnd(58)} ${String(first.body.length).padStart(8)} │ ${f(cold, 11)} │ ${f(warmMs, 12)} │ ${f(revalidate, 6)} │ ${f(hit, 6)}`);
  }
  await warm.close();
  edge.close();
} finally {
  await published.close();
  rmSync(work, { recursive: true, force: true });
}
