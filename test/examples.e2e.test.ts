import { execFile, execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../functions/src/config.js';
import { createApp } from '../functions/src/api/app.js';
import { IndexReader } from '../functions/src/api/index-reader.js';
import { serveLocal } from '../functions/src/api/local-server.js';
import { publishedStore } from './support/published-store.js';
import { commandAvailability } from './support/tool-availability.js';

// docs/examples against the API on a free port over a real published version (issue 15, contracts 7 and 9).
const run = promisify(execFile); // async: the server answering the script runs in this process
let ctx: Awaited<ReturnType<typeof publishedStore>>;
let server: Awaited<ReturnType<typeof serveLocal>>;

beforeAll(async () => {
  ctx = await publishedStore();
  server = await serveLocal({ app: createApp({ reader: new IndexReader(ctx.store, ctx.blobs) }), port: 0 });
}, 600_000);
afterAll(async () => {
  await server?.close();
  ctx?.cleanup();
});

const script = path.join(REPO_ROOT, 'docs/examples/reproduce_lbw_ratio.py');
const manifest = (JSON.parse(readFileSync(path.join(REPO_ROOT, 'data/sources.json'), 'utf8')) as { sources: { id: string; license: string }[] }).sources;

// .ci/run installs python3 where it is missing.
const python = commandAvailability('python3', ['--version'], 'the Python standard-library example', 'apt-get install -y python3');

describe.runIf(python.run)('docs/examples/reproduce_lbw_ratio.py (Python standard library)', () => {
  it('pins the current version, joins the CSV to the GeoJSON and reproduces the published rate ratio', async () => {
    const { stdout } = await run('python3', [script, '--base', server.url], { timeout: 120_000 });
    const version = ctx.result.version;
    expect(stdout).toContain(`Using the current version ${version}; pin it with --version ${version}`);
    expect(stdout).toMatch(/CSV: 351 towns, \d+ with a value/);
    expect(stdout).toMatch(/GeoJSON: 351 features, 351 with geometry/);
    const res = await fetch(`${server.url}/v1/disparities?indicator=low_birth_weight&level=town&version=${version}`);
    const published = ((await res.json()) as { worstVsBestDecile: { rateRatio: number } }).worstVsBestDecile.rateRatio;
    expect(stdout).toContain(`Rate ratio, published by GET /v1/disparities: ${published.toFixed(6)}`);
    expect(stdout).toContain(`Rate ratio, reproduced from the CSV:          ${published.toFixed(6)}`);
    expect(stdout).toContain('OK: the published figure is reproduced');
  }, 180_000);

  it('exits non-zero with the problem detail for an unknown version', async () => {
    const failed = await run('python3', [script, '--base', server.url, '--version', 'no-such-version'], { timeout: 60_000 }).catch((err: { code: number; stderr: string }) => err);
    expect('code' in failed && failed.code).toBe(1);
    expect((failed as { stderr: string }).stderr).toContain('No published version "no-such-version"');
  });
});

/** The first command that runs `check` without error (pandas and R are optional here: CI installs neither). */
function firstWorking(candidates: string[][]): string[] | null {
  for (const [cmd, ...args] of candidates) {
    try {
      execFileSync(cmd!, args, { stdio: 'ignore' });
      return [cmd!];
    } catch {
      // not installed
    }
  }
  return null;
}
const pandasPython = firstWorking([['python3', '-c', 'import pandas'], ['/usr/bin/python3', '-c', 'import pandas']]);
const rscript = firstWorking([['Rscript', '-e', 'library(jsonlite)']]);

describe('the pandas and R variants (where pandas / R with jsonlite are installed)', () => {
  it.skipIf(!pandasPython)('reproduce_lbw_ratio_pandas.py reproduces the same published rate ratio', async () => {
    const { stdout } = await run(pandasPython![0]!, [path.join(REPO_ROOT, 'docs/examples/reproduce_lbw_ratio_pandas.py'), '--base', server.url, '--version', ctx.result.version], { timeout: 120_000 });
    expect(stdout).toMatch(/351 towns; 351 joined to an outline/);
    expect(stdout).toContain('OK: the published figure is reproduced');
  }, 180_000);

  it.skipIf(!rscript)('reproduce_lbw_ratio.R reproduces the same published rate ratio', async () => {
    const { stdout } = await run('Rscript', [path.join(REPO_ROOT, 'docs/examples/reproduce_lbw_ratio.R'), server.url, ctx.result.version], { timeout: 120_000 });
    expect(stdout).toMatch(/351 towns; 351 joined to an outline/);
    expect(stdout).toContain('OK: the published figure is reproduced');
  }, 180_000);
});

describe('citing a version: GET /v1/versions/{id}', () => {
  it('gives the content hash and code revision, an outputs licence, a citation naming the version and date, and each source with licence, publisher and landing page', async () => {
    const body = (await (await fetch(`${server.url}/v1/versions/${ctx.result.version}`)).json()) as Record<string, unknown> & {
      sources: { id: string; license: string; publisher: string; landingPage: string }[];
      license: { outputs: string; code: string; sourcesRequiringAttribution: string[]; attribution: string };
      provenance: { contentSha256: string; inputs: Record<string, string> };
    };
    expect(body.contentSha256).toBe(ctx.result.contentSha256);
    expect(body.provenance.contentSha256).toBe(ctx.result.contentSha256);
    expect(body.codeRevision).toBe('unknown'); // publishedStore passes none
    expect(body.license).toMatchObject({ outputs: 'CC-BY-4.0', code: 'MIT' });
    expect(body.citation).toContain(ctx.result.version);
    expect(body.citation).toContain(`published ${(body.createdAt as string).slice(0, 10)}`);
    expect(body.sources.map((s) => s.id).sort()).toEqual(manifest.map((s) => s.id).sort());
    for (const s of body.sources) {
      expect(s.license, s.id).toBe(manifest.find((m) => m.id === s.id)!.license); // as the publisher states it, never invented
      expect(s.publisher.length, s.id).toBeGreaterThan(0);
      expect(s.landingPage, s.id).toMatch(/^https:\/\//);
      expect(body.provenance.inputs[s.id], s.id).toMatch(/^[0-9a-f]{64}$/);
    }
    const attributionAsked = manifest.filter((m) => /attribution/i.test(m.license)).map((m) => m.id);
    expect(body.license.sourcesRequiringAttribution.sort()).toEqual(attributionAsked.sort());
    expect(attributionAsked).toContain('towns'); // MassGIS asks for attribution
  });

  it('cites the public site, not the host that happened to answer (behind CloudFront that is API Gateway\'s)', async () => {
    const app = createApp({ reader: new IndexReader(ctx.store, ctx.blobs), siteOrigins: ['https://d111.cloudfront.net', 'https://atlas.example.org'] });
    const body = (await (await app.request(`https://abc123.execute-api.us-east-1.amazonaws.com/v1/versions/${ctx.result.version}`)).json()) as { citation: string };
    expect(body.citation).toMatch(new RegExp(`https://atlas\\.example\\.org/v1/versions/${ctx.result.version}$`));
  });
});

describe('CITATION.cff and LICENSE', () => {
  it('CITATION.cff is CFF 1.2.0 YAML with the required keys and asks to cite the version id', () => {
    const cff = parse(readFileSync(path.join(REPO_ROOT, 'CITATION.cff'), 'utf8')) as Record<string, unknown> & { authors: { name: string }[]; 'preferred-citation': Record<string, unknown> };
    expect(cff['cff-version']).toBe('1.2.0');
    for (const key of ['message', 'title', 'authors', 'version', 'date-released', 'license']) expect(cff[key], key).toBeTruthy();
    expect(cff.authors).toEqual([{ name: 'Equity Atlas contributors' }]);
    expect(String(cff['date-released'])).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const pkg = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string; license: string };
    expect(cff.version).toBe(pkg.version);
    expect(cff.license).toBe(pkg.license);
    expect(cff.message).toMatch(/version id/);
    expect(cff['preferred-citation']).toMatchObject({ type: 'data', authors: [{ name: 'Equity Atlas contributors' }] });
    expect(readFileSync(path.join(REPO_ROOT, 'LICENSE'), 'utf8')).toMatch(/^MIT License/);
  });
});
