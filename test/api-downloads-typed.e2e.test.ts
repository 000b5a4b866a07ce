import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { parse } from 'csv-parse/sync';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../functions/src/api/app.js';
import { IndexReader } from '../functions/src/api/index-reader.js';
import type { BlobStore } from '../functions/src/store/index-store.js';
import { commandAvailability } from './support/tool-availability.js';
import { publishedStore } from './support/published-store.js';

// GDAL is what QGIS reads GeoPackages with; .ci/run installs it (gdal-bin).
const gdal = commandAvailability('ogrinfo', ['--version'], 'GDAL checks of the GeoPackage and GeoJSON downloads', 'apt-get install -y gdal-bin');

// Parquet and GeoPackage downloads (issue 15 contract 5), read back by independent readers:
// DuckDB for Parquet, GDAL (ogrinfo, its SQLite dialect's ST_IsValid) for GeoPackage and GeoJSON.
let ctx: Awaited<ReturnType<typeof publishedStore>>;
let app: ReturnType<typeof createApp>;
let version: string;
let dir: string;
const LEVELS = ['town', 'zcta'] as const;
type Level = (typeof LEVELS)[number];
const csv: Partial<Record<Level, { header: string[]; rows: string[][] }>> = {};

// The raw boundary files: how many places each level has, their ids, and the full-resolution outlines.
const raw = (file: string) => JSON.parse(readFileSync(path.join(ctx.dataDir, file), 'utf8')) as FeatureCollection<Polygon | MultiPolygon, Record<string, string>>;
const RAW = { town: { file: 'boundaries/ma_towns_census2020_massgis_full.geojson', id: 'GEOID20' }, zcta: { file: 'zcta/ma_zcta2010_cb2019_500k.geojson', id: 'ZCTA5CE10' } } as const;

beforeAll(async () => {
  ctx = await publishedStore();
  app = createApp({ reader: new IndexReader(ctx.store, ctx.blobs) });
  version = ((await (await app.request('/v1/versions')).json()) as { current: string }).current;
  dir = mkdtempSync(path.join(tmpdir(), 'equity-atlas-typed-downloads-'));
  for (const level of LEVELS) {
    const [header, ...rows] = parse(await (await app.request(`/v1/versions/${version}/download?level=${level}&format=csv`)).text()) as string[][];
    csv[level] = { header: header!, rows };
  }
}, 300_000);
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  return ctx?.cleanup();
});

/** Download to a file in `dir`; returns its path. */
async function download(query: string, file: string, expectType?: string): Promise<string> {
  const res = await app.request(`/v1/versions/${version}/download?${query}`);
  expect(res.status, `${query}: ${res.status} ${res.status === 200 ? '' : await res.clone().text()}`).toBe(200);
  if (expectType) expect(res.headers.get('content-type')).toBe(expectType);
  expect(res.headers.get('cache-control')).toMatch(/immutable/);
  const out = path.join(dir, file);
  writeFileSync(out, Buffer.from(await res.arrayBuffer()));
  return out;
}

