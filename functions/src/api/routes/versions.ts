import { createRoute, z } from '@hono/zod-openapi';
import type { IndexReader } from '../index-reader.js';
import { newRouter } from '../router.js';
import { VersionIdSchema } from '../version-id.js';
import { resolveVersion } from '../version-param.js';
import { IndicatorSpecApiSchema, MethodSpecApiSchema } from '../method-schemas.js';
import { MeasureSchema, notFoundResponse, problemResponses } from '../schemas.js';
import { LicenseSchema, ProvenanceSchema, SourceRecordSchema, sourceRecords, versionCitation, versionLicense, versionProvenance } from '../version-citation.js';

const Counts = z.object({ town: z.number().int(), zcta: z.number().int() });

const listRoute = createRoute({
  method: 'get',
  path: '/versions',
  operationId: 'listVersions',
  summary: 'Published index versions, newest first',
  responses: {
    200: {
      content: {
        'application/json': {
          schema: z
            .object({
              current: z.string().nullable(),
              items: z.array(
                z
                  .object({
                    version: z.string(),
                    createdAt: z.string(),
                    method: z.string().nullable(),
                    counts: Counts,
                    current: z.boolean(),
                    contentSha256: z.string().nullable().openapi({ description: 'sha256 of what the version publishes: two versions with the same hash serve the same numbers (null before it was recorded)' }),
                    codeRevision: z.string().nullable().openapi({ description: 'The revision of the code that computed the version (null before it was recorded)' }),
                  })
                  .openapi('VersionSummary'),
              ),
            })
            .openapi('VersionList'),
        },
      },
      description: 'Every published version (versions still being written are not listed); `current` is the one the other routes serve',
    },
    ...problemResponses,
  },
});

const oneRoute = createRoute({
  method: 'get',
  path: '/versions/{id}',
  operationId: 'getVersion',
  summary: 'One published version: method, indicator registry, derivations, measures and sources (immutable)',
  request: { params: z.object({ id: VersionIdSchema }) },
  responses: {
    200: {
      content: {
        'application/json': {
          schema: z
            .object({
              version: z.string(),
              createdAt: z.string(),
              status: z.literal('complete'),
              counts: Counts,
              method: MethodSpecApiSchema,
              measures: z.object({ town: MeasureSchema, zcta: MeasureSchema }),
              indicators: z.array(IndicatorSpecApiSchema),
              derivation: z.record(z.string(), z.record(z.string(), z.string().nullable())),
              sources: z.array(SourceRecordSchema),
              contentSha256: z.string().nullable().openapi({ description: 'sha256 of the outputs (also in `provenance`); null before it was recorded' }),
              codeRevision: z.string().nullable().openapi({ description: 'The revision of the code that computed the version (also in `provenance`)' }),
              provenance: ProvenanceSchema,
              license: LicenseSchema,
              citation: z.string().openapi({ description: 'How to cite this version (names the version id and its publication date)', example: 'Equity Atlas contributors. Equity Atlas: health-equity indices for Massachusetts towns and ZIP codes, version ma-hei-1.1-20261123T034501Z-1a2b (published 2026-11-23). https://example.org/v1/versions/ma-hei-1.1-20261123T034501Z-1a2b' }),
              download: z.object({ csv: z.string(), geojson: z.string(), long: z.string().optional(), dictionary: z.string().optional() }).openapi({ description: 'Bulk download links of the town level (use `level=zcta` for ZCTAs); `long`: one row per place × indicator; `dictionary`: what every column means' }),
            })
            .openapi('Version'),
        },
      },
      description: 'The version record; it never changes once published',
    },
    ...problemResponses,
    ...notFoundResponse,
  },
});

/**
 * `publicOrigin`: the site's public origin (custom domain, else CloudFront) for the citation's URL. Behind
 * CloudFront the request's own origin is API Gateway's execute-api host, which is not what a paper should cite.
 */
export function versionsRoutes(reader: IndexReader, publicOrigin?: string) {
  return newRouter()
    .openapi(listRoute, async (c) => {
      const [current, versions] = await Promise.all([reader.currentVersion(), reader.listVersions()]);
      const items = versions.map((v) => ({ version: v.version, createdAt: v.createdAt, method: v.methodId, counts: v.counts, current: v.version === current?.version, contentSha256: v.contentSha256 ?? null, codeRevision: v.codeRevision ?? null }));
      return c.json({ current: current?.version ?? null, items }, 200);
    })
    .openapi(oneRoute, async (c) => {
      const { id } = c.req.valid('param');
      const meta = await resolveVersion(reader, id); // immutable: versionCache pins /v1/versions/{id}…
      const base = `/v1/versions/${encodeURIComponent(meta.version)}/download?level=town&format=`;
      const sources = sourceRecords(meta.sources);
      const provenance = versionProvenance(meta);
      return c.json(
        {
          version: meta.version,
          createdAt: meta.createdAt,
          status: 'complete' as const,
          counts: meta.counts,
          method: meta.method,
          measures: meta.measures,
          indicators: meta.indicators,
          derivation: meta.derivation,
          sources,
          contentSha256: provenance.contentSha256,
          codeRevision: provenance.codeRevision,
          provenance,
          license: versionLicense(meta, sources),
          citation: versionCitation(meta, publicOrigin ?? new URL(c.req.url).origin),
          download: { csv: `${base}csv`, geojson: `${base}geojson`, long: `${base}long`, dictionary: `/v1/versions/${encodeURIComponent(meta.version)}/dictionary` },
        },
        200,
      );
    });
}
