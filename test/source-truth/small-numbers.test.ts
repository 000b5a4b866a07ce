/**
 * ma-hei-1.1 R2 (small numbers: empirical-Bayes smoothing, suppression, zero denominators) and R7
 * (units and notes), recomputed from the two MassCHIP files and the EJ file.
 *
 * One reading, the decided one (docs/method.md §3a rule 6): a suppressed 2010 birth count ("NA" = 1–4
 * births, 15 towns) gives no late_prenatal_care (a share of fewer than 5 births; the town is left out of that
 * fit) and, where an exposure is needed (births 2005–2008 = 4 × births 2010), stands for its midpoint 2.5.
 * Left-censored sources (rule 5: discharges 1–6, births-based counts 1–4) are valued only where at least λ*
 * events are expected at the state value (left-censoring.ts); the reason names the expected count. So
 * every one of the 351 towns is asserted exactly: the value within ±0.01 (served values are rounded to 2
 * decimals), the smoothing weight and exposure to a relative 1e-6 (served unrounded), and the served
 * smoothing must re-derive the value: |round2(weight·raw + (1 − weight)·prior) − value| ≤ 0.01.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HSI, births0508, hsiIndicator, suppressedBirths2010 } from './masschip.js';
import { expectedSmallNumbers, type Expected, type SmallNumbersIndicator } from './small-numbers.js';
import { lambdaStar } from './left-censoring.js';
import { round2 } from './empirical-bayes.js';
import { loadEjRows, loadTowns, townByName } from './raw.js';
import { SAMPLE_TOWN_NAMES } from './sample.js';
import { servedApi, type Served, type ServedIndicator } from './served.js';

const TOL = 0.01;
/** Relative tolerance of the served (unrounded) smoothing weight and exposure. */
const REL = 1e-6;
let api: Served;
let expected: Map<SmallNumbersIndicator, Map<string, Expected>>;

beforeAll(async () => {
  expected = expectedSmallNumbers();
  api = await servedApi();
}, 300_000);
afterAll(() => api?.cleanup());

const SMALL_NUMBERS: SmallNumbersIndicator[] = ['cvd_death_rate', 'all_cause_death_rate', 'angina_discharges', 'pneumonia_discharges', 'late_prenatal_care', 'infant_mortality', 'low_birth_weight', 'teen_births', 'public_prenatal_care', 'adequate_prenatal_care'];
const POISSON_2010 = new Set<SmallNumbersIndicator>(['cvd_death_rate', 'all_cause_death_rate', 'angina_discharges', 'pneumonia_discharges']);
const PCT_0508 = ['low_birth_weight', 'teen_births', 'public_prenatal_care', 'adequate_prenatal_care'] as const;
const FEWER_THAN_5_BIRTHS = /Fewer than 5 births/;

const expectedFor = (ind: SmallNumbersIndicator, geoid: string): Expected => {
  const e = expected.get(ind)!.get(geoid);
  if (!e) throw new Error(`no expectation for ${ind} ${geoid}`);
  return e;
};
const relOk = (served: number, want: number) => Math.abs(served - want) <= REL * Math.abs(want) + 1e-12;
/** The reason states the expected count to one decimal (method §3a rule 5: "with the expected count in the reason"). */
const mentionsCount = (reason: string | null, expected: number) => new RegExp(`(^|[^0-9.])${expected.toFixed(1).replace('.', '\\.')}([^0-9]|$)`).test(reason ?? '');

