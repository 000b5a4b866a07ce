import { createRoute, z } from '@hono/zod-openapi';
import { csvResponse } from '../csv-response.js';
import type { IndexReader } from '../index-reader.js';
import { problems } from '../problem.js';
import { ResponseCache } from '../response-cache.js';
import { newRouter } from '../router.js';
import { LevelSchema, notFoundResponse, problemResponses } from '../schemas.js';
import { diffLevel, diffMethod, diffSummary, indicatorIdMap, type LevelDiff } from '../../indices/version-diff.js';
import { VersionIdSchema } from '../version-id.js';
import { resolveVersion } from '../version-param.js';

const Change = z
  .object({ from: z.number().nullable(), to: z.number().nullable(), delta: z.number().nullable().openapi({ description: 'to − from, to the finer of the two published precisions; null when either side has no value.' }) })
  .openapi('NumberChange');
const FieldChange = z.object({ field: z.string(), from: z.unknown(), to: z.unknown() }).openapi('FieldChange');
const SourceState = z.object({ vintage: z.string(), sha256: z.string() });
const SourceRef = z.object({ id: z.string(), vintage: z.string(), sha256: z.string() });
const FromTo = z.object({ from: z.string().nullable(), to: z.string().nullable() });

const PlaceDiffSchema = z
  .object({
    id: z.string(),
    name: z.string().openapi({ description: 'Name in the newer (`id`) version.' }),
    score: Change.openapi({ description: 'Overall score (0–1).' }),
    percentile: Change.openapi({ description: 'Overall percentile (0–100).' }),
    rank: Change.openapi({ description: 'Rank (1 = most disadvantaged): a negative delta moved the place towards the top.' }),
    ranked: z.object({ from: z.boolean(), to: z.boolean() }).openapi({ description: 'Whether the place was ranked (method 1.1 leaves places under 500 residents unranked; 1.0 ranked all).' }),
    changed: z.boolean().openapi({ description: 'Any of the above, a domain or an indicator changed.' }),
    domains: z.array(z.object({ id: z.string(), score: Change, percentile: Change.openapi({ description: 'Domain percentile (0–1).' }) })).openapi({ description: 'Only domains whose score or percentile changed.' }),
    indicators: z
      .array(z.object({ id: z.string(), value: Change.openapi({ description: 'In the indicator\'s unit (see the versions\' registries).' }), percentile: Change.openapi({ description: 'Indicator percentile rank (0–1).' }) }))
      .openapi({ description: 'Only indicators in both registries whose value or percentile changed (registry changes: `methodChanges.indicators`).' }),
  })
  .openapi('PlaceDiff');

const DiffSchema = z
  .object({
    from: z.object({ version: z.string(), method: z.string(), createdAt: z.string() }),
    to: z.object({ version: z.string(), method: z.string(), createdAt: z.string() }),
    level: LevelSchema,
    summary: z.object({ compared: z.number().int(), changed: z.number().int(), rankChanged: z.number().int(), added: z.number().int(), removed: z.number().int() }),
    methodChanges: z
      .object({
        method: z.object({ from: z.string(), to: z.string(), changed: z.array(FieldChange).openapi({ description: 'Method settings (thresholds, coverage rules, Monte Carlo draws…) that differ; domain weights are in `weights`.' }) }),
        weights: z.array(z.object({ domain: z.string(), from: z.number().nullable(), to: z.number().nullable() })),
        indicators: z.object({
          added: z.array(z.object({ id: z.string(), label: z.string() })),
          removed: z.array(z.object({ id: z.string(), label: z.string() })),
          renamed: z.array(z.object({ from: z.string(), to: z.string() })),
          changed: z.array(z.object({ id: z.string(), fields: z.array(FieldChange) })),
        }),
        sources: z.object({ added: z.array(SourceRef), removed: z.array(SourceRef), changed: z.array(z.object({ id: z.string(), from: SourceState, to: SourceState })) }),
        inputs: z.object({ codeRevision: FromTo, methodSha256: FromTo }),
        asOf: FromTo,
      })
      .openapi('MethodChanges'),
    places: z.array(PlaceDiffSchema),
    added: z.array(z.object({ id: z.string(), name: z.string() })).openapi({ description: 'Places only in the newer version.' }),
    removed: z.array(z.object({ id: z.string(), name: z.string() })).openapi({ description: 'Places only in the older (`from`) version.' }),
  })
  .openapi('VersionDiff');

