/**
 * Percentile classes for the choropleth: five equal-width percentile bands
 * (quintiles of the ranked places), ColorBrewer YlOrRd — sequential and
 * colour-blind safe. Pure functions so the legend and the map cannot disagree.
 */
export const CLASS_COLORS = ['#ffffb2', '#fecc5c', '#fd8d3c', '#f03b20', '#bd0026'] as const;
export const CLASS_BREAKS = [20, 40, 60, 80] as const;
export const NO_DATA_COLOR = '#d9d9d9';

export interface LegendClass {
  color: string;
  label: string;
}

export function legendClasses(): LegendClass[] {
  const bounds = [0, ...CLASS_BREAKS, 100];
  return CLASS_COLORS.map((color, i) => ({
    color,
    label: `${bounds[i]}–${bounds[i + 1]}${i === 0 ? ' (least disadvantaged)' : i === CLASS_COLORS.length - 1 ? ' (most disadvantaged)' : ''}`,
  }));
}

/** Class index for a percentile; null for "no data". */
export function classOf(percentile: number | null): number | null {
  if (percentile === null || Number.isNaN(percentile)) return null;
  if (percentile < 0 || percentile > 100) throw new Error(`percentile: expected 0–100, got ${percentile}`);
  let i = 0;
  while (i < CLASS_BREAKS.length && percentile >= CLASS_BREAKS[i]!) i++;
  return i;
}

/** MapLibre `fill-color` expression equivalent to classOf over the `percentile` property. */
export function fillColorExpression(): unknown[] {
  const steps: unknown[] = ['step', ['get', 'percentile'], CLASS_COLORS[0]];
  CLASS_BREAKS.forEach((b, i) => steps.push(b, CLASS_COLORS[i + 1]));
  return ['case', ['==', ['typeof', ['get', 'percentile']], 'number'], steps, NO_DATA_COLOR];
}
