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
