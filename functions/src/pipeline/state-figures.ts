import type { IndicatorSpec } from '../indices/indicator-registry.js';
import type { Masschip20052008 } from '../sources/masschip-town-2005-2008.js';
import type { MasschipValue } from '../sources/masschip-town-indicators.js';

/**
 * The Massachusetts figures the sources print themselves (issue 13, state reference):
 * MassCHIP 2010's `state_value` (the same on every town row of an indicator; the most
 * common value is taken, so a stray row cannot change it) and the 2005–2008 report's
 * "Massachusetts Total" row. PLACES, the EJ block groups and the facility layers print
 * none: those indicators get the population-weighted town mean (indices/state-reference.ts).
 */
export function publishedStateFigures(
  indicators: readonly IndicatorSpec[],
  sources: { masschip2010: ReadonlyMap<string, ReadonlyMap<string, MasschipValue>>; masschip20052008: Masschip20052008 },
): Map<string, number> {
  const out = new Map<string, number>();
  for (const spec of indicators) {
    const src = spec.source;
    let value: number | null | undefined = null;
    if (src.kind === 'masschip-2010') value = mostCommon([...(sources.masschip2010.get(src.key)?.values() ?? [])].map((v) => v.state));
    else if (src.kind === 'masschip-2005-2008') value = sources.masschip20052008.stateTotals.get(src.column);
    if (value !== null && value !== undefined && Number.isFinite(value)) out.set(spec.id, value);
  }
  return out;
}

function mostCommon(values: readonly (number | null)[]): number | null {
  const counts = new Map<number, number>();
  for (const v of values) if (v !== null) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: number | null = null;
  let n = 0;
  for (const [v, c] of counts) if (c > n) (best = v), (n = c);
  return best;
}
