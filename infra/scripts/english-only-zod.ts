import path from 'node:path';
import type { BuildOptions, Plugin } from 'esbuild';
import { DOWNLOAD_FORMAT_PACKAGES } from '../../functions/src/api/download-formats/packages.js';

/**
 * zod 4 bundles every error-message locale (≈ 260 KB minified) because its `z`
 * namespace re-exports them; the API only answers in English. This esbuild
 * plugin resolves zod's locale index to English only. Shared by the Lambda
 * build (infra/scripts/bundle-api.ts) and `npm run bench:bundle`.
 */
export function englishOnlyZod(repoRoot: string): Plugin {
  return {
    name: 'english-only-zod',
    setup(b) {
      b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
        args.importer.includes(`${path.sep}zod${path.sep}`) ? { path: 'zod-locales-en', namespace: 'zod-en' } : undefined,
      );
      b.onLoad({ filter: /.*/, namespace: 'zod-en' }, () => ({
        contents: `export { default as en } from ${JSON.stringify(path.join(repoRoot, 'node_modules/zod/v4/locales/en.js'))};`,
        resolveDir: repoRoot,
      }));
    },
  };
}

/**
 * esbuild options of the API Lambda bundle, as the stack builds it (ESM for
 * Node 22, minified, everything bundled, `require` shim for CommonJS deps).
 */
export function apiBundleOptions(repoRoot: string, outfile: string, plugins: Plugin[]): BuildOptions {
  return {
    entryPoints: [path.join(repoRoot, 'functions/src/api/lambda.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    mainFields: ['module', 'main'],
    minify: true,
    outfile,
    logLevel: 'warning',
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    plugins,
    // Loaded only by format=parquet / gpkg downloads; shipped beside the bundle by bundle-api.ts.
    external: Object.keys(DOWNLOAD_FORMAT_PACKAGES),
  };
}
