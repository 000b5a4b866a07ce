import type { BlockGroupOverlay } from './block-group-overlay.js';

/** Share of a block group's area (and so, assumed uniform within it, of its population) in one town or ZCTA. */
export interface BlockGroupAllocationRow {
  blockGroup: string;
  /** Town GEOID or ZCTA, per `to`. */
  to: string;
  frac: number;
}

export interface BlockGroupAllocation {
  /** Sorted by (blockGroup, to); each block group's fractions sum to 1. */
  rows: BlockGroupAllocationRow[];
  /** Block groups that overlap no ZCTA ∩ town at all (none can be allocated). */
  unallocated: string[];
}

/**
 * Block group → town or → ZCTA allocation: the block group's area in each town
 * (or ZCTA) divided by its area that lies in any ZCTA ∩ town. Renormalising over
 * the covered area (not the whole polygon) hands a coastal block group's water
 * and the odd uncovered sliver to where its land is, so every allocated block
 * group's fractions sum to exactly 1 and aggregated counts are conserved. Used to
 * aggregate block-group indicators and access-to-care distances to towns and ZCTAs.
 */
export function blockGroupAllocation(overlay: BlockGroupOverlay, to: 'town' | 'zcta'): BlockGroupAllocation {
  const areas = new Map<string, Map<string, number>>();
  for (const p of overlay.pieces) {
    const byTarget = areas.get(p.blockGroup) ?? new Map<string, number>();
    const key = to === 'town' ? p.town : p.zcta;
    byTarget.set(key, (byTarget.get(key) ?? 0) + p.areaM2);
    areas.set(p.blockGroup, byTarget);
  }
  const rows: BlockGroupAllocationRow[] = [];
  const unallocated: string[] = [];
  for (const { id } of [...overlay.blockGroups].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    const byTarget = areas.get(id);
    if (!byTarget) {
      unallocated.push(id);
      continue;
    }
    const total = [...byTarget.values()].reduce((s, a) => s + a, 0);
    for (const target of [...byTarget.keys()].sort()) rows.push({ blockGroup: id, to: target, frac: byTarget.get(target)! / total });
  }
  return { rows, unallocated };
}
