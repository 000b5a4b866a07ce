import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { readSource } from '../sources/source-manifest.js';
import { parseTowns, type Town } from '../sources/towns.js';
import { parseZctas } from '../sources/zctas.js';
import { parseBlockGroups } from '../sources/block-groups.js';
import { parseEjBlockGroups } from '../sources/ej-blockgroups.js';
import { blockGroupDenominators } from '../indices/block-group-denominators.js';
import { blockGroupOverlay, type BlockGroupOverlay } from './block-group-overlay.js';
import { blockGroupAllocation } from './block-group-allocation.js';
import { populationCrosswalk, type PopulationCrosswalk } from './population-crosswalk.js';

describe('populationCrosswalk (synthetic overlay)', () => {
  // bg1 (100 people) is split 3:1 between (z1, tA) and (z1, tB); bg2 (50 people) lies in (z2, tB); bg3 unknown.
  const overlay: BlockGroupOverlay = {
    pieces: [
      { blockGroup: 'bg1', zcta: 'z1', town: 'tA', areaM2: 300 },
      { blockGroup: 'bg1', zcta: 'z1', town: 'tB', areaM2: 100 },
      { blockGroup: 'bg2', zcta: 'z2', town: 'tB', areaM2: 50 },
      { blockGroup: 'bg3', zcta: 'z3', town: 'tB', areaM2: 10 },
    ],
    blockGroups: [{ id: 'bg1', areaM2: 500 }, { id: 'bg2', areaM2: 50 }, { id: 'bg3', areaM2: 10 }, { id: 'bg4', areaM2: 5 }],
  };
  const pop = new Map<string, number | null>([['bg1', 100], ['bg2', 50], ['bg3', null], ['bg4', 7]]);

  it('spreads each block group by area over the part inside ZCTA ∩ town, then divides by ZCTA and town totals', () => {
    const xw = populationCrosswalk(overlay, pop);
    expect(xw.rows).toEqual([
      { zcta: 'z1', town: 'tA', population: 75, fracOfZcta: 0.75, fracOfTown: 1 },
      { zcta: 'z1', town: 'tB', population: 25, fracOfZcta: 0.25, fracOfTown: 25 / 75 },
      { zcta: 'z2', town: 'tB', population: 50, fracOfZcta: 1, fracOfTown: 50 / 75 },
    ]);
    expect(xw.unknownPopulation).toEqual(['bg3']);
    expect(xw.unallocated).toEqual(['bg4']);
    expect(xw.zctasWithoutPopulation).toEqual(['z3']);
  });

  it('allocates block groups to towns and ZCTAs by covered area', () => {
    expect(blockGroupAllocation(overlay, 'town').rows.filter((r) => r.blockGroup === 'bg1')).toEqual([
      { blockGroup: 'bg1', to: 'tA', frac: 0.75 },
      { blockGroup: 'bg1', to: 'tB', frac: 0.25 },
    ]);
    expect(blockGroupAllocation(overlay, 'zcta')).toMatchObject({ unallocated: ['bg4'], rows: expect.arrayContaining([{ blockGroup: 'bg2', to: 'z2', frac: 1 }]) });
  });

  it('rejects a negative population, naming the block group', () => {
    expect(() => populationCrosswalk(overlay, new Map([['bg1', -1]]))).toThrow(/population: block group bg1/);
  });
});

// Every ZCTA overlaps some block group with residents once zeros count.

