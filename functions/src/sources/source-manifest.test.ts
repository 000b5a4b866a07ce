import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadManifest, readSource, sha256, type SourceEntry } from './source-manifest.js';
import { resolveDataFile } from './data-dir.js';

const entry = (content: string): SourceEntry => ({
  id: 'demo',
  path: 'demo/file.csv',
  sha256: sha256(Buffer.from(content)),
  publisher: 'Test',
  title: 'Synthetic test file',
  vintage: 'n/a',
  downloadUrl: 'https://example.org/file.csv',
  license: 'n/a',
});

function dataDirWith(content: string) {
  const dir = mkdtempSync(path.join(tmpdir(), 'equity-atlas-data-'));
  mkdirSync(path.join(dir, 'demo'));
  writeFileSync(path.join(dir, 'demo/file.csv'), content);
  return dir;
}

describe('readSource', () => {
  it('returns the bytes when the checksum matches', () => {
    expect(readSource(dataDirWith('a,b\n1,2\n'), 'demo', [entry('a,b\n1,2\n')]).bytes.toString()).toBe('a,b\n1,2\n');
  });

  it('fails on a checksum mismatch, naming the file', () => {
    expect(() => readSource(dataDirWith('a,b\n1,3\n'), 'demo', [entry('a,b\n1,2\n')])).toThrow(/demo\/file\.csv: sha256 is [0-9a-f]{64} but data\/sources\.json expects/);
  });

  it('names DATA_DIR, the directory and the expected file when they are missing', () => {
    expect(() => resolveDataFile('/nonexistent/data', 'demo/file.csv')).toThrow(/DATA_DIR points to "\/nonexistent\/data".*demo\/file\.csv/);
    expect(() => resolveDataFile(dataDirWith(''), 'demo/other.csv')).toThrow(/DATA_DIR is ".*" but the file "demo\/other\.csv" is missing/);
  });
});

describe('data/sources.json', () => {
  it('registers every source with an official URL, license and checksum', () => {
    const manifest = loadManifest();
    expect(manifest.map((s) => s.id)).toEqual(expect.arrayContaining(['towns', 'zctas', 'places-zcta', 'ej-blockgroups']));
    for (const s of manifest) expect(s.downloadUrl).toMatch(/^https:\/\//);
  });
});
