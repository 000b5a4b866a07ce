import { serve, type ServerType } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { App } from './app.js';

/**
 * Serve the API app on Node, plus the built web app under "/" when `webDir`
 * exists (in AWS, CloudFront serves the web app and Lambda only the API).
 */
export async function serveLocal(options: { app: App; port: number; webDir?: string; hostname?: string }): Promise<{ url: string; server: ServerType; close(): Promise<void> }> {
  const { app, webDir } = options;
  if (webDir && existsSync(path.join(webDir, 'index.html'))) {
    app.get('*', serveStatic({ root: webDir }));
    // Single-page app: any other non-API path gets index.html.
    app.get('*', async (c, next) => (c.req.path.startsWith('/v1/') ? next() : serveStatic({ root: webDir, path: 'index.html' })(c, next)));
  }
  const hostname = options.hostname ?? '127.0.0.1';
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: options.port, hostname }, (info) => {
      resolve({
        url: `http://${hostname === '127.0.0.1' ? 'localhost' : hostname}:${info.port}`,
        server,
        close: () => new Promise<void>((r) => server.close(() => r())),
      });
    });
    server.once('error', reject);
  });
}

/** The client's IP address as the Node server sees it (the rate-limit key locally). */
export function clientAddress(c: Context): string {
  return getConnInfo(c).remote.address ?? 'unknown';
}
