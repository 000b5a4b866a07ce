import pointOnFeature from '@turf/point-on-feature';
import { areaCrosswalk, type AreaCrosswalk } from '../geo/zcta-town-crosswalk.js';
import { blockGroupOverlay, type BlockGroupOverlay } from '../geo/block-group-overlay.js';
import { populationCrosswalk, type PopulationCrosswalk } from '../geo/population-crosswalk.js';
import { blockGroupAllocation } from '../geo/block-group-allocation.js';
import { blockGroupDenominators, type Denominators } from '../indices/block-group-denominators.js';
import type { Allocation } from '../indices/aggregate-block-groups.js';
import type { SourceWeight } from '../indices/reallocate.js';
import { cachedCrosswalk, crosswalkCacheKey } from './crosswalk-cache.js';
import { parseCachedAreaCrosswalk, parseCachedBlockGroupOverlay } from './crosswalk-cache-schemas.js';
import type { GeoLinks } from './assemble-indicators.js';
import type { LoadedSources } from './load-sources.js';
import type { Progress } from './progress.js';

export interface GeoResult {
  links: GeoLinks;
  area: AreaCrosswalk;
  population: PopulationCrosswalk;
  /** Block-group residents and households (indices/block-group-denominators.ts): the weights of every block-group aggregation. */
  denominators: Map<string, Denominators>;
  /** Seconds spent in each overlay (0 when served from the cache) and whether the cache answered. */
  timings: { areaOverlay: number; blockGroupOverlay: number; cacheHits: number };
}

const group = <R, V>(rows: readonly R[], key: (r: R) => string, value: (r: R) => V) => {
  const out = new Map<string, V[]>();
  for (const r of rows) {
    const list = out.get(key(r)) ?? [];
    list.push(value(r));
    out.set(key(r), list);
  }
  return out;
};

/**
 * Crosswalks and block-group allocations, cached by the boundary files'
 * checksums (docs/crosswalks.md): unchanged boundaries are never recomputed.
 */
export async function buildGeoLinks(sources: LoadedSources, cacheDir: string, progress: Progress): Promise<GeoResult> {
  const sha = (id: string) => sources.manifest.find((s) => s.id === id)!.sha256;
  const timed = async <T>(work: () => Promise<{ value: T; hit: boolean }>) => {
    const start = performance.now();
    const r = await work();
    return { ...r, seconds: (performance.now() - start) / 1000 };
  };
  const area = await timed(() =>
    cachedCrosswalk(cacheDir, crosswalkCacheKey('zcta-town-area', [sha('zctas'), sha('towns')]), () => areaCrosswalk(sources.zctas, sources.towns), parseCachedAreaCrosswalk),
  );
  progress.step(`ZCTA × town overlay: ${area.hit ? 'from cache' : `${area.seconds.toFixed(2)} s`} (${area.value.rows.length} pairs)`);
  const overlay = await timed<BlockGroupOverlay>(() =>
    cachedCrosswalk(
      cacheDir,
      crosswalkCacheKey('blockgroup-zcta-town', [sha('block-groups'), sha('zctas'), sha('towns')]),
      () => blockGroupOverlay(sources.blockGroups, sources.zctas, sources.towns),
      parseCachedBlockGroupOverlay,
    ),
  );
  progress.step(`block group × ZCTA × town overlay: ${overlay.hit ? 'from cache' : `${overlay.seconds.toFixed(2)} s`} (${overlay.value.pieces.length} pieces)`);

  const denominators = blockGroupDenominators(sources.ejBlockGroups);
  const population = populationCrosswalk(overlay.value, new Map([...denominators].map(([id, d]) => [id, d.persons])));
  const toAllocation = (to: 'town' | 'zcta') => group(blockGroupAllocation(overlay.value, to).rows, (r) => r.blockGroup, (r): Allocation => ({ target: r.to, share: r.frac }));
  const links: GeoLinks = {
    zctaToTown: group(population.rows, (r) => r.town, (r): SourceWeight => ({ from: r.zcta, weight: r.fracOfTown })),
    townToZcta: group(population.rows, (r) => r.zcta, (r): SourceWeight => ({ from: r.town, weight: r.fracOfZcta })),
    blockGroupToTown: toAllocation('town'),
    blockGroupToZcta: toAllocation('zcta'),
    blockGroupPoints: sources.blockGroups.map((bg) => ({ id: bg.id, point: pointOnFeature(bg.geometry).geometry.coordinates as [number, number] })),
  };
  return {
    links,
    area: area.value,
    population,
    denominators,
    timings: { areaOverlay: area.hit ? 0 : area.seconds, blockGroupOverlay: overlay.hit ? 0 : overlay.seconds, cacheHits: Number(area.hit) + Number(overlay.hit) },
  };
}
