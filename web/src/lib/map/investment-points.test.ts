import { describe, expect, it } from 'vitest';
import type { Geometry, Investment } from '../api';
import { investmentPeriod, investmentPoints, investmentsByTown } from './investment-points';

// Synthetic towns and grants (test fixture): a shared grant, a grant without a published amount.
const town = (id: string, x: number): Geometry['features'][number] => ({ type: 'Feature', properties: { id, name: `Town ${id}` }, geometry: { type: 'Polygon', coordinates: [[[x, 0], [x + 2, 0], [x + 2, 2], [x, 2], [x, 0]]] } });
const towns: Geometry = { type: 'FeatureCollection', features: [town('a', 0), town('b', 10), town('c', 20)] };
const grant = (id: string, municipalities: string[], amountUsd: number | null): Investment => ({ id, funder: 'F', grantee: 'G', amountUsd, amountNote: null, durationYears: 2, startDate: '2025-02-19', focus: null, sourceUrl: null, municipalities, unmappedPlaces: [], ahemLink: 'confirmed' });

describe('investment points', () => {
  const investments = [grant('shared', ['a', 'b'], 900_000), grant('solo', ['a'], 100_000), grant('unknown', ['b'], null)];

  it('splits a multi-town grant equally and never estimates a missing amount', () => {
    const points = investmentPoints(investments, towns);
    const byId = Object.fromEntries(points.features.map((f) => [f.properties.town, f.properties]));
    expect(byId.a).toMatchObject({ usd: 550_000, unknownCount: 0, count: 2 });
    expect(byId.b).toMatchObject({ usd: 450_000, unknownCount: 1, count: 2 });
    expect(byId.c).toBeUndefined();
    expect(points.features.find((f) => f.properties.town === 'a')!.geometry.coordinates).toEqual([1, 1]);
  });

  it('groups grants under every town they name', () => {
    expect(investmentsByTown(investments).get('b')!.map((i) => i.id)).toEqual(['shared', 'unknown']);
  });

  it('lists a multi-town grant under each town once', () => {
    const g = investmentsByTown([
      { id: 'g1', municipalities: ['a', 'b', 'a'] },
      { id: 'g2', municipalities: ['b'] },
      { id: 'g3', municipalities: [] },
    ]);
    expect(g.get('a')?.map((x) => x.id)).toEqual(['g1']);
    expect(g.get('b')?.map((x) => x.id)).toEqual(['g1', 'g2']);
    expect(g.size).toBe(2);
  });

  it('describes the period, saying what is not published', () => {
    expect(investmentPeriod({ startDate: '2025-02-19', durationYears: 2 })).toBe('from 2025-02-19, for 2 years');
    expect(investmentPeriod({ startDate: '2025-06-11', durationYears: null })).toBe('from 2025-06-11, duration not published');
    expect(investmentPeriod({ startDate: null, durationYears: null })).toBe('period not published');
  });
});
