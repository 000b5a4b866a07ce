#!/usr/bin/env node
/**
 * API load benchmark (issue 4; issue 14 "API speed": throughput ≥ 0.5× a static
 * server and p99 ≤ 2× its p99, on this 2-core machine; custom weights p99 < 50 ms).
 *
 * Publishes a real version (pipeline → in-memory DynamoDB Local), starts the
 * API on Node in a child process with production settings (no rate limit: in
 * AWS, API Gateway throttles) and, in another child process, a bare node:http
 * server answering each scenario with the very bytes the API returned (the
 * baseline). autocannon, in this process, drives each server over a real
 * loopback port with `BENCH_CONNECTIONS` keep-alive connections for
 * `BENCH_DURATION_S` after a warm-up, alternating API and baseline
 * `BENCH_ROUNDS` times; it prints the median req/s, p50 and p99 of the rounds
 * and the API/baseline ratios. docs/api-performance.md has the figures.
 *
 *   npm run bench:api
 */
import autocannon from 'autocannon';
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const DURATION_S = Number(process.env.BENCH_DURATION_S || 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 32);
const ROUNDS = Number(process.env.BENCH_ROUNDS || 3);
const WARMUP_S = 1;
const SELF = fileURLToPath(import.meta.url);

interface Scenario {
  name: string;
  method: 'GET' | 'POST';
  path: string;
  body?: string;
  headers?: Record<string, string>;
}
const SCENARIOS: Scenario[] = [
  { name: 'GET one place', method: 'GET', path: '/v1/places/town/2502507000' },
  { name: 'GET one place, gzip', method: 'GET', path: '/v1/places/town/2502507000', headers: { 'accept-encoding': 'gzip' } },
  { name: 'GET list (351 towns)', method: 'GET', path: '/v1/places?level=town' },
  { name: 'GET lookup (point)', method: 'GET', path: '/v1/lookup?lon=-71.0637&lat=42.3588' },
  { name: 'POST custom weights', method: 'POST', path: '/v1/indices/custom', body: JSON.stringify({ level: 'town', weights: { cardiometabolic: 1, maternal_perinatal: 2, social_drivers: 1 } }) },
];
function scenarioKey(method: string, url: string, encoding: string | undefined): string {
  return `${method} ${url} ${encoding ?? ''}`;
}
function requestHeaders(s: Scenario): Record<string, string> {
  return { ...(s.body ? { 'content-type': 'application/json' } : {}), ...s.headers };
}

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
  process.on('message', (m: unknown) => m === 'cpu' && process.send!({ cpu: process.cpuUsage() }));
  process.send!({ url: server.url });
} else if (process.argv[2] === '--static') {
  // The baseline: the same bytes and content type per path, from a bare node:http server.
  const payloads = new Map<string, { headers: Record<string, string>; body: Buffer }>();
  process.on('message', (m: 'cpu' | { key: string; headers: Record<string, string>; body: string }) => {
    if (m === 'cpu') return void process.send!({ cpu: process.cpuUsage() });
    payloads.set(m.key, { headers: m.headers, body: Buffer.from(m.body, 'base64') });
    process.send!({ stored: m.key });
  });
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const p = payloads.get(scenarioKey(req.method!, req.url!, req.headers['accept-encoding']));
      if (!p) return void res.writeHead(404).end();
      res.writeHead(200, { ...p.headers, 'content-length': p.body.length }).end(p.body);
    });
  });
  server.listen(0, '127.0.0.1', () => process.send!({ url: `http://127.0.0.1:${(server.address() as { port: number }).port}` }));
} else {
  await main();
}

// ---- load ---------------------------------------------------------------------------------------
function once(base: string, s: Scenario): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = http.request(new URL(s.path, base), { method: s.method, headers: { ...requestHeaders(s), ...(s.body ? { 'content-length': Buffer.byteLength(s.body) } : {}) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end(s.body);
  });
}

interface Result {
  rps: number;
  p50: number;
  p99: number;
  /** Server CPU (user + system) per answered request: unlike req/s and p99, barely moved by other load on the machine. */
  cpuUs: number;
  errors: number;
}

function serverCpu(proc: ChildProcess): Promise<number> {
  return new Promise((resolve) => {
    const onMessage = (m: { cpu?: NodeJS.CpuUsage }) => {
      if (!m.cpu) return;
      proc.off('message', onMessage);
      resolve(m.cpu.user + m.cpu.system);
    };
    proc.on('message', onMessage);
    proc.send('cpu');
  });
}

