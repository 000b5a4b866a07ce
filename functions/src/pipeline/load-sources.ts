import { loadManifest, readSource, type SourceEntry } from '../sources/source-manifest.js';
import { parseTowns, type Town } from '../sources/towns.js';
import { parseZctas, ZCTA_ID, type Zcta } from '../sources/zctas.js';
import { parsePlacesMeasures, PLACES_PLACE_SPEC, type PlacesRow } from '../sources/places-measures.js';
import { parseEjBlockGroups, type EjBlockGroup } from '../sources/ej-blockgroups.js';
import { parseBlockGroups, type BlockGroup } from '../sources/block-groups.js';
import { parseMasschip2010, type MasschipValue } from '../sources/masschip-town-indicators.js';
import { parseMasschip20052008, type Masschip20052008 } from '../sources/masschip-town-2005-2008.js';
import { HEALTH_CENTERS_SPEC, HOSPITALS_SPEC, parseFacilities, type Facility } from '../sources/facilities.js';
import { parseHospitalStatusChanges, type HospitalStatusChange } from '../sources/hospital-status.js';
import { parseAcsZctaPopulation } from '../sources/acs-zcta-population.js';
import type { Progress } from './progress.js';
import { parseCountyContext, type CountyContext } from '../sources/county-context.js';
import { indicatorRange, type Registry } from '../indices/indicator-registry.js';
import type { ValueRange } from '../sources/value-codes.js';

export interface LoadedSources {
  towns: Town[];
  /** Simplified outlines for the web map (display only). */
  townsForMap: Town[];
  zctas: Zcta[];
  blockGroups: BlockGroup[];
  placesZcta: PlacesRow[];
  placesPlace: PlacesRow[];
  masschip2010: Map<string, Map<string, MasschipValue>>;
  masschip20052008: Masschip20052008;
  ejBlockGroups: EjBlockGroup[];
  /** ZCTA → ACS 2017–2021 residents (decides which ZCTAs are populous enough to rank). */
  acsZctaPopulation: Map<string, number>;
  hospitals: Facility[];
  /** Curated closures after the 2018 hospital layer (apply with openFacilitiesAsOf). */
  hospitalStatusChanges: HospitalStatusChange[];
  healthCenters: Facility[];
  counties: Map<string, CountyContext>;
  manifest: SourceEntry[];
}

/** Read, checksum and validate every source; any problem throws before anything is written. */
/** PLACES measures the registry reads from a source, so the loader can insist on their columns. */
const placesMeasures = (registry: Registry | undefined, sourceId: string) =>
  registry?.indicators.flatMap((i) => (i.source.kind === 'places' && i.source.sourceId === sourceId ? [i.source.measure] : [])) ?? [];

/** The registry's value range per source column it reads (docs/method.md "Input checks"), keyed by measure, MassCHIP key or column. */
function registryRanges(registry: Registry | undefined) {
  const places: Record<string, Record<string, ValueRange>> = { 'places-zcta': {}, 'places-place': {} };
  const masschip2010 = new Map<string, ValueRange>();
  const masschip20052008 = new Map<string, ValueRange>();
  let income: ValueRange | undefined;
  for (const spec of registry?.indicators ?? []) {
    const range = indicatorRange(spec);
    const s = spec.source;
    if (s.kind === 'places') places[s.sourceId]![s.measure] = range;
    else if (s.kind === 'masschip-2010') masschip2010.set(s.key, range);
    else if (s.kind === 'masschip-2005-2008') masschip20052008.set(s.column, range);
    else if (s.kind === 'ej-town-income') income = range;
  }
  return { places, masschip2010, masschip20052008, income };
}

export function loadSources(dataDir: string, progress: Progress, manifest: SourceEntry[] = loadManifest(), registry?: Registry): LoadedSources {
  const read = (id: string) => {
    const source = readSource(dataDir, id, manifest);
    progress.step(`read ${source.entry.path} (${(source.bytes.length / 1e6).toFixed(1)} MB, sha256 ok)`);
    return source;
  };
  const parse = <T>(id: string, parser: (bytes: Buffer, file: string) => T): T => {
    const s = read(id);
    return parser(s.bytes, s.entry.path);
  };
  const ranges = registryRanges(registry);
  const towns = parse('towns', parseTowns);
  const hospitals = parse('hospitals', (b, f) => parseFacilities(b, f, HOSPITALS_SPEC));
  const loaded: LoadedSources = {
    towns,
    townsForMap: parse('towns-simplified', parseTowns),
    zctas: parse('zctas', parseZctas),
    blockGroups: parse('block-groups', parseBlockGroups),
    placesZcta: parse('places-zcta', (b, f) => parsePlacesMeasures(b, f, { idColumn: 'ZCTA5', idPattern: ZCTA_ID, expectedCount: 532, requiredMeasures: placesMeasures(registry, 'places-zcta'), ranges: ranges.places['places-zcta'] })),
    placesPlace: parse('places-place', (b, f) => parsePlacesMeasures(b, f, { ...PLACES_PLACE_SPEC, requiredMeasures: placesMeasures(registry, 'places-place'), ranges: ranges.places['places-place'] })),
    masschip2010: parse('masschip-2010', (b, f) => parseMasschip2010(b, f, undefined, ranges.masschip2010)),
    masschip20052008: parse('masschip-2005-2008', (b, f) => parseMasschip20052008(b, f, new Set(towns.map((t) => t.name.toUpperCase())), ranges.masschip20052008)),
    ejBlockGroups: parse('ej-blockgroups', (b, f) => parseEjBlockGroups(b, f, undefined, ranges.income)),
    acsZctaPopulation: parse('acs-zcta-population', parseAcsZctaPopulation),
    hospitals,
    hospitalStatusChanges: parse('hospital-status-changes', (b, f) => parseHospitalStatusChanges(b, f, hospitals)),
    healthCenters: parse('health-centers', (b, f) => parseFacilities(b, f, HEALTH_CENTERS_SPEC)),
    counties: parseCountyContext({
      svi2022: parse('svi-2022-county', (bytes, file) => ({ bytes, file })),
      placesCounty: parse('places-county', (bytes, file) => ({ bytes, file })),
      chr2011: parse('chr-2011', (bytes, file) => ({ bytes, file })),
    }),
    manifest,
  };
  progress.step(
    `validated ${loaded.towns.length} towns, ${loaded.zctas.length} ZCTAs, ${loaded.blockGroups.length} block-group outlines, ${loaded.ejBlockGroups.length} EJ rows, ` +
      `${loaded.placesZcta.length} + ${loaded.placesPlace.length} PLACES rows, ${loaded.masschip2010.size} MassCHIP indicators, ${loaded.hospitals.length} hospitals, ${loaded.healthCenters.length} health centers`,
  );
  return loaded;
}
