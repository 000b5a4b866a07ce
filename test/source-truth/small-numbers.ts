/** Expected served values of the MassCHIP indicators under ma-hei-1.1 rule R2, from the raw files only. */
import { BIRTHS_NA_READINGS, COL, HSI, births0508, births2010, hsiIndicator, loadChip0508, type BirthsNa } from './masschip.js';
import { ebBinomial, ebPoisson, round2 } from './empirical-bayes.js';
import { loadTowns, num } from './raw.js';

export interface ExpectedSmoothing { raw: number; weight: number; prior: number; events: number | null; exposure: number; exposureEstimated: boolean }
export type Expected =
  | { kind: 'value'; value: number; smoothing: ExpectedSmoothing }
  /** No value: why, in the rule's words ("suppress" for NA, "zero denominator", "births < 500"). */
  | { kind: 'none'; reason: 'suppressed' | 'zero-denominator' | 'imr-births-under-500' }
  /** The rules do not say what to do (e.g. 2010 birth count itself suppressed): not asserted. */
  | { kind: 'unspecified'; why: string };

export type SmallNumbersIndicator = keyof typeof POISSON_2010 | 'late_prenatal_care' | 'infant_mortality' | keyof typeof PCT_0508;

const POISSON_2010 = { cvd_death_rate: HSI.cvd_death_rate, all_cause_death_rate: HSI.all_cause_death_rate, angina_discharges: HSI.angina_discharges, pneumonia_discharges: HSI.pneumonia_discharges } as const;
const PCT_0508 = { low_birth_weight: COL.low_birth_weight, teen_births: COL.teen_births, public_prenatal_care: COL.public_prenatal_care, adequate_prenatal_care: COL.adequate_prenatal_care } as const;

/** Age-adjusted rates per 100,000 (R2): exposure = town POP2010, prior = the state value. */
function poisson2010(key: string): Map<string, Expected> {
  const values = hsiIndicator(key);
  const pop = new Map(loadTowns().map((t) => [t.geoid, t.pop2010]));
  const units = new Map<string, { rate: number; exposure: number }>();
  const out = new Map<string, Expected>();
  let prior = NaN;
  for (const [geoid, v] of values) {
    prior = v.stateValue;
    if (v.areaValue === null) out.set(geoid, { kind: 'none', reason: 'suppressed' });
    else units.set(geoid, { rate: v.areaValue / 1e5, exposure: pop.get(geoid)! });
  }
  for (const [geoid, r] of ebPoisson(units, prior / 1e5)) {
    const v = values.get(geoid)!;
    out.set(geoid, { kind: 'value', value: round2(1e5 * r.smoothed), smoothing: { raw: v.areaValue!, weight: r.weight, prior, events: v.count, exposure: units.get(geoid)!.exposure, exposureEstimated: false } });
  }
  return out;
}

/** No first-trimester care (R2): binomial EB with n = 2010 births; 0 births → no value (not 0 %). */
function latePrenatalCare(birthsNa: BirthsNa): Map<string, Expected> {
  const values = hsiIndicator(HSI.late_prenatal_care);
  const units = new Map<string, { p: number; n: number }>();
  const out = new Map<string, Expected>();
  let prior = NaN;
  for (const [geoid, v] of values) {
    prior = v.stateValue;
    const n = births2010(geoid, birthsNa);
    if (v.areaValue === null) out.set(geoid, { kind: 'none', reason: 'suppressed' });
    else if (n === 0) out.set(geoid, { kind: 'none', reason: 'zero-denominator' });
    else if (n === null) out.set(geoid, { kind: 'unspecified', why: 'the 2010 birth count is suppressed (1–4 births): R2 gives no n' });
    else units.set(geoid, { p: v.areaValue / 100, n });
  }
  for (const [geoid, r] of ebBinomial(units, prior / 100)) {
    const v = values.get(geoid)!;
    out.set(geoid, { kind: 'value', value: round2(100 * r.smoothed), smoothing: { raw: v.areaValue!, weight: r.weight, prior, events: v.count, exposure: units.get(geoid)!.n, exposureEstimated: false } });
  }
  return out;
}

