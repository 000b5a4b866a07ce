import { sumByTarget } from '../indices/aggregate-block-groups.js';
import type { Estimate } from '../indices/estimate.js';
import { distanceToLandBorderKm, borderTownsWhereOutOfStateMayBeCloser } from '../geo/border-distance.js';
import { stateLandBorder } from '../geo/state-land-border.js';
import type { Town } from '../sources/towns.js';
import type { GeoLinks } from './assemble-indicators.js';
import type { Denominators } from '../indices/block-group-denominators.js';

/** The hospital layer has only Massachusetts hospitals, so distance-based access is overstated where another state's hospital may be nearer. */
export const OUT_OF_STATE_NOTE =
  'Border town: its residents live closer to the state line than to any Massachusetts hospital, so a hospital in a neighbouring state may be nearer; the source layer lists Massachusetts hospitals only, so access here may be understated.';

/**
 * Towns whose population-weighted distance to the state's land border is
 * shorter than their distance to the nearest open Massachusetts hospital
 * (docs/method.md §2b): an upper bound on the towns whose access indicators
 * the missing out-of-state hospitals could change.
 */
export function outOfStateLimitedTowns(towns: readonly Town[], links: GeoLinks, denominators: ReadonlyMap<string, Denominators>, hospitalKm: ReadonlyMap<string, Estimate>): string[] {
  const border = stateLandBorder(towns.map((t) => ({ id: t.id, geometry: t.geometry, landAreaM2: t.landAreaM2, waterAreaM2: t.waterAreaM2 })));
  const km = distanceToLandBorderKm(links.blockGroupPoints, border.segments);
  const persons = (id: string) => denominators.get(id)?.persons ?? null;
  const weighted = sumByTarget([...km].map(([id, d]) => ({ id, amount: persons(id) === null ? null : persons(id)! * d })), links.blockGroupToTown);
  const people = sumByTarget([...km].map(([id]) => ({ id, amount: persons(id) })), links.blockGroupToTown);
  const borderKm = new Map([...weighted].flatMap(([town, s]) => ((people.get(town)?.total ?? 0) > 0 ? [[town, s.total / people.get(town)!.total] as const] : [])));
  return borderTownsWhereOutOfStateMayBeCloser(new Map([...hospitalKm].map(([id, e]) => [id, e.value])), borderKm);
}
