import { createRoute, z } from '@hono/zod-openapi';
import { HIGH_NEED_PERCENTILE, needInvestmentRows, type NeedRow, type NeedUnit } from '../../indices/need-investment.js';
import type { InvestmentStore } from '../../store/investment-store.js';
import { csvResponse, wantsCsv } from '../csv-response.js';
import type { IndexReader } from '../index-reader.js';
import { newRouter } from '../router.js';
import { notFoundResponse, problemResponses } from '../schemas.js';
import { currentPriorityGeographies } from './priority-geographies.js';
import { contentEtag } from '../content-etag.js';
import { resolveVersion, versionQuery } from '../version-param.js';

const COLUMNS: (keyof NeedRow)[] = ['id', 'name', 'population', 'percentile', 'rank', 'flag_count', 'grant_count', 'grants_without_amount', 'total_announced_usd', 'usd_per_resident_per_year', 'usd_not_annualized', 'high_need', 'high_need_no_investment', 'county'];

const DEFINITION =
  `high_need = overall index percentile ≥ ${HIGH_NEED_PERCENTILE} (towns: their own; geographies: population-weighted mean of members). ` +
  'high_need_no_investment = high_need and no grant (with or without a published amount) names the town or a member town. ' +
  'Multi-place grants are split into equal shares per named place; amounts not published are counted in grants_without_amount, never estimated; ' +
  'usd_per_resident_per_year = announced dollars ÷ the years the amount pays for (amountYears, else the duration) ÷ 2020 population (grants without a duration are in usd_not_annualized). county = the town’s county (geographies: their members’ counties). docs/method.md, "Need and investment".';

// One field per CSV column, in COLUMNS order (the `satisfies` keeps the two lists the same).
const Row = z
  .object({
    id: z.string().openapi({ description: 'Town GEOID (10 digits) or priority geography id', example: '2500545000' }),
    name: z.string().openapi({ example: 'New Bedford' }),
    population: z.number().int().nullable().openapi({ description: '2020 population (geographies: sum of members); null = unknown' }),
    percentile: z.number().nullable().openapi({ description: 'Overall index percentile, on the scale of highNeedPercentile (geographies: population-weighted mean of members); null = not ranked' }),
    rank: z.number().int().nullable().openapi({ description: '1 = most disadvantaged; null = not ranked' }),
    flag_count: z.number().int().openapi({ description: 'Flagged indicators: the flagCount of the town or geography' }),
    grant_count: z.number().int().openapi({ description: 'Grants naming the town or a member town' }),
    grants_without_amount: z.number().int().openapi({ description: 'Of those, grants whose amount was not published (not in the dollar totals)' }),
    total_announced_usd: z.number().openapi({ description: 'Announced dollars, multi-place grants split equally per named place' }),
    usd_per_resident_per_year: z.number().nullable().openapi({ description: 'Announced dollars ÷ years the amount pays for ÷ population; null = no population or no annualizable grant' }),
    usd_not_annualized: z.number().openapi({ description: 'Announced dollars of grants without a duration (not in the per-year figure)' }),
    high_need: z.boolean().openapi({ description: `percentile ≥ ${HIGH_NEED_PERCENTILE}` }),
    high_need_no_investment: z.boolean().openapi({ description: 'high_need and no grant names the town or a member town' }),
    county: z.string().nullable().openapi({ description: 'County of the town ("Hampden"); for a geography the counties of its members, "; "-joined; null = unknown. Last CSV column.', example: 'Bristol' }),
  } satisfies Record<(typeof COLUMNS)[number], z.ZodType>)
  .openapi('NeedInvestmentRow');

const route = createRoute({
  method: 'get',
  path: '/need-investment',
  operationId: 'getNeedInvestment',
  summary: 'Need vs. announced investment per town or priority geography (JSON or CSV)',
  description: DEFINITION,
  request: {
    query: z.object({
      level: z.enum(['town', 'geography']).openapi({ description: '`town` (351 municipalities) or `geography` (the priority geographies)', example: 'town' }),
      format: z.enum(['json', 'csv']).optional().openapi({ description: 'csv for a download; also chosen by Accept: text/csv' }),
      ...versionQuery,
    }),
  },
  responses: {
    200: {
      content: {
        'application/json': { schema: z.object({ version: z.string(), level: z.string(), highNeedPercentile: z.number(), definition: z.string(), items: z.array(Row) }).openapi('NeedInvestment') },
        'text/csv': { schema: z.string() },
      },
      description: 'One row per town or geography, most disadvantaged first',
    },
    ...problemResponses,
    ...notFoundResponse,
  },
});

export function needInvestmentRoutes(reader: IndexReader, store: InvestmentStore) {
  return newRouter().openapi(route, async (c) => {
    const { level, format, version } = c.req.valid('query');
    const meta = await resolveVersion(reader, version);
    let units: NeedUnit[];
    if (level === 'town') {
      units = (await reader.listPlaces(meta.version, 'town')).map((p) => ({ id: p.id, name: p.name, county: p.county, members: [p.id], population: p.population, percentile: p.percentile, rank: p.rank, flagCount: p.flagCount }));
    } else {
      const features = (await currentPriorityGeographies(reader, meta)).collection().features;
      const countyOf = new Map((await reader.listPlaces(meta.version, 'town')).map((p) => [p.id, p.county]));
      // Rank among the geographies by their population-weighted percentile (1 = most disadvantaged).
      const order = [...features].sort((a, b) => (b.properties.index.percentile ?? -1) - (a.properties.index.percentile ?? -1) || a.properties.id.localeCompare(b.properties.id));
      units = features.map((f) => ({
        id: f.properties.id,
        name: f.properties.name,
        county: [...new Set(f.properties.members.map((m) => countyOf.get(m.id)).filter((c): c is string => !!c))].sort().join('; ') || null,
        members: f.properties.members.map((m) => m.id),
        population: f.properties.population,
        percentile: f.properties.index.percentile,
        rank: f.properties.index.percentile === null ? null : order.indexOf(f) + 1,
        flagCount: f.properties.index.flagCount,
      }));
    }
    const grants = (await store.list())
      .filter((i) => i.deletedAt === null)
      .map((i) => ({ id: i.id, amountUsd: i.amountUsd, durationYears: i.amountYears ?? i.durationYears, municipalities: i.municipalities, unmappedPlaceCount: i.unmappedPlaces.length }));
    const items = needInvestmentRows(units, grants);
    // Investments are live data: no-store, and an ETag of the content rather than of the index version.
    c.header('cache-control', 'no-store');
    c.header('etag', contentEtag(JSON.stringify([meta.version, format ?? null, c.req.header('accept') ?? null, items])));
    if (wantsCsv(c, format)) return csvResponse(c, `need-investment-${level}.csv`, COLUMNS, items.map((r) => COLUMNS.map((k) => r[k]))) as never;
    return c.json({ version: meta.version, level, highNeedPercentile: HIGH_NEED_PERCENTILE, definition: DEFINITION, items }, 200) as never;
  });
}
