import type { Geometry, MeasureTable, PriorityMember } from '../api';
import { bboxOf, type Bbox } from '../map/geometry-utils';
import { contextBounds, GEOGRAPHY_CONTEXT } from '../map/zoom-context';
import { locatorData, type Locator } from './locator';

/** What the aggregation reads of one member town (its /v1/places answer and the geography's population). */
export interface MemberFacts {
  id: string;
  name: string;
  /** 2020 population from the priority-geography answer; null = unknown (the member is then skipped for weighting). */
  population: number | null;
  /** Domain percentiles on the API's 0–1 scale; null = the town has no score in that domain. */
  domains: Record<string, { percentile: number | null }>;
  indicators: Record<string, { label: string; flagged: boolean }>;
}

export interface WeightedDomain {
  id: string;
  /** Population-weighted mean of the members' domain percentiles, 0–1; null when no member has both. */
  percentile: number | null;
  /** Members weighted (they have a percentile and a population). */
  used: number;
  /** Members left out: no percentile in this domain or no population. */
  skipped: number;
}

/**
 * The geography's domain percentiles against the state: Σ(pop·pct)/Σ(pop) over the members that
 * have both, as the API weights the geography's overall percentile (need-investment's definition).
 * Members without a value are skipped, never counted as 0, and the page says how many.
 */
export function weightedDomainPercentiles(members: readonly MemberFacts[]): WeightedDomain[] {
  const ids = [...new Set(members.flatMap((m) => Object.keys(m.domains)))];
  return ids.map((id) => {
    let sum = 0;
    let weight = 0;
    let used = 0;
    for (const m of members) {
      const p = m.domains[id]?.percentile;
      if (p == null || !Number.isFinite(p) || m.population == null || !(m.population > 0)) continue;
      sum += p * m.population;
      weight += m.population;
      used++;
    }
    return { id, percentile: weight > 0 ? sum / weight : null, used, skipped: members.length - used };
  });
}

/** Sum of the members' populations; null when any is unknown (a partial sum would read as the whole). */
export function memberPopulation(members: readonly Pick<MemberFacts, 'population'>[]): number | null {
  if (members.length === 0 || members.some((m) => m.population == null)) return null;
  return members.reduce((s, m) => s + m.population!, 0);
}

export interface FlaggedIndicator {
  id: string;
  label: string;
  /** Members in which it is flagged (percentile ≥ 0.90). */
  count: number;
  members: string[];
}

/** Indicators flagged in the most members first (ties by id, so the page is reproducible); at most `max`. */
export function topFlaggedIndicators(members: readonly MemberFacts[], max = 6): FlaggedIndicator[] {
  const byId = new Map<string, FlaggedIndicator>();
  for (const m of members)
    for (const [id, i] of Object.entries(m.indicators)) {
      if (!i.flagged) continue;
      const f = byId.get(id) ?? { id, label: i.label, count: 0, members: [] };
      f.count++;
      f.members.push(m.name);
      byId.set(id, f);
    }
  return [...byId.values()].sort((a, b) => b.count - a.count || a.id.localeCompare(b.id)).slice(0, max);
}

/** How a member is outlined on the locator: solid = announced, dashed = added by the rule, dotted = listed by hand. */
export type MemberOutline = 'solid' | 'dashed' | 'dotted';
export const OUTLINE_OF: Record<NonNullable<PriorityMember['basis']>, MemberOutline> = { announced: 'solid', 'added-by-rule': 'dashed', listed: 'dotted' };

export interface GeographyLocator extends Locator {
  outlines: Record<string, MemberOutline>;
}

/**
 * The place report's locator with every member outlined (the place report's `target`
 * is the announced members; `outline` says the line style), framed on all members.
 */
export function geographyLocatorData(geometry: Geometry, table: MeasureTable, outlines: Record<string, MemberOutline>): GeographyLocator | null {
  const ids = Object.keys(outlines);
  const shapes = geometry.features.filter((f) => ids.includes(f.properties.id));
  if (shapes.length === 0) return null;
  const base = locatorData(geometry, table, shapes[0]!.properties.id)!;
  const boxes = shapes.map((f) => bboxOf(f.geometry));
  const union: Bbox = [Math.min(...boxes.map((b) => b[0])), Math.min(...boxes.map((b) => b[1])), Math.max(...boxes.map((b) => b[2])), Math.max(...boxes.map((b) => b[3]))];
  for (const f of base.collection.features) {
    const o = outlines[f.properties.id];
    f.properties.target = o !== undefined;
    if (o) f.properties.outline = o;
  }
  return { ...base, bounds: contextBounds(union, GEOGRAPHY_CONTEXT), outlines };
}
