import { twoStepCatchment } from '../geo/two-step-catchment.js';
import { openFacilitiesAsOf, type FacilitiesAsOf } from '../sources/hospital-status.js';
import type { AssembledIndicators } from './assemble-indicators.js';
import { OUT_OF_STATE_NOTE, outOfStateLimitedTowns } from './border-limitation.js';
import type { GeoResult } from './build-geo-links.js';
import type { LoadedSources } from './load-sources.js';

/** Catchment of the 2SFCA bed-access indicator (docs/method.md §2b). */
export const BED_ACCESS_RADIUS_KM = 30;

export interface AccessInputs {
  /** The day the index describes (YYYY-MM-DD). */
  asOf: string;
  hospitals: FacilitiesAsOf;
  /** Block group → licensed beds within reach per 1,000 residents. */
  bedAccess: Map<string, number>;
}

/**
 * Access to care as of a date (docs/method.md §2b): hospitals closed by then
 * (facilities/hospital_status_changes.csv) are left out, and bed access is the
 * two-step floating catchment over the open ones.
 */
export function accessInputs(sources: LoadedSources, geo: GeoResult, asOf: string): AccessInputs {
  const hospitals = openFacilitiesAsOf(sources.hospitals, sources.hospitalStatusChanges, asOf);
  const points = new Map(geo.links.blockGroupPoints.map((b) => [b.id, b.point]));
  const bedAccess = twoStepCatchment(
    sources.ejBlockGroups.flatMap((bg) => (points.has(bg.id) ? [{ id: bg.id, point: points.get(bg.id)!, population: geo.denominators.get(bg.id)?.persons ?? null }] : [])),
    hospitals.open.map((h) => ({ id: h.id, point: h.point, capacity: h.beds ?? null })),
    { radiusKm: BED_ACCESS_RADIUS_KM },
  );
  return { asOf, hospitals, bedAccess };
}

/**
 * Where a neighbouring state's hospital may be nearer, say so with the access
 * values (they stay: the bias is one-sided but unmeasured). Returns the towns.
 */
export function noteBorderTowns(sources: LoadedSources, geo: GeoResult, assembled: AssembledIndicators): string[] {
  const towns = outOfStateLimitedTowns(sources.towns, geo.links, geo.denominators, assembled.values.town.get('hospital_distance') ?? new Map());
  for (const id of ['hospital_distance', 'hospital_bed_access']) {
    for (const town of towns) {
      const e = assembled.values.town.get(id)?.get(town);
      if (e) e.notes = [...(e.notes ?? []), OUT_OF_STATE_NOTE];
    }
  }
  return towns;
}