/** Infant mortality 2005–2008 (R2): Poisson EB per 1,000 with births as exposure. */
function infantMortality(birthsNa: BirthsNa): Map<string, Expected> {
  const { towns, total } = loadChip0508();
  const prior = num(total[COL.infant_mortality])!;
  const units = new Map<string, { rate: number; exposure: number; estimated: boolean; raw: number; deaths: number | null }>();
  const out = new Map<string, Expected>();
  for (const [geoid, r] of towns) {
    const imr = num(r[COL.infant_mortality]);
    const deaths = num(r[COL.infantDeaths]);
    const b = births0508(geoid, birthsNa);
    if (imr === null) out.set(geoid, { kind: 'none', reason: 'suppressed' });
    // A suppressed 2010 count means 1–4 births, so 4 × it is < 500 as well.
    else if (imr === 0 && deaths === 0 && (b.births === null || b.births < 500)) out.set(geoid, { kind: 'none', reason: 'imr-births-under-500' });
    else if (b.births === null) out.set(geoid, { kind: 'unspecified', why: 'no birth estimate' });
    else units.set(geoid, { rate: imr / 1000, exposure: b.births, estimated: b.estimated, raw: imr, deaths });
  }
  for (const [geoid, r] of ebPoisson(units, prior / 1000)) {
    const u = units.get(geoid)!;
    out.set(geoid, { kind: 'value', value: round2(1000 * r.smoothed), smoothing: { raw: u.raw, weight: r.weight, prior, events: u.deaths, exposure: u.exposure, exposureEstimated: u.estimated } });
  }
  return out;
}

/** Percentages of births 2005–2008 (R2): binomial EB with n = births estimate (at least 1). */
function pct0508(column: string, birthsNa: BirthsNa): Map<string, Expected> {
  const { towns, total } = loadChip0508();
  const prior = num(total[column])!;
  const units = new Map<string, { p: number; n: number; estimated: boolean; raw: number }>();
  const out = new Map<string, Expected>();
  for (const [geoid, r] of towns) {
    const value = num(r[column]);
    const b = births0508(geoid, birthsNa);
    if (value === null) out.set(geoid, { kind: 'none', reason: 'suppressed' });
    else if (b.births === 0 && value === 0) out.set(geoid, { kind: 'none', reason: 'zero-denominator' });
    else if (b.births === null) out.set(geoid, { kind: 'unspecified', why: 'births estimate needs the 2010 count, which is suppressed (1–4 births)' });
    else units.set(geoid, { p: value / 100, n: Math.max(1, b.births), estimated: b.estimated, raw: value });
  }
  for (const [geoid, r] of ebBinomial(units, prior / 100)) {
    const u = units.get(geoid)!;
    out.set(geoid, { kind: 'value', value: round2(100 * r.smoothed), smoothing: { raw: u.raw, weight: r.weight, prior, events: null, exposure: u.n, exposureEstimated: u.estimated } });
  }
  return out;
}

/** Indicator id → town GEOID20 → what R2 says the served value must be. */
export function expectedSmallNumbers(birthsNa: BirthsNa): Map<SmallNumbersIndicator, Map<string, Expected>> {
  return new Map<SmallNumbersIndicator, Map<string, Expected>>([
    ...Object.entries(POISSON_2010).map(([id, key]) => [id as SmallNumbersIndicator, poisson2010(key)] as const),
    ['late_prenatal_care', latePrenatalCare(birthsNa)],
    ['infant_mortality', infantMortality(birthsNa)],
    ...Object.entries(PCT_0508).map(([id, col]) => [id as SmallNumbersIndicator, pct0508(col, birthsNa)] as const),
  ]);
}

/** Every reading of a suppressed 2010 birth count (masschip.ts BIRTHS_NA_READINGS) → indicator → town → expectations. */
export function expectedAcrossReadings(): Map<SmallNumbersIndicator, Map<string, Expected[]>> {
  const out = new Map<SmallNumbersIndicator, Map<string, Expected[]>>();
  for (const reading of BIRTHS_NA_READINGS) {
    for (const [id, byTown] of expectedSmallNumbers(reading)) {
      let m = out.get(id);
      if (!m) out.set(id, (m = new Map()));
      for (const [geoid, e] of byTown) m.set(geoid, [...(m.get(geoid) ?? []), e]);
    }
  }
  return out;
}
