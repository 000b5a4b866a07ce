import { randomBytes } from 'node:crypto';
import type { Level, PlaceRecord, VersionMeta } from '../indices/place-record.js';
import { normalizeTownName, TOWN_MEASURE, townRecords, ZCTA_MEASURE, zctaRecords } from '../indices/first-index.js';
import { webGeometry } from '../geo/web-geometry.js';
import { SourceValidationError } from '../sources/source-problem.js';
import { geometryKey, type BlobStore, type IndexStore } from '../store/index-store.js';
import { loadSources, type LoadedSources } from './load-sources.js';
import type { SourceEntry } from '../sources/source-manifest.js';
import { silentProgress, type Progress } from './progress.js';

/** Sortable, readable version ids: 20261123T034501Z-1a2b. */
export function newVersionId(now = new Date()): string {
  return `${now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}-${randomBytes(2).toString('hex')}`;
}

export interface PipelineResult {
  version: string;
  previous: string | null;
  counts: Record<Level, number>;
}

/** Every EJ municipality name must be one of the 351 towns; a mismatch is a data error, not a silent gap. */
function checkMunicipalityNames(sources: LoadedSources): void {
  const towns = new Set(sources.towns.map((t) => normalizeTownName(t.name)));
  const file = sources.manifest.find((s) => s.id === 'ej-blockgroups')!.path;
  const problems = sources.ejBlockGroups
    .map((bg, i) => ({ bg, row: i + 2 }))
    .filter(({ bg }) => bg.municipality !== null && !towns.has(normalizeTownName(bg.municipality)))
    .map(({ bg, row }) => ({ file, row, column: 'MUNI', message: `"${bg.municipality}" is not one of the 351 municipalities` }));
  if (problems.length > 0) throw new SourceValidationError(problems);
}

export function computePlaces(sources: LoadedSources): PlaceRecord[] {
  checkMunicipalityNames(sources);
  return [
    ...townRecords(sources.towns, sources.ejBlockGroups),
    ...zctaRecords(
      sources.zctas.map((z) => z.id),
      sources.placesZcta.map((r) => ({ zcta: r.zcta, population2010: r.population2010, ...r.measures.OBESITY })),
    ),
  ];
}

/**
 * sources → indices → new version → geometry → flip "current" last.
 * A failure at any step leaves the previous version current; the half-written
 * version stays invisible (status "writing").
 */
export interface PipelineDeps {
  store: IndexStore;
  blobs: BlobStore;
  dataDir: string;
  progress?: Progress;
  /** Defaults to data/sources.json. */
  manifest?: SourceEntry[];
}

export async function runPipeline(deps: PipelineDeps): Promise<PipelineResult> {
  const progress = deps.progress ?? silentProgress;
  progress.step(`loading sources from ${deps.dataDir}`);
  const sources = loadSources(deps.dataDir, progress, deps.manifest);
  const places = computePlaces(sources);
  const counts = { town: sources.towns.length, zcta: sources.zctas.length };
  progress.step(`computed ${TOWN_MEASURE.label.toLowerCase()} (towns) and ${ZCTA_MEASURE.label.toLowerCase()} (ZCTAs)`);

  const previous = (await deps.store.getCurrentVersion())?.version ?? null;
  const version = newVersionId();
  const meta: VersionMeta = {
    version,
    createdAt: new Date().toISOString(),
    status: 'writing',
    counts,
    measures: { town: TOWN_MEASURE, zcta: ZCTA_MEASURE },
    sources: sources.manifest.map(({ id, title, vintage, sha256, downloadUrl }) => ({ id, title, vintage, sha256, downloadUrl })),
  };
  await deps.store.beginVersion(meta);

  const task = progress.task(`writing version ${version}`, places.length);
  await deps.store.putPlaces(version, places, (n) => task.tick(n));
  task.done();

  await deps.blobs.put(geometryKey(version, 'town'), JSON.stringify(webGeometry(sources.townsForMap)), 'application/geo+json');
  await deps.blobs.put(geometryKey(version, 'zcta'), JSON.stringify(webGeometry(sources.zctas.map((z) => ({ ...z, name: `ZCTA ${z.id}` })))), 'application/geo+json');
  progress.step('wrote map geometry for both levels');

  await deps.store.publishVersion(version, previous);
  progress.step(`published ${version} as current${previous ? ` (previous: ${previous})` : ''}`);
  return { version, previous, counts };
}
