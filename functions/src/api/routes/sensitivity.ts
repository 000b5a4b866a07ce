import { createRoute, z } from '@hono/zod-openapi';
import { SCENARIO_KINDS, type PublishedSensitivity } from '../../indices/sensitivity.js';
import type { Level, VersionMeta } from '../../indices/place-record.js';
import { sensitivityKey } from '../../store/index-store.js';
import { csvResponse, wantsCsv } from '../csv-response.js';
import type { IndexReader } from '../index-reader.js';
import { problems } from '../problem.js';
import { ResponseCache } from '../response-cache.js';
import { newRouter } from '../router.js';
import { LevelSchema, notFoundResponse, problemResponses } from '../schemas.js';
import { resolveVersion, versionQuery } from '../version-param.js';

/** The first method whose versions publish a rank-sensitivity analysis. */
const FIRST_METHOD = 'ma-hei-1.1';

const DESCRIPTION =
  'How far each place\'s overall rank moves when the method\'s choices move. Scenarios: the baseline (the method\'s weights); each domain left out (weight 0); ' +
  'each ranked indicator available at the level left out (re-scored with the coverage rules); and `draws` random domain weightings from a flat Dirichlet(1, 1, 1, 1) ' +
  '(seed `seed`) applied to the baseline domain percentiles. rankMin/rankMax span every scenario, draws included; rankP05, rankP95 and medianRank are quantiles (type 7) over the draws; ' +
  'topDecileShare = share of all scenarios (each draw counts as one, so the denominator is scenarios.length − 1 + draws) in which the place ranks ≤ ceil(0.1 × places ranked in that scenario). ' +
  'ranksByScenario is aligned with `scenarios` up to its last entry, `random-weights`, which the quantiles summarise. Places without an overall score have nulls. ' +
  `Published from method ${FIRST_METHOD} on.`;

const Rank = z.number().int().min(1).nullable();
const RankQuantile = z.number().min(1).nullable();

const ScenarioSchema = z
  .object({
    id: z.string().openapi({ example: 'without-domain:social_drivers' }),
    kind: z.enum(SCENARIO_KINDS),
    label: z.string(),
  })
  .strict()
  .openapi('SensitivityScenario');

const ItemSchema = z
  .object({
    id: z.string().openapi({ example: '2502507000' }),
    name: z.string().openapi({ example: 'Boston' }),
    rank: Rank.openapi({ description: 'Published rank (1 = most disadvantaged).' }),
    rankMin: Rank,
    rankMax: Rank,
    rankP05: RankQuantile,
    rankP95: RankQuantile,
    medianRank: RankQuantile,
    topDecileShare: z.number().min(0).max(1).nullable(),
    ranksByScenario: z.array(Rank).openapi({ description: 'Rank per scenario, aligned with `scenarios` without the final `random-weights` entry; null = unranked in that scenario.' }),
  })
  .strict()
  .openapi('SensitivityItem');

const SensitivitySchema = z
  .object({
    version: z.string(),
    level: LevelSchema,
    method: z.string(),
    draws: z.number().int().min(1),
    seed: z.number().int(),
    scenarios: z.array(ScenarioSchema),
    items: z.array(ItemSchema),
  })
  .strict()
  .openapi('RankSensitivity');

const route = createRoute({
  method: 'get',
  path: '/sensitivity',
  operationId: 'getSensitivity',
  summary: 'Rank sensitivity of every place (current version): leave-one-out domains and indicators, random domain weights (JSON or CSV)',
  description: DESCRIPTION,
  request: {
    query: z.object({
      level: LevelSchema,
      format: z.enum(['json', 'csv']).optional().openapi({ description: 'csv for a download (one column per leave-one-out scenario); also chosen by Accept: text/csv' }),
      ...versionQuery,
    }),
  },
  responses: {
    200: {
      content: {
        'application/json': { schema: SensitivitySchema },
        'text/csv': { schema: z.string().openapi({ example: 'id,name,rank,rank_min,rank_max,rank_p05,rank_p95,median_rank,top_decile_share,rank_without_domain_cardiometabolic,…\n' }) },
      },
      description: 'One item per place of the level, in id order',
    },
    ...problemResponses,
    ...notFoundResponse,
  },
});

/** The JSON answer (the web app can take its type from here). */
export type Sensitivity = z.infer<typeof SensitivitySchema>;

/** CSV column of a leave-one-out scenario: `without-domain:social_drivers` → `rank_without_domain_social_drivers`. */
const scenarioColumn = (id: string) => `rank_${id.replace(/[^a-z0-9]+/gi, '_')}`;

export function sensitivityRoutes(reader: IndexReader) {
  const cache = new ResponseCache(8);
  const load = async (meta: VersionMeta, level: Level): Promise<Sensitivity> => {
    const json = await reader.blob(sensitivityKey(meta.version, level));
    if (json === null) {
      throw problems.notFound(
        `Version ${meta.version} (method ${meta.method.id}) has no rank-sensitivity analysis: it is computed from method ${FIRST_METHOD} on, and this version predates it. Run the pipeline to publish a version that has one.`,
      );
    }
    const published = JSON.parse(json) as PublishedSensitivity;
    const names = new Map((await reader.listPlaces(meta.version, level)).map((p) => [p.id, p.name]));
    return {
      version: published.version,
      level,
      method: published.method,
      draws: published.draws,
      seed: published.seed,
      scenarios: published.scenarios,
      items: published.items.map(({ id, rank, rankMin, rankMax, rankP05, rankP95, medianRank, topDecileShare, ranksByScenario }) => ({
        id, name: names.get(id) ?? id, rank, rankMin, rankMax, rankP05, rankP95, medianRank, topDecileShare, ranksByScenario,
      })).sort((a, b) => a.id.localeCompare(b.id)),
    };
  };

  return newRouter().openapi(route, async (c) => {
    const { level, format, version } = c.req.valid('query');
    const meta = await resolveVersion(reader, version);
    if (wantsCsv(c, format)) {
      const body = await load(meta, level);
      const leaveOneOut = body.scenarios.flatMap((s, k) => (s.kind === 'leave-domain-out' || s.kind === 'leave-indicator-out' ? [{ id: s.id, k }] : []));
      const columns = ['id', 'name', 'rank', 'rank_min', 'rank_max', 'rank_p05', 'rank_p95', 'median_rank', 'top_decile_share', ...leaveOneOut.map((s) => scenarioColumn(s.id))];
      const rows = body.items.map((p) => [p.id, p.name, p.rank, p.rankMin, p.rankMax, p.rankP05, p.rankP95, p.medianRank, p.topDecileShare, ...leaveOneOut.map((s) => p.ranksByScenario[s.k])]);
      return csvResponse(c, `sensitivity-${level}-${meta.version}.csv`, columns, rows) as never;
    }
    return cache.json(c, `${meta.version}|${level}`, () => load(meta, level)) as never;
  });
}
