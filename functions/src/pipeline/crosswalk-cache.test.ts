import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cachedCrosswalk, crosswalkCacheKey } from './crosswalk-cache.js';
import { parseCachedAreaCrosswalk } from './crosswalk-cache-schemas.js';
import type { AreaCrosswalk } from '../geo/zcta-town-crosswalk.js';

const SHA_Z = 'a'.repeat(64);
const SHA_T = 'b'.repeat(64);
const result: AreaCrosswalk = {
  rows: [{ zcta: '02108', town: '2502507000', intersectionM2: 1_000_000, fracOfZcta: 1, fracOfTown: 0.004 }],
  exceptions: [],
  townExceptions: [],
};

function counting() {
  let calls = 0;
  return { compute: async () => (calls++, result), calls: () => calls };
}

describe('cachedCrosswalk', () => {
  it('computes on a miss, then reads from disk while the boundary checksums are unchanged', async () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), 'xw-cache-')), 'cache');
    const key = crosswalkCacheKey('zcta-town-area', [SHA_Z, SHA_T]);
    const c = counting();
    const first = await cachedCrosswalk(dir, key, c.compute, parseCachedAreaCrosswalk);
    const second = await cachedCrosswalk(dir, key, c.compute, parseCachedAreaCrosswalk);
    expect([first.hit, second.hit, c.calls()]).toEqual([false, true, 1]);
    expect(second.value).toEqual(result);
    expect(readdirSync(dir)).toEqual([`${key}.json`]);
  });

  it('uses a new key when a boundary file, the kind or the kernel version changes', () => {
    const base = crosswalkCacheKey('zcta-town-area', [SHA_Z, SHA_T]);
    expect(crosswalkCacheKey('zcta-town-area', [SHA_Z, 'c'.repeat(64)])).not.toBe(base);
    expect(crosswalkCacheKey('block-group-overlay', [SHA_Z, SHA_T])).not.toBe(base);
    expect(crosswalkCacheKey('zcta-town-area', [SHA_Z, SHA_T], 'another kernel')).not.toBe(base);
    expect(crosswalkCacheKey('zcta-town-area', [SHA_Z, SHA_T])).toBe(base);
  });

  it.each([
    ['not JSON', '{"key": "x", "val'],
    ['the wrong shape', JSON.stringify({ key: 'KEY', value: { rows: [{ zcta: 1 }] } })],
    ['another key', JSON.stringify({ key: 'other', value: result })],
  ])('ignores a cache entry that is %s and recomputes it', async (_what, content) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'xw-cache-'));
    const key = crosswalkCacheKey('zcta-town-area', [SHA_Z, SHA_T]);
    writeFileSync(path.join(dir, `${key}.json`), content.replace('KEY', key));
    const c = counting();
    const got = await cachedCrosswalk(dir, key, c.compute, parseCachedAreaCrosswalk);
    expect([got.hit, c.calls()]).toEqual([false, 1]);
    expect((await cachedCrosswalk(dir, key, c.compute, parseCachedAreaCrosswalk)).hit).toBe(true);
  });
});
