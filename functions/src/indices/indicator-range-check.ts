import type { Estimate } from './estimate.js';
import { indicatorRange, type IndicatorSpec } from './indicator-registry.js';
import { describeRange } from '../sources/value-codes.js';

/** One assembled value outside its indicator's range: where, and why. */
export interface IndicatorValueProblem {
  indicator: string;
  level: string;
  place: string;
  message: string;
}

/**
 * The last input check before anything is written (docs/method.md §7a): every value the
 * pipeline assembled — read, reallocated, aggregated, smoothed or computed (distances,
 * bed access) — is finite and lies in its indicator's registry range. Sentinel codes are
 * the loaders' concern (an input code never gets this far); here only the range is
 * checked, so a computed mean that happens to equal a code is not mistaken for one.
 */
export function indicatorValueProblems(
  indicators: readonly Pick<IndicatorSpec, 'id' | 'valueKind' | 'range' | 'unit'>[],
  values: Readonly<Record<string, ReadonlyMap<string, ReadonlyMap<string, Pick<Estimate, 'value'>>>>>,
): IndicatorValueProblem[] {
  const problems: IndicatorValueProblem[] = [];
  for (const spec of indicators) {
    const range = indicatorRange(spec);
    for (const [level, byIndicator] of Object.entries(values)) {
      for (const [place, estimate] of byIndicator.get(spec.id) ?? []) {
        const v = estimate.value;
        if (!Number.isFinite(v) || v < range.min || v > range.max) problems.push({ indicator: spec.id, level, place, message: `${v} is out of range: expected ${describeRange(range)}` });
      }
    }
  }
  return problems;
}

/** Throw (so nothing is written) when any assembled value is out of range; the message lists the first ten. */
export function assertIndicatorValuesInRange(...args: Parameters<typeof indicatorValueProblems>): void {
  const problems = indicatorValueProblems(...args);
  if (problems.length === 0) return;
  const shown = problems.slice(0, 10).map((p) => `${p.indicator} (${p.level} ${p.place}): ${p.message}`);
  const more = problems.length > 10 ? `\n  … and ${problems.length - 10} more` : '';
  throw new Error(`Indicator values out of range (${problems.length}); nothing was published:\n  ${shown.join('\n  ')}${more}`);
}
