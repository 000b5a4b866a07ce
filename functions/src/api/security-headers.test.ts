import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { VersionMeta } from '../indices/place-record.js';
import type { BlobStore, IndexStore } from '../store/index-store.js';
import { createApp } from './app.js';
import { IndexReader } from './index-reader.js';
import { serveLocal } from './local-server.js';
import { contentSecurityPolicy, securityHeaders } from './security-headers.js';

const meta = { version: 'ma-hei-1.1-20261130T000000Z-abcd', measures: { town: {}, zcta: {} } } as unknown as VersionMeta;
const store = { getCurrentVersion: async () => meta, getVersion: async () => meta, listPlaces: async () => [] } as unknown as IndexStore;
const blobs: BlobStore = { put: async () => {}, get: async () => null };

describe('security headers', () => {
  it('sends the policy on the map, the docs, the API and its errors (served as the local server does)', async () => {
    const web = mkdtempSync(path.join(tmpdir(), 'equity-atlas-web-'));
    writeFileSync(path.join(web, 'index.html'), '<!doctype html><title>map</title>');
    const server = await serveLocal({ app: createApp({ reader: new IndexReader(store, blobs) }), port: 0, webDir: web });
    try {
      for (const route of ['/', '/index.html', '/docs', '/v1/docs', '/v1/health', '/v1/places/town/nope', '/v1/nope']) {
        const res = await fetch(`${server.url}${route}`);
        await res.arrayBuffer();
        for (const [name, value] of Object.entries(securityHeaders())) expect(res.headers.get(name), `${route} ${name}`).toBe(value);
      }
    } finally {
      await server.close();
    }
  });

  it('serves the docs page with nothing inline: its script, start-up script and style sheet are files', async () => {
    const html = await (await createApp({ reader: new IndexReader(store, blobs) }).request('/docs')).text();
    expect(html).toMatch(/<script src="\/v1\/docs\/assets\/[\w.-]+\.js"><\/script>/);
    expect(html).not.toMatch(/<script>|<style|style="/);
    expect(contentSecurityPolicy().split('; ')).toContain("style-src 'self'");
  });

  it('keeps everything on our own origin, no inline scripts and no framing', () => {
    const csp = contentSecurityPolicy('https://abc123.execute-api.us-east-1.amazonaws.com');
    expect(csp.split('; ')).toContain("connect-src 'self' https://abc123.execute-api.us-east-1.amazonaws.com");
    expect(contentSecurityPolicy().split('; ')).toContain("connect-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/unsafe-|blob:|\*/);
  });
});
