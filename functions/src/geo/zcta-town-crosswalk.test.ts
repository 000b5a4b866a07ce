import { beforeAll, describe, expect, it } from 'vitest';
import area from '@turf/area';
import intersect from '@turf/intersect';
import { feature, featureCollection } from '@turf/helpers';
import { loadConfig } from '../config.js';
import { readSource } from '../sources/source-manifest.js';
import { parseTowns, type Town } from '../sources/towns.js';
import { parseZctas, type Zcta } from '../sources/zctas.js';
import { areaCrosswalk, CONSERVATION_TOLERANCE, type AreaCrosswalk } from './zcta-town-crosswalk.js';

// The real staged boundary files (sha256-checked), never copies.
const { dataDir } = loadConfig();
let towns: Town[];
let zctas: Zcta[];
let xw: AreaCrosswalk;

beforeAll(async () => {
  const t = readSource(dataDir, 'towns');
  const z = readSource(dataDir, 'zctas');
  towns = parseTowns(t.bytes, t.entry.path);
  zctas = parseZctas(z.bytes, z.entry.path);
  xw = await areaCrosswalk(zctas, towns);
});

const sumBy = (key: 'zcta' | 'town', frac: 'fracOfZcta' | 'fracOfTown') => {
  const sums = new Map<string, number>();
  for (const r of xw.rows) sums.set(r[key], (sums.get(r[key]) ?? 0) + r[frac]);
  return sums;
};

describe('areaCrosswalk on the real ZCTA (CB 2019) and town (MassGIS 2020) files', () => {
  it('covers every ZCTA and town, sorted by (zcta, town), with fractions in (0, 1]', () => {
    expect(new Set(xw.rows.map((r) => r.zcta)).size).toBe(537);
    expect(new Set(xw.rows.map((r) => r.town)).size).toBe(351);
    const keys = xw.rows.map((r) => `${r.zcta}|${r.town}`);
    expect(keys).toEqual([...keys].sort());
    expect(new Set(keys).size).toBe(keys.length);
    for (const r of xw.rows) {
      expect(r.fracOfZcta).toBeGreaterThan(0);
      expect(r.fracOfZcta).toBeLessThanOrEqual(1 + 1e-9);
      expect(r.fracOfTown).toBeLessThanOrEqual(1 + 1e-9);
    }
  });

  it('conserves each ZCTA (Σ fracOfZcta = 1 ± 0.01) except the 111 coastal ZCTAs whose CB polygon includes water outside every town', () => {
    const sums = sumBy('zcta', 'fracOfZcta');
    const outside = [...sums].filter(([, s]) => Math.abs(s - 1) > CONSERVATION_TOLERANCE).map(([id]) => id).sort();
    expect(outside).toEqual(xw.exceptions.map((e) => e.zcta));
    // SOURCES.md "Notes for users": 111 ZCTAs have < 99 % of their area inside towns, worst 02553 ≈ 0.33.
    expect(xw.exceptions).toHaveLength(111);
    const worst = [...xw.exceptions].sort((a, b) => a.sum - b.sum)[0]!;
    expect(worst.zcta).toBe('02553');
    expect(worst.sum).toBeCloseTo(0.326, 2);
    // Water only ever makes a sum short, never over 1.
    for (const e of xw.exceptions) expect(e.sum).toBeLessThan(1);
    expect(xw.exceptions.map((e) => e.zcta)).toEqual(expect.arrayContaining(['02558', '02109', '02633', '02210']));
  });

  it('conserves each town (Σ fracOfTown = 1 ± 0.01) except 26 towns with land or islands outside every ZCTA', () => {
    const sums = sumBy('town', 'fracOfTown');
    expect([...sums].filter(([, s]) => Math.abs(s - 1) > CONSERVATION_TOLERANCE).map(([id]) => id).sort()).toEqual(xw.townExceptions.map((e) => e.town));
    const byName = new Map(towns.map((t) => [t.id, t.name]));
    expect(xw.townExceptions.map((e) => byName.get(e.town)).sort()).toEqual(
      ['Athol', 'Boston', 'Chatham', 'Dennis', 'Eastham', 'Edgartown', 'Fairhaven', 'Gosnold', 'Harvard', 'Hull', 'Ipswich', 'Marblehead', 'Nahant', 'Nantucket',
        'Orleans', 'Petersham', 'Provincetown', 'Quincy', 'Rockport', 'Rowley', 'Salem', 'Salisbury', 'Scituate', 'Washington', 'Wellfleet', 'Winthrop'],
    );
    // Worst: Petersham ≈ 0.55 and Washington ≈ 0.64 (land outside every ZCTA, most likely Quabbin and October Mountain State Forest).
    expect(Math.min(...xw.townExceptions.map((e) => e.sum))).toBeGreaterThan(0.5);
  });

  it('knows a few places: 02108 (Beacon Hill) is all Boston; Nantucket 02554 is all Nantucket; 01002 (Amherst) spans several towns', () => {
    expect(xw.rows.filter((r) => r.zcta === '02108')).toEqual([expect.objectContaining({ town: '2502507000', fracOfZcta: expect.closeTo(1, 3) })]);
    const nantucket = xw.rows.filter((r) => r.zcta === '02554');
    expect(nantucket.map((r) => r.town)).toEqual(['2501943790']);
    const amherst = xw.rows.filter((r) => r.zcta === '01002');
    expect(amherst.length).toBeGreaterThan(2);
    // Amherst holds the largest share (≈ 0.48); the rest is in neighbouring hill towns.
    expect([...amherst].sort((a, b) => b.fracOfZcta - a.fracOfZcta)[0]).toMatchObject({ town: '2501501370', fracOfZcta: expect.closeTo(0.477, 2) });
  });

  it('drops slivers below 1e-4 of both polygons and nothing bigger', () => {
    for (const r of xw.rows) expect(Math.max(r.fracOfZcta, r.fracOfTown)).toBeGreaterThanOrEqual(1e-4);
    expect(xw.rows.length).toBeGreaterThan(1300);
  });

  it('matches an independent computation (@turf/intersect + geodesic @turf/area) within 0.005 on 40 pairs', () => {
    const zctaById = new Map(zctas.map((z) => [z.id, z]));
    const townById = new Map(towns.map((t) => [t.id, t]));
    // Multipolygon ZCTAs/towns, the coastal exceptions and ordinary inland pairs; then every 60th row.
    const chosen = new Set(['02553', '02558', '02109', '02633', '02108', '02554', '02539', '01002', '02657', '01930']);
    const sample = xw.rows.filter((r, i) => chosen.has(r.zcta) || i % 60 === 0).slice(0, 60);
    expect(sample.length).toBeGreaterThanOrEqual(40);
    expect(sample.some((r) => zctaById.get(r.zcta)!.geometry.type === 'MultiPolygon')).toBe(true);
    expect(sample.some((r) => townById.get(r.town)!.geometry.type === 'MultiPolygon')).toBe(true);
    let maxDiff = 0;
    for (const r of sample) {
      const z = feature(zctaById.get(r.zcta)!.geometry);
      const t = feature(townById.get(r.town)!.geometry);
      const piece = intersect(featureCollection([z, t]));
      const inter = piece ? area(piece) : 0;
      maxDiff = Math.max(maxDiff, Math.abs(inter / area(z) - r.fracOfZcta), Math.abs(inter / area(t) - r.fracOfTown));
    }
    expect(maxDiff).toBeLessThan(0.005);
  });
});
