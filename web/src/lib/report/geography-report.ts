import { getJson, type Geometry, type Investment, type MeasureTable, type NeedInvestment, type NeedInvestmentRow, type PlaceDetail, type PriorityGeographies, type PriorityGeographyProperties } from '../api';
import { fetchPlaceHistory } from '../profile/rank-change';
import type { MemberFacts } from './geography-aggregate';
import { m } from '../../paraglide/messages.js';

export type GeographyQuery = { ok: true; id: string } | { ok: false; message: string };

/** `?geography=<id>`: a priority geography id as GET /v1/priority-geographies spells it (lower-case slug, e.g. "chicopee"). */
export function parseGeographyQuery(search: string): GeographyQuery {
  const id = new URLSearchParams(search).get('geography')?.trim() ?? '';
  if (!/^[a-z0-9][a-z0-9-]*$/.test(id)) return { ok: false, message: m.report_query_geography() };
  return { ok: true, id };
}

/** The report's own URL for a priority geography (the map's priority list links to it). */
export const geographyReportHref = (id: string): string => `/report?geography=${encodeURIComponent(id)}`;

export interface GeographyReportData {
  version: string;
  method: string;
  geography: PriorityGeographyProperties;
  /** Each member's answer from /v1/places/town/{id} of the same version, with the geography's population for it. */
  members: (MemberFacts & { detail: PlaceDetail['place'] })[];
  geometry: Geometry;
  table: MeasureTable;
  investments: Investment[];
  /** The geography's row of /v1/need-investment?level=geography (dollars per resident per year); null if it has none. */
  need: NeedInvestmentRow | null;
  /** From the first member's history: the version's "as of" date and computation time. */
  history: { version: string; createdAt: string; asOf: string | null }[];
}

/**
 * Everything the geography report shows, pinned to the version of the priority-geography
 * answer (as the place report pins to the place answer's version), so one page never mixes two.
 */
export async function loadGeographyReport(id: string, f: typeof fetch = fetch): Promise<GeographyReportData> {
  const priority = await getJson<PriorityGeographies>('/v1/priority-geographies', f);
  const feature = priority.features.find((g) => g.properties.id === id);
  if (!feature) throw new Error(m.report_geo_unknown({ id, version: priority.version, ids: priority.features.map((g) => g.properties.id).join(', ') }));
  const geography = feature.properties;
  const v = encodeURIComponent(priority.version);
  const [details, geometry, table, investments, need, history] = await Promise.all([
    Promise.all(geography.members.map((m) => getJson<PlaceDetail>(`/v1/places/town/${m.id}?version=${v}`, f))),
    getJson<Geometry>(`/v1/geometry/town?version=${v}`, f),
    getJson<MeasureTable>(`/v1/layers/town?version=${v}`, f),
    getJson<{ items: Investment[] }>(`/v1/investments?geography=${encodeURIComponent(id)}`, f).then((r) => r.items),
    getJson<NeedInvestment>(`/v1/need-investment?level=geography&version=${v}`, f).then((r) => r.items.find((row) => row.id === id) ?? null),
    geography.members.length
      ? fetchPlaceHistory('town', geography.members[0]!.id, f).then((r): GeographyReportData['history'] => r.items).catch(() => [])
      : Promise.resolve([]),
  ]);
  const members = geography.members.map((m, i) => {
    const detail = details[i]!.place;
    return { id: m.id, name: m.name, population: m.population, domains: detail.domains, indicators: detail.indicators, detail };
  });
  return { version: priority.version, method: details[0]?.method ?? '', geography, members, geometry, table, investments, need, history };
}
