import { beforeAll, describe, expect, it } from 'vitest';
import pointOnFeature from '@turf/point-on-feature';
import distance from '@turf/distance';
import { loadConfig } from '../config.js';
import { readSource } from '../sources/source-manifest.js';
import { parseTowns, type Town } from '../sources/towns.js';
import { parseBlockGroups } from '../sources/block-groups.js';
import { parseEjBlockGroups } from '../sources/ej-blockgroups.js';
import { HOSPITALS_SPEC, parseFacilities } from '../sources/facilities.js';
import { openFacilitiesAsOf, parseHospitalStatusChanges } from '../sources/hospital-status.js';
import { nearestDistanceKm } from './nearest-distance.js';
import { stateLandBorder, type Segment } from './state-land-border.js';
import { borderTownsWhereOutOfStateMayBeCloser, distanceToLandBorderKm } from './border-distance.js';

const km = (a: [number, number], b: [number, number]) => distance(a, b, { units: 'kilometers' });

describe('distanceToLandBorderKm (synthetic)', () => {
  // A border along the equator from 0° to 1° E, and one along the 72° W meridian from 42° to 43° N.
  const equator: Segment[] = [[[0, 0], [0.5, 0]], [[0.5, 0], [1, 0]]];
  const meridian: Segment[] = [[[-72, 42], [-72, 43]]];

  it('measures to the foot of the perpendicular, to an end point beyond the ends, and 0 on the line', () => {
    const d = distanceToLandBorderKm(
      [
        { id: 'above', point: [0.7, 0.1] },
        { id: 'beyond', point: [1.1, 0] },
        { id: 'on', point: [0.25, 0] },
      ],
      equator,
    );
    expect(d.get('above')).toBeCloseTo(km([0.7, 0.1], [0.7, 0]), 9); // 11.12 km
    expect(d.get('beyond')).toBeCloseTo(km([1.1, 0], [1, 0]), 9);
    expect(d.get('on')).toBe(0);
  });

  it('shrinks degrees of longitude by cos(latitude) at Massachusetts latitudes', () => {
    const d = distanceToLandBorderKm([{ id: 'east', point: [-71.9, 42.5] }], meridian).get('east')!;
    expect(d).toBeCloseTo(km([-71.9, 42.5], [-72, 42.5]), 3); // 8.20 km, not the 11.1 km of 0.1° of latitude
    expect(d).toBeCloseTo(8.2, 1);
  });

  it('needs a border', () => {
    expect(() => distanceToLandBorderKm([{ id: 'x', point: [0, 0] }], [])).toThrow(/segments/);
  });
});

describe('borderTownsWhereOutOfStateMayBeCloser (synthetic)', () => {
  it('keeps places nearer the border than their nearest hospital, leaves out places missing a value', () => {
    const hospital = new Map([['far-hospital', 30], ['near-hospital', 2], ['tie', 5], ['no-border-value', 1]]);
    const border = new Map([['far-hospital', 4], ['near-hospital', 10], ['tie', 5], ['no-hospital-value', 1]]);
    expect(borderTownsWhereOutOfStateMayBeCloser(hospital, border)).toEqual(['far-hospital']);
  });

  it('rejects a distance that is not a number of km', () => {
    expect(() => borderTownsWhereOutOfStateMayBeCloser(new Map([['a', 1]]), new Map([['a', Number.NaN]]))).toThrow(/borderKmByTown: "a"/);
    expect(() => borderTownsWhereOutOfStateMayBeCloser(new Map([['a', -1]]), new Map([['a', 1]]))).toThrow(/hospitalKmByTown: "a"/);
  });
});

