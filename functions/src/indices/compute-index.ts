import type { Estimate, ValueQuality } from './estimate.js';
import { DOMAINS, type Domain, type IndicatorSpec, type MethodSpec } from './indicator-registry.js';
import { monteCarloIntervals } from './monte-carlo.js';
import { roundTo } from './round.js';
import { allocateScores, scoreLevel, type LevelLayout } from './score-level.js';

export interface IndicatorResult extends ValueQuality {
  value: number | null;
  se: number | null;
  /** Percentile rank 0–1 (4 decimals), direction-adjusted: high = more disadvantaged. Null for context-only indicators. */
  percentile: number | null;
  flagged: boolean;
  /** Why there is no value (or no percentile) for this place; absent in 1.0 versions (the API then gives a generic reason). */
  noDataReason?: string | null;
}

export interface DomainResult {
  score: number | null;
  percentile: number | null;
  indicatorsWithData: number;
  indicatorsAvailable: number;
  noDataReason: string | null;
}

export interface OverallResult {
  score: number | null;
  percentile: number | null;
  rank: number | null;
  /** Central interval (e.g. 90 %) of the overall percentile and rank from the Monte Carlo draws. */
  percentileInterval: [number, number] | null;
  rankInterval: [number, number] | null;
  noDataReason: string | null;
}

export interface PlaceIndex {
  id: string;
  indicators: Record<string, IndicatorResult>;
  domains: Record<Domain, DomainResult>;
  overall: OverallResult;
  /** False for places too small to rank (their values are still published). */
  ranked: boolean;
  flagCount: number;
}

export interface LevelIndex {
  places: PlaceIndex[];
  /** Ranked indicators with no data anywhere at this level (left out of coverage denominators). */
  unavailable: string[];
  layout: LevelLayout;
  /** The value columns scored (aligned with layout.indicators), so an analysis can re-score the level (sensitivity.ts). */
  columns?: { indicatorIds: string[]; values: Float64Array[] };
}

const nanToNull = (x: number) => (Number.isNaN(x) ? null : x);

/**
 * Score every place of one level with the registry's method: pure, deterministic
 * for a given seed. `values` maps indicator id → place id → estimate at this level.
 */
export function computeLevelIndex(
  placeIds: readonly string[],
  indicators: readonly IndicatorSpec[],
  method: MethodSpec,
  values: ReadonlyMap<string, ReadonlyMap<string, Estimate>>,
  options: {
    draws?: number;
    /** Places too small to rank (method ma-hei-1.1): id → why. Their values are kept, left out of every ranking. */
    unranked?: ReadonlyMap<string, string>;
    /** Why a place has no value for an indicator: indicator id → place id → reason. */
    noData?: ReadonlyMap<string, ReadonlyMap<string, string>>;
  } = {},
): LevelIndex {
  const n = placeIds.length;
  const unranked = options.unranked ?? new Map<string, string>();
  const domainIndex = new Map(method.domains.map((d, i) => [d.id, i]));
  const column = (id: string, pick: (e: Estimate) => number | null) => {
    const byPlace = values.get(id);
    return Float64Array.from(placeIds, (p) => {
      if (unranked.has(p)) return Number.NaN;
      const e = byPlace?.get(p);
      const x = e ? pick(e) : null;
      return x === null || x === undefined ? Number.NaN : x;
    });
  };
  const ranked = indicators.filter((i) => i.ranked !== false);
  const available = ranked.filter((i) => [...(values.get(i.id)?.values() ?? [])].length > 0);
  const unavailable = ranked.filter((i) => !available.includes(i)).map((i) => i.id);

  const layout: LevelLayout = {
    places: n,
    indicators: available.map((i) => ({ domain: domainIndex.get(i.domain)!, higherIsBetter: i.direction === 'higher_is_better' })),
    domainWeights: method.domains.map((d) => d.weight),
    availablePerDomain: method.domains.map((d) => available.filter((i) => i.domain === d.id).length),
    domainCoverage: method.domainCoverage,
    domainMinIndicators: method.domainMinIndicators ?? 1,
    overallCoverage: method.overallCoverage,
  };
  const valueColumns = available.map((i) => column(i.id, (e) => e.value));
  const seColumns = available.map((i) => column(i.id, (e) => e.se));
  const scores = scoreLevel(layout, valueColumns, allocateScores(layout));
  const draws = options.draws ?? method.monteCarlo.draws;
  const intervals = draws > 0 ? monteCarloIntervals(layout, valueColumns, seColumns, { ...method.monteCarlo, draws }) : null;

  const places = placeIds.map((id, p): PlaceIndex => {
    const indicatorResults: Record<string, IndicatorResult> = {};
    let flagCount = 0;
    for (const spec of indicators) {
      const e = values.get(spec.id)?.get(id) ?? null;
      const k = available.indexOf(spec);
      const percentile = k >= 0 ? nanToNull(scores.indicatorPct[k]![p]!) : null;
      const flagged = percentile !== null && percentile >= method.flagPercentile;
      if (flagged) flagCount++;
      const { value: _v, se: _s, ...quality } = e ?? { value: null, se: null };
      const noDataReason =
        e === null
          ? (options.noData?.get(spec.id)?.get(id) ?? null)
          : unranked.has(id) && spec.ranked !== false
            ? `Not ranked: ${unranked.get(id)}`
            : null;
      indicatorResults[spec.id] = { value: e?.value ?? null, se: e?.se ?? null, percentile, flagged, ...quality, ...(options.noData || options.unranked ? { noDataReason } : {}) };
    }
    const domains = Object.fromEntries(
      DOMAINS.map((domain) => {
        const dIdx = domainIndex.get(domain)!;
        const inDomain = available.filter((i) => i.domain === domain);
        const withData = inDomain.filter((i) => indicatorResults[i.id]!.percentile !== null).length;
        const score = nanToNull(scores.domainScore[dIdx]![p]!);
        const reason =
          score !== null
            ? null
            : inDomain.length === 0
              ? 'No indicator of this domain is available at this geographic level.'
              : unranked.has(id)
                ? `Not ranked: ${unranked.get(id)}`
                : `Only ${withData} of ${inDomain.length} indicators have data (the method needs at least ${Math.max(method.domainMinIndicators ?? 1, Math.ceil(method.domainCoverage * inDomain.length - 1e-9))}).`;
        return [domain, { score, percentile: nanToNull(scores.domainPct[dIdx]![p]!), indicatorsWithData: withData, indicatorsAvailable: inDomain.length, noDataReason: reason }];
      }),
    ) as Record<Domain, DomainResult>;
    const overallScore = nanToNull(scores.overallScore[p]!);
    const round4 = ([a, b]: [number, number]): [number, number] | null => (Number.isNaN(a) ? null : [roundTo(a, 4), roundTo(b, 4)]);
    return {
      id,
      indicators: indicatorResults,
      domains,
      overall: {
        score: overallScore,
        percentile: nanToNull(scores.overallPct[p]!),
        rank: nanToNull(scores.rank[p]!),
        percentileInterval: intervals && overallScore !== null ? round4(intervals.percentile[p]!) : null,
        rankInterval: intervals && overallScore !== null ? round4(intervals.rank[p]!) : null,
        noDataReason: overallScore !== null ? null : unranked.has(id) ? `Not ranked: ${unranked.get(id)}` : 'Too few domains have data for an overall score (see each domain).',
      },
      ranked: !unranked.has(id),
      flagCount,
    };
  });
  return { places, unavailable, layout, columns: { indicatorIds: available.map((i) => i.id), values: valueColumns } };
}
