import { describe, expect, it } from 'vitest';
import type { IndexReader } from '../index-reader.js';
import { currentPriorityGeographies } from './priority-geographies.js';

// A version stored before members carried `basis` (synthetic two-town geography).
const stored = JSON.stringify({
  type: 'FeatureCollection',
  version: 'v-old',
  features: [
    {
      type: 'Feature',
      geometry: null,
      properties: {
        id: 'g',
        name: 'Town A',
        status: 'confirmed',
        members: [
          { id: 'a', name: 'Town A', role: 'configured', rank: 4, percentile: 99, adjacentTo: ['b'] },
          { id: 'b', name: 'Town B', role: 'adjacent', rank: 9, percentile: 97, adjacentTo: ['a'] },
        ],
      },
    },
  ],
});
const reader = (json: string) => ({ requireCurrentVersion: async () => ({ version: 'v-old' }), blob: async () => json }) as unknown as IndexReader;

describe('currentPriorityGeographies', () => {
  it('adds basis and reason to members of a version published without them', async () => {
    const { json, collection } = await currentPriorityGeographies(reader(stored));
    const [a, b] = collection().features[0]!.properties.members;
    expect(a).toMatchObject({ id: 'a', role: 'configured', basis: 'announced' });
    expect(b).toMatchObject({ id: 'b', role: 'adjacent', basis: 'added-by-rule', reason: expect.stringContaining('borders Town A') });
    expect((await currentPriorityGeographies(reader(stored))).json).toBe(json); // computed once per version
  });

  it('serves a collection that already has them byte for byte', async () => {
    const current = stored.replace('"role":"configured"', '"role":"configured","basis":"announced","reason":"r"');
    expect((await currentPriorityGeographies(reader(current))).json).toBe(current);
  });
});
