import type { MeasureColumn, MeasureTable, PriorityGeographies } from '../api';
import { buildScale, type Scale } from '../map/quantile-scale';
import type { PlaceStyle } from '../map/create-map';
import { BASIS_LABEL, memberBasis } from '../profile/priority-explanation';

export interface Membership {
  id: string;
  name: string;
  status: 'confirmed' | 'derived';
  /** Whether the town is the announced AHEM community or was added by the index's rule (or listed by hand). */
  basis: 'announced' | 'added-by-rule' | 'listed';
}

/** Town id → the priority geography it belongs to. */
export function priorityMembership(priority: PriorityGeographies | null): Map<string, Membership> {
  const byTown = new Map<string, Membership>();
  for (const f of priority?.features ?? [])
    for (const m of f.properties.members) byTown.set(m.id, { id: f.properties.id, name: f.properties.name, status: f.properties.status, basis: memberBasis(f.properties.status, m) });
  return byTown;
}

/** "Chicopee" for the announced community, "Chicopee (added by the index’s rule)" for a town the rule added (tooltip, table). */
export function membershipLabel(m: Membership | undefined): string | null {
  if (!m) return null;
  return m.basis === 'announced' ? m.name : `${m.name} (${BASIS_LABEL[m.basis]})`;
}

/** The measure to draw, falling back to the overall index when the id is unknown at this level. */
export function findMeasure(table: MeasureTable, id: string): MeasureColumn {
  return table.measures.find((m) => m.id === id) ?? table.measures[0]!;
}

export interface Filters {
  flaggedOnly: boolean;
  priorityOnly: boolean;
  /** Counties to keep; empty = every county. */
  counties?: readonly string[];
}

/**
 * Ids passing the filters, or null when no filter is on (everything shown).
 * `inPriority` says whether a place counts as in a priority geography (towns:
 * members; ZIP codes: most residents in member towns); null = not known yet.
 * `countyOf` gives a place's county (towns: their own; ZIP codes: where most
 * residents live); null = not known yet, so the county filter waits, like the
 * priority filter.
 */
export function visiblePlaces(table: MeasureTable, filters: Filters, inPriority: ((id: string) => boolean) | null, countyOf: ((id: string) => string | null) | null = null): Set<string> | null {
  const priority = filters.priorityOnly && inPriority !== null;
  const counties = countyOf && filters.counties?.length ? new Set(filters.counties) : null;
  if (!filters.flaggedOnly && !priority && !counties) return null;
  const keep = (id: string, flagCount: number) => (!filters.flaggedOnly || flagCount > 0) && (!priority || inPriority(id)) && (!counties || counties.has(countyOf!(id) ?? ''));
  return new Set(table.places.filter((p) => keep(p.id, p.flagCount)).map((p) => p.id));
}

/**
 * Feature state for every place: colour class of the measure (quantiles over
 * all places, so a filter dims places without changing colours), dimmed when
 * filtered out.
 */
export function placeStyles(table: MeasureTable, measure: MeasureColumn, visible: Set<string> | null): { ids: string[]; styles: PlaceStyle[]; scale: Scale } {
  const scale = buildScale(measure.values, measure.unit, measure.direction, { id: measure.id });
  const ids = table.places.map((p) => p.id);
  const styles = ids.map((id, i) => ({ cls: scale.classes[i]!, dim: visible !== null && !visible.has(id) }));
  return { ids, styles, scale };
}
