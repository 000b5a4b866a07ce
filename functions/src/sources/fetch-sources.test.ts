import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { downloadToFile } from './fetch-sources-download.js';
import { buildReport, checkDownload, failedResult, planFetches, rawFileName, type FetchTarget } from './fetch-sources.js';
import { MANIFEST_PATH, sha256 } from './source-manifest.js';

const manifest = JSON.parse(readFileSync(MANIFEST_PATH, 'utf8')) as { sources: { id: string; downloadUrl: string; sha256: string }[] };

describe('planFetches on data/sources.json', () => {
  const targets = planFetches(manifest);

  it('downloads each official URL once, naming every source it serves', () => {
    expect(targets).toHaveLength(new Set(manifest.sources.map((s) => s.downloadUrl)).size);
    const towns = targets.find((t) => t.ids.includes('towns'))!;
    expect(towns.ids).toEqual(['towns', 'towns-simplified']);
    expect(towns.key).toBe('raw/towns/CENSUS2020TOWNS_SHP.zip');
    expect(targets.find((t) => t.ids.includes('places-zcta'))!.key).toBe('raw/places-zcta/rows.csv');
  });

  it('has no download checksum unless one is recorded (staged sha256 is of a converted file)', () => {
    for (const t of targets) expect(t.downloadSha256).toBeNull();
  });

  it('rejects an invalid manifest naming the field', () => {
    expect(() => planFetches({ sources: [{ id: 'x', path: 'x', sha256: 'nope', downloadUrl: 'https://e.org/' }] })).toThrow(/sources\.0\.sha256/);
  });
});

const target = (over: Partial<FetchTarget> = {}): FetchTarget => ({
  url: 'https://example.org/data/file.zip',
  ids: ['a'],
  key: 'raw/a/file.zip',
  downloadSha256: null,
  staged: [{ id: 'a', path: 'a/a.geojson', sha256: 'b'.repeat(64), format: 'GeoJSON (converted from shapefile)' }],
  ...over,
});

describe('checkDownload', () => {
  it('verifies against downloadSha256 when known, and flags a changed download', () => {
    expect(checkDownload(target({ downloadSha256: 'c'.repeat(64) }), { bytes: 3, sha256: 'c'.repeat(64) }).status).toBe('verified');
    const changed = checkDownload(target({ downloadSha256: 'c'.repeat(64) }), { bytes: 3, sha256: 'd'.repeat(64) });
    expect(changed).toMatchObject({ status: 'mismatch', expectedSha256: 'c'.repeat(64), sha256: 'd'.repeat(64) });
  });

  it('verifies a download byte-identical to the staged file', () => {
    expect(checkDownload(target(), { bytes: 3, sha256: 'b'.repeat(64) })).toMatchObject({ status: 'verified', note: 'byte-identical to the staged file a/a.geojson' });
  });

  it('otherwise records the sha256 and says that it is not verified and that no conversion happened', () => {
    const r = checkDownload(target(), { bytes: 3, sha256: 'e'.repeat(64) });
    expect(r).toMatchObject({ status: 'recorded', expectedSha256: null, sha256: 'e'.repeat(64), bytes: 3 });
    expect(r.note).toMatch(/not verified/);
    expect(r.note).toMatch(/converted from shapefile/);
    expect(r.note).toMatch(/no conversion is done here/);
  });

  it('reports ok only without failures or mismatches', () => {
    const recorded = checkDownload(target(), { bytes: 3, sha256: 'e'.repeat(64) });
    const report = buildReport([recorded, failedResult(target(), new Error('GET x: HTTP 503'))], new Date('2026-01-02T03:04:05Z'));
    expect(report).toMatchObject({ ok: false, fetchedAt: '2026-01-02T03:04:05.000Z', counts: { verified: 0, recorded: 1, mismatch: 0, failed: 1 } });
    expect(report.results[1]!.note).toBe('GET x: HTTP 503');
    expect(buildReport([recorded], new Date()).ok).toBe(true);
  });
});

describe('rawFileName', () => {
  it('takes the last path segment, without the query', () => {
    expect(rawFileName('https://data.cdc.gov/api/views/kee5-23sr/rows.csv?accessType=DOWNLOAD')).toBe('rows.csv');
    expect(rawFileName('https://example.org/')).toBe('download');
  });
});

describe('downloadToFile', () => {
  const dirs: string[] = [];
  afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));
  const fileIn = async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'dl-'));
    dirs.push(dir);
    return path.join(dir, 'out');
  };
  const body = Buffer.from('ZCTA5,OBESITY\n01001,30.1\n'.repeat(1000));
  const fetchBody = (status = 200) => (async () => new Response(status === 200 ? body : 'oops', { status })) as unknown as typeof fetch;

  it('streams the body to disk and hashes it (hex and base64)', async () => {
    const file = await fileIn();
    const d = await downloadToFile('https://example.org/x.csv', file, { fetchImpl: fetchBody() });
    expect(d.bytes).toBe(body.length);
    expect(d.sha256).toBe(sha256(body));
    expect(Buffer.from(d.sha256Base64, 'base64').toString('hex')).toBe(d.sha256);
    expect((await readFile(file)).equals(body)).toBe(true);
  });

  it('fails on an HTTP error and on an oversized body', async () => {
    await expect(downloadToFile('https://example.org/x.csv', await fileIn(), { fetchImpl: fetchBody(503) })).rejects.toThrow(/HTTP 503/);
    await expect(downloadToFile('https://example.org/x.csv', await fileIn(), { fetchImpl: fetchBody(), maxBytes: 100 })).rejects.toThrow(/exceeds 100 bytes/);
  });
});
