import { describe, expect, it } from 'vitest';
import type { PriorityGeographies, PriorityGeographyProperties, PriorityMember } from '../api';
import { explainPriority } from './priority-explanation';

// Synthetic fixture shaped like GET /v1/priority-geographies (values invented, not real data).
const member = (id: string, name: string, role: PriorityMember['role'], percentile: number): PriorityMember => ({
  id,
  name,
  role,
  rank: 1,
  percentile,
  score: 0.9,
  flagCount: 3,
  adjacentTo: [],
  population: 1000,
});
const geography = (props: Pick<PriorityGeographyProperties, 'id' | 'name' | 'status' | 'members' | 'reasons'>) => ({
  type: 'Feature' as const,
  geometry: { type: 'Polygon' as const, coordinates: [] },
  properties: { sourceUrl: null, notes: '', population: null, index: { percentile: 90, bestRank: 1, worstRank: 9, flagCount: 3, membersRanked: 2 }, ...props },
});
const SYNTHETIC: PriorityGeographies = {
  type: 'FeatureCollection',
  version: 'synthetic-1',
  notes: '',
  rule: { minPercentile: 75, maxMembersPerGeography: 5, targetGeographies: 10, targetMunicipalities: 30, text: 'synthetic rule text' },
  features: [
    geography({
      id: 'alpha',
      name: 'Alpha',
      status: 'confirmed',
      members: [member('T1', 'Alpha', 'configured', 99), member('T2', 'Beta', 'adjacent', 80)],
      reasons: [
        { id: 'T1', name: 'Alpha', reason: 'Confirmed AHEM community (synthetic).' },
        { id: 'T2', name: 'Beta', reason: 'Shares a boundary with Alpha (synthetic).' },
      ],
    }),
    geography({
      id: 'derived-gamma',
      name: 'Gamma',
      status: 'derived',
      members: [member('T3', 'Gamma', 'seed', 98)],
      reasons: [{ id: 'T3', name: 'Gamma', reason: 'Seeds this derived geography (synthetic).' }],
    }),
  ],
};

describe('explainPriority', () => {
  it('gives the member reason and a confirmed geography', () => {
    const e = explainPriority('town', 'T2', 80, SYNTHETIC);
    expect(e.member).toBe(true);
    expect(e.geography).toEqual({ id: 'alpha', name: 'Alpha', status: 'confirmed' });
    expect(e.text).toContain('Alpha');
    expect(e.text).toContain('announced AHEM community');
    expect(e.text).toContain('Shares a boundary with Alpha (synthetic).');
  });

  it('never calls a town the rule added an AHEM community, and names the announced one (API basis and reason)', () => {
    const withBasis: PriorityGeographies = {
      ...SYNTHETIC,
      features: [
        geography({
          id: 'alpha',
          name: 'Alpha',
          status: 'confirmed',
          members: [
            { ...member('T1', 'Alpha', 'configured', 99), basis: 'announced', reason: 'Announced AHEM community; ranks 1st most disadvantaged on the overall index (percentile 99).' },
            { ...member('T2', 'Beta', 'adjacent', 80), basis: 'added-by-rule', reason: 'Not an announced AHEM community: added by the index’s rule because it borders Alpha.' },
          ],
          reasons: [],
        }),
      ],
    };
    const beta = explainPriority('town', 'T2', 80, withBasis).text;
    expect(beta).toBe('In the priority geography “Alpha” (confirmed for Alpha, the announced AHEM community). Beta: Not an announced AHEM community: added by the index’s rule because it borders Alpha.');
    const alpha = explainPriority('town', 'T1', 99, withBasis).text;
    expect(alpha).toBe('In the priority geography “Alpha” (confirmed): Alpha is an announced AHEM community. It ranks 1st most disadvantaged on the overall index (percentile 99). The index’s rule added Beta to this geography; it is not an announced AHEM community.');
  });

  it('infers the basis from the role when an older answer has none', () => {
    expect(explainPriority('town', 'T2', 80, SYNTHETIC).text).toMatch(/^In the priority geography “Alpha” \(confirmed for Alpha, the announced AHEM community\)\. Beta: /);
  });

  it('says a derived geography is not official', () => {
    const e = explainPriority('town', 'T3', 98, SYNTHETIC);
    expect(e.member).toBe(true);
    expect(e.geography?.status).toBe('derived');
    expect(e.text).toMatch(/derived from the index, not an official/);
    expect(e.text).toContain('Seeds this derived geography');
  });

  it('explains a percentile below the threshold', () => {
    const e = explainPriority('town', 'T9', 62.34, SYNTHETIC);
    expect(e).toMatchObject({ member: false, geography: null });
    expect(e.text).toContain('percentile 62.3 is below the 75 threshold');
  });

  it('explains a town above the threshold that was not taken, from the rule', () => {
    const e = explainPriority('town', 'T9', 88.5, SYNTHETIC);
    expect(e.member).toBe(false);
    expect(e.text).toContain('ranks at or above the 75 threshold but was not taken');
    expect(e.text).toContain('at most 5 towns per geography');
    expect(e.text).toContain('seeds up to 10 geographies');
  });

  it('treats exactly the threshold as at/above', () => {
    expect(explainPriority('town', 'T9', 75, SYNTHETIC).text).toContain('was not taken');
  });

  it('explains a town without an overall score', () => {
    const e = explainPriority('town', 'T9', null, SYNTHETIC);
    expect(e.member).toBe(false);
    expect(e.text).toContain('no overall index score');
  });

  it('never claims membership for a ZIP code, even if an id collides', () => {
    const e = explainPriority('zcta', 'T1', 99, SYNTHETIC);
    expect(e).toMatchObject({ member: false, geography: null });
    expect(e.text).toContain('sets of municipalities');
  });

  it('relates a ZIP code through the share of its residents in member towns, still without membership', () => {
    const zips = new Map([['01001', { geography: { id: 'g', name: 'Springfield area', status: 'derived' as const }, share: 0.9 }]]);
    const e = explainPriority('zcta', '01001', 99, SYNTHETIC, zips);
    expect(e.member).toBe(false);
    expect(e.geography?.name).toBe('Springfield area');
    expect(e.text).toMatch(/^90 % of its residents live in municipalities of the priority geography “Springfield area”/);
    expect(explainPriority('zcta', '02000', 99, SYNTHETIC, zips).text).toMatch(/None of its residents/);
  });

  it('says when geographies are not loaded', () => {
    const e = explainPriority('town', 'T1', 99, null);
    expect(e).toMatchObject({ member: false, geography: null });
    expect(e.text).toMatch(/not loaded/);
  });
});
