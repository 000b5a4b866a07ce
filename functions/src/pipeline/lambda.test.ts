import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sha256, type SourceEntry } from '../sources/source-manifest.js';
import { SourceValidationError } from '../sources/source-problem.js';
import { NoSourcesUploadedError, stageSources } from './lambda.js';

// Synthetic two-file manifest: staging must reproduce the files byte for byte and refuse changed bytes.
const csv = Buffer.from('id,value\n1,2\n');
const geojson = Buffer.from('{"type":"FeatureCollection","features":[]}');
const entry = (id: string, file: string, bytes: Buffer): SourceEntry => ({
  id,
  path: file,
  sha256: sha256(bytes),
  publisher: 'synthetic',
  title: 'synthetic',
  vintage: 'synthetic',
  downloadUrl: 'https://example.org/x',
  license: 'synthetic',
});
const manifest = [entry('a', 'tables/a.csv', csv), entry('b', 'shapes/b.geojson', geojson)];

let dir = '';
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('stageSources (pipeline Lambda)', () => {
  it('copies each sources/<path> object into the data dir, checksum-verified', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'stage-'));
    const requested: string[] = [];
    const objects = new Map([['sources/tables/a.csv', csv], ['sources/shapes/b.geojson', geojson]]);
    const staged = await stageSources(manifest, dir, async (key) => (requested.push(key), objects.get(key) ?? null));
    expect(requested).toEqual(['sources/tables/a.csv', 'sources/shapes/b.geojson']);
    expect(staged).toEqual([{ id: 'a', path: 'tables/a.csv', bytes: csv.length }, { id: 'b', path: 'shapes/b.geojson', bytes: geojson.length }]);
    expect(await readFile(path.join(dir, 'shapes/b.geojson'), 'utf8')).toBe(geojson.toString());
  });

  it('stops on a changed file with the checksum problem, and on a missing one with what to do', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'stage-'));
    const changed = new Map([['sources/tables/a.csv', Buffer.from('id,value\n1,3\n')]]);
    const err = await stageSources(manifest, dir, async (key) => changed.get(key) ?? null).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SourceValidationError);
    expect(String((err as Error).message)).toMatch(/tables\/a\.csv/);
    // Part of an upload: an error (the run fails, the failure queue and alarm say so).
    await expect(stageSources(manifest, dir, async (key) => (key === 'sources/tables/a.csv' ? csv : null))).rejects.toThrow(/sources\/shapes\/b\.geojson is missing: upload the staged sources/);
  });

  it('says "no sources uploaded yet" when nothing is staged at all (a schedule firing before the first upload)', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'stage-'));
    const err = await stageSources(manifest, dir, async () => null).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NoSourcesUploadedError);
    expect((err as Error).message).toBe('no sources uploaded yet: none of the 2 staged sources is under sources/ (docs/deploy.md, "First data load"); nothing to compute');
  });
});
