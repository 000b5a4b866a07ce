import type { Estimate } from '../indices/estimate.js';
import type { IndicatorSpec } from '../indices/indicator-registry.js';
import { applySmallNumbersPolicy, type Exposure, type TownValues } from '../indices/small-numbers.js';
import type { Masschip20052008 } from '../sources/masschip-town-2005-2008.js';
import { masschipKey, type MasschipValue } from '../sources/masschip-town-indicators.js';
import type { Town } from '../sources/towns.js';

/**
 * MassCHIP town values under the small-numbers policy (docs/method.md §3a):
 * the exposures each count-based indicator is weighted by, and the rules that
 * turn the printed values into published ones.
 */
const BIRTHS_2010 = masschipKey('All Perinatal and Child Health Indicators', 'Births to women ages 15 to 44', 'Fertility Rate');
const IMR_COLUMN = 'Infant mortality rate (deaths per 1000 live births), 2005-2008';
const INFANT_DEATHS_COLUMN = 'Number of infant deaths, 2005-2008';
/** MA DPH publishes the 2005–2008 infant mortality rate only where births ≥ 500 (the file's footnote). */
const IMR_MIN_BIRTHS = 500;
/** DPH suppresses a birth count of 1–4 ("NA"): its midpoint stands in where only a weight is needed. */
const SUPPRESSED_BIRTHS_MIDPOINT = 2.5;
const SUPPRESSED_BIRTHS_REASON = 'Fewer than 5 births in 2010 (MA DPH suppresses counts of 1–4): too few for a stable share.';

export interface MasschipInputs {
  towns: readonly Town[];
  masschip2010: ReadonlyMap<string, ReadonlyMap<string, MasschipValue>>;
  masschip20052008: Masschip20052008;
}

/** Town GEOID → births 2010 (MassCHIP report: births to women 15–44, the report's birth count); null where suppressed. */
function births2010(inputs: MasschipInputs): Map<string, number | null> {
  const byTown = inputs.masschip2010.get(BIRTHS_2010);
  if (!byTown) throw new Error(`MassCHIP 2010: no "${BIRTHS_2010}" rows`);
  return new Map([...byTown].map(([id, v]) => [id, v.count]));
}

/**
 * Births 2005–2008 per town: printed infant deaths × 1,000 ÷ IMR where both are
 * printed and positive (exact up to rounding); otherwise 4 × births in 2010
 * (an estimate, marked as such), with a suppressed 2010 count (1–4) read as
 * its midpoint 2.5 — never as 0, which would claim nobody was born.
 */
function births20052008(inputs: MasschipInputs, townByName: ReadonlyMap<string, string>): Map<string, Exposure | null> {
  const b2010 = births2010(inputs);
  const imr = inputs.masschip20052008.columns.get(IMR_COLUMN)!;
  const deaths = inputs.masschip20052008.columns.get(INFANT_DEATHS_COLUMN)!;
  const out = new Map<string, Exposure | null>();
  for (const [name, id] of townByName) {
    const r = imr.get(name) ?? null;
    const d = deaths.get(name) ?? null;
    if (r !== null && d !== null && r > 0 && d > 0) out.set(id, { n: (d * 1000) / r, estimated: false });
    else {
      const b = b2010.get(id) ?? null;
      out.set(id, { n: 4 * (b ?? SUPPRESSED_BIRTHS_MIDPOINT), estimated: true });
    }
  }
  return out;
}

function exposures(kind: NonNullable<IndicatorSpec['smallNumbers']>['exposure'], inputs: MasschipInputs, townByName: ReadonlyMap<string, string>): Map<string, Exposure> {
  const entries: [string, Exposure | null][] =
    kind === 'population-2010'
      ? inputs.towns.map((t) => [t.id, { n: t.population2010, estimated: false }])
      : kind === 'births-2010'
        ? [...births2010(inputs)].map(([id, b]) => [id, b === null ? null : { n: b, estimated: false }])
        : [...births20052008(inputs, townByName)];
  return new Map(entries.flatMap(([id, e]) => (e ? [[id, e] as const] : [])));
}

const zeroDenominatorReason = (kind: NonNullable<IndicatorSpec['smallNumbers']>['exposure']) =>
  kind === 'population-2010' ? 'No residents in 2010: a rate over nobody is undefined.' : `No births ${kind === 'births-2010' ? 'in 2010' : 'in 2005–2008'}: a share or rate of no births is undefined, not 0.`;

