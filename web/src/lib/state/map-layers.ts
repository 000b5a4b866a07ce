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
  /** Only towns in a priority geography (ignored for ZIP codes, which are not members). */
  priorityOnly: boolean;
}

/** Ids passing the filters, or null when no filter is on (everything shown). */
export function visiblePlaces(table: MeasureTable, filters: Filters, members: Map<string, unknown>): Set<string> | null {
  const priority = filters.priorityOnly && table.level === 'town';
  if (!filters.flaggedOnly && !priority) return null;
  return new Set(table.places.filter((p) => (!filters.flaggedOnly || p.flagCount > 0) && (!priority || members.has(p.id))).map((p) => p.id));
}

/**
 * Feature state for every place: colour class of the measure (quantiles over
 * all places, so a filter dims places without changing colours), dimmed when
 * filtered out.
 */
export function placeStyles(table: MeasureTable, measure: MeasureColumn, visible: Set<string> | null): { ids: string[]; styles: PlaceStyle[]; scale: Scale } {
  const scale = buildScale(measure.values, measure.unit, measure.direction);
  const ids = table.places.map((p) => p.id);
  const styles = ids.map((id, i) => ({ cls: scale.classes[i]!, dim: visible !== null && !visible.has(id) }));
  return { ids, styles, scale };
}
