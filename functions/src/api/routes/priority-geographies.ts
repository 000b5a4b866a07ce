import { createRoute, z } from '@hono/zod-openapi';
import { withMemberBasis } from '../../indices/member-basis.js';
import type { PriorityGeographyCollection } from '../../pipeline/priority-geographies-stage.js';
import { priorityGeographiesKey } from '../../store/index-store.js';
import type { IndexReader } from '../index-reader.js';
import { problems } from '../problem.js';
import { newRouter } from '../router.js';
import { featureCollectionSchema, featureSchema } from '../geojson-schemas.js';
import { notFoundResponse, problemResponses } from '../schemas.js';
import { resolveVersion, versionQuery } from '../version-param.js';

/** The last version whose stored collection predates members' `basis`, with the fields added (computed once). */
let filledIn: { version: string; stored: string; json: string } | null = null;

/**
 * A version published before members carried `basis` and `reason` gets them here, from the roles
 * it recorded (the same pure function the pipeline uses), so every answer tells announced AHEM
 * communities from towns the rule added.
 */
function withBasis(version: string, stored: string): string {
  if (stored.includes('"basis"')) return stored;
  if (filledIn?.version === version && filledIn.stored === stored) return filledIn.json;
  const fc = JSON.parse(stored) as PriorityGeographyCollection;
  for (const f of fc.features) f.properties.members = withMemberBasis(f.properties);
  filledIn = { version, stored, json: JSON.stringify(fc) };
  return filledIn.json;
}

/** The priority geographies of `pinned` (default: the current version), or a 404 problem when the version predates them. */
export async function currentPriorityGeographies(reader: IndexReader, pinned?: { version: string }): Promise<{ version: string; json: string; collection: () => PriorityGeographyCollection }> {
  const meta = pinned ?? (await reader.requireCurrentVersion());
  const stored = await reader.blob(priorityGeographiesKey(meta.version));
  if (stored === null) throw problems.notFound(`Version ${meta.version} has no priority geographies (it was published before they existed); run the pipeline again.`);
  const json = withBasis(meta.version, stored);
  return { version: meta.version, json, collection: () => JSON.parse(json) as PriorityGeographyCollection };
}

const MemberSchema = z
  .object({
    id: z.string().openapi({ description: 'Town GEOID', example: '2501367000' }),
    name: z.string().openapi({ example: 'Springfield' }),
    role: z.enum(['configured', 'seed', 'adjacent']).openapi({ description: 'configured: listed in data/priority-geographies.json; seed: started a derived geography; adjacent: joined a neighbouring member.' }),
    basis: z.enum(['announced', 'added-by-rule', 'listed']).openapi({
      description: '`announced`: an announced AHEM community (a configured member of a confirmed geography); `added-by-rule`: taken by the index’s rule (a seed or an adjacent town) — not an AHEM community; `listed`: configured by hand for a derived geography.',
      example: 'added-by-rule',
    }),
    reason: z.string().openapi({ description: 'Why the member is in, in plain language (no codes or links).', example: 'Not an announced AHEM community: added by the index’s rule because it borders Chicopee and ranks 22nd most disadvantaged on the overall index (percentile 93.8).' }),
    rank: z.number().int().nullable(),
    percentile: z.number().nullable(),
    score: z.number().nullable(),
    flagCount: z.number().int(),
    adjacentTo: z.array(z.string()).openapi({ description: 'Members of the same geography it shares a boundary with (GEOIDs).' }),
    population: z.number().nullable(),
  })
  .openapi('PriorityGeographyMember');

// Fields a version may predate are optional; the route fills in members' basis and reason itself.
const FeatureSchema = featureSchema(
  'PriorityGeography',
  z.object({
    id: z.string(),
    name: z.string(),
    status: z.enum(['confirmed', 'derived']),
    sourceUrl: z.string().nullable().optional().openapi({ description: 'Public announcement of a confirmed geography; null for a derived one.' }),
    notes: z.string().optional(),
    members: z.array(MemberSchema),
    reasons: z.array(z.object({ id: z.string(), name: z.string(), reason: z.string() })).optional().openapi({ description: 'One line per member: why it is in.' }),
    population: z.number().int().optional().openapi({ description: '2020 census population of the members.' }),
    index: z
      .object({
        percentile: z.number().nullable().openapi({ description: 'Population-weighted mean overall percentile (0–100) of the ranked members.' }),
        bestRank: z.number().int().nullable(),
        worstRank: z.number().int().nullable(),
        flagCount: z.number().int().openapi({ description: 'Flagged indicators summed over members.' }),
        membersRanked: z.number().int(),
      })
      .optional(),
  }),
);

const RuleSchema = z
  .object({
    targetGeographies: z.number().int(),
    targetMunicipalities: z.number().int(),
    maxMembersPerGeography: z.number().int(),
    minPercentile: z.number().openapi({ description: 'Overall percentile (0–100) at or above which a town may be taken.' }),
    growConfirmed: z.boolean(),
    text: z.string().openapi({ description: 'The rule in words.' }),
  })
  .openapi('PriorityRule', { description: 'The derivation rule applied (data/priority-geographies.json, docs/method.md "Priority geographies").' });

const route = createRoute({
  method: 'get',
  path: '/priority-geographies',
  operationId: 'listPriorityGeographies',
  request: { query: z.object(versionQuery) },
  summary: 'The ten AHEM priority geographies: confirmed communities and geographies derived from the index, each with members and why they are in',
  description:
    'GeoJSON FeatureCollection, one dissolved outline per geography. Properties: id, name, status (`confirmed` with sourceUrl, or `derived`), members (GEOID, rank, percentile, flags, adjacency, and `basis` + plain-language `reason`: only the announced AHEM community is `announced`, towns the rule added are `added-by-rule`), reasons, population (2020), index summary. The collection carries the rule applied and the version it was derived from. Rule: docs/method.md, "Priority geographies".',
  responses: {
    200: {
      content: {
        'application/geo+json': {
          schema: featureCollectionSchema('PriorityGeographies', FeatureSchema, { version: z.string(), rule: RuleSchema, notes: z.string() }),
        },
      },
      description: 'GeoJSON FeatureCollection of the priority geographies',
    },
    ...problemResponses,
    ...notFoundResponse,
  },
});

export function priorityGeographiesRoutes(reader: IndexReader) {
  return newRouter().openapi(route, async (c) => {
    const { json } = await currentPriorityGeographies(reader, await resolveVersion(reader, c.req.valid('query').version));
    c.header('content-type', 'application/geo+json');
    return c.body(json, 200) as never;
  });
}
