#!/usr/bin/env node
/**
 * Re-bundle the API Lambda into OUTDIR/index.mjs with English-only zod, so the
 * handler stays under 1 MB minified (issue 4). CDK's NodejsFunction takes no
 * esbuild plugins, so the API functions run this from their afterBundling
 * hook, replacing the bundle NodejsFunction made with the same options.
 *
 *   tsx infra/scripts/bundle-api.ts OUTDIR
 */
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { apiBundleOptions, englishOnlyZod } from './english-only-zod.js';
import { SWAGGER_UI_FILES } from '../../functions/src/api/docs-page.js';
import { shipDownloadFormatPackages } from '../../functions/src/api/download-formats/packages.js';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const API_BUNDLE_LIMIT_BYTES = 1_000_000;

const outdir = process.argv[2];
if (!outdir) {
  process.stderr.write('usage: tsx infra/scripts/bundle-api.ts OUTDIR\n');
  process.exit(2);
}
const outfile = path.join(outdir, 'index.mjs');
// Same options as NodejsFunction's bundle (and bench:bundle), plus source maps and the English-only zod plugin.
await build({ ...apiBundleOptions(REPO_ROOT, outfile, [englishOnlyZod(REPO_ROOT)]), sourcemap: true, sourcesContent: false });
const size = statSync(outfile).size;
if (size >= API_BUNDLE_LIMIT_BYTES) {
  process.stderr.write(`API bundle is ${size} bytes, over the ${API_BUNDLE_LIMIT_BYTES}-byte budget\n`);
  process.exit(1);
}
process.stdout.write(`API bundle ${(size / 1e6).toFixed(3)} MB (English-only zod)\n`);
// The API reference's Swagger UI files (docs-page.ts) are too big for the bundle's budget: they ship beside it,
// where the handler resolves them as it does locally (node_modules/swagger-ui-dist next to index.mjs).
const swaggerFrom = path.dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
const swaggerTo = path.join(outdir, 'node_modules', 'swagger-ui-dist');
mkdirSync(swaggerTo, { recursive: true });
for (const file of ['package.json', 'LICENSE', 'NOTICE', ...SWAGGER_UI_FILES]) copyFileSync(path.join(swaggerFrom, file), path.join(swaggerTo, file));
// The method document of /v1/methods/document (method-document.ts) likewise: ≈ 53 KB, read from <task root>/docs.
mkdirSync(path.join(outdir, 'docs'), { recursive: true });
copyFileSync(path.join(REPO_ROOT, 'docs', 'method.md'), path.join(outdir, 'docs', 'method.md'));
// The Parquet and GeoPackage writers, external to the bundle (download-formats/packages.ts), go beside it the same way.
shipDownloadFormatPackages(REPO_ROOT, outdir);
