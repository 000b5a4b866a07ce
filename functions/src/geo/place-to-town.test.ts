import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { parsePlacesMeasures, PLACES_PLACE_SPEC, type PlacesRow } from '../sources/places-measures.js';
import { readSource } from '../sources/source-manifest.js';
import { parseTowns, type Town } from '../sources/towns.js';
import { placeToTown, PLACE_JOIN_TOLERANCE_KM } from './place-to-town.js';

// The real PLACES 2022 place file (244 Massachusetts cities and CDPs) against the full-resolution town outlines.
describe('placeToTown on the real files', () => {
  let places: PlacesRow[];
  let towns: Town[];
  beforeAll(() => {
    const { dataDir } = loadConfig();
    const p = readSource(dataDir, 'places-place');
    const t = readSource(dataDir, 'towns');
    places = parsePlacesMeasures(p.bytes, p.entry.path, PLACES_PLACE_SPEC);
    towns = parseTowns(t.bytes, t.entry.path);
  });

  it('joins every one of the 244 places to a town', () => {
    const joins = placeToTown(places.map((p) => ({ id: p.id, point: p.point! })), towns);
    expect(places).toHaveLength(244);
    expect([...joins.values()].filter((j) => j.town === null)).toEqual([]);
  });

  it('joins Gloucester, whose city point lies just off the shoreline-clipped outline, to Gloucester by the nearest outline', () => {
    const gloucester = places.find((p) => p.name === 'Gloucester')!;
    const join = placeToTown([{ id: gloucester.id, point: gloucester.point! }], towns).get(gloucester.id)!;
    expect(join.how).toBe('nearest');
    expect(join.km).toBeLessThan(0.01);
    expect(towns.find((t) => t.id === join.town)!.name.toUpperCase()).toBe('GLOUCESTER');
  });

  it('puts each city place in the town of the same name', () => {
    const joins = placeToTown(places.map((p) => ({ id: p.id, point: p.point! })), towns);
    const byId = new Map(towns.map((t) => [t.id, t.name.toUpperCase()]));
    const sameName = places.filter((p) => towns.some((t) => t.name.toUpperCase() === p.name!.toUpperCase()) && !/ (CDP|Town)$/i.test(p.name!));
    expect(sameName.length).toBeGreaterThan(40);
    const mismatched = sameName.filter((p) => byId.get(joins.get(p.id)!.town!) !== p.name!.toUpperCase()).map((p) => p.name);
    expect(mismatched).toEqual([]);
  });

  it('does not join a point farther than the tolerance from every town (synthetic: the open Atlantic)', () => {
    const join = placeToTown([{ id: 'sea', point: [-69.0, 41.5] }], towns).get('sea')!;
    expect(join).toEqual({ town: null, how: null });
    expect(PLACE_JOIN_TOLERANCE_KM).toBe(0.25);
  });
});