describe('population crosswalk and block-group allocation on the real files', () => {
  const { dataDir } = loadConfig();
  let towns: Town[];
  let overlay: BlockGroupOverlay;
  let population: Map<string, number | null>;
  let xw: PopulationCrosswalk;

  beforeAll(async () => {
    const read = (id: string) => readSource(dataDir, id);
    const t = read('towns');
    const z = read('zctas');
    const b = read('block-groups');
    const e = read('ej-blockgroups');
    towns = parseTowns(t.bytes, t.entry.path);
    overlay = await blockGroupOverlay(parseBlockGroups(b.bytes, b.entry.path), parseZctas(z.bytes, z.entry.path), towns);
    population = new Map([...blockGroupDenominators(parseEjBlockGroups(e.bytes, e.entry.path))].map(([id, d]) => [id, d.persons]));
    xw = populationCrosswalk(overlay, population);
  }, 120_000);

  it('sums population fractions to 1 ± 1e-9 for every ZCTA and town with known population', () => {
    const sums = (key: 'zcta' | 'town', frac: 'fracOfZcta' | 'fracOfTown') => {
      const m = new Map<string, number>();
      for (const r of xw.rows) m.set(r[key], (m.get(r[key]) ?? 0) + r[frac]);
      return [...m.values()];
    };
    for (const s of sums('zcta', 'fracOfZcta')) expect(Math.abs(s - 1)).toBeLessThan(1e-9);
    for (const s of sums('town', 'fracOfTown')) expect(Math.abs(s - 1)).toBeLessThan(1e-9);
    // Every town has residents now: block groups with no minority residents are estimated from their households
    // (housing-unit method), so Gosnold (one such block group) and ZCTAs 01229 and 02713 are no longer empty (1.0 lost them).
    expect(new Set(xw.rows.map((r) => r.town)).size).toBe(351);
    expect(xw.townsWithoutPopulation).toEqual([]);
    expect(xw.zctasWithoutPopulation).toEqual([]);
  });

  it('places every resident with a known population: Σ crosswalk population = Σ known block-group population', () => {
    const known = overlay.blockGroups.reduce((s, bg) => s + (xw.unallocated.includes(bg.id) ? 0 : (population.get(bg.id) ?? 0)), 0);
    const placed = xw.rows.reduce((s, r) => s + r.population, 0);
    expect(Math.abs(placed - known)).toBeLessThan(1e-3);
    // ACS 2019–2023 Massachusetts population ≈ 6.99 M; the unknown block groups hold ≈ 1 %.
    expect(placed).toBeGreaterThan(6.8e6);
    expect(placed).toBeLessThan(7.1e6);
  });

  it('leaves only the block group with residents but no households (group quarters) of unknown population', () => {
    expect(xw.unknownPopulation).toEqual(['250259807001']);
    expect(xw.unallocated).toEqual([]);
  });

  it('gives towns populations close to their 2020 census counts (ACS 2019–2023 vs census 2020)', () => {
    const byTown = new Map<string, number>();
    for (const r of xw.rows) byTown.set(r.town, (byTown.get(r.town) ?? 0) + r.population);
    const boston = byTown.get('2502507000')!;
    expect(boston).toBeGreaterThan(600_000);
    expect(boston).toBeLessThan(700_000);
    // Different vintage (ACS 2019–2023 vs census 2020). In 1.0 block groups with no minority residents carried no
    // weight, so Mattapoisett came out ≈ 0.69 of its count and Orleans ≈ 0.74; with their residents estimated, none is that short.
    const ratios = towns.filter((t) => t.population2020 > 5000).map((t) => byTown.get(t.id)! / t.population2020);
    expect(ratios.filter((r) => Math.abs(r - 1) < 0.15).length / ratios.length).toBeGreaterThan(0.95);
    expect(Math.min(...ratios)).toBeGreaterThan(0.8);
    expect(Math.max(...ratios)).toBeLessThan(1.2);
  });

  it('puts 02108 (Beacon Hill) entirely in Boston by population too', () => {
    expect(xw.rows.filter((r) => r.zcta === '02108')).toEqual([expect.objectContaining({ town: '2502507000', fracOfZcta: 1 })]);
  });

  it('allocates every block group but one to towns and ZCTAs, with fractions summing to 1', () => {
    for (const to of ['town', 'zcta'] as const) {
      const alloc = blockGroupAllocation(overlay, to);
      // 250092032005 (Salem, no population) lies offshore of every ZCTA ∩ town at these resolutions.
      expect(alloc.unallocated).toEqual(['250092032005']);
      const sums = new Map<string, number>();
      for (const r of alloc.rows) sums.set(r.blockGroup, (sums.get(r.blockGroup) ?? 0) + r.frac);
      expect(sums.size).toBe(5108);
      for (const s of sums.values()) expect(Math.abs(s - 1)).toBeLessThan(1e-9);
    }
    // Most block groups lie in one town: all but a few hundred have a ≥ 99 % share in one.
    const town = blockGroupAllocation(overlay, 'town').rows;
    expect(town.filter((r) => r.frac >= 0.99).length).toBeGreaterThan(4700);
  });
});
