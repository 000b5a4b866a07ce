/**
 * ma-hei-1.1 R2 (small numbers: empirical-Bayes smoothing, suppression, zero denominators) and R7
 * (units and notes), recomputed from the two MassCHIP files and the EJ file.
 *
 * Served values are rounded to 2 decimals by the rule, so they are compared within ±0.01. R2 does not
 * say what a suppressed 2010 birth count (11 towns print "NA" = 1–4 births) stands for; it changes the
 * binomial fits a little (≤ 0.02 on a few towns), so every reading is computed (masschip.ts
 * BIRTHS_NA_READINGS) and a served value passes if it is within ±0.01 of the range of readings — for
 * almost every town all readings agree to the cent. For those 11 towns themselves only the properties
 * every reading shares are asserted (the value lies between the raw value and the prior).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HSI, hsiIndicator } from './masschip.js';
import { expectedAcrossReadings, type Expected, type SmallNumbersIndicator } from './small-numbers.js';
import { loadEjRows, loadTowns, townByName } from './raw.js';
import { SAMPLE_TOWN_NAMES } from './sample.js';
import { servedApi, type Served, type ServedIndicator } from './served.js';

const TOL = 0.01;
let api: Served;
let expected: Map<SmallNumbersIndicator, Map<string, Expected[]>>;

beforeAll(async () => {
  expected = expectedAcrossReadings();
  api = await servedApi();
}, 300_000);
afterAll(() => api?.cleanup());

const SMALL_NUMBERS: SmallNumbersIndicator[] = ['cvd_death_rate', 'all_cause_death_rate', 'angina_discharges', 'pneumonia_discharges', 'late_prenatal_care', 'infant_mortality', 'low_birth_weight', 'teen_births', 'public_prenatal_care', 'adequate_prenatal_care'];
const POISSON_2010 = new Set<SmallNumbersIndicator>(['cvd_death_rate', 'all_cause_death_rate', 'angina_discharges', 'pneumonia_discharges']);

/** What is wrong with one served value against every reading of R2 (empty = fine). */
function mismatches(ind: SmallNumbersIndicator, where: string, s: Pick<ServedIndicator, 'value' | 'noDataReason'> & Partial<ServedIndicator>, readings: Expected[], detail: 'none' | 'display' | 'exact'): string[] {
  const out: string[] = [];
  const kinds = new Set(readings.map((e) => e.kind));
  if (kinds.size === 1 && kinds.has('none')) {
    const reason = (readings[0] as Extract<Expected, { kind: 'none' }>).reason;
    if (s.value !== null) out.push(`${where}: expected no value (${reason}), served ${s.value}`);
    else if (reason === 'suppressed' && !/suppress/i.test(s.noDataReason ?? '')) out.push(`${where}: noDataReason should mention suppression, is "${s.noDataReason}"`);
    return out;
  }
  const values = readings.filter((e): e is Extract<Expected, { kind: 'value' }> => e.kind === 'value');
  if (kinds.size === 1 && kinds.has('value')) {
    const lo = Math.min(...values.map((e) => e.value)), hi = Math.max(...values.map((e) => e.value));
    if (s.value === null || s.value < lo - TOL || s.value > hi + TOL) out.push(`${where}: expected ${lo === hi ? lo : `${lo}…${hi}`}, served ${s.value} (${s.noDataReason ?? ''})`);
    if (detail === 'none' || s.value === null) return out;
    const e = values[0]!.smoothing;
    const sm = s.smoothing;
    if (!sm || sm.method !== 'empirical-bayes') return [...out, `${where}: smoothing missing (${JSON.stringify(sm)})`];
    if (sm.raw !== e.raw) out.push(`${where}: smoothing.raw ${sm.raw}, source prints ${e.raw}`);
    if (sm.prior !== e.prior) out.push(`${where}: smoothing.prior ${sm.prior}, state value ${e.prior}`);
    // 'display': weight as if rounded to 4 decimals and exposure to a whole number; 'exact': relative 1e-6.
    const [wTol, eTol] = detail === 'display' ? [5e-5 + 1e-12, 0.5 + 1e-9] : [1e-6 * sm.weight, 1e-6 * Math.max(1, e.exposure)];
    const wLo = Math.min(...values.map((v) => v.smoothing.weight)), wHi = Math.max(...values.map((v) => v.smoothing.weight));
    if (!(sm.weight >= wLo - wTol && sm.weight <= wHi + wTol)) out.push(`${where}: smoothing.weight ${sm.weight}, expected ${wLo === wHi ? wLo : `${wLo}…${wHi}`}`);
    if (!(Math.abs(sm.exposure - e.exposure) <= eTol)) out.push(`${where}: smoothing.exposure ${sm.exposure}, expected ${e.exposure}`);
    if (detail === 'exact') return out;
    if (POISSON_2010.has(ind) && sm.events !== e.events) out.push(`${where}: smoothing.events ${sm.events}, source count ${e.events}`);
    if (ind !== 'late_prenatal_care' && !POISSON_2010.has(ind) && sm.exposureEstimated !== e.exposureEstimated) out.push(`${where}: exposureEstimated ${sm.exposureEstimated}, expected ${e.exposureEstimated}`);
    return out;
  }
  // Readings disagree (only where the 2010 birth count is itself suppressed): shrinkage lies between raw and prior.
  if (s.value !== null) {
    const raw = values[0]?.smoothing.raw, prior = values[0]?.smoothing.prior;
    if (raw !== undefined && prior !== undefined && (s.value < Math.min(raw, prior) - TOL || s.value > Math.max(raw, prior) + TOL)) out.push(`${where}: ${s.value} is not between the raw ${raw} and the prior ${prior}`);
    if (s.value === 0 && raw !== 0) out.push(`${where}: served 0`);
  }
  return out;
}