/** What is wrong with one served value against R2 (empty = fine); 'value' checks the value alone, 'full' the smoothing too. */
function mismatches(ind: SmallNumbersIndicator, where: string, s: Pick<ServedIndicator, 'value' | 'noDataReason'> & Partial<ServedIndicator>, e: Expected, detail: 'value' | 'full'): string[] {
  const out: string[] = [];
  if (e.kind === 'none') {
    if (s.value !== null) out.push(`${where}: expected no value (${e.reason}), served ${s.value}`);
    else if (e.reason === 'suppressed' && !/suppress/i.test(s.noDataReason ?? '')) out.push(`${where}: noDataReason should mention suppression, is "${s.noDataReason}"`);
    else if (e.reason === 'births-2010-suppressed' && !FEWER_THAN_5_BIRTHS.test(s.noDataReason ?? '')) out.push(`${where}: noDataReason should say "Fewer than 5 births", is "${s.noDataReason}"`);
    else if (e.reason === 'left-censored' && !mentionsCount(s.noDataReason, e.expectedEvents)) out.push(`${where}: noDataReason should give the ${e.expectedEvents.toFixed(1)} events expected (left-censored source), is "${s.noDataReason}"`);
    return out;
  }
  if (s.value === null || Math.abs(s.value - e.value) > TOL + 1e-9) out.push(`${where}: expected ${e.value}, served ${s.value} (${s.noDataReason ?? ''})`);
  if (detail === 'value' || s.value === null) return out;
  const want = e.smoothing;
  const sm = s.smoothing;
  if (!sm || sm.method !== 'empirical-bayes') return [...out, `${where}: smoothing missing (${JSON.stringify(sm)})`];
  if (sm.raw !== want.raw) out.push(`${where}: smoothing.raw ${sm.raw}, source prints ${want.raw}`);
  if (sm.prior !== want.prior) out.push(`${where}: smoothing.prior ${sm.prior}, state value ${want.prior}`);
  if (!relOk(sm.weight, want.weight)) out.push(`${where}: smoothing.weight ${sm.weight}, expected ${want.weight}`);
  if (!relOk(sm.exposure, want.exposure)) out.push(`${where}: smoothing.exposure ${sm.exposure}, expected ${want.exposure}`);
  if (POISSON_2010.has(ind) && sm.events !== want.events) out.push(`${where}: smoothing.events ${sm.events}, source count ${want.events}`);
  if (ind !== 'late_prenatal_care' && !POISSON_2010.has(ind) && sm.exposureEstimated !== want.exposureEstimated) out.push(`${where}: exposureEstimated ${sm.exposureEstimated}, expected ${want.exposureEstimated}`);
  // The served smoothing re-derives the served value.
  const again = round2(sm.weight * sm.raw + (1 - sm.weight) * sm.prior);
  if (Math.abs(again - s.value) > TOL + 1e-9) out.push(`${where}: round2(${sm.weight}·${sm.raw} + (1 − ${sm.weight})·${sm.prior}) = ${again}, served value ${s.value}`);
  return out;
}

describe('R2: smoothed MassCHIP values, smoothing details and no-data cases for the sample towns', () => {
  it.each(SAMPLE_TOWN_NAMES)('%s', async (name) => {
    const t = townByName(name);
    const bad: string[] = [];
    for (const ind of SMALL_NUMBERS) bad.push(...mismatches(ind, `${name} ${ind}`, await api.indicator('town', t.geoid, ind), expectedFor(ind, t.geoid), 'full'));
    expect(bad).toEqual([]);
  });
});

describe('R2: every town, from /v1/places/town/{id} (value, unrounded weight and exposure, re-derivation)', () => {
  it.each(SMALL_NUMBERS)('%s', async (ind) => {
    const bad: string[] = [];
    for (const t of loadTowns()) bad.push(...mismatches(ind, `${t.name} ${ind}`, await api.indicator('town', t.geoid, ind), expectedFor(ind, t.geoid), 'full'));
    expect(bad).toEqual([]);
  }, 120_000);

  it('the served smoothing reproduces the served value: |round2(weight·raw + (1 − weight)·prior) − value| ≤ 0.01 (all 351 towns)', async () => {
    const bad: string[] = [];
    let checked = 0;
    for (const t of loadTowns()) {
      for (const ind of SMALL_NUMBERS) {
        const s = await api.indicator('town', t.geoid, ind);
        if (s.value === null) continue;
        if (!s.smoothing) { bad.push(`${t.name} ${ind}: value ${s.value} without smoothing`); continue; }
        const { weight, raw, prior } = s.smoothing;
        const again = round2(weight * raw + (1 - weight) * prior);
        checked++;
        if (Math.abs(again - s.value) > TOL + 1e-9) bad.push(`${t.name} ${ind}: round2(${weight}·${raw} + (1 − ${weight})·${prior}) = ${again}, served value ${s.value}`);
      }
    }
    expect(bad).toEqual([]);
    expect(checked).toBeGreaterThan(0);
  }, 120_000);
});

