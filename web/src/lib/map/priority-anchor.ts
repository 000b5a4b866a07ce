import type { MultiPolygon, Polygon } from 'geojson';
import type { PriorityGeographyProperties, PriorityMember } from '../api';
import { interiorPoint } from './geometry-utils';

const ROLE_ORDER: Record<PriorityMember['role'], number> = { configured: 0, seed: 1, adjacent: 2 };

/**
 * The member a geography is named for — the announced community or the seed
 * of a derived one: "Lawrence" → Lawrence, "Ayer (Nashoba Valley)" → Ayer.
 * The geography's name must be the town's name or start with it as a word.
 */
export function namedMember(p: Pick<PriorityGeographyProperties, 'name' | 'members'>): PriorityMember | undefined {
  const name = p.name.toLowerCase();
  const named = (m: PriorityMember) => {
    const town = m.name.toLowerCase();
    return name === town || (name.startsWith(town) && /^[\s(,–-]/.test(name.slice(town.length)));
  };
  return [...p.members].sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || b.name.length - a.name.length).find(named);
}

/**
 * Where a geography's label hangs: inside the town it is named for (the
 * geography's own centre can fall on a neighbour — "Lawrence" sat over
 * Methuen), else inside the geography.
 */
export function priorityAnchor(geography: { geometry: Polygon | MultiPolygon; properties: Pick<PriorityGeographyProperties, 'name' | 'members'> }, townShape: (id: string) => Polygon | MultiPolygon | undefined): [number, number] {
  const member = namedMember(geography.properties);
  const shape = member ? townShape(member.id) : undefined;
  return interiorPoint(shape ?? geography.geometry);
}