/** A MassCHIP 2010 indicator (key "section | indicator | measure") at town level. */
export function masschip2010Values(spec: IndicatorSpec, key: string, inputs: MasschipInputs, townByName: ReadonlyMap<string, string>, se: (v: MasschipValue) => number | null): TownValues {
  const byTown = inputs.masschip2010.get(key);
  if (!byTown) throw new Error(`data/indicators.json: indicator "${spec.id}" names MassCHIP key "${key}", which is not in the file`);
  const rule = spec.smallNumbers;
  if (!rule) {
    const values = new Map<string, Estimate>();
    const noData = new Map<string, string>();
    for (const [id, v] of byTown) {
      if (v.value === null) noData.set(id, 'Suppressed by MA DPH (small numbers) or not published for this town.');
      else values.set(id, { value: v.value, se: se(v) });
    }
    return { values, noData };
  }
  const prior = [...byTown.values()].find((v) => v.state !== null)?.state;
  if (prior === undefined || prior === null) throw new Error(`MassCHIP 2010: no state value for "${key}"`);
  const raw = new Map([...byTown].map(([id, v]) => [id, v.value]));
  const preset = new Map<string, string>();
  if (rule.exposure === 'births-2010') {
    // A share of 1–4 births is below the counts-under-5 threshold: suppressed, whatever the file prints for the share.
    for (const [id, b] of births2010(inputs)) if (b === null && raw.has(id)) (raw.set(id, null), preset.set(id, SUPPRESSED_BIRTHS_REASON));
  }
  return applySmallNumbersPolicy(
    raw,
    exposures(rule.exposure, inputs, townByName),
    new Map([...byTown].map(([id, v]) => [id, v.count])),
    { model: rule.model, scale: rule.scale, prior, priorLabel: `Massachusetts value (${spec.vintage})`, suppressedReason: rule.suppressedReason, zeroDenominatorReason: zeroDenominatorReason(rule.exposure), leftCensoredUpTo: rule.leftCensoredUpTo },
    preset,
  );
}

/** A column of the MassCHIP 2005–2008 town extract at town level. */
export function masschip20052008Values(spec: IndicatorSpec, column: string, inputs: MasschipInputs, townByName: ReadonlyMap<string, string>): TownValues {
  const byName = inputs.masschip20052008.columns.get(column);
  if (!byName) throw new Error(`data/indicators.json: indicator "${spec.id}" names column "${column}", which is not in the MassCHIP 2005–2008 file`);
  const raw = new Map([...byName].map(([name, v]) => [townByName.get(name)!, v]));
  const rule = spec.smallNumbers;
  if (!rule) {
    const values = new Map<string, Estimate>();
    const noData = new Map<string, string>();
    for (const [id, v] of raw) {
      if (v === null) noData.set(id, 'Suppressed by MA DPH (small numbers).');
      else values.set(id, { value: v, se: null });
    }
    return { values, noData };
  }
  const prior = inputs.masschip20052008.stateTotals.get(column);
  if (prior === undefined || prior === null) throw new Error(`MassCHIP 2005–2008: no "Massachusetts Total" value for "${column}"`);
  const exposure = exposures(rule.exposure, inputs, townByName);
  const preset = new Map<string, string>();
  let events = new Map<string, number | null>();
  if (column === IMR_COLUMN) {
    // The file prints 0 (not NA) where no infant died, even where DPH's rule (births < 500) suppresses the rate.
    const deaths = inputs.masschip20052008.columns.get(INFANT_DEATHS_COLUMN)!;
    events = new Map([...deaths].map(([name, d]) => [townByName.get(name)!, d]));
    for (const [id, v] of raw) {
      const births = exposure.get(id)?.n ?? 0;
      if (v === 0 && births < IMR_MIN_BIRTHS) {
        raw.set(id, null);
        preset.set(id, `Suppressed by MA DPH: fewer than ${IMR_MIN_BIRTHS} births in 2005–2008 (about ${Math.round(births)}); the file prints 0, which is not a rate.`);
      }
    }
  }
  // Percentages of no births: the file prints 0 where nobody was born; that is a zero denominator, not 0 %.
  for (const [id, v] of raw) {
    if (v !== null && !((exposure.get(id)?.n ?? 0) > 0)) {
      if (v === 0) exposure.delete(id);
      else exposure.set(id, { n: Math.max(1, exposure.get(id)?.n ?? 0), estimated: true }); // births happened; at least one
    }
  }
  return applySmallNumbersPolicy(raw, exposure, events, {
    model: rule.model,
    scale: rule.scale,
    prior,
    priorLabel: 'Massachusetts total (MassCHIP 2005–2008)',
    suppressedReason: rule.suppressedReason,
    zeroDenominatorReason: zeroDenominatorReason(rule.exposure),
    leftCensoredUpTo: rule.leftCensoredUpTo,
  }, preset);
}
