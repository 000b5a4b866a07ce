import { loadManifest, readSource, type SourceEntry } from '../sources/source-manifest.js';
import { parseTowns, type Town } from '../sources/towns.js';
import { parseZctas, type Zcta } from '../sources/zctas.js';
import { parsePlacesZcta, type PlacesZctaRow } from '../sources/places-zcta.js';
import { parseEjBlockGroups, type EjBlockGroup } from '../sources/ej-blockgroups.js';
import type { Progress } from './progress.js';

export interface LoadedSources {
  towns: Town[];
  /** Simplified outlines for the web map (display only). */
  townsForMap: Town[];
  zctas: Zcta[];
  placesZcta: PlacesZctaRow[];
  ejBlockGroups: EjBlockGroup[];
  manifest: SourceEntry[];
}

/** Read, checksum and validate every source; any problem throws before anything is written. */
export function loadSources(dataDir: string, progress: Progress, manifest: SourceEntry[] = loadManifest()): LoadedSources {
  const read = (id: string) => {
    const source = readSource(dataDir, id, manifest);
    progress.step(`read ${source.entry.path} (${(source.bytes.length / 1e6).toFixed(1)} MB, sha256 ok)`);
    return source;
  };
  const towns = read('towns');
  const townsSimplified = read('towns-simplified');
  const zctas = read('zctas');
  const places = read('places-zcta');
  const ej = read('ej-blockgroups');
  const loaded: LoadedSources = {
    towns: parseTowns(towns.bytes, towns.entry.path),
    townsForMap: parseTowns(townsSimplified.bytes, townsSimplified.entry.path),
    zctas: parseZctas(zctas.bytes, zctas.entry.path),
    placesZcta: parsePlacesZcta(places.bytes, places.entry.path),
    ejBlockGroups: parseEjBlockGroups(ej.bytes, ej.entry.path),
    manifest,
  };
  progress.step(
    `validated ${loaded.towns.length} towns, ${loaded.zctas.length} ZCTAs, ${loaded.placesZcta.length} PLACES rows, ${loaded.ejBlockGroups.length} block groups`,
  );
  return loaded;
}
