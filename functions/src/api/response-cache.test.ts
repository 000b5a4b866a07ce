import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { ResponseCache } from './response-cache.js';

describe('ResponseCache', () => {
  it('builds each key once, serves the same bytes as JSON, and evicts the least recently used', async () => {
    const cache = new ResponseCache(2);
    const builds: string[] = [];
    const app = new Hono().get('/:k', (c) => cache.json(c, c.req.param('k'), () => (builds.push(c.req.param('k')), { k: c.req.param('k') })));
    const get = async (k: string) => {
      const res = await app.request(`/${k}`);
      expect(res.headers.get('content-type')).toBe('application/json');
      return res.json();
    };
    expect(await get('a')).toEqual({ k: 'a' });
    await get('b');
    await get('a'); // a is now the most recently used
    await get('c'); // evicts b
    await get('a');
    await get('b');
    expect(builds).toEqual(['a', 'b', 'c', 'b']);
  });
});

describe('ResponseCache byte bound', () => {
  const app = (cache: ResponseCache, builds: string[]) =>
    new Hono().get('/:k/:n', (c) => cache.json(c, c.req.param('k'), () => (builds.push(c.req.param('k')), 'x'.repeat(Number(c.req.param('n')) - 2))));

  it('evicts the least recently used answers to stay within its bytes, whatever the entry count', async () => {
    const cache = new ResponseCache(1_000, { maxBytes: 100 });
    const builds: string[] = [];
    const api = app(cache, builds);
    await api.request('/a/40'); // JSON string: 40 bytes with its quotes
    await api.request('/b/40');
    expect(cache.size).toEqual({ entries: 2, bytes: 80 });
    await api.request('/a/40'); // a is now the most recently used
    await api.request('/c/40'); // 120 > 100: evicts b
    expect(cache.size).toEqual({ entries: 2, bytes: 80 });
    await api.request('/a/40');
    await api.request('/b/40');
    expect(builds).toEqual(['a', 'b', 'c', 'b']);
  });

  it('serves but does not keep an answer larger than the budget', async () => {
    const cache = new ResponseCache(1_000, { maxBytes: 100 });
    const builds: string[] = [];
    const api = app(cache, builds);
    await api.request('/small/10');
    const res = await api.request('/big/101');
    expect((await res.text()).length).toBe(101);
    await api.request('/big/101');
    expect(builds).toEqual(['small', 'big', 'big']);
    expect(cache.size).toEqual({ entries: 1, bytes: 10 });
  });

  it('holds and counts UTF-8 bytes, so a "—" costs its three bytes, not a two-byte copy of the whole answer', async () => {
    const cache = new ResponseCache(1_000, { maxBytes: 100 });
    const api = new Hono().get('/:k', (c) => cache.json(c, c.req.param('k'), () => 'Chicopee — Holyoke'));
    const res = await api.request('/dash');
    expect(await res.json()).toBe('Chicopee — Holyoke');
    expect(cache.size.bytes).toBe(Buffer.byteLength(JSON.stringify('Chicopee — Holyoke')));
    expect(cache.size.bytes).toBe(22);
  });

  it('keeps distinct ~600 KB list pages (the RSS case of issue 14) within the default 64 MiB', async () => {
    const cache = new ResponseCache();
    const page = 'p'.repeat(600_000);
    const api = new Hono().get('/:k', (c) => cache.json(c, c.req.param('k'), () => ({ page, k: c.req.param('k') })));
    for (let i = 0; i < 200; i++) await api.request(`/${i}`); // 120 MB of answers
    expect(cache.size.bytes).toBeLessThanOrEqual(64 * 1024 * 1024);
    expect(cache.size.entries).toBe(111); // 64 MiB / ~600 KB: the byte bound held, not the 2,000 entries
  });
});
