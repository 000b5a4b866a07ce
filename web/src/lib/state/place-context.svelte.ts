import type { Level } from '../api';
import type { AppData } from './app-data.svelte';
import { membershipLabel, priorityMembership, type Membership } from './map-layers';
import { ZIP_MAJORITY, zipPriorities, type ZipPriority } from './zip-priority';
import { countiesOf, townCounties, zipCounties } from './county-filter';
import { m } from '../../paraglide/messages.js';

/**
 * Where each place of the shown level belongs: its priority geography and its county. Towns are
 * members (or not) and carry their county; a ZIP code belongs where most of its residents live,
 * through the population crosswalk. Null functions mean "not known yet" (data still loading), so
 * filters wait instead of hiding everything.
 */
export interface PlaceContext {
  /** Town id → its priority geography (and how it became a member). */
  readonly members: Map<string, Membership>;
  /** ZIP code → the priority geography holding the largest share of its residents. */
  readonly zips: Map<string, ZipPriority> | null;
  readonly inPriority: ((id: string) => boolean) | null;
  /** The counties the filter offers (Massachusetts: 14). */
  readonly counties: string[];
  readonly countyOf: ((id: string) => string | null) | null;
  /** The priority geography a place is in (towns), or most of its residents live in (ZIP codes), as the UI names it. */
  priorityOf(id: string): string | null;
}

/** Call during a component's set-up (runes); `level` reads the level shown. */
export function placeContext(data: AppData, level: () => Level): PlaceContext {
  const members = $derived(priorityMembership(data.priority));
  const zips = $derived(data.crosswalk && data.priority ? zipPriorities(data.crosswalk, members) : null);
  const inPriority = $derived.by((): ((id: string) => boolean) | null => {
    if (level() === 'town') return data.priority ? (id) => members.has(id) : null;
    const z = zips;
    return z ? (id) => (z.get(id)?.share ?? 0) >= ZIP_MAJORITY : null;
  });

  const townTable = $derived(data.levels.town?.table ?? null);
  const counties = $derived(countiesOf(townTable));
  const townCounty = $derived(townCounties(townTable));
  const zipCounty = $derived(data.crosswalk && townTable ? zipCounties(data.crosswalk, townCounty) : null);
  const countyOf = $derived.by((): ((id: string) => string | null) | null => {
    if (level() === 'town') return townTable ? (id) => townCounty.get(id) ?? null : null;
    const z = zipCounty;
    return z ? (id) => z.get(id) ?? null : null;
  });

  return {
    get members() { return members; },
    get zips() { return zips; },
    get inPriority() { return inPriority; },
    get counties() { return counties; },
    get countyOf() { return countyOf; },
    priorityOf(id) {
      if (level() === 'town') return membershipLabel(members.get(id));
      const z = zips?.get(id);
      return z && z.share >= ZIP_MAJORITY ? m.common_zip_share_of_residents({ name: z.geography.name, pct: String(Math.round(z.share * 100)) }) : null;
    },
  };
}