describe('R2: smoothed MassCHIP values, smoothing details and no-data cases for the sample towns', () => {
  it.each(SAMPLE_TOWN_NAMES)('%s', async (name) => {
    const t = townByName(name);
    const bad: string[] = [];
    for (const ind of SMALL_NUMBERS) bad.push(...mismatches(ind, `${name} ${ind}`, await api.indicator('town', t.geoid, ind), expected.get(ind)!.get(t.geoid)!, 'display'));
    expect(bad).toEqual([]);
  });

  it('smoothing.weight and smoothing.exposure are the unrounded wᵢ and eᵢ (relative 1e-6), so the value can be re-derived', async () => {
    const bad: string[] = [];
    for (const name of SAMPLE_TOWN_NAMES) {
      const t = townByName(name);
      for (const ind of SMALL_NUMBERS) bad.push(...mismatches(ind, `${name} ${ind}`, await api.indicator('town', t.geoid, ind), expected.get(ind)!.get(t.geoid)!, 'exact'));
    }
    expect(bad).toEqual([]);
  });

  it('the served smoothing reproduces the served value: weight·raw + (1 − weight)·prior within 0.01', async () => {
    const bad: string[] = [];
    for (const name of SAMPLE_TOWN_NAMES) {
      const t = townByName(name);
      for (const ind of SMALL_NUMBERS) {
        const s = await api.indicator('town', t.geoid, ind);
        if (s.value === null || !s.smoothing) continue;
        const { weight, raw, prior } = s.smoothing;
        const again = weight * raw + (1 - weight) * prior;
        if (Math.abs(again - s.value) > TOL + 1e-9) bad.push(`${name} ${ind}: ${weight}·${raw} + (1 − ${weight})·${prior} = ${again.toFixed(4)}, served value ${s.value}`);
      }
    }
    expect(bad).toEqual([]);
  });
});

describe('R2: every town, from /v1/layers/town (values only)', () => {
  it.each(SMALL_NUMBERS)('%s', async (ind) => {
    const layers = await api.layers('town');
    const col = layers.measures.find((m) => m.id === ind);
    expect(col, `no column ${ind}`).toBeDefined();
    const bad = layers.places.flatMap((p, i) => mismatches(ind, `${p.name} ${ind}`, { value: col!.values[i]!, noDataReason: col!.noData[i]! }, expected.get(ind)!.get(p.id)!, 'none'));
    expect(bad).toEqual([]);
  });
});