/** One row per place of either version (CSV): `status` says which of the four it is. */
const CSV_COLUMNS = [
  'id', 'name', 'status', 'score_from', 'score_to', 'score_delta', 'percentile_from', 'percentile_to', 'percentile_delta', 'rank_from', 'rank_to', 'rank_delta',
  'ranked_from', 'ranked_to', 'domains_changed', 'indicators_changed',
];

function csvRows(level: LevelDiff): unknown[][] {
  const n = (v: number | null) => v ?? '';
  const rows = level.places.map((p) => [
    p.id, p.name, p.changed ? 'changed' : 'unchanged',
    n(p.score.from), n(p.score.to), n(p.score.delta), n(p.percentile.from), n(p.percentile.to), n(p.percentile.delta), n(p.rank.from), n(p.rank.to), n(p.rank.delta),
    String(p.ranked.from), String(p.ranked.to), p.domains.map((d) => d.id).join(' '), p.indicators.map((i) => i.id).join(' '),
  ]);
  const only = (status: string) => (r: { id: string; name: string }) => [r.id, r.name, status, ...CSV_COLUMNS.slice(3).map(() => '')];
  return [...rows, ...level.added.map(only('added')), ...level.removed.map(only('removed'))].sort((a, b) => (String(a[0]) < String(b[0]) ? -1 : 1));
}

const diffRoute = createRoute({
  method: 'get',
  path: '/versions/{id}/diff',
  operationId: 'getVersionDiff',
  summary: 'What changed from another version to this one: per place score, percentile, rank and the indicators that moved; places added or removed; method, registry and source changes (immutable)',
  request: {
    params: z.object({ id: VersionIdSchema }),
    query: z.object({
      from: VersionIdSchema.openapi({ param: { name: 'from', in: 'query' }, description: 'The version to compare against (usually an older one; GET /v1/versions lists them).', example: 'ma-hei-1.0-20261123T034501Z-1a2b' }),
      level: LevelSchema.default('town').openapi({ description: 'Which places to compare: `town` (default) or `zcta`. Method changes are the same for both.' }),
      format: z.enum(['json', 'csv']).optional().openapi({ description: 'json (default) or csv: one row per place with a `status` of changed, unchanged, added or removed; or send Accept: text/csv.' }),
    }),
  },
  responses: {
    200: {
      content: {
        'application/json': { schema: DiffSchema },
        'text/csv': { schema: z.string().openapi({ example: 'id,name,status,score_from,score_to,score_delta,percentile_from,percentile_to,percentile_delta,rank_from,rank_to,rank_delta,ranked_from,ranked_to,domains_changed,indicators_changed\n' }) },
      },
      description: 'The differences; both versions are immutable, so the answer is too',
    },
    ...problemResponses,
    ...notFoundResponse,
  },
});

export function versionDiffRoutes(reader: IndexReader) {
  const cache = new ResponseCache(50, { maxBytes: 16 * 1024 * 1024 }); // a diff is 0.2–0.3 MB of JSON (two real versions); few pairs are asked
  return newRouter().openapi(diffRoute, async (c) => {
    const { id } = c.req.valid('param');
    const { from, level, format } = c.req.valid('query');
    // Immutable (versionCache pins /v1/versions/{id}…): both versions are published, and never change.
    const [to, older] = await Promise.all([resolveVersion(reader, id), reader.versionMeta(from)]);
    if (!older) throw problems.notFound(`from: no published version "${from}"; GET /v1/versions lists them.`);
    const compare = async () => {
      const [a, b] = await Promise.all([reader.listPlaces(older.version, level), reader.listPlaces(to.version, level)]);
      return diffLevel(a, b, indicatorIdMap(older.indicators, to.indicators));
    };
    const accept = c.req.header('accept') ?? '';
    if (format === 'csv' || (!format && accept.includes('text/csv') && !accept.includes('application/json'))) {
      return csvResponse(c, `equity-atlas-diff-${level}-${older.version}-to-${to.version}.csv`, CSV_COLUMNS, csvRows(await compare())) as never;
    }
    return cache.json(c, `${older.version}|${to.version}|${level}`, async () => {
      const places = await compare();
      const head = (m: typeof to) => ({ version: m.version, method: m.method.id, createdAt: m.createdAt });
      return { from: head(older), to: head(to), level, summary: diffSummary(places), methodChanges: diffMethod(older, to), ...places };
    }) as never;
  });
}
