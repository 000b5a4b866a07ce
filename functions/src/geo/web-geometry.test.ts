import { readFileSync } from 'node:fs';
import path from 'node:path';
import area from '@turf/area';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { loadGeos } from './geos-kernel.js';
import { gridRoundValid, invalidReason, roundGeometry, webGeometry } from './web-geometry.js';

type Area = Polygon | MultiPolygon;
const { dataDir } = loadConfig();
const zctas = (JSON.parse(readFileSync(path.join(dataDir, 'zcta/ma_zcta2010_cb2019_500k.geojson'), 'utf8')).features as Feature<Area, { ZCTA5CE10: string }>[]).filter((f) => f.geometry);
const zcta = (id: string) => zctas.find((f) => f.properties.ZCTA5CE10 === id)!.geometry;
const coords = (g: Area) => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates).flat(3) as number[];

describe('display geometry stays valid when its coordinates are rounded', () => {
  it('naive 5-decimal rounding makes ZCTAs 01247 and 02771 self-intersect; snap-rounding does not', async () => {
    const geos = await loadGeos();
    for (const id of ['01247', '02771']) {
      expect(invalidReason(geos, zcta(id)), `${id} source`).toBeNull();
      expect(invalidReason(geos, roundGeometry(zcta(id))), `${id} rounded`).toMatch(/self-intersection/i);
      expect(invalidReason(geos, gridRoundValid(geos, zcta(id))), `${id} snap-rounded`).toBeNull();
    }
  });

  it('puts every vertex on the 1e-5 grid and changes each area by at most 0.1 % or 1,000 m² (a ≈ 1 m shift along 1 km of edge)', async () => {
    const geos = await loadGeos();
    for (const f of zctas) {
      const out = gridRoundValid(geos, f.geometry);
      for (const x of coords(out)) expect(Math.abs(x * 1e5 - Math.round(x * 1e5))).toBeLessThan(1e-6);
      const before = area(f.geometry);
      expect(Math.abs(area(out) - before), f.properties.ZCTA5CE10).toBeLessThan(Math.max(1e-3 * before, 1000));
    }
  });

  it('webGeometry refuses to publish an invalid outline (a bow-tie), naming the place', async () => {
    const geos = await loadGeos();
    const bowTie: Polygon = { type: 'Polygon', coordinates: [[[-72, 42], [-71, 43], [-71, 42], [-72, 43], [-72, 42]]] };
    expect(() => webGeometry([{ id: 'X1', name: 'bow-tie', geometry: bowTie }], geos, 5)).toThrow(/X1|snap/);
  });
});
