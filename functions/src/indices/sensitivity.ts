import type { LevelIndex } from './compute-index.js';
import { dirichletSource } from './dirichlet.js';
import type { IndicatorSpec, MethodSpec } from './indicator-registry.js';
import type { Level } from './place-record.js';
import { quantile } from './monte-carlo.js';
import { roundTo } from './round.js';
import { allocateScores, scoreLevel, scoreOverall, type LevelLayout, type LevelScores } from './score-level.js';

/** Random domain weightings per level and their seed (recorded in each published analysis). */
export const SENSITIVITY_DRAWS = 500;
export const SENSITIVITY_SEED = 20261130;

export const SCENARIO_KINDS = ['baseline', 'leave-domain-out', 'leave-indicator-out', 'random-weights'] as const;
export type ScenarioKind = (typeof SCENARIO_KINDS)[number];

export interface SensitivityScenario {
  id: string;
  kind: ScenarioKind;
  label: string;
}

export interface PlaceSensitivity {
  id: string;
  /** Rank under the method's weights (1 = most disadvantaged); every field is null when it is null. */
  rank: number | null;
  /** Best and worst rank over every scenario, each random draw included. */
  rankMin: number | null;
  rankMax: number | null;
  /** 5th, 95th percentile and median (type 7) of the rank over the random draws. */
  rankP05: number | null;
  rankP95: number | null;
  medianRank: number | null;
  /** Share of all `topDecileDenominator` scenarios with rank ≤ ceil(0.1 × places ranked in that scenario). */
  topDecileShare: number | null;
  /** Rank in each scenario but the random draws (aligned with `scenarios`, whose last entry stands for the draws). */
  ranksByScenario: (number | null)[];
}

export interface RankSensitivity {
  draws: number;
  seed: number;
  /** Baseline, one per domain left out, one per ranked indicator left out, then one entry for all the random draws. */
  scenarios: SensitivityScenario[];
  /** Every non-random scenario plus each random draw. */
  topDecileDenominator: number;
  items: PlaceSensitivity[];
}

/** What a version publishes per level (store key: sensitivityKey). */
export interface PublishedSensitivity extends RankSensitivity {
  version: string;
  level: Level;
  method: string;
}

type Named = { id: string; label: string };
const nanToNull = (x: number) => (Number.isNaN(x) ? null : x);

/**
 * How far each place's rank moves when the method's choices move: every
 * domain and every ranked indicator left out in turn (re-scored with the
 * method's coverage rules), and flat-Dirichlet random domain weights applied
 * to the baseline domain percentiles (docs/method.md, "Scores"). Takes the
 * layout and value columns computeLevelIndex scored; `labels` name the
 * layout's domains and indicators in order.
 */
