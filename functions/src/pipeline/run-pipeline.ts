import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { STORE_SCHEMA, type Level, type PlaceRecord, type VersionMeta } from '../indices/place-record.js';
import { computeLevelIndex } from '../indices/compute-index.js';
import { levelSensitivity, type PublishedSensitivity } from '../indices/sensitivity.js';
import type { Registry } from '../indices/indicator-registry.js';
import { fullGeometry, webGeometry } from '../geo/web-geometry.js';
import { loadGeos } from '../geo/geos-kernel.js';
import { loadRegistry } from '../sources/indicator-registry-file.js';
import type { SourceEntry } from '../sources/source-manifest.js';
import { geometryKey, fullGeometryKey, crosswalkKey, priorityGeographiesKey, sensitivityKey, zipTableKey, type BlobStore, type IndexStore } from '../store/index-store.js';
import { assembleIndicators } from './assemble-indicators.js';
import { assertIndicatorValuesInRange } from '../indices/indicator-range-check.js';
import { unrankedPlaces } from '../indices/rank-eligibility.js';
import { accessInputs, noteBorderTowns } from './access-stage.js';
import { buildGeoLinks } from './build-geo-links.js';
import { loadSources } from './load-sources.js';
import { loadZipTable } from './zip-table.js';
import { overallMeasure, placeRecords } from './place-records.js';
import { silentProgress, type Progress } from './progress.js';
import { prepareAhem } from './ahem-stage.js';
import { loadPriorityConfig, type PriorityConfig } from '../sources/priority-geographies-config.js';
import { stateReferences } from '../indices/state-reference.js';
import { publishedStateFigures } from './state-figures.js';
import type { InvestmentStore } from '../store/investment-store.js';
import { runInputs, UNKNOWN_REVISION } from './run-inputs.js';
import { outputContentSha256, recordingBlobStore } from './content-hash.js';
import { codeProvenance, type CodeProvenance } from './code-provenance.js';

/** Sortable, readable version ids led by the method: ma-hei-1.0-20261123T034501Z-1a2b. */
export function newVersionId(methodId: string, now = new Date()): string {
  return `${methodId}-${now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}-${randomBytes(2).toString('hex')}`;
}

export interface PipelineResult {
  version: string;
  previous: string | null;
  counts: Record<Level, number>;
  /** Seconds per stage. */
  timings: Record<string, number>;
  /** sha256 of the published outputs (content-hash.ts), recorded in the version's meta. */
  contentSha256: string;
}

export interface PipelineDeps {
  store: IndexStore;
  blobs: BlobStore;
  dataDir: string;
  /** Crosswalk cache directory (default: none → <tmp>); the CLI passes <STATE_DIR>/cache. */
  cacheDir: string;
  progress?: Progress;
  /** Defaults to data/sources.json. */
  manifest?: SourceEntry[];
  /** Defaults to data/indicators.json. */
  registry?: Registry;
  /** Override the registry's Monte Carlo draws (tests use fewer). */
  draws?: number;
  /** Defaults to data/priority-geographies.json. */
  priorityConfig?: PriorityConfig;
  /** When given, ahem/investments.csv is loaded into it on the first run (issue 5). */
  investments?: InvestmentStore;
  /** The day the index describes (YYYY-MM-DD): facilities closed by then are left out. Default: today (UTC). */
  asOf?: string;
  /** Recorded in the version's inputs (pipeline/run-inputs.ts); default "unknown" (such a version is never "unchanged"). */
  codeRevision?: string;
  /** Git commit and package version recorded in the version (default: read from the checkout, code-provenance.ts). */
  code?: CodeProvenance;
}


/**
 * sources → geo joins → indicators → indices → new version → geometry →
 * flip "current" last. A failure at any step leaves the previous version
 * current; the half-written version stays invisible (status "writing").
 */
