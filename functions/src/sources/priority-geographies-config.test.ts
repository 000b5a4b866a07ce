import { describe, expect, it } from 'vitest';
import { loadPriorityConfig, parsePriorityConfig } from './priority-geographies-config.js';

const derive = { targetGeographies: 10, targetMunicipalities: 30, maxMembersPerGeography: 5, minPercentile: 75, growConfirmed: true };
const geography = { id: 'x', name: 'X', status: 'confirmed', members: ['2500545000'], sourceUrl: 'https://example.org/x', notes: '' };

describe('priority geographies configuration', () => {
  it('loads the repository file: the six confirmed AHEM communities, each with a source', () => {
    const config = loadPriorityConfig();
    expect(config.geographies.map((g) => g.id)).toEqual(['new-bedford', 'chicopee', 'brockton', 'lawrence', 'lowell', 'ayer-nashoba-valley']);
    for (const g of config.geographies) expect(g).toMatchObject({ status: 'confirmed', sourceUrl: expect.stringMatching(/^https?:\/\//) });
    expect(config.derive.targetGeographies).toBe(10);
  });

  it('requires a source URL for confirmed geographies and names the field', () => {
    expect(() => parsePriorityConfig(JSON.stringify({ derive, geographies: [{ ...geography, sourceUrl: null }] }))).toThrow(/geographies\.0\.sourceUrl: a confirmed geography needs its public sourceUrl/);
  });

  it('rejects malformed GEOIDs and duplicate ids', () => {
    expect(() => parsePriorityConfig(JSON.stringify({ derive, geographies: [{ ...geography, members: ['New Bedford'] }] }))).toThrow(/geographies\.0\.members\.0/);
    expect(() => parsePriorityConfig(JSON.stringify({ derive, geographies: [geography, geography] }))).toThrow(/duplicate geography id "x"/);
  });
});
