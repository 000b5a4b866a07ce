import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { geometryKey } from '../../functions/src/store/index-store.js';
import { publishedStore, TEST_CACHE_DIR } from '../support/published-store.js';
import { loadManifest, sha256 } from '../../functions/src/sources/source-manifest.js';
import { SourceValidationError, type SourceProblem } from '../../functions/src/sources/source-problem.js';
import { runPipeline } from '../../functions/src/pipeline/run-pipeline.js';

/**
 * Bad data never publishes (issue 14, defect 5): each corruption below is written into a
 * copy of one real source whose manifest checksum is updated to match, so only the input
 * checks (docs/method.md "Input checks") stand between it and a published version. Each run
 * must fail with a SourceValidationError naming file, row or feature, and column or
 * coordinates, and leave the version published before it current.
 */

let ctx: Awaited<ReturnType<typeof publishedStore>>;
const dirs: string[] = [];
beforeAll(async () => {
  ctx = await publishedStore();
});
afterAll(() => {
  ctx?.cleanup();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A bow-tie over a ZCTA's own bounding box: its two diagonals cross at the box's centre. */
function bowTie(geometry: Polygon | { type: string; coordinates: number[][][][] }): { ring: number[][]; centre: number[] } {
  const points = (geometry.type === 'Polygon' ? (geometry as Polygon).coordinates : (geometry.coordinates as number[][][][]).flat()).flat();
  const xs = points.map((p) => p[0]!);
  const ys = points.map((p) => p[1]!);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const round = (v: number) => Math.round(v * 1e7) / 1e7;
  return { ring: [[x0, y0], [x1, y1], [x1, y0], [x0, y1], [x0, y0]], centre: [round((x0 + x1) / 2), round((y0 + y1) / 2)] };
}

interface Corruption {
  kind: string;
  sourceId: string;
  corrupt: (text: string) => string;
  expected: Omit<Partial<SourceProblem>, 'message'> & { message: RegExp };
}

const replaceOnce = (text: string, from: string | RegExp, to: string) => {
  const out = text.replace(from, to);
  if (out === text) throw new Error(`fixture drift: ${String(from)} not found`);
  return out;
};

let zctaCentre: number[] = [];
const CORRUPTIONS: Corruption[] = [
  {
    kind: 'negative PLACES prevalence (-317.5)',
    sourceId: 'places-zcta',
    corrupt: (t) => replaceOnce(t, /^(01002,29049,)17\.5,/m, '$1-317.5,'),
    expected: { row: 3, column: 'BINGE_CrudePrev', message: /-317\.5 is out of range: expected from 0 to 100/ },
  },
  {
    kind: 'PLACES prevalence above 100 %',
    sourceId: 'places-place',
    corrupt: (t) => {
      const lines = t.split('\n');
      const header = lines[0]!.split(',');
      const col = header.indexOf('DIABETES_AdjPrev');
      // Quoted CIs hold commas: rewrite the cell by splitting outside quotes.
      const cells = lines[1]!.match(/("[^"]*"|[^,]*)(,|$)/g)!.map((c) => c.replace(/,$/, ''));
      cells[col] = '131';
      lines[1] = cells.slice(0, header.length).join(',');
      return lines.join('\n');
    },
    expected: { row: 2, column: 'DIABETES_AdjPrev', message: /131 is out of range/ },
  },
  {
    kind: 'MassCHIP 2010 rate of -999',
    sourceId: 'masschip-2010',
    corrupt: (t) => replaceOnce(t, 'Cardiovascular disease deaths,Age-adjusted Rate (d),43,266.2,192.0,', 'Cardiovascular disease deaths,Age-adjusted Rate (d),43,-999,192.0,'),
    expected: { row: 51, column: 'area_value', message: /-999 is the missing-data code/ },
  },
  {
    kind: 'MassCHIP 2005–2008 rate of -999',
    sourceId: 'masschip-2005-2008',
    corrupt: (t) => replaceOnce(t, /^(Abington,.*?,5,)5\.73,/m, '$1-999,'),
    expected: { row: 2, column: 'Infant mortality rate (deaths per 1000 live births), 2005-2008', message: /-999 is the missing-data code/ },
  },
  {
    kind: 'ACS top-code 250001 outside the income column',
    sourceId: 'ej-blockgroups',
    corrupt: (t) => replaceOnce(t, '"250010101001","Block Group 1, Census Tract 101, Barnstable County",105,', '"250010101001","Block Group 1, Census Tract 101, Barnstable County",250001,'),
    expected: { row: 2, column: 'minorityE', message: /250001 is the ACS top-code.*only in a median household income column/ },
  },
  {
    kind: 'ACS code -666666666 as a municipal median income',
    sourceId: 'ej-blockgroups',
    corrupt: (t) => replaceOnce(t, '"Provincetown",104500,44329,', '"Provincetown",-666666666,44329,'),
    expected: { row: 2, column: 'medHHincMUNIE', message: /ACS code -666666666/ },
  },
  {
    kind: 'ACS code -666666666 as a ZCTA population',
    sourceId: 'acs-zcta-population',
    corrupt: (t) => replaceOnce(t, '01001,ZCTA5 01001,16088,', '01001,ZCTA5 01001,-666666666,'),
    expected: { row: 2, column: 'total_pop', message: /ACS code -666666666/ },
  },
  {
    kind: 'hospital BEDCOUNT of -999',
    sourceId: 'hospitals',
    corrupt: (t) => replaceOnce(t, /"BEDCOUNT": ?248\b/, '"BEDCOUNT": -999'),
    expected: { row: 1, column: 'BEDCOUNT', message: /-999 is the missing-data code/ },
  },
  {
    kind: 'town population of -999',
    sourceId: 'towns',
    corrupt: (t) => replaceOnce(t, /"POP2020": ?5095(\.0)?\b/, '"POP2020": -999'),
    expected: { row: 1, column: 'properties.POP2020', message: /-999 is the missing-data code/ },
  },
  {
    kind: 'self-intersecting (bow-tie) ZCTA polygon',
    sourceId: 'zctas',
    corrupt: (t) => {
      const fc = JSON.parse(t) as FeatureCollection<Polygon>;
      const { ring, centre } = bowTie(fc.features[0]!.geometry);
      zctaCentre = centre;
      fc.features[0]!.geometry = { type: 'Polygon', coordinates: [ring] };
      return JSON.stringify(fc);
    },
    expected: { row: 1, column: 'geometry', message: /feature 1 \(GEOID10 02671\): self-intersection: ring 1 crosses itself at \[/ },
  },
  {
    kind: 'unclosed block-group ring',
    sourceId: 'block-groups',
    corrupt: (t) => {
      const fc = JSON.parse(t) as FeatureCollection<Polygon>;
      const g = fc.features[2]!.geometry as Polygon | { type: 'MultiPolygon'; coordinates: number[][][][] };
      const ring = g.type === 'Polygon' ? g.coordinates[0]! : g.coordinates[0]![0]!;
      ring.pop();
      return JSON.stringify(fc);
    },
    expected: { row: 3, column: 'geometry', message: /feature 3 \(GEOID \d{12}\): .*ring 1 \(exterior\): ring is not closed/ },
  },
  {
    kind: 'simplified town vertex outside Massachusetts',
    sourceId: 'towns-simplified',
    corrupt: (t) => {
      const fc = JSON.parse(t) as FeatureCollection<Polygon>;
      const g = fc.features[0]!.geometry as Polygon | { type: 'MultiPolygon'; coordinates: number[][][][] };
      const ring = g.type === 'Polygon' ? g.coordinates[0]! : g.coordinates[0]![0]!;
      ring[1] = [ring[1]![0]!, -42.3];
      return JSON.stringify(fc);
    },
    expected: { row: 1, column: 'geometry', message: /lies outside Massachusetts/ },
  },
];

/** A DATA_DIR of symlinks to the real sources with one file replaced, and a manifest whose checksum matches it. */
function corruptDataDir(sourceId: string, corrupt: (text: string) => string) {
  const manifest = loadManifest();
  const dir = mkdtempSync(path.join(tmpdir(), 'equity-atlas-bad-data-'));
  dirs.push(dir);
  for (const s of manifest) {
    mkdirSync(path.join(dir, path.dirname(s.path)), { recursive: true });
    if (s.id !== sourceId) symlinkSync(path.join(ctx.dataDir, s.path), path.join(dir, s.path));
  }
  const entry = manifest.find((s) => s.id === sourceId)!;
  const text = corrupt(readFileSync(path.join(ctx.dataDir, entry.path), 'utf8'));
  writeFileSync(path.join(dir, entry.path), text);
  entry.sha256 = sha256(Buffer.from(text));
  return { dir, manifest, file: entry.path };
}

describe('bad data never publishes', () => {
  it.each(CORRUPTIONS.map((c) => [c.kind, c] as const))('%s: fails naming file, row and column; nothing is published', async (_kind, c) => {
    const before = await ctx.store.listVersions();
    const { dir, manifest, file } = corruptDataDir(c.sourceId, c.corrupt);
    const err = await runPipeline({ store: ctx.store, blobs: ctx.blobs, dataDir: dir, cacheDir: TEST_CACHE_DIR, draws: 0, manifest }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SourceValidationError);
    const problems = (err as SourceValidationError).problems;
    expect(problems).toEqual([expect.objectContaining({ file, ...c.expected, message: expect.stringMatching(c.expected.message) })]);
    if (c.sourceId === 'zctas') expect(problems[0]!.coordinates).toEqual(zctaCentre);
    expect((err as Error).message).toContain(`${file}, row ${c.expected.row}, column ${c.expected.column}: `);
    expect((err as Error).message).toMatch(/nothing was published/);
    expect((await ctx.store.getCurrentVersion())?.version).toBe(ctx.result.version);
    expect(await ctx.store.listVersions()).toEqual(before);
  });

  it('repairs rather than rejects ring orientation: the published ZCTA map is wound per RFC 7946', async () => {
    // The Census ZCTA file winds 657 rings the shapefile way (exterior clockwise); the loader rewinds them.
    const shoelace = (ring: number[][]) => ring.slice(1).reduce((s, p, i) => s + ring[i]![0]! * p[1]! - p[0]! * ring[i]![1]!, 0);
    const map = JSON.parse((await ctx.blobs.get(geometryKey(ctx.result.version, 'zcta')))!) as FeatureCollection<Polygon | MultiPolygon>;
    const polygons = map.features.flatMap((f) => (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates));
    expect(map.features).toHaveLength(537);
    expect(polygons.filter((rings) => shoelace(rings[0]!) <= 0)).toEqual([]);
    expect(polygons.flatMap((rings) => rings.slice(1)).filter((hole) => shoelace(hole) >= 0)).toEqual([]);
  });
});
