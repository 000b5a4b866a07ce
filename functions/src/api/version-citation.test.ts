import { describe, expect, it } from 'vitest';
import type { VersionMeta } from '../indices/place-record.js';
import type { SourceEntry } from '../sources/source-manifest.js';
import { LICENSE_NOT_STATED, sourceRecords, versionCitation, versionLicense, versionProvenance } from './version-citation.js';

// Synthetic manifest and version records (the real manifest is checked end to end in test/examples.e2e.test.ts).
const entry = (id: string, license: string, landingPage?: string): SourceEntry => ({ id, path: `${id}.csv`, sha256: 'a'.repeat(64), publisher: `Publisher of ${id}`, title: id, vintage: '2020', downloadUrl: `https://example.org/${id}.zip`, license, ...(landingPage ? { landingPage } : {}) });
const manifest = new Map([
  ['census', entry('census', 'Public domain (U.S. federal government work, 17 U.S.C. §105)', 'https://example.org/census')],
  ['massgis', entry('massgis', 'Commonwealth of Massachusetts public data, free use; attribution to MassGIS requested')],
  ['dph', entry('dph', 'Commonwealth of Massachusetts public-health publication (public record; no license stated)')],
].map(([id, e]) => [id as string, e as SourceEntry]));
const stored = (id: string) => ({ id, title: id, vintage: '2020', sha256: 'b'.repeat(64), downloadUrl: `https://example.org/${id}.zip` });

describe('sourceRecords', () => {
  it('fills licence, publisher and landing page of a version published before they were recorded, by source id', () => {
    const [census, massgis] = sourceRecords([stored('census'), stored('massgis')], manifest);
    expect(census).toMatchObject({ license: manifest.get('census')!.license, publisher: 'Publisher of census', landingPage: 'https://example.org/census', sha256: 'b'.repeat(64) });
    expect(massgis!.landingPage).toBe('https://example.org/massgis.zip'); // no separate landing page: the download URL
  });

  it('keeps what the version recorded, and never guesses a licence for a source the manifest no longer has', () => {
    const [recorded, gone] = sourceRecords([{ ...stored('census'), license: 'as recorded', publisher: 'P', landingPage: 'https://example.org/p' }, stored('retired-source')], manifest);
    expect(recorded).toMatchObject({ license: 'as recorded', publisher: 'P', landingPage: 'https://example.org/p' });
    expect(gone).toMatchObject({ license: LICENSE_NOT_STATED, publisher: LICENSE_NOT_STATED, landingPage: 'https://example.org/retired-source.zip' });
  });
});

describe('versionLicense and versionCitation', () => {
  const sources = sourceRecords([stored('census'), stored('massgis'), stored('dph')], manifest);
  const meta = { version: 'ma-hei-1.1-20261123T034501Z-1a2b', createdAt: '2026-11-23T03:45:01.000Z' } as VersionMeta;

  it('licenses the outputs CC BY 4.0, credits the publishers that ask for attribution and names those without an open licence', () => {
    const license = versionLicense(meta, sources);
    expect(license).toMatchObject({ outputs: 'CC-BY-4.0', code: 'MIT', sourcesRequiringAttribution: ['massgis'], sourcesWithoutOpenLicense: ['dph'] });
    expect(license.attribution).toBe(`Equity Atlas contributors, version ${meta.version}; includes data from Publisher of massgis.`);
  });

  it('cites the version id and publication date', () => {
    expect(versionCitation(meta, 'https://atlas.example')).toBe(
      `Equity Atlas contributors. Equity Atlas: health-equity indices for Massachusetts towns and ZIP codes, version ${meta.version} (published 2026-11-23). https://atlas.example/v1/versions/${meta.version}`,
    );
  });

  it('gives null provenance for versions that did not record it, the input hashes from the sources', () => {
    const old = { ...meta, sources: [stored('census')] } as VersionMeta;
    expect(versionProvenance(old)).toEqual({ contentSha256: null, codeRevision: null, gitCommit: null, gitDirty: null, packageVersion: null, methodSha256: null, inputs: { census: 'b'.repeat(64) } });
  });
});