export async function runPipeline(deps: PipelineDeps): Promise<PipelineResult> {
  const progress = deps.progress ?? silentProgress;
  const timings: Record<string, number> = {};
  let mark = performance.now();
  const lap = (stage: string) => {
    const now = performance.now();
    timings[stage] = Math.round(now - mark) / 1000;
    mark = now;
  };

  progress.step(`loading sources from ${deps.dataDir}`);
  const registry = deps.registry ?? loadRegistry();
  const sources = loadSources(deps.dataDir, progress, deps.manifest, registry);
  const zipTable = loadZipTable(deps.dataDir, deps.manifest);
  lap('load');

  const geo = await buildGeoLinks(sources, deps.cacheDir, progress);
  timings.areaOverlay = Math.round(geo.timings.areaOverlay * 1000) / 1000;
  lap('crosswalk');

  // Access as of the run date: hospitals closed since the 2018 layer are left out (facilities/hospital_status_changes.csv).
  const access = accessInputs(sources, geo, deps.asOf ?? new Date().toISOString().slice(0, 10));
  const { asOf, hospitals } = access;
  const assembled = assembleIndicators(registry, {
    ...sources,
    hospitals: hospitals.open,
    zctaIds: sources.zctas.map((z) => z.id),
    links: geo.links,
    denominators: geo.denominators,
    blockGroupValues: new Map([['hospital-beds-2sfca', access.bedAccess]]),
  });
  const borderTowns = noteBorderTowns(sources, geo, assembled);
  // The last input check before anything is written: every assembled value in its registry range (docs/method.md §7a).
  assertIndicatorValuesInRange(registry.indicators, assembled.values);
  lap('indicators');
  progress.step(`assembled ${registry.indicators.length} indicators at both levels (${borderTowns.length} border towns where an out-of-state hospital may be nearer)`);

  const draws = deps.draws ?? registry.method.monteCarlo.draws;
  const priorityConfig = deps.priorityConfig ?? loadPriorityConfig();
  const minPopulation = registry.method.minRankPopulation ?? 0;
  const townPopulation = new Map(sources.towns.map((t) => [t.id, t.population2020]));
  const zctaPopulation = new Map(sources.zctas.map((z) => [z.id, sources.acsZctaPopulation.get(z.id) ?? null]));
  const unranked = {
    town: unrankedPlaces(townPopulation, minPopulation, 'Census 2020'),
    zcta: unrankedPlaces(zctaPopulation, minPopulation, 'ACS 2017–2021'),
  };
  const townIndex = computeLevelIndex(sources.towns.map((t) => t.id), registry.indicators, registry.method, assembled.values.town, { draws, unranked: unranked.town, noData: assembled.noData.town });
  const zctaIndex = computeLevelIndex(sources.zctas.map((z) => z.id), registry.indicators, registry.method, assembled.values.zcta, { draws, unranked: unranked.zcta, noData: assembled.noData.zcta });
  lap('indices');
  progress.step(`scored ${sources.towns.length} towns and ${sources.zctas.length} ZCTAs (method ${registry.method.id}, ${draws} Monte Carlo draws)`);
  const sensitivity = { town: levelSensitivity(townIndex, registry.method, registry.indicators), zcta: levelSensitivity(zctaIndex, registry.method, registry.indicators) };
  lap('sensitivity');

  const places: PlaceRecord[] = [
    ...placeRecords('town', sources.towns.map((t) => ({ id: t.id, name: t.name, county: t.county, countyFips: t.countyFips, population: t.population2020 })), townIndex, registry),
    ...placeRecords('zcta', sources.zctas.map((z) => ({ id: z.id, name: `ZIP ${z.id}`, county: null, countyFips: null, population: zctaPopulation.get(z.id) ?? null })), zctaIndex, registry),
  ];

  const previous = (await deps.store.getCurrentVersion())?.version ?? null;
  const version = newVersionId(registry.method.id);
  progress.version?.(version);
  // Every blob written from here on is in the version's content hash (content-hash.ts), new kinds included.
  const written = recordingBlobStore(deps.blobs, version);
  deps = { ...deps, blobs: written.blobs };
  const counts = { town: sources.towns.length, zcta: sources.zctas.length };
  const meta: VersionMeta = {
    version,
    schema: STORE_SCHEMA,
    createdAt: new Date().toISOString(),
    status: 'writing',
    counts,
    measures: { town: overallMeasure(registry), zcta: overallMeasure(registry) },
    method: registry.method,
    indicators: registry.indicators,
    countyContext: Object.fromEntries(sources.counties),
    derivation: { town: Object.fromEntries(assembled.derivation.town), zcta: Object.fromEntries(assembled.derivation.zcta) },
    sources: sources.manifest.map(({ id, title, vintage, sha256, downloadUrl, publisher, license, landingPage }) => ({ id, title, vintage, sha256, downloadUrl, publisher, license, landingPage: landingPage ?? null })),
    asOf,
    outOfStateLimitedTowns: borderTowns,
    closedFacilities: hospitals.closed.map(({ facility, change }) => ({ id: facility.id, name: facility.name, effectiveDate: change.effectiveDate, sourceUrl: change.sourceUrl })),
    stateReference: stateReferences(registry.indicators, {
      published: publishedStateFigures(registry.indicators, sources),
      sourceTitles: new Map(sources.manifest.map((m) => [m.id, m.title])),
      towns: places.filter((p) => p.level === 'town').map((p) => ({ population: p.population, values: Object.fromEntries(Object.entries(p.indicators).map(([id, i]) => [id, i.value])) })),
    }),
    inputs: runInputs(sources.manifest, registry, priorityConfig, draws, deps.codeRevision ?? UNKNOWN_REVISION),
    code: deps.code ?? codeProvenance(),
  };
  // Priority geographies are derived from this version's town index (docs/method.md), validated before anything is written.
  const ahem = prepareAhem({ dataDir: deps.dataDir, manifest: sources.manifest, version, towns: sources.towns, townsForMap: sources.townsForMap, townPlaces: places.filter((p) => p.level === 'town'), config: priorityConfig });
  await deps.store.beginVersion(meta);

  const task = progress.task(`writing version ${version}`, places.length);
  await deps.store.putPlaces(version, places, (n) => task.tick(n));
  task.done();

  // Display geometry (simplified towns, snap-rounded) for the map, and the full-resolution outlines for GIS downloads; both checked valid.
  const geos = await loadGeos();
  const zctaOutlines = sources.zctas.map((z) => ({ ...z, name: `ZIP ${z.id}` }));
  await deps.blobs.put(geometryKey(version, 'town'), JSON.stringify(webGeometry(sources.townsForMap, geos)), 'application/geo+json');
  await deps.blobs.put(geometryKey(version, 'zcta'), JSON.stringify(webGeometry(zctaOutlines, geos)), 'application/geo+json');
  await deps.blobs.put(fullGeometryKey(version, 'town'), JSON.stringify(fullGeometry(sources.towns, geos)), 'application/geo+json');
  await deps.blobs.put(fullGeometryKey(version, 'zcta'), JSON.stringify(fullGeometry(zctaOutlines, geos)), 'application/geo+json');
  await deps.blobs.put(crosswalkKey(version, 'area'), JSON.stringify({ rows: geo.area.rows, exceptions: geo.area.exceptions }), 'application/json');
  await deps.blobs.put(crosswalkKey(version, 'population'), JSON.stringify({ rows: geo.population.rows }), 'application/json');
  await deps.blobs.put(zipTableKey(version), JSON.stringify({ rows: zipTable }), 'application/json');
  await deps.blobs.put(priorityGeographiesKey(version), JSON.stringify(ahem.geographies), 'application/geo+json');
  for (const level of ['town', 'zcta'] as const) {
    const published: PublishedSensitivity = { version, level, method: registry.method.id, ...sensitivity[level] };
    await deps.blobs.put(sensitivityKey(version, level), JSON.stringify(published), 'application/json');
  }
  if (deps.investments) {
    const seeded = await deps.investments.seed(ahem.investments, { sha256: ahem.investmentsSha256 }, 'seed:ahem/investments.csv');
    if (seeded > 0) progress.step(`loaded ${seeded} investments from ahem/investments.csv (first run)`);
  }
  lap('store');
  progress.step('wrote map geometry and crosswalks');

  const contentSha256 = outputContentSha256({ meta, places, blobSha256: written.blobSha256 });
  await deps.store.publishVersion(version, previous, { contentSha256 });
  progress.step(`published ${version} as current${previous ? ` (previous: ${previous})` : ''}; content sha256 ${contentSha256}`);
  return { version, previous, counts, timings, contentSha256 };
}

/** Where the CLI keeps the crosswalk cache. */
export const defaultCacheDir = (stateDir: string) => path.join(stateDir, 'cache');
