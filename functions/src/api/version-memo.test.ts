import { describe, expect, it } from 'vitest';
import { VersionMemo } from './version-memo.js';

describe('VersionMemo', () => {
  it('builds once per version, keeps the most recently used few, and retries a failed build', async () => {
    const builds: string[] = [];
    let fail = true;
    const memo = new VersionMemo(async (v) => {
      builds.push(v);
      if (v === 'bad' && fail) throw new Error('store down');
      return `index of ${v}`;
    }, 2);
    expect(await memo.get('v1')).toBe('index of v1');
    await memo.get('v2');
    await memo.get('v1'); // cached, now the most recently used
    await memo.get('v3'); // evicts v2
    expect(memo.versions()).toEqual(['v1', 'v3']);
    await memo.get('v2');
    expect(builds).toEqual(['v1', 'v2', 'v3', 'v2']);
    await expect(memo.get('bad')).rejects.toThrow('store down');
    fail = false;
    expect(await memo.get('bad')).toBe('index of bad');
  });

  it('holds at most three versions by default however many are asked for', async () => {
    const memo = new VersionMemo(async (v) => v);
    for (let i = 0; i < 20; i++) await memo.get(`v${i}`);
    expect(memo.versions()).toEqual(['v17', 'v18', 'v19']);
  });
});