describe('R2: small towns are not 0 % for lack of births', () => {
  it.each(['Gosnold', 'Monroe', 'Mount Washington'])('%s: late_prenatal_care has no value (0 births in 2010)', async (name) => {
    const t = townByName(name);
    expect(hsiIndicator(HSI.births).get(t.geoid)!.count).toBe(0);
    expect(hsiIndicator(HSI.late_prenatal_care).get(t.geoid)!.areaValue).toBe(0); // the source prints 0.0
    expect((await api.indicator('town', t.geoid, 'late_prenatal_care')).value).toBeNull();
  });

  it('a suppressed 2010 birth count ("NA" = 1–4 births) is never read as "no births" (R2: NA is never 0)', async () => {
    const layers = await api.layers('town');
    const suppressedBirths = [...hsiIndicator(HSI.births)].filter(([, v]) => v.count === null).map(([g]) => g);
    expect(suppressedBirths).toHaveLength(15);
    const bad: string[] = [];
    for (const ind of ['late_prenatal_care', 'low_birth_weight', 'teen_births', 'public_prenatal_care', 'adequate_prenatal_care'] as const) {
      const col = layers.measures.find((m) => m.id === ind)!;
      for (const g of suppressedBirths) {
        const i = layers.places.findIndex((p) => p.id === g);
        const reason = col.noData[i] ?? '';
        if (col.values[i] === null && (!/suppress/i.test(reason) || /no births/i.test(reason))) bad.push(`${layers.places[i]!.name} ${ind}: "${reason}"`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('no served MassCHIP value is 0 where the source printed NA', async () => {
    const layers = await api.layers('town');
    const bad: string[] = [];
    for (const ind of SMALL_NUMBERS) {
      const col = layers.measures.find((m) => m.id === ind)!;
      layers.places.forEach((p, i) => {
        const all = expected.get(ind)!.get(p.id)!;
        if (all.every((e) => e.kind === 'none' && e.reason === 'suppressed') && col.values[i] !== null) bad.push(`${p.name} ${ind} = ${col.values[i]}`);
      });
    }
    expect(bad).toEqual([]);
  });
});

describe('Unsmoothed town values and R7', () => {
  it('poverty_200 and unemployment are the printed MassCHIP percentages (sample towns)', async () => {
    const bad: string[] = [];
    for (const name of SAMPLE_TOWN_NAMES) {
      const t = townByName(name);
      for (const [ind, key] of [['poverty_200', HSI.poverty_200], ['unemployment', HSI.unemployment]] as const) {
        const e = hsiIndicator(key).get(t.geoid)!.areaValue;
        const s = (await api.indicator('town', t.geoid, ind)).value;
        if (s !== e) bad.push(`${name} ${ind}: source ${e}, served ${s}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('R7: the unemployment unit speaks of the labour force', async () => {
    expect((await api.indicator('town', townByName('Boston').geoid, 'unemployment')).unit).toMatch(/labou?r force/i);
  });

  it('median_household_income is the town ACS median (EJ file medHHincMUNIE); none where the file has none', async () => {
    const byMuni = new Map(loadEjRows().map((r) => [r.muni.toUpperCase(), r.medHHincMUNIE]));
    const bad: string[] = [];
    for (const name of SAMPLE_TOWN_NAMES) {
      const t = townByName(name);
      const e = byMuni.get(t.name) ?? null;
      const s = (await api.indicator('town', t.geoid, 'median_household_income')).value;
      if (s !== e) bad.push(`${name}: source ${e}, served ${s}`);
    }
    expect(bad).toEqual([]);
  });

  it.each(['Carlisle', 'Weston', 'Wellesley', 'Dover'])('R7: %s (250001 in the source) carries a "top-coded" note', async (name) => {
    const s = await api.indicator('town', townByName(name).geoid, 'median_household_income');
    expect(s.value).toBe(250001);
    expect(s.notes?.some((n) => /top-coded/i.test(n))).toBe(true);
  });

  it('R7: no town below the top code carries the top-coded note', async () => {
    const boston = await api.indicator('town', townByName('Boston').geoid, 'median_household_income');
    expect(boston.notes?.some((n) => /top-coded/i.test(n)) ?? false).toBe(false);
  });
});

describe('Town → ZCTA: ZCTA 02108 (Beacon Hill) lies in Boston, so it serves Boston’s value of every town-native indicator', () => {
  it('matches Boston for the MassCHIP, income and poverty indicators', async () => {
    const boston = townByName('Boston').geoid;
    const bad: string[] = [];
    for (const ind of [...SMALL_NUMBERS, 'poverty_200', 'unemployment', 'median_household_income']) {
      const b = (await api.indicator('town', boston, ind)).value;
      const z = (await api.indicator('zcta', '02108', ind)).value;
      if (b === null ? z !== null : z === null || Math.abs(z - b) > 1e-3 * Math.max(1, Math.abs(b))) bad.push(`${ind}: Boston ${b}, ZCTA 02108 ${z}`);
    }
    expect(bad).toEqual([]);
  });

  it('every town of the state file is a town of the boundaries (351 GEOIDs)', () => {
    const geoids = new Set(loadTowns().map((t) => t.geoid));
    expect([...hsiIndicator(HSI.births).keys()].filter((g) => !geoids.has(g))).toEqual([]);
  });
});
