import type { IndicatorSpec } from './indicator-registry.js';

/**
 * The Massachusetts value shown beside a place's (issue 13, "state reference").
 * `source`: the figure the source itself prints for the state (MassCHIP's
 * "state_value" column, the 2005–2008 report's "Massachusetts Total" row).
 * `population-weighted-mean`: where the source prints none (PLACES, ACS block
 * groups, facility distances), the mean of the municipalities' values weighted
 * by their residents (Census 2020), over the towns that have a value.
 */
export type StateValueBasis = 'source' | 'population-weighted-mean';

export interface StateReference {
  /** In the indicator's unit; null = neither a published figure nor any town value. */
  value: number | null;
  basis: StateValueBasis | null;
  /** Plain-language account of where the value comes from, for the UI and CSVs. */
  note: string;
}

export interface WeightedInput {
  value: number | null;
  population: number | null;
}

/** Σ value × population ÷ Σ population over entries with both (population > 0); null when none has. `share` = residents covered ÷ all residents. */
export function populationWeightedMean(items: readonly WeightedInput[]): { value: number; covered: number; share: number } | null {
  let sum = 0;
  let weight = 0;
  let all = 0;
  let covered = 0;
  for (const { value, population } of items) {
    if (population === null || !(population > 0)) continue;
    all += population;
    if (value === null || !Number.isFinite(value)) continue;
    sum += value * population;
    weight += population;
    covered++;
  }
  return weight > 0 ? { value: sum / weight, covered, share: weight / all } : null;
}

/** Six significant digits: more than any source prints. */
const trim = (x: number) => Number(x.toPrecision(6));
const ofResidents = (share: number) => (share > 0.995 ? 'all residents' : `${Math.round(share * 100)} % of residents`);

export interface StateReferenceInputs {
  /** Indicator id → the state figure its source prints (only where it prints one). */
  published: ReadonlyMap<string, number>;
  /** Title of each source by source id, to name the publisher. */
  sourceTitles?: ReadonlyMap<string, string>;
  /** Every municipality: its residents and its value per indicator id. */
  towns: readonly { population: number | null; values: Readonly<Record<string, number | null>> }[];
}

/** The state reference of every indicator: the source's figure where it publishes one, else the population-weighted town mean. */
export function stateReferences(indicators: readonly IndicatorSpec[], inputs: StateReferenceInputs): Record<string, StateReference> {
  return Object.fromEntries(
    indicators.map((spec): [string, StateReference] => {
      const published = inputs.published.get(spec.id);
      if (published !== undefined && Number.isFinite(published)) {
        const title = inputs.sourceTitles?.get(spec.source.sourceId);
        return [spec.id, { value: published, basis: 'source', note: `Massachusetts figure published by the source${title ? ` (${title})` : ''}.` }];
      }
      const mean = populationWeightedMean(inputs.towns.map((t) => ({ value: t.values[spec.id] ?? null, population: t.population })));
      if (!mean) return [spec.id, { value: null, basis: null, note: 'No Massachusetts figure: the source publishes none and no municipality has a value.' }];
      return [
        spec.id,
        {
          value: trim(mean.value),
          basis: 'population-weighted-mean',
          note: `Population-weighted mean of the ${mean.covered} municipalities with a value (${ofResidents(mean.share)}); the source publishes no state figure.`,
        },
      ];
    }),
  );
}
