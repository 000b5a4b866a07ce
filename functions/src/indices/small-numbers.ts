import { empiricalBayes } from './empirical-bayes.js';
import type { Estimate } from './estimate.js';
import { roundTo } from './round.js';

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
  /**
   * The publisher suppresses counts 1…k but prints 0 (left-censoring): k. Only
   * places large enough that the publisher would almost surely have printed
   * their count are valued (see `minExpectedEvents`): below that, what is
   * printed is selected by the suppression (only zeros and high counts
   * survive), and ranking it ranks town size.
   */
  leftCensoredUpTo?: number;
}

/** Suppression of 1…k events must have had less than this chance, at the state rate, for a printed value to count. */
export const MAX_CENSORING_CHANCE = 0.05;

/**
 * The expected count λ* above which P(1 ≤ X ≤ k) < MAX_CENSORING_CHANCE for
 * X ~ Poisson(λ): 9.15 for k = 4, 11.84 for k = 6. (Below the mode the chance is
 * small too, but only because nearly every such place prints 0.)
 */
export function minExpectedEvents(k: number): number {
  let lo = k;
  let hi = 10 * k + 50;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (censoringChance(mid, k) >= MAX_CENSORING_CHANCE) lo = mid;
    else hi = mid;
  }
  return hi;
}

/** P(1 ≤ X ≤ k) for X ~ Poisson(λ): the chance the publisher would have suppressed the count. */
export function censoringChance(lambda: number, k: number): number {
  let term = Math.exp(-lambda);
  let sum = 0;
  for (let x = 1; x <= k; x++) {
    term *= lambda / x;
    sum += term;
  }
  return sum;
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


export function applySmallNumbersPolicy(
  raw: ReadonlyMap<string, number | null>,
  exposure: ReadonlyMap<string, Exposure>,
  events: ReadonlyMap<string, number | null>,
  rule: SmallNumbersRule,
  presetReasons: ReadonlyMap<string, string> = new Map(),
): TownValues {
  const noData = new Map<string, string>();
  const minEvents = rule.leftCensoredUpTo === undefined ? null : minExpectedEvents(rule.leftCensoredUpTo);
  const observed: { id: string; rate: number; exposure: number }[] = [];
  for (const [id, value] of raw) {
    const e = exposure.get(id);
    const expected = e ? (rule.prior / rule.scale) * e.n : 0;
    if (value === null) noData.set(id, presetReasons.get(id) ?? rule.suppressedReason);
    else if (!e || !(e.n > 0)) noData.set(id, rule.zeroDenominatorReason);
    else if (minEvents !== null && expected < minEvents) {
      noData.set(
        id,
        `Too small for this source: the publisher suppresses 1–${rule.leftCensoredUpTo} events but prints 0, so a printed value is only evidence where about ${minEvents.toFixed(1)} or more events are expected at the state rate; here ${expected.toFixed(1)} were.`,
      );
    } else observed.push({ id, rate: value / rule.scale, exposure: e.n });
  }
  const shrunk = empiricalBayes(observed, rule.prior / rule.scale, rule.model);
  const values = new Map<string, Estimate>();
  for (const o of observed) {
    const s = shrunk.get(o.id)!;
    const e = exposure.get(o.id)!;
    const n = events.get(o.id) ?? null;
    const notes = n !== null && n < MIN_STABLE_EVENTS ? [`Fewer than ${MIN_STABLE_EVENTS} events (${n}): the source value is unstable, so the published value lies close to the state value.`] : [];
    values.set(o.id, {
      value: roundTo(s.rate * rule.scale, 2),
      se: s.se * rule.scale,
      // Unrounded weight and exposure, so weight·raw + (1 − weight)·prior re-derives the value to its 2 decimals.
      smoothing: { method: 'empirical-bayes', raw: raw.get(o.id)!, weight: s.weight, prior: rule.prior, priorLabel: rule.priorLabel, events: n, exposure: e.n, exposureEstimated: e.estimated },
      ...(notes.length ? { notes } : {}),
    });
  }
  return { values, noData };
}
