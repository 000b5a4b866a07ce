#!/usr/bin/env node
/**
 * Bundle the API Lambda handler (functions/src/api/lambda.ts) the way the CDK
 * stack does (esbuild, ESM, node22, minified, everything bundled), report its
 * size, and measure module init: a fresh Node process importing the bundle
 * (imports, config, SDK clients, the Hono app), median of several runs.
 *
 *   npm run bench:bundle
 */
import { build, type Plugin } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { REPO_ROOT } from '../functions/src/config.js';
import { apiBundleOptions, englishOnlyZod } from '../infra/scripts/english-only-zod.js';

const RUNS = 7;

/** English-only zod: the variant the stack deploys (infra/scripts/bundle-api.ts). */
const englishOnly = englishOnlyZod(REPO_ROOT);
const outdir = mkdtempSync(path.join(tmpdir(), 'equity-atlas-api-bundle-'));
const outfile = path.join(outdir, 'index.mjs');
try {
  const bundle = (plugins: Plugin[]) => build({ ...apiBundleOptions(REPO_ROOT, outfile, plugins), metafile: true });
  await bundle([englishOnly]);
  const slim = readFileSync(outfile);
  // The English-only bundle must still answer, with zod's English messages: a bad body through the real handler (validation needs no store).
  const check = `const m = await import(${JSON.stringify(outfile)}); const r = await m.handler({ version: '2.0', rawPath: '/v1/indices/custom', rawQueryString: '', headers: { host: 'x', 'content-type': 'application/json' }, body: JSON.stringify({ level: 'nope', weights: { cardiometabolic: 1 } }), requestContext: { http: { method: 'POST', path: '/v1/indices/custom' }, requestId: 'bundle-check' }, isBase64Encoded: false }, {}); process.stdout.write('@@' + r.statusCode + ' ' + JSON.parse(r.body).detail);`;
  const checked = execFileSync(process.execPath, ['--input-type=module', '-e', check], { env: { PATH: process.env.PATH, AWS_REGION: 'us-east-1', DYNAMODB_ENDPOINT: 'http://127.0.0.1:9', TABLE_NAME: 'bench', BLOB_DIR: outdir, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' } }).toString();
  const verdict = checked.slice(checked.indexOf('@@') + 2);
  if (!/^400 level: Invalid option/.test(verdict)) throw new Error(`English-only bundle answered unexpectedly: ${verdict}`);
  const t0 = performance.now();
  const result = await bundle([]);
  const buildMs = performance.now() - t0;
  const bytes = readFileSync(outfile);
  const inputs = Object.entries(result.metafile.outputs[path.relative(process.cwd(), outfile)]?.inputs ?? {});
  const byPackage = new Map<string, number>();
  for (const [file, info] of inputs) {
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file);
    const key = m ? m[1]! : 'functions/src';
    byPackage.set(key, (byPackage.get(key) ?? 0) + info.bytesInOutput);
  }
  console.log(`API Lambda bundle as deployed (English-only zod, infra/scripts/bundle-api.ts): ${(slim.length / 1e6).toFixed(3)} MB minified (${(gzipSync(slim).length / 1e6).toFixed(3)} MB gzip) — goal < 1 MB`);
  console.log(`  baseline, plain esbuild with every zod locale: ${(bytes.length / 1e6).toFixed(3)} MB minified (${(gzipSync(bytes).length / 1e6).toFixed(3)} MB gzip), built in ${Math.round(buildMs)} ms; ratio ${(slim.length / bytes.length).toFixed(2)}`);
  console.log('largest parts:', [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([k, v]) => `${k} ${(v / 1e3).toFixed(0)} KB`).join(', '));

  await bundle([englishOnly]); // measure init on the bundle that is deployed
  // Init = time to import the module (its top level creates config, clients and the app); no network is touched at init.
  const script = `const t = performance.now(); await import(${JSON.stringify(outfile)}); process.stdout.write('@@' + (performance.now() - t).toFixed(1) + ' ' + performance.now().toFixed(1));`;
  const runs = Array.from({ length: RUNS }, () => {
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      env: { PATH: process.env.PATH, AWS_REGION: 'us-east-1', DYNAMODB_ENDPOINT: 'http://127.0.0.1:9', TABLE_NAME: 'bench', BLOB_DIR: outdir, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    }).toString();
    const [imp, total] = out.slice(out.indexOf('@@') + 2).split(' ').map(Number) as [number, number];
    return { imp, total };
  });
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  console.log(`module init (import of the bundle): median ${median(runs.map((r) => r.imp)).toFixed(1)} ms over ${RUNS} runs; process start to ready ${median(runs.map((r) => r.total)).toFixed(1)} ms (Node ${process.versions.node})`);
} finally {
  rmSync(outdir, { recursive: true, force: true });
}
