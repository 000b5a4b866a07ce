import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Hono } from 'hono';
import { PROBLEM_BASE, problemResponse } from './problem.js';

/**
 * The API reference (/docs and /v1/docs): Swagger UI (swagger-ui-dist) rendering
 * /v1/openapi.json, with every asset served from our own origin under
 * /v1/docs/assets/ — the CSP allows only 'self' scripts and styles, and /v1/* is
 * the path CloudFront forwards to the API, so the same URLs work locally and in AWS.
 * In Lambda the files come from node_modules/swagger-ui-dist next to the bundle
 * (infra/scripts/bundle-api.ts copies them), as they do locally.
 */
export const DOCS_ASSET_BASE = '/v1/docs/assets/';
const SPEC_URL = '/v1/openapi.json';

/** Our start-up script: a file, not inline, so the CSP needs no 'unsafe-inline'. validatorUrl null: no call to swagger.io. */
export const DOCS_INIT_SCRIPT = `window.ui = SwaggerUIBundle({
  url: ${JSON.stringify(SPEC_URL)},
  dom_id: '#swagger-ui',
  deepLinking: true,
  validatorUrl: null,
  displayOperationId: true,
  defaultModelsExpandDepth: 0,
  presets: [SwaggerUIBundle.presets.apis],
  layout: 'BaseLayout'
});
`;

/** The files the page loads, by the name they are served under, and where they come from. */
const ASSETS: Record<string, { type: string; from: 'swagger-ui-dist' | 'inline' }> = {
  'swagger-ui.css': { type: 'text/css; charset=utf-8', from: 'swagger-ui-dist' },
  'swagger-ui-bundle.js': { type: 'text/javascript; charset=utf-8', from: 'swagger-ui-dist' },
  'docs-init.js': { type: 'text/javascript; charset=utf-8', from: 'inline' },
};

/** The swagger-ui-dist files this page needs (for the Lambda bundle to copy). */
export const SWAGGER_UI_FILES = Object.entries(ASSETS).flatMap(([name, a]) => (a.from === 'swagger-ui-dist' ? [name] : []));

export function renderDocsPage(title: string): string {
  const esc = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)} — reference</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${DOCS_ASSET_BASE}swagger-ui.css">
</head><body>
<noscript><p>This page needs JavaScript. The machine-readable description is <a href="${SPEC_URL}">${SPEC_URL}</a> (OpenAPI 3.1).</p></noscript>
<div id="swagger-ui"></div>
<script src="${DOCS_ASSET_BASE}swagger-ui-bundle.js"></script>
<script src="${DOCS_ASSET_BASE}docs-init.js"></script>
</body></html>`;
}

function readAsset(name: string): string {
  if (ASSETS[name]!.from === 'inline') return DOCS_INIT_SCRIPT;
  const dir = path.dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
  return readFileSync(path.join(dir, name), 'utf8');
}

/** /docs, /v1/docs and their assets; files are read once, on first use, and revalidated by a content ETag. */
export function docsRoutes(title: string): Hono {
  const html = renderDocsPage(title);
  const loaded = new Map<string, { body: string; etag: string }>();
  const app = new Hono();
  app.get('/docs', (c) => c.html(html));
  app.get('/v1/docs', (c) => c.html(html));
  app.get(`${DOCS_ASSET_BASE}:name`, (c) => {
    const name = c.req.param('name');
    if (!Object.hasOwn(ASSETS, name)) {
      return problemResponse(c, 404, { type: `${PROBLEM_BASE}not-found`, title: 'Not found', detail: `No docs asset "${name}".`, instance: c.req.path });
    }
    let asset = loaded.get(name);
    if (!asset) {
      const body = readAsset(name);
      asset = { body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"` };
      loaded.set(name, asset);
    }
    if (c.req.header('if-none-match') === asset.etag) return c.body(null, 304, { etag: asset.etag });
    // A day, then revalidated: the files change only with a deploy of a new swagger-ui-dist.
    return c.body(asset.body, 200, { 'content-type': ASSETS[name]!.type, etag: asset.etag, 'cache-control': 'public, max-age=86400' });
  });
  return app;
}
