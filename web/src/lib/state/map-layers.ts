import type { MeasureColumn, MeasureTable, PriorityGeographies } from '../api';
import { buildScale, type Scale } from '../map/quantile-scale';
import type { PlaceStyle } from '../map/create-map';

/** Town id → the priority geography it belongs to. */
export function priorityMembership(priority: PriorityGeographies | null): Map<string, { id: string; name: string; status: 'confirmed' | 'derived' }> {
  const byTown = new Map<string, { id: string; name: string; status: 'confirmed' | 'derived' }>();
  for (const f of priority?.features ?? []) for (const m of f.properties.members) byTown.set(m.id, { id: f.properties.id, name: f.properties.name, status: f.properties.status });
  return byTown;
}

/** The measure to draw, falling back to the overall index when the id is unknown at this level. */
export function findMeasure(table: MeasureTable, id: string): MeasureColumn {
  return table.measures.find((m) => m.id === id) ?? table.measures[0]!;
}

export interface Filters {
  flaggedOnly: boolean;
  priorityOnly: boolean;
}

/**
 * Ids passing the filters, or null when no filter is on (everything shown).
 * `inPriority` says whether a place counts as in a priority geography (towns:
 * members; ZIP codes: most residents in member towns); null = not known yet.
 */
export function visiblePlaces(table: MeasureTable, filters: Filters, inPriority: ((id: string) => boolean) | null): Set<string> | null {
  const priority = filters.priorityOnly && inPriority !== null;
  if (!filters.flaggedOnly && !priority) return null;
  return new Set(table.places.filter((p) => (!filters.flaggedOnly || p.flagCount > 0) && (!priority || inPriority(p.id))).map((p) => p.id));
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
