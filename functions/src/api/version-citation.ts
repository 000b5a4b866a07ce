import { z } from '@hono/zod-openapi';
import type { VersionMeta } from '../indices/place-record.js';
import { loadManifest, type SourceEntry } from '../sources/source-manifest.js';

/** Said where the manifest has no licence for a source: never a guessed one. */
export const LICENSE_NOT_STATED = 'not stated by publisher';

export const SourceRecordSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    vintage: z.string(),
    sha256: z.string(),
    downloadUrl: z.string(),
    publisher: z.string().openapi({ description: 'Who publishes the source file' }),
    license: z.string().openapi({ description: `The publisher's terms as stated, or "${LICENSE_NOT_STATED}"` }),
    landingPage: z.string().openapi({ description: "The publisher's page for the source (its download URL where it has no separate landing page)" }),
  })
  .openapi('VersionSource');
export type SourceRecord = z.infer<typeof SourceRecordSchema>;

export const LicenseSchema = z
  .object({
    outputs: z.string().openapi({ example: 'CC-BY-4.0' }),
    outputsName: z.string(),
    outputsUrl: z.string(),
    code: z.string().openapi({ example: 'MIT' }),
    codeUrl: z.string(),
    statement: z.string(),
    attribution: z.string().openapi({ description: 'What to credit when you reuse the data: this version and the publishers whose terms ask for attribution' }),
    sourcesRequiringAttribution: z.array(z.string()).openapi({ description: 'Source ids whose stated terms ask for attribution' }),
    sourcesWithoutOpenLicense: z.array(z.string()).openapi({ description: 'Source ids whose publisher states no open licence: check their terms before redistributing their values' }),
  })
  .openapi('VersionLicense');

let manifest: Map<string, SourceEntry> | null = null;
const manifestById = () => (manifest ??= new Map(loadManifest().map((s) => [s.id, s])));

/**
 * A version's sources with publisher, licence and landing page. Versions published before issue 15 did not
 * record them: they are filled from data/sources.json by source id (the manifest the API ships with).
 */
export function sourceRecords(sources: VersionMeta['sources'], byId: ReadonlyMap<string, SourceEntry> = manifestById()): SourceRecord[] {
  return sources.map((s) => {
    const entry = byId.get(s.id);
    return {
      id: s.id,
      title: s.title,
      vintage: s.vintage,
      sha256: s.sha256,
      downloadUrl: s.downloadUrl,
      publisher: s.publisher ?? entry?.publisher ?? LICENSE_NOT_STATED,
      license: s.license ?? entry?.license ?? LICENSE_NOT_STATED,
      landingPage: s.landingPage ?? entry?.landingPage ?? s.downloadUrl,
    };
  });
}

const asksAttribution = (license: string) => /attribution/i.test(license);
// "No license file", "no license stated", "no explicit open license", "not stated by publisher".
const statesNoLicense = (license: string) => /no (explicit open )?licen[cs]e|not stated/i.test(license);

/**
 * The outputs' licence (issue 15, contract 7). CC BY 4.0 for what Equity Atlas computes (scores, percentiles,
 * ranks, intervals, crosswalks): attribution is what several sources ask of us in turn, and the federal inputs
 * (Census, CDC) are public domain so they add no condition. Values reproduced from a source keep its terms.
 */
export function versionLicense(meta: Pick<VersionMeta, 'version'>, sources: readonly SourceRecord[]): z.infer<typeof LicenseSchema> {
  const attributed = sources.filter((s) => asksAttribution(s.license));
  const unlicensed = sources.filter((s) => statesNoLicense(s.license));
  const publishers = [...new Set(attributed.map((s) => s.publisher))];
  return {
    outputs: 'CC-BY-4.0',
    outputsName: 'Creative Commons Attribution 4.0 International',
    outputsUrl: 'https://creativecommons.org/licenses/by/4.0/',
    code: 'MIT',
    codeUrl: 'LICENSE in the repository',
    statement:
      'The values Equity Atlas computes (scores, percentiles, ranks, intervals, flags, crosswalks, priority geographies) are licensed CC BY 4.0. ' +
      'Inputs from U.S. federal agencies (Census Bureau, CDC, CDC/ATSDR) are public domain (17 U.S.C. §105). ' +
      'Values reproduced from a source (for example the county context or indicator values) keep that source’s terms, listed per source under `sources`; ' +
      'some publishers state no open licence (`sourcesWithoutOpenLicense`). The code is MIT-licensed.',
    attribution: `Equity Atlas contributors, version ${meta.version}${publishers.length ? `; includes data from ${publishers.join('; ')}` : ''}.`,
    sourcesRequiringAttribution: attributed.map((s) => s.id),
    sourcesWithoutOpenLicense: unlicensed.map((s) => s.id),
  };
}

/** The sentence to cite a version by: who, what, which version, when published, where to get it. */
export function versionCitation(meta: Pick<VersionMeta, 'version' | 'createdAt'>, origin: string): string {
  return `Equity Atlas contributors. Equity Atlas: health-equity indices for Massachusetts towns and ZIP codes, version ${meta.version} (published ${meta.createdAt.slice(0, 10)}). ${origin}/v1/versions/${encodeURIComponent(meta.version)}`;
}

export const ProvenanceSchema = z
  .object({
    contentSha256: z.string().nullable().openapi({ description: 'sha256 of everything the version publishes (record without run fields, every place, every blob; pipeline/content-hash.ts); equal for two runs of the same code on the same inputs. Null for versions published before it was recorded.' }),
    codeRevision: z.string().nullable().openapi({ description: 'Hash of the computing code (`code-…`), CODE_REVISION, or "unknown"; null before it was recorded' }),
    gitCommit: z.string().nullable().openapi({ description: 'The git commit that computed the version; null without git (then cite packageVersion)' }),
    gitDirty: z.boolean().nullable().openapi({ description: 'Whether the computing code had uncommitted edits at that commit; null when unknown' }),
    packageVersion: z.string().nullable(),
    methodSha256: z.string().nullable().openapi({ description: 'Hash of the method, indicator registry, priority configuration and draw count' }),
    inputs: z.record(z.string(), z.string()).openapi({ description: 'sha256 of every input file by source id' }),
  })
  .openapi('VersionProvenance');

/** What computed a version, from what, and the hash of what it published; null where an older version did not record it. */
export function versionProvenance(meta: VersionMeta): z.infer<typeof ProvenanceSchema> {
  return {
    contentSha256: meta.contentSha256 ?? null,
    codeRevision: meta.inputs?.codeRevision ?? null,
    gitCommit: meta.code?.gitCommit ?? null,
    gitDirty: meta.code?.gitDirty ?? null,
    packageVersion: meta.code?.packageVersion ?? null,
    methodSha256: meta.inputs?.methodSha256 ?? null,
    inputs: meta.inputs?.sources ?? Object.fromEntries(meta.sources.map((s) => [s.id, s.sha256])),
  };
}
