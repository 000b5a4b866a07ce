import { cpSync } from 'node:fs';
import path from 'node:path';

/**
 * The writers of `format=parquet` and `format=gpkg` (≈ 125 KB minified, plus sql.js's
 * 0.7 MB wasm) stay out of the API Lambda bundle: esbuild leaves them external
 * (infra/scripts/english-only-zod.ts) and infra/scripts/bundle-api.ts ships these
 * files beside index.mjs in node_modules, where the first such download imports
 * them. Cold starts, and every other request, never load them. Per package: the files to ship.
 */
export const DOWNLOAD_FORMAT_PACKAGES: Readonly<Record<string, readonly string[]>> = {
  'hyparquet-writer': ['package.json', 'LICENSE', 'src'],
  hyparquet: ['package.json', 'LICENSE', 'src'], // hyparquet-writer's one dependency
  'sql.js': ['package.json', 'LICENSE', 'dist/sql-wasm.js', 'dist/sql-wasm.wasm'],
};

/** Copy the packages' files into `outdir/node_modules` (workspaces hoist them to the repo root's node_modules; their exports maps hide package.json from resolve()). */
export function shipDownloadFormatPackages(repoRoot: string, outdir: string): void {
  for (const [pkg, files] of Object.entries(DOWNLOAD_FORMAT_PACKAGES)) {
    for (const file of files) cpSync(path.join(repoRoot, 'node_modules', pkg, file), path.join(outdir, 'node_modules', pkg, file), { recursive: true });
  }
}
