import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../config.js';
import type { VersionMeta } from '../../indices/place-record.js';
import type { BlobStore, IndexStore } from '../../store/index-store.js';
import { createApp } from '../app.js';
import { IndexReader } from '../index-reader.js';

// The method document is served by the app itself (issue 15, contract 7); /v1/methods links to it.
const meta = { version: 'ma-hei-1.1-20261130T000000Z-abcd', method: { id: 'ma-hei-1.1' }, indicators: [], derivation: {}, sources: [], measures: { town: {}, zcta: {} } } as unknown as VersionMeta;
const store = { getCurrentVersion: async () => meta, getVersion: async () => meta } as unknown as IndexStore;
const blobs: BlobStore = { put: async () => {}, get: async () => null };
const app = createApp({ reader: new IndexReader(store, blobs) });
const onDisk = readFileSync(path.join(REPO_ROOT, 'docs', 'method.md'), 'utf8');

describe('GET /v1/methods/document', () => {
  it('answers docs/method.md as UTF-8 Markdown with its own content ETag', async () => {
    const res = await app.request('/v1/methods/document');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(await res.text()).toBe(onDisk);
    const etag = res.headers.get('etag')!;
    expect(etag).toMatch(/^"method-[0-9a-f]{16}"$/);
    expect((await app.request('/v1/methods/document', { headers: { 'if-none-match': etag } })).status).toBe(304);
  });

  it('is linked from /v1/methods', async () => {
    const body = (await (await app.request('/v1/methods')).json()) as { documentation: string };
    expect(body.documentation).toBe('/v1/methods/document');
  });
});
