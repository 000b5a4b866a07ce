import { formatValue, type ValueContext } from '../format';

/**
 * Quantile classes for the choropleth, ColorBrewer YlOrRd (sequential and
 * colour-blind safe). Darker always means more disadvantaged: for a measure
 * where higher is better (income, adequate prenatal care) the order flips.
 * Pure functions, so the map, legend and tests cannot disagree.
 */
export const CLASS_COLORS = ['#ffffb2', '#fecc5c', '#fd8d3c', '#f03b20', '#bd0026'] as const;
export const NO_DATA = -1;

export interface LegendEntry {
  color: string;
  label: string;
  count: number;
}

export interface Scale {
  /** Ascending thresholds between classes of the raw values. */
  breaks: number[];
  /** Colour class per value (0 = least disadvantaged … n-1 = most), NO_DATA for null. */
  classes: number[];
  /** Least to most disadvantaged. */
  legend: LegendEntry[];
  noDataCount: number;
}

/** Thresholds that split the values into `k` groups of (nearly) equal size; ties never straddle a break. */
export function quantileBreaks(values: readonly (number | null)[], k = CLASS_COLORS.length): number[] {
  const sorted = values.filter((v): v is number => v !== null && Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  const breaks: number[] = [];
  for (let i = 1; i < k; i++) {
    // The ideal cut, moved up past any run of ties so a tie never straddles a break.
    const floor = breaks.length ? breaks[breaks.length - 1]! : sorted[0]!;
    let j = Math.floor((i * sorted.length) / k);
    while (j < sorted.length && sorted[j]! <= floor) j++;
    if (j < sorted.length) breaks.push(sorted[j]!);
  }
  return breaks;
}

/** Index of the value's bin: the number of breaks at or below it. */
export function binOf(value: number, breaks: readonly number[]): number {
  let i = 0;
  while (i < breaks.length && value >= breaks[i]!) i++;
  return i;
}

/** `options.id` names the measure, so a top code in the legend reads "$250,000 or more". */
export function buildScale(values: readonly (number | null)[], unit: string, direction: 'higher_is_worse' | 'higher_is_better', options: ValueContext = {}): Scale {
  const breaks = quantileBreaks(values);
  const bins = breaks.length + 1;
  // Spread fewer bins over the palette's ends so the darkest colour always means "most disadvantaged".
  const colorOfBin = (bin: number) => (bins === 1 ? CLASS_COLORS.length - 1 : Math.round((bin * (CLASS_COLORS.length - 1)) / (bins - 1)));
  const toClass = (bin: number) => colorOfBin(direction === 'higher_is_better' ? bins - 1 - bin : bin);
  const classes = values.map((v) => (v === null || !Number.isFinite(v) ? NO_DATA : toClass(binOf(v, breaks))));
  const counts = new Map<number, number>();
  for (const c of classes) counts.set(c, (counts.get(c) ?? 0) + 1);
  const present = values.filter((v): v is number => v !== null && Number.isFinite(v));
  const lo = present.length ? Math.min(...present) : 0;
  const hi = present.length ? Math.max(...present) : 0;
  const edges = [lo, ...breaks, hi];
  const binLabel = (bin: number) => {
    const from = formatValue(edges[bin]!, unit, options);
    const to = formatValue(edges[bin + 1]!, unit, options);
    return bin === bins - 1 ? `${from} – ${to}` : `${from} – < ${to}`;
  };
  const order = Array.from({ length: bins }, (_, bin) => (direction === 'higher_is_better' ? bins - 1 - bin : bin));
  const legend = present.length
    ? order.map((bin) => {
        const cls = toClass(bin);
        return { color: CLASS_COLORS[cls]!, label: binLabel(bin), count: counts.get(cls) ?? 0 };
      })
    : [];
  return { breaks, classes, legend, noDataCount: counts.get(NO_DATA) ?? 0 };
}
