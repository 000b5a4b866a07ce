import { beforeAll, describe, expect, it } from 'vitest';
import pointOnFeature from '@turf/point-on-feature';
import { loadConfig } from '../config.js';
import { readSource } from '../sources/source-manifest.js';
import { parseBlockGroups } from '../sources/block-groups.js';
import { parseEjBlockGroups } from '../sources/ej-blockgroups.js';
import { HOSPITALS_SPEC, parseFacilities, type Facility } from '../sources/facilities.js';
import { nearestDistanceKm } from './nearest-distance.js';
import { twoStepCatchment, type DemandPoint, type SupplyPoint } from './two-step-catchment.js';

// Synthetic fixture on the equator, where 0.1° of longitude = 11.12 km (Turf's sphere, R = 6371.0088 km):
//
//   lon   0.00   0.05   0.20   0.35   0.40        5.00
//         D1     H1     D2     H2     D3          D5 (far away)
//   pop   1000   10 bd  2000   30 bd  3000        500
//
// With r = 30 km, H1 reaches D1 (5.6 km) and D2 (16.7 km) but not D3 (38.9 km); H2 reaches D2 and D3.
//   R1 = 10 / (1000 + 2000) = 1/300      R2 = 30 / (2000 + 3000) = 3/500
//   A1 = R1 = 3.333 per 1,000   A2 = R1 + R2 = 9.333   A3 = R2 = 6   A5 = 0 (nothing in reach)
// D4 (unknown population) sits beside H1: it neither dilutes R1 nor gets a value.
// H3 (0 beds) and H4 (unknown beds) sit beside D2 and change nothing.
const synthetic = {
  demand: [
    { id: 'D1', point: [0, 0], population: 1000 },
    { id: 'D2', point: [0.2, 0], population: 2000 },
    { id: 'D3', point: [0.4, 0], population: 3000 },
    { id: 'D4', point: [0.06, 0], population: null },
    { id: 'D5', point: [5, 0], population: 500 },
  ] satisfies DemandPoint[],
  supply: [
    { id: 'H1', point: [0.05, 0], capacity: 10 },
    { id: 'H2', point: [0.35, 0], capacity: 30 },
    { id: 'H3', point: [0.2, 0.01], capacity: 0 },
    { id: 'H4', point: [0.21, 0], capacity: null },
  ] satisfies SupplyPoint[],
};

describe('twoStepCatchment (synthetic, computed by hand)', () => {
  it('gives beds per 1,000 residents from both steps', () => {
    const a = twoStepCatchment(synthetic.demand, synthetic.supply);
    expect([...a.keys()].sort()).toEqual(['D1', 'D2', 'D3', 'D5']);
    expect(a.get('D1')).toBeCloseTo(1000 / 300, 12);
    expect(a.get('D2')).toBeCloseTo(1000 / 300 + 6, 12);
    expect(a.get('D3')).toBeCloseTo(6, 12);
    expect(a.get('D5')).toBe(0);
  });

  it('conserves supply: Σ A_i P_i / 1,000 = total beds with demand in reach', () => {
    const a = twoStepCatchment(synthetic.demand, synthetic.supply);
    const total = synthetic.demand.reduce((s, d) => s + (d.population === null ? 0 : a.get(d.id)! * d.population), 0) / 1000;
    expect(total).toBeCloseTo(40, 10);
  });

  it('narrows with the radius: at 10 km each demand point sees only its own hospital', () => {
    const a = twoStepCatchment(synthetic.demand, synthetic.supply, { radiusKm: 10, perResidents: 1 });
    expect(a.get('D1')).toBeCloseTo(10 / 1000, 12);
    expect(a.get('D2')).toBe(0);
    expect(a.get('D3')).toBeCloseTo(30 / 3000, 12);
  });

  it('names the argument it cannot use', () => {
    expect(() => twoStepCatchment(synthetic.demand, synthetic.supply, { radiusKm: 0 })).toThrow(/options\.radiusKm/);
    expect(() => twoStepCatchment([{ id: 'x', point: [0, 0], population: -1 }], [])).toThrow(/demand\[0\]\.population/);
    expect(() => twoStepCatchment([], [{ id: 'h', point: [0, 0], capacity: Number.NaN }])).toThrow(/supply\[0\]\.capacity/);
    expect(() => twoStepCatchment([synthetic.demand[0]!, synthetic.demand[0]!], [])).toThrow(/demand\[1\]: duplicate id "D1"/);
  });
});

