import { empiricalBayes } from './empirical-bayes.js';
import type { Estimate } from './estimate.js';

/**
 * The small-numbers policy of method ma-hei-1.1 (docs/method.md §3a), for
 * count-based town values (deaths, discharges, births):
 *
 * 1. a value the publisher suppressed stays missing, with the publisher's rule
 *    as the reason — never 0;
 * 2. a value over a zero denominator (no births, no residents) is missing;
 * 3. every other value is shrunk toward the state value by global empirical
 *    Bayes, with the exposure (persons or births) as weight, so a rate from one
 *    death or a 0 % from three births cannot decide a rank. Pooled multi-year
 *    values (births 2005–2008) are used where the source has them.
 * Pure.
 */
export interface SmallNumbersRule {
  model: 'poisson' | 'binomial';
  /** Value units per unit rate: 100,000 for a rate per 100,000, 100 for a percent, 1,000 for per 1,000 births. */
  scale: number;
  /** The state value, in the value's unit. */
  prior: number;
  priorLabel: string;
  /** Why a null source value is missing, e.g. "Suppressed by MA DPH (1–4 deaths)." */
  suppressedReason: string;
  /** Why a zero exposure gives no value, e.g. "No births in 2010: a share of no births is undefined, not 0 %." */
  zeroDenominatorReason: string;
}

export interface Exposure {
  n: number;
  /** True where the denominator was estimated rather than printed. */
  estimated: boolean;
}

export interface TownValues {
  values: Map<string, Estimate>;
  /** Why a town has no value (only towns the source lists). */
  noData: Map<string, string>;
}

/** Fewer events than this make a rate unstable (NCHS / MA DPH practice: counts < 5). */
export const MIN_STABLE_EVENTS = 5;

const round2 = (x: number) => Math.round(x * 100) / 100;

export function applySmallNumbersPolicy(
  raw: ReadonlyMap<string, number | null>,
  exposure: ReadonlyMap<string, Exposure>,
  events: ReadonlyMap<string, number | null>,
  rule: SmallNumbersRule,
  presetReasons: ReadonlyMap<string, string> = new Map(),
): TownValues {
  const noData = new Map<string, string>();
  const observed: { id: string; rate: number; exposure: number }[] = [];
  for (const [id, value] of raw) {
    const e = exposure.get(id);
    if (value === null) noData.set(id, presetReasons.get(id) ?? rule.suppressedReason);
    else if (!e || !(e.n > 0)) noData.set(id, rule.zeroDenominatorReason);
    else observed.push({ id, rate: value / rule.scale, exposure: e.n });
  }
  const shrunk = empiricalBayes(observed, rule.prior / rule.scale, rule.model);
  const values = new Map<string, Estimate>();
  for (const o of observed) {
    const s = shrunk.get(o.id)!;
    const e = exposure.get(o.id)!;
    const n = events.get(o.id) ?? null;
    const notes = n !== null && n < MIN_STABLE_EVENTS ? [`Fewer than ${MIN_STABLE_EVENTS} events (${n}): the source value is unstable, so the published value lies close to the state value.`] : [];
    values.set(o.id, {
      value: round2(s.rate * rule.scale),
      se: s.se * rule.scale,
      smoothing: { method: 'empirical-bayes', raw: raw.get(o.id)!, weight: Math.round(s.weight * 10_000) / 10_000, prior: rule.prior, priorLabel: rule.priorLabel, events: n, exposure: Math.round(e.n), exposureEstimated: e.estimated },
      ...(notes.length ? { notes } : {}),
    });
  }
  return { values, noData };
}