describe('R2: every town, from /v1/layers/town (values only)', () => {
  it.each(SMALL_NUMBERS)('%s', async (ind) => {
    const layers = await api.layers('town');
    const col = layers.measures.find((m) => m.id === ind);
    expect(col, `no column ${ind}`).toBeDefined();
    expect(layers.places).toHaveLength(351);
    const bad = layers.places.flatMap((p, i) => mismatches(ind, `${p.name} ${ind}`, { value: col!.values[i]!, noDataReason: col!.noData[i]! }, expectedFor(ind, p.id), 'value'));
    expect(bad).toEqual([]);
  });
});

describe('R2: left-censoring threshold (docs/method.md §3a rule 5)', () => {
  it('λ* is 9.15 for 1–4 and 11.84 for 1–6 suppressed events, as the method prints', () => {
    expect(lambdaStar(4).toFixed(2)).toBe('9.15');
    expect(lambdaStar(6).toFixed(2)).toBe('11.84');
  });
});

describe('R2: a suppressed 2010 birth count ("NA" = 1–4 births, docs/method.md §3a)', () => {
  it('late_prenatal_care has no value in those 15 towns, whatever the file prints, and says "Fewer than 5 births"', async () => {
    const towns = suppressedBirths2010();
    expect(towns).toHaveLength(15);
    const bad: string[] = [];
    for (const g of towns) {
      const s = await api.indicator('town', g, 'late_prenatal_care');
      if (s.value !== null || !FEWER_THAN_5_BIRTHS.test(s.noDataReason ?? '')) bad.push(`${g}: value ${s.value}, "${s.noDataReason}"`);
    }
    expect(bad).toEqual([]);
  });

  it('2005–2008 percentages weigh them at 4 × 2.5 = 10 estimated births, never 0 births (the reason gives 10 × the state share expected)', async () => {
    const bad: string[] = [];
    let checked = 0;
    for (const g of suppressedBirths2010()) {
      expect(births0508(g)).toEqual({ births: 10, estimated: true });
      for (const ind of PCT_0508) {
        const e = expectedFor(ind, g);
        const s = await api.indicator('town', g, ind);
        if (e.kind === 'none' && e.reason === 'suppressed') continue;
        checked++;
        if (/no births/i.test(s.noDataReason ?? '')) bad.push(`${g} ${ind}: read as no births ("${s.noDataReason}")`);
        else if (s.value === null) {
          // Rule 5 at 10 births: fewer than λ* events expected, and the reason says how many (10 × the state share).
          if (e.kind !== 'none' || e.reason !== 'left-censored' || !mentionsCount(s.noDataReason, e.expectedEvents)) bad.push(`${g} ${ind}: no value, "${s.noDataReason}" (expected ${JSON.stringify(e)})`);
        } else if (s.smoothing?.exposure !== 10 || s.smoothing.exposureEstimated !== true) bad.push(`${g} ${ind}: exposure ${s.smoothing?.exposure}, estimated ${s.smoothing?.exposureEstimated}`);
      }
    }
    expect(bad).toEqual([]);
    expect(checked).toBeGreaterThan(0);
  });

  it('infant_mortality: IMR printed 0 with 0 deaths and 10 estimated births is DPH suppression (no value)', async () => {
    const bad: string[] = [];
    for (const g of suppressedBirths2010()) {
      const e = expectedFor('infant_mortality', g);
      const s = await api.indicator('town', g, 'infant_mortality');
      if (e.kind !== 'none' || e.reason !== 'imr-births-under-500') bad.push(`${g}: expected ${JSON.stringify(e)}`);
      if (s.value !== null) bad.push(`${g}: served ${s.value}`);
    }
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
        const e = expectedFor(ind, p.id);
        if (e.kind === 'none' && e.reason === 'suppressed' && col.values[i] !== null) bad.push(`${p.name} ${ind} = ${col.values[i]}`);
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