describe('twoStepCatchment on the real block groups and 2018 hospitals', () => {
  const { dataDir } = loadConfig();
  let demand: DemandPoint[];
  let hospitals: Facility[];

  beforeAll(() => {
    const read = (id: string) => readSource(dataDir, id);
    const bg = read('block-groups');
    const ej = read('ej-blockgroups');
    const h = read('hospitals');
    // Population recovered as minority count ÷ minority share (docs/method.md §2); unknown where the share is 0 or missing.
    const recovered = (r: { minorityCount: number; minorityPercent: number | null }) => (r.minorityPercent && r.minorityPercent > 0 ? r.minorityCount / (r.minorityPercent / 100) : null);
    const population = new Map(parseEjBlockGroups(ej.bytes, ej.entry.path).map((r) => [r.id, recovered(r)]));
    demand = parseBlockGroups(bg.bytes, bg.entry.path).map((b) => ({
      id: b.id,
      point: pointOnFeature(b.geometry).geometry.coordinates as [number, number],
      population: population.get(b.id) ?? null,
    }));
    hospitals = parseFacilities(h.bytes, h.entry.path, HOSPITALS_SPEC);
  });

  it('conserves the 14,963 beds of the 74 hospitals that have beds (Dana-Farber has 0)', () => {
    const supply = hospitals.map((h) => ({ id: h.id, point: h.point, capacity: h.beds ?? null }));
    expect(supply.filter((s) => (s.capacity ?? 0) > 0)).toHaveLength(74);
    const a = twoStepCatchment(demand, supply);
    const known = demand.filter((d) => d.population !== null);
    expect(a.size).toBe(known.length);
    // Every hospital has residents within 30 km (even Nantucket's), so all beds are handed out.
    const handedOut = known.reduce((s, d) => s + (a.get(d.id)! * d.population!) / 1000, 0);
    expect(handedOut).toBeCloseTo(14963, 6);
    // Hence the population-weighted mean of A_i is exactly beds ÷ (population with a known count) × 1,000;
    // against the census total (7,029,917) it is only approximate, because block groups whose population
    // cannot be recovered carry no weight.
    const people = known.reduce((s, d) => s + d.population!, 0);
    const mean = known.reduce((s, d) => s + a.get(d.id)! * d.population!, 0) / people;
    expect(mean).toBeCloseTo((14963 / people) * 1000, 9);
    expect(people).toBeGreaterThan(6.5e6);
    expect(people).toBeLessThan(7.1e6);
  });

  it('is 0 exactly where no hospital with beds is within 30 km (Outer Cape, northern Berkshires), and higher in Suffolk than on Nantucket', () => {
    const supply = hospitals.filter((h) => (h.beds ?? 0) > 0).map((h) => ({ id: h.id, point: h.point, capacity: h.beds ?? null }));
    const a = twoStepCatchment(demand, supply);
    const nearest = nearestDistanceKm(demand, supply);
    const zeros = [...a].filter(([, v]) => v === 0).map(([id]) => id);
    expect(zeros.sort()).toEqual([...a.keys()].filter((id) => nearest.get(id)! > 30).sort());
    expect(zeros.length).toBeGreaterThan(0);
    expect(new Set(zeros.map((id) => id.slice(0, 5)))).toEqual(new Set(['25001', '25003'])); // Barnstable, Berkshire
    // Suffolk County (025) block groups all reach Boston's many beds; Nantucket (019) reaches only its 19-bed hospital.
    const nantucket = [...a].filter(([id]) => id.startsWith('25019')).map(([, v]) => v);
    const suffolk = [...a].filter(([id]) => id.startsWith('25025')).map(([, v]) => v);
    expect(Math.min(...suffolk)).toBeGreaterThan(Math.max(...nantucket));
  });
});
