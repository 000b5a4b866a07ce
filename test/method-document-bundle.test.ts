import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { REPO_ROOT } from '../functions/src/config.js';

// The API Lambda serves docs/method.md: the deploy's bundle step (infra/scripts/bundle-api.ts) ships it beside
// the handler, which reads it under the task root. Run that step, then the handler alone in its directory.
const outdir = mkdtempSync(path.join(tmpdir(), 'equity-atlas-method-bundle-'));
afterAll(() => rmSync(outdir, { recursive: true, force: true }));

it('the deployed API bundle serves /v1/methods/document', () => {
  execFileSync(process.execPath, [path.join(REPO_ROOT, 'node_modules/tsx/dist/cli.mjs'), 'infra/scripts/bundle-api.ts', outdir], { cwd: REPO_ROOT, stdio: 'pipe' });
  const outfile = path.join(outdir, 'index.mjs');
  const call = `const m = await import(${JSON.stringify(outfile)}); const r = await m.handler({ version: '2.0', rawPath: '/v1/methods/document', rawQueryString: '', headers: { host: 'x' }, requestContext: { http: { method: 'GET', path: '/v1/methods/document' }, requestId: 'method-doc' }, isBase64Encoded: false }, {}); process.stdout.write('@@' + JSON.stringify({ status: r.statusCode, type: r.headers['content-type'], body: r.isBase64Encoded ? Buffer.from(r.body, 'base64').toString('utf8') : r.body }));`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', call], {
    cwd: outdir,
    env: { PATH: process.env.PATH, LAMBDA_TASK_ROOT: outdir, AWS_REGION: 'us-east-1', DYNAMODB_ENDPOINT: 'http://127.0.0.1:9', TABLE_NAME: 'bundle-test', BLOB_DIR: outdir, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  }).toString();
  const answer = JSON.parse(out.slice(out.indexOf('@@') + 2)) as { status: number; type: string; body: string };
  expect(answer.status).toBe(200);
  expect(answer.type).toBe('text/markdown; charset=utf-8');
  expect(answer.body).toBe(readFileSync(path.join(REPO_ROOT, 'docs', 'method.md'), 'utf8'));
}, 180_000);
