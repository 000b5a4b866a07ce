import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, expect, it } from 'vitest';
import { REPO_ROOT } from '../functions/src/config.js';
import { DOWNLOAD_FORMAT_PACKAGES, shipDownloadFormatPackages } from '../functions/src/api/download-formats/packages.js';
import { apiBundleOptions } from '../infra/scripts/english-only-zod.js';

// The Parquet and GeoPackage writers are left out of the API bundle and shipped beside it
// (download-formats/packages.ts). Bundled the same way, in a directory with nothing but the
// shipped packages, they must still write files that DuckDB and GDAL read.
const outdir = mkdtempSync(path.join(tmpdir(), 'equity-atlas-formats-bundle-'));
afterAll(() => rmSync(outdir, { recursive: true, force: true }));

it('bundled writers load their shipped packages (and sql.js its wasm) from beside the bundle', async () => {
  const outfile = path.join(outdir, 'formats.mjs');
  const entry = ['geopackage', 'parquet'].map((m) => `export * from ${JSON.stringify(path.join(REPO_ROOT, `functions/src/api/download-formats/${m}.ts`))};`).join('\n');
  const { entryPoints: _, ...options } = apiBundleOptions(REPO_ROOT, outfile, []);
  const result = await build({ ...options, stdin: { contents: entry, resolveDir: REPO_ROOT, loader: 'ts' }, metafile: true });
  const bundled = Object.keys(result.metafile.inputs).filter((f) => Object.keys(DOWNLOAD_FORMAT_PACKAGES).some((p) => f.includes(`node_modules/${p}/`)));
  expect(bundled, 'writer code inside the bundle').toEqual([]);
  shipDownloadFormatPackages(REPO_ROOT, outdir);

  const probe = path.join(outdir, 'probe.mjs');
  writeFileSync(
    probe,
    `import { writeFileSync } from 'node:fs';
import { geoPackageFile, parquetFile } from './formats.mjs';
const types = new Map([['id', 'string'], ['population', 'integer']]);
const rows = [{ id: '01247', population: 15405 }, { id: '02771', population: null }];
writeFileSync('t.parquet', await parquetFile(['id', 'population'], rows, types, { k: 'v' }));
writeFileSync('t.gpkg', await geoPackageFile({ layer: 'l', description: 'd', lastChange: '2026-01-01T00:00:00Z', columns: ['id', 'population'], types, rows,
  geometries: [{ type: 'Polygon', coordinates: [[[-73, 42], [-72, 42], [-72, 43], [-73, 42]]] }, null], about: { a: 'b' } }));`,
  );
  execFileSync(process.execPath, [probe], { cwd: outdir, env: { PATH: process.env.PATH } });

  const db = await DuckDBInstance.create(':memory:');
  const rowsRead = (await (await db.connect()).runAndReadAll(`SELECT * FROM read_parquet('${path.join(outdir, 't.parquet')}')`)).getRowObjects();
  expect(rowsRead).toEqual([{ id: '01247', population: 15405 }, { id: '02771', population: null }]);
  const info = execFileSync('ogrinfo', ['-ro', '-q', path.join(outdir, 't.gpkg'), 'l'], { encoding: 'utf8' });
  expect(info).toMatch(/id \(String\) = 01247/);
  expect(info).toMatch(/MULTIPOLYGON \(\(\(-73 42,-72 42,-72 43,-73 42\)\)\)/);
}, 120_000);
