import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { REPO_ROOT } from '../functions/src/config.js';
import { apiBundleOptions } from '../infra/scripts/english-only-zod.js';

// The API Lambda carries docs/method.md inside its bundle: the bundle, alone in a directory without docs/,
// still serves it (a runtime file read would fail there).
const outdir = mkdtempSync(path.join(tmpdir(), 'equity-atlas-method-bundle-'));
afterAll(() => rmSync(outdir, { recursive: true, force: true }));

it('serves /v1/methods/document from the bundled string', async () => {
  const outfile = path.join(outdir, 'index.mjs');
  await build({ ...apiBundleOptions(REPO_ROOT, outfile, []), minify: false });
  const call = `const m = await import(${JSON.stringify(outfile)}); const r = await m.handler({ version: '2.0', rawPath: '/v1/methods/document', rawQueryString: '', headers: { host: 'x' }, requestContext: { http: { method: 'GET', path: '/v1/methods/document' }, requestId: 'method-doc' }, isBase64Encoded: false }, {}); process.stdout.write('@@' + JSON.stringify({ status: r.statusCode, body: r.isBase64Encoded ? Buffer.from(r.body, 'base64').toString('utf8') : r.body }));`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', call], {
    cwd: outdir,
    env: { PATH: process.env.PATH, AWS_REGION: 'us-east-1', DYNAMODB_ENDPOINT: 'http://127.0.0.1:9', TABLE_NAME: 'bundle-test', BLOB_DIR: outdir, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  }).toString();
  const answer = JSON.parse(out.slice(out.indexOf('@@') + 2)) as { status: number; body: string };
  expect(answer.status).toBe(200);
  expect(answer.body).toBe(readFileSync(path.join(REPO_ROOT, 'docs', 'method.md'), 'utf8'));
}, 120_000);
