/** Expected served values of the MassCHIP indicators under ma-hei-1.1 rule R2 (docs/method.md §3a, rules 1–6), from the raw files only. */
import { COL, HSI, births0508, births2010, hsiIndicator, loadChip0508 } from './masschip.js';
import { ebBinomial, ebPoisson, round2 } from './empirical-bayes.js';
import { lambdaStar } from './left-censoring.js';
import { loadTowns, num } from './raw.js';

export interface ExpectedSmoothing { raw: number; weight: number; prior: number; events: number | null; exposure: number; exposureEstimated: boolean }
export type Expected =
  | { kind: 'value'; value: number; smoothing: ExpectedSmoothing }
  /**
   * No value: why, in the rule's words ("suppress" for NA, "zero denominator", "births < 500", and
   * "fewer than 5 births" for a share of a suppressed 2010 birth count, docs/method.md §3a rule 6).
   */
  | { kind: 'none'; reason: 'suppressed' | 'zero-denominator' | 'imr-births-under-500' | 'births-2010-suppressed' }
  /** Left-censored source, fewer than λ* events expected at the state value (§3a rule 5): the reason gives the expected count. */
  | { kind: 'none'; reason: 'left-censored'; expectedEvents: number };

export type SmallNumbersIndicator = keyof typeof POISSON_2010 | 'late_prenatal_care' | 'infant_mortality' | keyof typeof PCT_0508;

const POISSON_2010 = { cvd_death_rate: HSI.cvd_death_rate, all_cause_death_rate: HSI.all_cause_death_rate, angina_discharges: HSI.angina_discharges, pneumonia_discharges: HSI.pneumonia_discharges } as const;
/** §3a rule 5: the publisher suppresses 1–k events of these (discharges 1–6, births-based counts 1–4); deaths and infant mortality are not left-censored. */
const LEFT_CENSORED_UP_TO: Partial<Record<SmallNumbersIndicator, number>> = { angina_discharges: 6, pneumonia_discharges: 6, late_prenatal_care: 4, low_birth_weight: 4, teen_births: 4, public_prenatal_care: 4, adequate_prenatal_care: 4 };
/** Events expected at the state value (exposure × prior) when below λ* of a left-censored indicator, else null (valued). */
function tooFewExpected(id: SmallNumbersIndicator, exposure: number, prior: number): number | null {
  const k = LEFT_CENSORED_UP_TO[id];
  if (k === undefined) return null;
  const expected = exposure * prior;
  return expected < lambdaStar(k) ? expected : null;
}
const PCT_0508 = { low_birth_weight: COL.low_birth_weight, teen_births: COL.teen_births, public_prenatal_care: COL.public_prenatal_care, adequate_prenatal_care: COL.adequate_prenatal_care } as const;

/** Age-adjusted rates per 100,000 (R2): exposure = town POP2010, prior = the state value; discharges left-censored (rule 5). */
function poisson2010(id: SmallNumbersIndicator, key: string): Map<string, Expected> {
  const values = hsiIndicator(key);
  const pop = new Map(loadTowns().map((t) => [t.geoid, t.pop2010]));
  const units = new Map<string, { rate: number; exposure: number }>();
  const out = new Map<string, Expected>();
  let prior = NaN;
  for (const [geoid, v] of values) {
    prior = v.stateValue;
    const few = tooFewExpected(id, pop.get(geoid)!, v.stateValue / 1e5);
    if (v.areaValue === null) out.set(geoid, { kind: 'none', reason: 'suppressed' });
    else if (few !== null) out.set(geoid, { kind: 'none', reason: 'left-censored', expectedEvents: few });
    else units.set(geoid, { rate: v.areaValue / 1e5, exposure: pop.get(geoid)! });
  }
  for (const [geoid, r] of ebPoisson(units, prior / 1e5)) {
    const v = values.get(geoid)!;
    out.set(geoid, { kind: 'value', value: round2(1e5 * r.smoothed), smoothing: { raw: v.areaValue!, weight: r.weight, prior, events: v.count, exposure: units.get(geoid)!.exposure, exposureEstimated: false } });
  }
  return out;
}

/**
 * No first-trimester care (R2): binomial EB with n = 2010 births; 0 births → no value (not 0 %); a
 * suppressed 2010 count (1–4 births) → no value whatever the file prints for the share, and the town is
 * left out of the fit (docs/method.md §3a rule 6); fewer than λ* mothers expected → no value (rule 5).
 */