/** ogrinfo's stdout; a GDAL warning or error (stderr, status) fails the test. `-q` hides the summary, so `-so` runs without it. */
function ogr(...args: string[]): string {
  const run = spawnSync('ogrinfo', [...(args.includes('-so') ? [] : ['-q']), '-ro', ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  expect(`${run.status} ${run.stderr.replace(/INFO: Open of .*\n.*using driver .*\n/g, '')}`.trim(), args.join(' ')).toBe('0');
  return run.stdout;
}

describe('format=parquet, read by DuckDB', () => {
  let db: Awaited<ReturnType<typeof DuckDBInstance.create>>;
  beforeAll(async () => {
    db = await DuckDBInstance.create(':memory:');
  });
  const query = async (sql: string) => (await (await db.connect()).runAndReadAll(sql)).getRowObjects();
  const DUCK_TYPE: Record<string, string> = { string: 'VARCHAR', integer: 'INTEGER', number: 'DOUBLE', boolean: 'BOOLEAN' };

  for (const level of LEVELS) {
    it(`${level}: types as the dictionary declares them, one row per place of the raw boundary file, and every cell equal to the CSV (null where the CSV cell is empty)`, async () => {
      const file = await download(`level=${level}&format=parquet`, `${level}.parquet`, 'application/vnd.apache.parquet');
      const described = await query(`DESCRIBE SELECT * FROM read_parquet('${file}')`);
      const types = new Map(described.map((r) => [String(r.column_name), String(r.column_type)]));
      const { header, rows } = csv[level]!;
      expect([...types.keys()]).toEqual(header);

      const dictionary = ((await (await app.request(`/v1/versions/${version}/dictionary`)).json()) as { entries: { name: string; type: string; appliesTo: string[] }[] }).entries;
      const declared = new Map(dictionary.filter((e) => e.appliesTo.includes('download:parquet')).map((e) => [e.name, DUCK_TYPE[e.type]]));
      for (const column of header) expect(`${column}: ${types.get(column)}`).toBe(`${column}: ${declared.get(column)}`);
      // The contract, spelled out: ids and FIPS stay text, counts integers, flags booleans.
      for (const column of ['id', 'name', 'county_fips', 'no_data_reason']) expect(types.get(column), column).toBe('VARCHAR');
      for (const column of ['population', 'rank', 'flag_count']) expect(types.get(column), column).toBe('INTEGER');
      expect(types.get('score')).toBe('DOUBLE');
      const flags = header.filter((c) => c.endsWith('_flagged'));
      expect(flags.length).toBeGreaterThan(20);
      for (const column of flags) expect(types.get(column), column).toBe('BOOLEAN');

      const records = await query(`SELECT * FROM read_parquet('${file}')`);
      const rawIds = raw(RAW[level].file).features.map((f) => f.properties[RAW[level].id]!);
      expect(records.map((r) => r.id).sort()).toEqual([...rawIds].sort());
      expect(records).toHaveLength(rows.length);
      let empty = 0;
      rows.forEach((cells, i) => {
        header.forEach((column, j) => {
          const cell = cells[j]!;
          const value = records[i]![column];
          const at = `${cells[0]} ${column}`;
          if (cell === '') {
            empty++;
            expect(value, at).toBeNull();
          } else if (types.get(column) === 'VARCHAR') expect(value, at).toBe(cell);
          else if (types.get(column) === 'BOOLEAN') expect(String(value), at).toBe(cell);
          else expect(value, at).toBe(Number(cell));
        });
      });
      expect(empty).toBeGreaterThan(0); // the null path was exercised
    }, 120_000);
  }

  it('keeps the leading zeros of ZCTAs (01247 is text "01247", not 1247)', async () => {
    const file = path.join(dir, 'zcta.parquet');
    const row = await query(`SELECT id, typeof(id) AS t FROM read_parquet('${file}') WHERE id = '01247'`);
    expect(row).toEqual([{ id: '01247', t: 'VARCHAR' }]);
  });

  it('honours columns= (only those columns, in that order)', async () => {
    const file = await download('level=zcta&format=parquet&columns=id,percentile,rank', 'zcta-cols.parquet');
    const described = await query(`DESCRIBE SELECT * FROM read_parquet('${file}')`);
    expect(described.map((r) => [r.column_name, r.column_type])).toEqual([['id', 'VARCHAR'], ['percentile', 'DOUBLE'], ['rank', 'INTEGER']]);
  });
});

describe.runIf(gdal.run)('format=gpkg, read by GDAL', () => {
  for (const level of LEVELS) {
    for (const geometry of ['display', 'full'] as const) {
      it(`${level}, geometry=${geometry}: one MULTIPOLYGON layer in EPSG:4326, a feature per place, typed fields, every polygon valid`, async () => {
        const file = await download(`level=${level}&format=gpkg&geometry=${geometry}`, `${level}-${geometry}.gpkg`, 'application/geopackage+sqlite3');
        const layer = `equity_atlas_${level}`;
        const info = ogr('-so', file, layer);
        const count = raw(RAW[level].file).features.length;
        expect(info).toMatch(new RegExp(`Feature Count: ${count}\\b`));
        expect(info).toMatch(/Geometry: Multi Polygon/);
        expect(info).toMatch(/ID\["EPSG",4326\]\]\s*Data axis/);
        const field = (name: string) => new RegExp(`^${name}: (.+)$`, 'm').exec(info)?.[1];
        expect(field('id')).toMatch(/^String/);
        expect(field('county_fips')).toMatch(/^String/);
        expect(field('population')).toMatch(/^Integer \(/); // 32-bit, as Parquet's INT32
        expect(field('score')).toMatch(/^Real/);
        const flag = csv[level]!.header.find((c) => c.endsWith('_flagged'))!;
        expect(field(flag)).toMatch(/^Integer\(Boolean\)/);

        // Validity by GDAL's own SQLite dialect (SpatiaLite's ST_IsValid), for every feature.
        const check = ogr(file, '-dialect', 'sqlite', '-sql', `SELECT count(*) AS n, sum(ST_IsValid(geom)) AS valid, sum(geom IS NULL) AS missing FROM ${layer}`);
        expect(/n \(Integer\) = (\d+)/.exec(check)?.[1]).toBe(String(count));
        expect(/valid \(Integer\) = (\d+)/.exec(check)?.[1]).toBe(String(count));

        const about = ogr(file, '-sql', `SELECT value FROM equity_atlas_about WHERE key = 'geometry.display_simplified'`);
        expect(about).toMatch(new RegExp(`value \\(String\\) = ${geometry === 'display'}`));
      }, 120_000);
    }
  }

  it('carries the CSV values: ZCTA ids with leading zeros and populations', async () => {
    const file = path.join(dir, 'zcta-display.gpkg');
    const out = ogr(file, '-sql', `SELECT id, population FROM equity_atlas_zcta WHERE id = '01247'`);
    const { header, rows } = csv.zcta!;
    const row = rows.find((r) => r[0] === '01247')!;
    expect(out).toMatch(/id \(String\) = 01247/);
    expect(out).toMatch(new RegExp(`population \\(Integer\\) = ${row[header.indexOf('population')]}`));
  });
});

it('gives the same bytes for the same version every time (parquet, gpkg), as the CSV does', async () => {
  for (const query of ['level=zcta&format=parquet', 'level=town&format=gpkg']) {
    const a = Buffer.from(await (await app.request(`/v1/versions/${version}/download?${query}`)).arrayBuffer());
    const b = Buffer.from(await (await app.request(`/v1/versions/${version}/download?${query}`)).arrayBuffer());
    expect(a.length, query).toBeGreaterThan(1000);
    expect(a.equals(b), query).toBe(true);
  }
});

it('the largest downloads fit Lambda\'s 6 MB answer limit (base64) when the client accepts gzip', async () => {
  const lambdaLimit = 6 * 1024 * 1024;
  for (const query of ['level=town&format=gpkg&geometry=full', 'level=town&format=geojson&geometry=full', 'level=zcta&format=gpkg&geometry=full']) {
    const res = await app.request(`/v1/versions/${version}/download?${query}`, { headers: { 'accept-encoding': 'gzip' } });
    expect(res.headers.get('content-encoding'), query).toBe('gzip');
    const bytes = (await res.arrayBuffer()).byteLength;
    expect(Math.ceil(bytes / 3) * 4, query).toBeLessThan(lambdaLimit);
  }
});

describe('geometry honesty (GeoJSON)', () => {
  it('says whether it is display-simplified; geometry=full has the source outlines vertex for vertex', async () => {
    const display = JSON.parse(readFileSync(await download('level=town&format=geojson', 'town-display.geojson'), 'utf8')) as FeatureCollection & { geometryResolution: { resolution: string; displaySimplified: boolean } };
    const full = JSON.parse(readFileSync(await download('level=town&format=geojson&geometry=full', 'town-full.geojson'), 'utf8')) as FeatureCollection<Polygon | MultiPolygon> & { geometryResolution: { resolution: string; displaySimplified: boolean } };
    expect(display.geometryResolution).toMatchObject({ resolution: 'display', displaySimplified: true });
    expect(full.geometryResolution).toMatchObject({ resolution: 'full', displaySimplified: false });
    const vertices = (g: Polygon | MultiPolygon) => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates).flat(2).length;
    const source = new Map(raw(RAW.town.file).features.map((f) => [f.properties.GEOID20!, f.geometry]));
    let sourceVertices = 0;
    for (const f of full.features) {
      const s = source.get(String(f.id))!;
      expect(vertices(f.geometry), String(f.id)).toBe(vertices(s));
      sourceVertices += vertices(s);
    }
    const displayVertices = display.features.reduce((n, f) => n + vertices(f.geometry as Polygon | MultiPolygon), 0);
    expect(displayVertices).toBeLessThan(sourceVertices / 5);
  }, 120_000);

  it.runIf(gdal.run)('every GeoJSON outline of both levels and both resolutions is valid per GDAL (ZCTAs 01247 and 02771 included)', async () => {
    for (const level of LEVELS) {
      for (const geometry of ['display', 'full']) {
        const file = await download(`level=${level}&format=geojson&geometry=${geometry}&columns=id`, `${level}-${geometry}-check.geojson`);
        const layer = path.basename(file, '.geojson');
        const out = ogr(file, '-dialect', 'sqlite', '-sql', `SELECT count(*) AS n, sum(ST_IsValid(geometry)) AS valid, group_concat(CASE WHEN ST_IsValid(geometry) THEN NULL ELSE id END) AS invalid FROM "${layer}"`);
        const n = /n \(Integer\) = (\d+)/.exec(out)?.[1];
        expect(n, `${level} ${geometry}`).toBe(String(raw(RAW[level].file).features.length));
        expect(/valid \(Integer\) = (\d+)/.exec(out)?.[1], `${level} ${geometry}: invalid ${out}`).toBe(n);
      }
    }
  }, 120_000);

  it.runIf(gdal.run)('the priority geographies\' dissolved outlines are valid per GDAL too', async () => {
    const res = await app.request('/v1/priority-geographies');
    expect(res.status).toBe(200);
    const file = path.join(dir, 'priority.geojson');
    writeFileSync(file, await res.text());
    const fc = JSON.parse(readFileSync(file, 'utf8')) as FeatureCollection;
    const withOutline = fc.features.filter((f) => f.geometry).length;
    expect(withOutline).toBeGreaterThan(0);
    const out = ogr(file, '-dialect', 'sqlite', '-sql', 'SELECT sum(ST_IsValid(geometry)) AS valid FROM priority WHERE geometry IS NOT NULL');
    expect(/valid \(Integer\) = (\d+)/.exec(out)?.[1]).toBe(String(withOutline));
  });

  it('a version stored before full-resolution outlines answers geometry=full with a 404 problem saying so; display still works', async () => {
    const olderBlobs: BlobStore = { put: () => Promise.reject(new Error('read-only')), get: (k) => (k.startsWith('geometry-full/') ? Promise.resolve(null) : ctx.blobs.get(k)) };
    const older = createApp({ reader: new IndexReader(ctx.store, olderBlobs) });
    for (const format of ['geojson', 'gpkg']) {
      const res = await older.request(`/v1/versions/${version}/download?level=zcta&format=${format}&geometry=full`);
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect(((await res.json()) as { detail: string }).detail).toMatch(/before full-resolution outlines were stored/);
    }
    expect((await older.request(`/v1/versions/${version}/download?level=zcta&format=gpkg`)).status).toBe(200);
  });

  it('geometry= on a download without outlines is a 400 problem, not silently ignored', async () => {
    for (const format of ['csv', 'parquet', 'long']) {
      const res = await app.request(`/v1/versions/${version}/download?level=town&format=${format}&geometry=full`);
      expect(res.status, format).toBe(400);
      expect(((await res.json()) as { detail: string }).detail).toMatch(/geometry/);
    }
  });
});