describe('border towns on the real data (towns, block groups, 2018 hospitals less the closures)', () => {
  const { dataDir } = loadConfig();
  let towns: Town[];
  let flagged2018: string[];
  let flagged2025: string[];
  let borderKm: Map<string, number>;
  let hospitalKm: Map<string, number>;
  const id = (name: string) => towns.find((t) => t.name === name)!.id;
  const names = (ids: readonly string[]) => ids.map((i) => towns.find((t) => t.id === i)!.name);

  beforeAll(() => {
    const read = (sid: string) => readSource(dataDir, sid);
    towns = parseTowns(read('towns').bytes, 'towns');
    const ej = parseEjBlockGroups(read('ej-blockgroups').bytes, 'ej');
    const points = parseBlockGroups(read('block-groups').bytes, 'bg').map((b) => ({ id: b.id, point: pointOnFeature(b.geometry).geometry.coordinates as [number, number] }));
    const hospitals = parseFacilities(read('hospitals').bytes, 'hospitals', HOSPITALS_SPEC);
    const changes = parseHospitalStatusChanges(read('hospital-status-changes').bytes, 'changes', hospitals);

    // Town value = population-weighted mean over its block groups (population recovered as minority ÷ minority share;
    // each block group to the town its EJ row names), the aggregation of the pipeline's nearest-hospital indicator.
    const townByName = new Map(towns.map((t) => [t.name.toUpperCase(), t.id]));
    const members = ej.flatMap((r) => {
      const town = r.municipality ? townByName.get(r.municipality.toUpperCase()) : undefined;
      const population = r.minorityPercent && r.minorityPercent > 0 ? r.minorityCount / (r.minorityPercent / 100) : null;
      return town && population ? [{ id: r.id, town, population }] : [];
    });
    const byTown = (perBlockGroup: Map<string, number>) => {
      const sums = new Map<string, [number, number]>();
      for (const m of members) {
        const v = perBlockGroup.get(m.id);
        if (v === undefined) continue;
        const s = sums.get(m.town) ?? [0, 0];
        sums.set(m.town, [s[0] + v * m.population, s[1] + m.population]);
      }
      return new Map([...sums].map(([t, [num, den]]) => [t, num / den]));
    };
    borderKm = byTown(distanceToLandBorderKm(points, stateLandBorder(towns).segments));
    flagged2018 = borderTownsWhereOutOfStateMayBeCloser(byTown(nearestDistanceKm(points, hospitals)), borderKm);
    hospitalKm = byTown(nearestDistanceKm(points, openFacilitiesAsOf(hospitals, changes, '2025-01-01').open));
    flagged2025 = borderTownsWhereOutOfStateMayBeCloser(hospitalKm, borderKm);
  });

  it('flags the northern Berkshires, whose nearest MA hospital is Pittsfield, ~28 km away', () => {
    expect(names(flagged2025)).toEqual(expect.arrayContaining(['Williamstown', 'North Adams', 'Clarksburg', 'Adams', 'Florida']));
    expect(borderKm.get(id('Williamstown'))).toBeLessThan(5);
    expect(hospitalKm.get(id('North Adams'))).toBeGreaterThan(25);
  });

  it('does not flag Boston, Pittsfield or Great Barrington (a hospital in town; the NY line is ~9 km away)', () => {
    for (const name of ['Boston', 'Pittsfield', 'Great Barrington', 'Worcester', 'Springfield'])
      expect(flagged2025, name).not.toContain(id(name));
    expect(borderKm.get(id('Boston'))).toBeGreaterThan(35);
    expect(borderKm.get(id('Great Barrington'))).toBeGreaterThan(hospitalKm.get(id('Great Barrington'))!);
  });

  it('flags more towns once the 2020–2024 closures are applied (Nashoba Valley: Ayer, Groton)', () => {
    expect(flagged2018.every((t) => flagged2025.includes(t))).toBe(true);
    expect(names(flagged2025.filter((t) => !flagged2018.includes(t)))).toEqual(expect.arrayContaining(['Ayer', 'Groton']));
    expect(flagged2025.length).toBeGreaterThan(60);
    expect(flagged2025.length).toBeLessThan(80);
  });
});