function latePrenatalCare(): Map<string, Expected> {
  const values = hsiIndicator(HSI.late_prenatal_care);
  const units = new Map<string, { p: number; n: number }>();
  const out = new Map<string, Expected>();
  let prior = NaN;
  for (const [geoid, v] of values) {
    prior = v.stateValue;
    const n = births2010(geoid);
    if (n === null) out.set(geoid, { kind: 'none', reason: 'births-2010-suppressed' });
    else if (v.areaValue === null) out.set(geoid, { kind: 'none', reason: 'suppressed' });
    else if (n === 0) out.set(geoid, { kind: 'none', reason: 'zero-denominator' });
    else {
      const few = tooFewExpected('late_prenatal_care', n, v.stateValue / 100);
      if (few !== null) out.set(geoid, { kind: 'none', reason: 'left-censored', expectedEvents: few });
      else units.set(geoid, { p: v.areaValue / 100, n });
    }
  }
  for (const [geoid, r] of ebBinomial(units, prior / 100)) {
    const v = values.get(geoid)!;
    out.set(geoid, { kind: 'value', value: round2(100 * r.smoothed), smoothing: { raw: v.areaValue!, weight: r.weight, prior, events: v.count, exposure: units.get(geoid)!.n, exposureEstimated: false } });
  }
  return out;
}

/** Infant mortality 2005–2008 (R2): Poisson EB per 1,000 with births 2005–2008 (masschip.ts births0508) as exposure. */
function infantMortality(): Map<string, Expected> {
  const { towns, total } = loadChip0508();
  const prior = num(total[COL.infant_mortality])!;
  const units = new Map<string, { rate: number; exposure: number; estimated: boolean; raw: number; deaths: number | null }>();
  const out = new Map<string, Expected>();
  for (const [geoid, r] of towns) {
    const imr = num(r[COL.infant_mortality]);
    const deaths = num(r[COL.infantDeaths]);
    const b = births0508(geoid);
    if (imr === null) out.set(geoid, { kind: 'none', reason: 'suppressed' });
    // DPH's suppression: a printed 0 from 0 deaths where births < 500 (a suppressed 2010 count gives 10).
    else if (imr === 0 && deaths === 0 && b.births < 500) out.set(geoid, { kind: 'none', reason: 'imr-births-under-500' });
    else units.set(geoid, { rate: imr / 1000, exposure: b.births, estimated: b.estimated, raw: imr, deaths });
  }
  for (const [geoid, r] of ebPoisson(units, prior / 1000)) {
    const u = units.get(geoid)!;
    out.set(geoid, { kind: 'value', value: round2(1000 * r.smoothed), smoothing: { raw: u.raw, weight: r.weight, prior, events: u.deaths, exposure: u.exposure, exposureEstimated: u.estimated } });
  }
  return out;
}

/**
 * Percentages of births 2005–2008 (R2): binomial EB with n = births 2005–2008 (masschip.ts births0508);
 * no value only where that estimate is 0 and the printed value is 0; a non-zero value with a 0 estimate uses n = 1;
 * left-censored (rule 5): no value where fewer than λ* events are expected at the state share (n × prior).
 */
function pct0508(id: SmallNumbersIndicator, column: string): Map<string, Expected> {
  const { towns, total } = loadChip0508();
  const prior = num(total[column])!;
  const units = new Map<string, { p: number; n: number; estimated: boolean; raw: number }>();
  const out = new Map<string, Expected>();
  for (const [geoid, r] of towns) {
    const value = num(r[column]);
    const b = births0508(geoid);
    if (value === null) out.set(geoid, { kind: 'none', reason: 'suppressed' });
    else if (b.births === 0 && value === 0) out.set(geoid, { kind: 'none', reason: 'zero-denominator' });
    else {
      const n = Math.max(1, b.births);
      const few = tooFewExpected(id, n, prior / 100);
      if (few !== null) out.set(geoid, { kind: 'none', reason: 'left-censored', expectedEvents: few });
      else units.set(geoid, { p: value / 100, n, estimated: b.estimated, raw: value });
    }
  }
  for (const [geoid, r] of ebBinomial(units, prior / 100)) {
    const u = units.get(geoid)!;
    out.set(geoid, { kind: 'value', value: round2(100 * r.smoothed), smoothing: { raw: u.raw, weight: r.weight, prior, events: null, exposure: u.n, exposureEstimated: u.estimated } });
  }
  return out;
}

/** Indicator id → town GEOID20 → what R2 (docs/method.md §3a) says the served value must be. */
export function expectedSmallNumbers(): Map<SmallNumbersIndicator, Map<string, Expected>> {
  return new Map<SmallNumbersIndicator, Map<string, Expected>>([
    ...Object.entries(POISSON_2010).map(([id, key]) => [id as SmallNumbersIndicator, poisson2010(id as SmallNumbersIndicator, key)] as const),
    ['late_prenatal_care', latePrenatalCare()],
    ['infant_mortality', infantMortality()],
    ...Object.entries(PCT_0508).map(([id, col]) => [id as SmallNumbersIndicator, pct0508(id as SmallNumbersIndicator, col)] as const),
  ]);
}