async function load(server: { proc: ChildProcess; url: string }, s: Scenario, seconds: number): Promise<Result> {
  const cpu0 = await serverCpu(server.proc);
  const r = await autocannon({ url: new URL(s.path, server.url).href, method: s.method, body: s.body, headers: requestHeaders(s), connections: CONNECTIONS, duration: seconds });
  const cpuUs = (await serverCpu(server.proc)) - cpu0;
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, cpuUs: cpuUs / Math.max(1, r.requests.total), errors: r.errors + r.timeouts + r.non2xx };
}

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function medianResult(rs: Result[]): Result {
  return { rps: median(rs.map((r) => r.rps)), p50: median(rs.map((r) => r.p50)), p99: median(rs.map((r) => r.p99)), cpuUs: median(rs.map((r) => r.cpuUs)), errors: rs.reduce((a, r) => a + r.errors, 0) };
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
    const bytes = new Map<Scenario, number>();
    for (const s of SCENARIOS) {
      const res = await once(api.url, s); // also fills the API's per-version caches
      if (res.status !== 200) throw new Error(`${s.name}: API answered ${res.status}: ${res.body.toString().slice(0, 200)}`);
      bytes.set(s, res.body.length);
      const headers: Record<string, string> = { 'content-type': String(res.headers['content-type']) };
      if (res.headers['content-encoding']) headers['content-encoding'] = String(res.headers['content-encoding']);
      await new Promise<void>((resolve) => {
        baseline.proc.once('message', () => resolve());
        baseline.proc.send({ key: scenarioKey(s.method, s.path, s.headers?.['accept-encoding']), headers, body: res.body.toString('base64') });
      });
    }

    console.log(
      `\nautocannon from this process against each server's loopback port: ${CONNECTIONS} connections, keep-alive, ${DURATION_S} s per run after ${WARMUP_S} s warm-up,` +
        ` API and static alternated ${ROUNDS}× per scenario, medians shown (Node ${process.versions.node}).` +
        `\nAPI with production settings: rate limit off (API Gateway throttles in AWS), compression on (only the gzip row asks for it).` +
        `\nCPU µs: the server process's user + system CPU per answered request, the figure least moved by other load on a shared machine.\n`,
    );
    const fmt = (r: Result) => `${Math.round(r.rps).toString().padStart(7)} ${r.p50.toFixed(1).padStart(6)} ${r.p99.toFixed(1).padStart(6)} ${Math.round(r.cpuUs).toString().padStart(6)}`;
    console.log(`${'scenario'.padEnd(22)} ${'bytes'.padStart(7)} │ ${'API r/s'.padStart(7)} p50 ms p99 ms CPU µs │ ${'static'.padStart(7)} p50 ms p99 ms CPU µs │ r/s ratio p99 ratio CPU ratio`);
    const results: Record<string, { api: Result; base: Result }> = {};
    for (const s of SCENARIOS) {
      const apiRuns: Result[] = [];
      const baseRuns: Result[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        await load(api, s, WARMUP_S);
        apiRuns.push(await load(api, s, DURATION_S));
        await load(baseline, s, WARMUP_S);
        baseRuns.push(await load(baseline, s, DURATION_S));
      }
      const apiResult = medianResult(apiRuns);
      const baseResult = medianResult(baseRuns);
      results[s.name] = { api: apiResult, base: baseResult };
      const errors = apiResult.errors || baseResult.errors ? `  (errors or non-2xx: API ${apiResult.errors}, static ${baseResult.errors})` : '';
      const ratio = (x: number) => x.toFixed(2).padStart(9);
      console.log(`${s.name.padEnd(22)} ${String(bytes.get(s)).padStart(7)} │ ${fmt(apiResult)} │ ${fmt(baseResult)} │ ${ratio(apiResult.rps / baseResult.rps)} ${ratio(apiResult.p99 / baseResult.p99)} ${ratio(apiResult.cpuUs / baseResult.cpuUs)}${errors}`);
    }
    const one = results['GET one place']!;
    const custom = results['POST custom weights']!;
    const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');
    const rpsRatio = one.api.rps / one.base.rps;
    const p99Ratio = one.api.p99 / one.base.p99;
    console.log(
      `\ngoals (GET one place): throughput ≥ 0.5× static: ${rpsRatio.toFixed(2)}× (${Math.round(one.api.rps)} vs ${Math.round(one.base.rps)} req/s, ${verdict(rpsRatio >= 0.5)});` +
        ` p99 ≤ 2× static: ${p99Ratio.toFixed(2)}× (${one.api.p99.toFixed(1)} vs ${one.base.p99.toFixed(1)} ms, ${verdict(p99Ratio <= 2)});` +
        ` custom weights p99 < 50 ms: ${custom.api.p99.toFixed(1)} ms (${verdict(custom.api.p99 < 50)})`,
    );
    const load1 = loadavg()[0]!;
    if (load1 > 2.5) console.log(`note: 1-minute load average ${load1.toFixed(1)} on this machine: other work shared the cores, so req/s and p99 are noisy; compare the CPU column.`);
  } finally {
    for (const c of children) c.kill();
    await published.close();
    rmSync(work, { recursive: true, force: true });
  }
}
