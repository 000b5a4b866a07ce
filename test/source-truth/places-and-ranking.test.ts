/**
 * ma-hei-1.1 R4 (PLACES age adjustment), R5 (ranking needs ≥ 500 residents), R6 (every PLACES place
 * joins a town) and the percentile invariant, from the raw PLACES, ACS and town files.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectedPercentiles, rankedIds } from './percentile.js';
import { placesByTown, townPlaceValue } from './places-join.js';
import { loadTowns, loadZctaPopulation, readPlacesZctas, townByName } from './raw.js';
import { SAMPLE_TOWN_NAMES, SAMPLE_ZCTAS } from './sample.js';
import { servedApi, type Level, type Served } from './served.js';

let api: Served;
beforeAll(async () => {
  api = await servedApi();
}, 300_000);
afterAll(() => api?.cleanup());

const PLACE_MEASURES = { diabetes: 'DIABETES', high_blood_pressure: 'BPHIGH', coronary_heart_disease: 'CHD', stroke: 'STROKE', physical_inactivity: 'LPA', uninsured: 'ACCESS2' } as const;
const ZCTA_MEASURES = { obesity: 'OBESITY', smoking: 'CSMOKING', short_sleep: 'SLEEP', mental_distress: 'MHLTH', binge_drinking: 'BINGE' } as const;

describe('R4: PLACES place measures are age-adjusted (<M>_AdjPrev) at town level', () => {
  it("Boston's coronary_heart_disease is CHD_AdjPrev of the place Boston", async () => {
    const boston = placesByTown().find((p) => p.name === 'Boston')!;
    const s = await api.indicator('town', townByName('Boston').geoid, 'coronary_heart_disease');
    expect(s.value).toBe(Number(boston.row.CHD_AdjPrev));
    expect(s.adjustment).toBe('age-adjusted');
  });

  // Town value per method.md §2 (place → town, ≥ 50 % of the 2010 population), with the AdjPrev columns of R4.
  it.each(SAMPLE_TOWN_NAMES)('%s', async (name) => {
    const t = townByName(name);
    const bad: string[] = [];
    for (const [id, m] of Object.entries(PLACE_MEASURES)) {
      const e = townPlaceValue(t.geoid, t.pop2010, m);
      const s = await api.indicator('town', t.geoid, id);
      const tol = e.places.length === 1 ? 1e-9 : 0.01;
      if (e.value === null ? s.value !== null : s.value === null || Math.abs(s.value - e.value) > tol) bad.push(`${name} ${id}: expected ${e.value} from ${e.places.map((p) => `${p.name} ${p.population}`).join(', ') || 'no place'} (town 2010 pop ${t.pop2010}), served ${s.value}`);
      if (s.value !== null && s.adjustment !== 'age-adjusted') bad.push(`${name} ${id}: adjustment ${s.adjustment}`);
    }
    expect(bad).toEqual([]);
  });

  it('place measures are not moved to ZCTAs', async () => {
    for (const z of SAMPLE_ZCTAS) for (const id of Object.keys(PLACE_MEASURES)) expect((await api.indicator('zcta', z, id)).value, `${z} ${id}`).toBeNull();
  });
});

describe('R4: PLACES ZCTA measures are crude (<M>_CrudePrev exactly)', () => {
  it.each(SAMPLE_ZCTAS)('ZCTA %s', async (z) => {
    const row = readPlacesZctas().get(z);
    const bad: string[] = [];
    for (const [id, m] of Object.entries(ZCTA_MEASURES)) {
      const e = row?.[`${m}_CrudePrev`] ? Number(row[`${m}_CrudePrev`]) : null;
      const s = await api.indicator('zcta', z, id);
      if (s.value !== e) bad.push(`${z} ${id}: source ${e}, served ${s.value}`);
      if (s.value !== null && s.adjustment !== 'crude') bad.push(`${z} ${id}: adjustment ${s.adjustment}`);
    }
    expect(bad).toEqual([]);
  });

  it('every ZCTA of the PLACES file serves its crude value (all 532, /v1/layers/zcta)', async () => {
    const layers = await api.layers('zcta');
    const rows = readPlacesZctas();
    const bad: string[] = [];
    for (const [id, m] of Object.entries(ZCTA_MEASURES)) {
      const col = layers.measures.find((c) => c.id === id)!;
      layers.places.forEach((p, i) => {
        const raw = rows.get(p.id)?.[`${m}_CrudePrev`];
        const e = raw ? Number(raw) : null;
        if (col.values[i] !== e) bad.push(`${p.id} ${id}: source ${e}, served ${col.values[i]}`);
      });
    }
    expect(bad).toEqual([]);
  });

  it('town values of the ZCTA measures are labelled crude too', async () => {
    const s = await api.indicator('town', townByName('Boston').geoid, 'obesity');
    expect(s.value).not.toBeNull();
    expect(s.adjustment).toBe('crude');
  });
});

describe('R6: every PLACES place joins a town', () => {
  it("Gloucester's point lies off the town polygons, yet Gloucester's diabetes is its PLACES DIABETES_AdjPrev", async () => {
    const g = placesByTown().find((p) => p.name === 'Gloucester')!;
    expect(g.inside).toBe(false);
    expect(g.townGeoid).toBe(townByName('Gloucester').geoid);
    const s = await api.indicator('town', g.townGeoid, 'diabetes');
    expect(s.value).toBe(Number(g.row.DIABETES_AdjPrev));
  });

  it('every town serves the AdjPrev of its places (one place: exactly; several: population-weighted, ±0.01) — all towns, all six measures', async () => {
    const layers = await api.layers('town');
    const bad: string[] = [];
    let single = 0;
    for (const [id, m] of Object.entries(PLACE_MEASURES)) {
      const col = layers.measures.find((c) => c.id === id)!;
      for (const t of loadTowns()) {
        const e = townPlaceValue(t.geoid, t.pop2010, m);
        if (e.places.length === 1 && e.value !== null) single++;
        const served = col.values[layers.places.findIndex((p) => p.id === t.geoid)] ?? null;
        const tol = e.places.length === 1 ? 0 : 0.01;
        if (e.value === null ? served !== null : served === null || Math.abs(served - e.value) > tol) bad.push(`${t.name} ${id}: expected ${e.value} (${e.places.map((p) => `${p.name} ${p.population}`).join(', ') || 'no place'}; town 2010 pop ${t.pop2010}), served ${served}`);
      }
    }
    expect(single).toBeGreaterThan(600); // > 100 single-place towns × 6 measures
    expect(bad).toEqual([]);
  });

  it('all 244 places are placed within 250 m of a town (a point off the shoreline still joins)', () => {
    const rows = placesByTown();
    expect(rows).toHaveLength(244);
    expect(rows.filter((p) => !p.inside && p.distanceM > 250).map((p) => `${p.name} ${p.distanceM.toFixed(0)} m`)).toEqual([]);
  });
});

describe('R5: ranking needs ≥ 500 residents', () => {
  const expectUnranked = async (level: Level, id: string) => {
    const p = await api.place(level, id);
    expect({ rank: p.rank, percentile: p.percentile, ranked: p.ranked }, `${level} ${id} ${p.name}`).toEqual({ rank: null, percentile: null, ranked: false });
    expect(p.noDataReason, `${level} ${id}`).toMatch(/500|resident|population/i);
  };
  it.each(['Gosnold', 'Monroe', 'Mount Washington', 'Hawley'])('%s (< 500 in 2020) is not ranked', async (name) => {
    expect(townByName(name).pop2020).toBeLessThan(500);
    await expectUnranked('town', townByName(name).geoid);
  });
  it('ZCTA 02651 (absent from the ACS population table) is not ranked', async () => {
    expect(loadZctaPopulation().has('02651')).toBe(false);
    await expectUnranked('zcta', '02651');
  });
  it('every place below 500 residents (towns: POP2020, ZCTAs: ACS) is unranked, every other is ranked', async () => {
    const bad: string[] = [];
    for (const level of ['town', 'zcta'] as const) {
      const ranked = rankedIds(level);
      const layers = await api.layers(level);
      for (const p of layers.places) {
        const d = await api.place(level, p.id);
        if ((d.ranked ?? true) !== ranked.has(p.id)) bad.push(`${level} ${p.id} ${p.name}: ranked ${d.ranked}, expected ${ranked.has(p.id)}`);
        if (!ranked.has(p.id) && (d.rank !== null || d.percentile !== null)) bad.push(`${level} ${p.id} ${p.name}: unranked but rank ${d.rank}, percentile ${d.percentile}`);
      }
    }
    expect(bad).toEqual([]);
  });
  it.each(['Warwick', 'Leyden'])('%s (≥ 500) is ranked', async (name) => {
    expect((await api.place('town', townByName(name).geoid)).ranked).toBe(true);
  });
});

describe('Percentile invariant: (ranked places strictly lower) / (n − 1), 4 decimals', () => {
  it.each(['town', 'zcta'] as const)('every ranked indicator column of /v1/layers/%s', async (level) => {
    const layers = await api.layers(level);
    const ranked = rankedIds(level);
    const bad: string[] = [];
    let checked = 0;
    for (const col of layers.measures.filter((c) => c.kind === 'indicator' && c.ranked)) {
      const values = new Map(layers.places.map((p, i) => [p.id, col.values[i]!]));
      const expected = expectedPercentiles(values, ranked, col.direction === 'higher_is_better');
      layers.places.forEach((p, i) => {
        const served = col.percentiles[i];
        const e = expected.get(p.id);
        if (!e) return; // unranked or no value: see the next test
        checked++;
        if (served === null || served === undefined || served < 100 * e[0] - 1e-6 || served > 100 * e[1] + 1e-6) bad.push(`${level} ${col.id} ${p.id} ${p.name}: value ${col.values[i]}, percentile ${served}, expected ${100 * e[0]}${e[1] !== e[0] ? `…${100 * e[1]}` : ''}`);
      });
    }
    expect(checked).toBeGreaterThan(level === 'town' ? 5000 : 8000);
    expect(bad.slice(0, 30)).toEqual([]);
  });

  it.each(['town', 'zcta'] as const)('unranked places and places without a value carry no indicator percentile (%s)', async (level) => {
    const layers = await api.layers(level);
    const ranked = rankedIds(level);
    const bad: string[] = [];
    for (const col of layers.measures.filter((c) => c.kind === 'indicator' && c.ranked)) {
      layers.places.forEach((p, i) => {
        if ((!ranked.has(p.id) || col.values[i] === null) && col.percentiles[i] !== null) bad.push(`${level} ${col.id} ${p.id} ${p.name}: value ${col.values[i]}, percentile ${col.percentiles[i]}`);
      });
    }
    expect(bad.slice(0, 30)).toEqual([]);
  });

  it('the place endpoint gives the same percentiles (0–1, 4 decimals) for the sample', async () => {
    const bad: string[] = [];
    for (const [level, ids] of [['town', SAMPLE_TOWN_NAMES.map((n) => townByName(n).geoid)], ['zcta', [...SAMPLE_ZCTAS]]] as const) {
      const layers = await api.layers(level);
      for (const id of ids) {
        const place = await api.place(level, id);
        const i = layers.places.findIndex((p) => p.id === id);
        for (const col of layers.measures.filter((c) => c.kind === 'indicator')) {
          const p = place.indicators[col.id]?.percentile ?? null;
          const l = col.percentiles[i] ?? null;
          if ((p === null) !== (l === null) || (p !== null && Math.abs(100 * p - l!) > 1e-6)) bad.push(`${level} ${id} ${col.id}: place ${p}, layers ${l}`);
        }
      }
    }
    expect(bad).toEqual([]);
  });
});