export function rankSensitivity(
  placeIds: readonly string[],
  layout: LevelLayout,
  values: readonly Float64Array[],
  labels: { domains: readonly Named[]; indicators: readonly Named[] },
  options: { draws?: number; seed?: number } = {},
): RankSensitivity {
  const n = layout.places;
  const draws = options.draws ?? SENSITIVITY_DRAWS;
  const seed = options.seed ?? SENSITIVITY_SEED;
  if (placeIds.length !== n) throw new Error(`placeIds: expected ${n} ids (layout.places), got ${placeIds.length}`);
  if (values.length !== layout.indicators.length) throw new Error(`values: expected ${layout.indicators.length} columns (one per layout indicator), got ${values.length}`);
  if (labels.domains.length !== layout.domainWeights.length || labels.indicators.length !== layout.indicators.length) throw new Error('labels: expected one per layout domain and indicator');
  if (!Number.isInteger(draws) || draws < 1) throw new Error(`options.draws: expected a positive integer, got ${draws}`);

  const scratch = new Float64Array(n);
  const overallOut = (): Pick<LevelScores, 'overallScore' | 'overallPct' | 'rank'> => ({ overallScore: new Float64Array(n), overallPct: new Float64Array(n), rank: new Float64Array(n) });
  const baseline = scoreLevel(layout, values, allocateScores(layout), scratch);
  const scenarios: SensitivityScenario[] = [{ id: 'baseline', kind: 'baseline', label: 'Method weights (published ranks)' }];
  const fixedRanks: Float64Array[] = [baseline.rank];

  labels.domains.forEach((domain, d) => {
    // Weight 0: the overall coverage rule then counts only the remaining domains' weight.
    const out = overallOut();
    scoreOverall(baseline.domainPct, layout.domainWeights.map((w, j) => (j === d ? 0 : w)), layout.overallCoverage, out, scratch);
    scenarios.push({ id: `without-domain:${domain.id}`, kind: 'leave-domain-out', label: `Without the ${domain.label} domain` });
    fixedRanks.push(out.rank);
  });

  labels.indicators.forEach((indicator, k) => {
    // Dropped from the layout, so the domain's coverage denominator shrinks too, as if the indicator were never available.
    const keep = (_: unknown, j: number) => j !== k;
    const domain = layout.indicators[k]!.domain;
    const reduced: LevelLayout = { ...layout, indicators: layout.indicators.filter(keep), availablePerDomain: layout.availablePerDomain.map((a, d) => (d === domain ? a - 1 : a)) };
    scenarios.push({ id: `without-indicator:${indicator.id}`, kind: 'leave-indicator-out', label: `Without ${indicator.label}` });
    fixedRanks.push(scoreLevel(reduced, values.filter(keep), allocateScores(reduced), scratch).rank);
  });
  scenarios.push({ id: 'random-weights', kind: 'random-weights', label: `${draws} random domain weightings, flat Dirichlet (seed ${seed})` });

  const rankMin = new Float64Array(n).fill(Infinity);
  const rankMax = new Float64Array(n).fill(-Infinity);
  const inTopDecile = new Uint32Array(n);
  const tally = (rank: Float64Array) => {
    let ranked = 0;
    for (const r of rank) if (!Number.isNaN(r)) ranked++;
    const cut = Math.ceil(0.1 * ranked - 1e-9); // 0.1 × 30 is 3.0000000000000004 in floating point: the decile of 30 is 3
    for (let i = 0; i < n; i++) {
      const r = rank[i]!;
      if (Number.isNaN(r)) continue; // unranked in this scenario: not in the top decile, no bound
      if (r <= cut) inTopDecile[i]!++;
      if (r < rankMin[i]!) rankMin[i] = r;
      if (r > rankMax[i]!) rankMax[i] = r;
    }
  };
  fixedRanks.forEach(tally);

  const drawRanks = Array.from({ length: n }, () => new Float64Array(draws));
  const nextWeights = dirichletSource(seed, layout.domainWeights.length);
  const out = overallOut();
  for (let d = 0; d < draws; d++) {
    scoreOverall(baseline.domainPct, nextWeights(), layout.overallCoverage, out, scratch);
    tally(out.rank);
    for (let i = 0; i < n; i++) drawRanks[i]![d] = out.rank[i]!;
  }

  const topDecileDenominator = fixedRanks.length + draws;
  const items = placeIds.map((id, i): PlaceSensitivity => {
    const ranksByScenario = fixedRanks.map((r) => nanToNull(r[i]!));
    const rank = nanToNull(baseline.rank[i]!);
    if (rank === null) return { id, rank, rankMin: null, rankMax: null, rankP05: null, rankP95: null, medianRank: null, topDecileShare: null, ranksByScenario };
    const sorted = drawRanks[i]!.filter((r) => !Number.isNaN(r)).sort();
    const q = (p: number) => (sorted.length === 0 ? null : roundTo(quantile(sorted, p), 2));
    return { id, rank, rankMin: rankMin[i]!, rankMax: rankMax[i]!, rankP05: q(0.05), rankP95: q(0.95), medianRank: q(0.5), topDecileShare: roundTo(inTopDecile[i]! / topDecileDenominator, 4), ranksByScenario };
  });
  return { draws, seed, scenarios, topDecileDenominator, items };
}

/** The same for one level as computeLevelIndex returned it, labelled from the registry. */
export function levelSensitivity(index: LevelIndex, method: MethodSpec, indicators: readonly IndicatorSpec[], options: { draws?: number; seed?: number } = {}): RankSensitivity {
  if (!index.columns) throw new Error('index: has no value columns (use the LevelIndex computeLevelIndex returns)');
  const labelOf = new Map(indicators.map((i) => [i.id, i.label]));
  const named = index.columns.indicatorIds.map((id) => ({ id, label: labelOf.get(id) ?? id }));
  return rankSensitivity(index.places.map((p) => p.id), index.layout, index.columns.values, { domains: method.domains, indicators: named }, options);
}
