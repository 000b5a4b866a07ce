import type { BlockGroupOverlay } from './block-group-overlay.js';

/**
 * Shares below this are cartographic slivers, not residents: the 1:500k block
 * groups and the full-resolution town outlines disagree by tens of metres
 * along every shared boundary, and Census block groups nest in tracts that
 * follow town lines. Keeping slivers gave Sherborn a limited-English share from
 * its neighbours' block groups while each of its own reports 0 (issue 12).
 */
export const SLIVER_SHARE = 0.01;

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
 * group's fractions sum to exactly 1 and aggregated counts are conserved; shares
 * under SLIVER_SHARE are dropped first (then renormalised). Used to
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
    const whole = [...byTarget.values()].reduce((s, a) => s + a, 0);
    // Drop slivers and renormalise over what is left, so every block group's fractions still sum to 1.
    const kept = [...byTarget.keys()].filter((t) => byTarget.get(t)! / whole >= SLIVER_SHARE).sort();
    const total = kept.reduce((s, t) => s + byTarget.get(t)!, 0);
    for (const target of kept) rows.push({ blockGroup: id, to: target, frac: byTarget.get(target)! / total });
  }
  return { rows, unallocated };
}
