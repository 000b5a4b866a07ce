#!/usr/bin/env node
/**
 * API load benchmark (issue 4; goals: GET one place p99 ≤ 2× a static-JSON
 * baseline and ≥ 2,000 req/s on this 2-core machine; custom weights p99 < 50 ms).
 *
 * Publishes a real version (pipeline → in-memory DynamoDB Local), starts the
 * API on Node in a child process and, in another child process, a bare
 * node:http server answering each scenario with the very bytes the API
 * returned (the baseline). A keep-alive load loop in this process (node:http,
 * `BENCH_CONCURRENCY` requests in flight) drives each server for
 * `BENCH_DURATION_S` after a warm-up, and prints req/s, p50, p99 and the
 * API/baseline ratios.
 *
 *   npm run bench:api
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const DURATION_S = Number(process.env.BENCH_DURATION_S || 5);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY || 16);
const WARMUP_S = 1;
const SELF = fileURLToPath(import.meta.url);

interface Scenario {
  name: string;
  method: 'GET' | 'POST';
  path: string;
  body?: string;
}
const SCENARIOS: Scenario[] = [
  { name: 'GET one place', method: 'GET', path: '/v1/places/town/2502507000' },
  { name: 'GET list (351 towns)', method: 'GET', path: '/v1/places?level=town' },
  { name: 'GET lookup (point)', method: 'GET', path: '/v1/lookup?lon=-71.0637&lat=42.3588' },
  { name: 'POST custom weights', method: 'POST', path: '/v1/indices/custom', body: JSON.stringify({ level: 'town', weights: { cardiometabolic: 1, maternal_perinatal: 2, social_drivers: 1 } }) },
];

// ---- child process roles -------------------------------------------------------------------------
if (process.argv[2] === '--api') {
  const [{ createApp }, { IndexReader }, { serveLocal }, { createDynamoClient }, { DynamoIndexStore }, { FileBlobStore }] = await Promise.all([
    import('../functions/src/api/app.js'),
    import('../functions/src/api/index-reader.js'),
    import('../functions/src/api/local-server.js'),
    import('../functions/src/store/dynamo-client.js'),
    import('../functions/src/store/dynamo-index-store.js'),
    import('../functions/src/store/file-blob-store.js'),
  ]);
  const { endpoint, credentials, table, blobDir } = JSON.parse(process.argv[3]!) as { endpoint: string; credentials: { accessKeyId: string; secretAccessKey: string }; table: string; blobDir: string };
  const store = new DynamoIndexStore(createDynamoClient({ endpoint, region: 'us-east-1', credentials }), table);
  const server = await serveLocal({ app: createApp({ reader: new IndexReader(store, new FileBlobStore(blobDir)), logError: () => {} }), port: 0 });
  process.send!({ url: server.url });
} else if (process.argv[2] === '--static') {
  // The baseline: the same bytes and content type per path, from a bare node:http server.
  const payloads = new Map<string, { type: string; body: Buffer }>();
  process.on('message', (m: { key: string; type: string; body: string }) => {
    payloads.set(m.key, { type: m.type, body: Buffer.from(m.body) });
    process.send!({ stored: m.key });
  });
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const p = payloads.get(`${req.method} ${req.url}`);
      if (!p) return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': p.type, 'content-length': p.body.length }).end(p.body);
    });
  });
  server.listen(0, '127.0.0.1', () => process.send!({ url: `http://127.0.0.1:${(server.address() as { port: number }).port}` }));
} else {
  await main();
}

// ---- load loop ----------------------------------------------------------------------------------
function once(agent: http.Agent, base: URL, s: Scenario): Promise<{ status: number; type: string; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { agent, host: base.hostname, port: base.port, method: s.method, path: s.path, headers: s.body ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(s.body) } : {} },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode!, type: String(res.headers['content-type']), body: Buffer.concat(chunks) }));
      },
    );
    req.on('error', reject);
    req.end(s.body);
  });
}

interface Result {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

async function load(baseUrl: string, s: Scenario): Promise<Result> {
  const base = new URL(baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const run = async (seconds: number, latencies: number[] | null) => {
    const end = performance.now() + seconds * 1000;
    let errors = 0;
    const worker = async () => {
      while (performance.now() < end) {
        const t = performance.now();
        const res = await once(agent, base, s);
        if (res.status !== 200) errors++;
        latencies?.push(performance.now() - t);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    return errors;
  };
  await run(WARMUP_S, null);
  const latencies: number[] = [];
  const start = performance.now();
  const errors = await run(DURATION_S, latencies);
  const elapsed = (performance.now() - start) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]!;
  return { rps: latencies.length / elapsed, p50: q(0.5), p99: q(0.99), errors };
}

function child(args: string[]): Promise<{ proc: ChildProcess; url: string }> {
  const proc = fork(SELF, args, { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    proc.once('message', (m: { url: string }) => resolve({ proc, url: m.url }));
    proc.once('exit', (code) => reject(new Error(`${args[0]} server exited with ${code}`)));
  });
}

async function main() {
  // Loaded here, not at the top: the two child servers run this file too and need none of it.
  const { publishBenchVersion, BENCH_TABLE } = await import('./publish-version.js');
  const work = mkdtempSync(path.join(tmpdir(), 'equity-atlas-bench-api-'));
  const published = await publishBenchVersion(work);
  const children: ChildProcess[] = [];
  try {
    const { endpoint, credentials, blobDir } = published;
    const api = await child(['--api', JSON.stringify({ endpoint, credentials, table: BENCH_TABLE, blobDir })]);
    children.push(api.proc);
    const baseline = await child(['--static']);
    children.push(baseline.proc);
    for (const s of SCENARIOS) {
      const agent = new http.Agent({ keepAlive: true });
      const res = await once(agent, new URL(api.url), s); // also fills the API's per-version caches
      agent.destroy();
      if (res.status !== 200) throw new Error(`${s.name}: API answered ${res.status}: ${res.body.toString().slice(0, 200)}`);
      await new Promise<void>((resolve) => {
        baseline.proc.once('message', () => resolve());
        baseline.proc.send({ key: `${s.method} ${s.path}`, type: res.type, body: res.body.toString() });
      });
    }

    console.log(`\n${CONCURRENCY} requests in flight, ${DURATION_S} s per run after ${WARMUP_S} s warm-up, keep-alive, loopback, no compression (Node ${process.versions.node})\n`);
    const fmt = (r: Result) => `${Math.round(r.rps).toString().padStart(7)} ${r.p50.toFixed(2).padStart(7)} ${r.p99.toFixed(2).padStart(7)}`;
    console.log(`${'scenario'.padEnd(22)} ${'bytes'.padStart(7)} │ ${'API r/s'.padStart(7)}  p50 ms  p99 ms │ ${'static'.padStart(7)}  p50 ms  p99 ms │ r/s ratio p50 ratio p99 ratio`);
    const results: Record<string, { api: Result; base: Result }> = {};
    for (const s of SCENARIOS) {
      const apiResult = await load(api.url, s);
      const baseResult = await load(baseline.url, s);
      results[s.name] = { api: apiResult, base: baseResult };
      const bytes = (await once(new http.Agent(), new URL(baseline.url), s)).body.length;
      const errors = apiResult.errors ? `  (${apiResult.errors} non-200!)` : '';
      const ratio = (x: number) => x.toFixed(2).padStart(9);
      console.log(`${s.name.padEnd(22)} ${String(bytes).padStart(7)} │ ${fmt(apiResult)} │ ${fmt(baseResult)} │ ${ratio(apiResult.rps / baseResult.rps)} ${ratio(apiResult.p50 / baseResult.p50)} ${ratio(apiResult.p99 / baseResult.p99)}${errors}`);
    }
    const one = results['GET one place']!;
    const custom = results['POST custom weights']!;
    const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');
    console.log(
      `\ngoals: GET one place p99 ≤ 2× baseline: ${(one.api.p99 / one.base.p99).toFixed(2)}× (${verdict(one.api.p99 <= 2 * one.base.p99)}); ≥ 2,000 req/s: ${Math.round(one.api.rps)} (${verdict(one.api.rps >= 2000)}); custom weights p99 < 50 ms: ${custom.api.p99.toFixed(1)} ms (${verdict(custom.api.p99 < 50)})`,
    );
  } finally {
    for (const c of children) c.kill();
    await published.close();
    rmSync(work, { recursive: true, force: true });
  }
}
