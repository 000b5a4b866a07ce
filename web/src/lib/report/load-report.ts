import { fetchGeometry, fetchLayers, fetchPlace, getJson, type Geometry, type Investment, type Level, type MeasureTable, type PlaceDetail, type PriorityGeographies, type CrosswalkRow } from '../api';
import { fetchPlaceHistory, type PlaceHistory } from '../profile/rank-change';

export interface ReportData {
  detail: PlaceDetail;
  geometry: Geometry;
  table: MeasureTable;
  /** null when the history could not be read (the page then omits "as of" and the rank change, never guesses them). */
  history: PlaceHistory | null;
  priority: PriorityGeographies;
  investments: Investment[];
  /** ZIP code areas only: the population crosswalk, to relate the ZIP code to priority geographies. */
  crosswalk: CrosswalkRow[] | null;
}

/**
 * Everything the report shows, pinned to the version of the place answer: the
 * priority geographies, crosswalk, outlines and layer ask for `?version=` of it, so a
 * publish while the page loads cannot mix two versions on one page. Outlines and
 * layers are first asked unpinned (the HTML's preloads answer those) and asked again
 * pinned only if they turn out to be of another version.
 */
export async function loadReport(level: Level, id: string, f: typeof fetch = fetch): Promise<ReportData> {
  const detail = await fetchPlace(level, id, f);
  const v = encodeURIComponent(detail.version);
  const townIds = level === 'town' ? [id] : (detail.place.zip?.towns.map((t) => t.id) ?? []);
  const [layers, history, priority, investments, crosswalk] = await Promise.all([
    Promise.all([fetchGeometry(level, f), fetchLayers(level, f)]).then(([g, t]) =>
      t.version === detail.version ? ([g, t] as const) : Promise.all([getJson<Geometry>(`/v1/geometry/${level}?version=${v}`, f), getJson<MeasureTable>(`/v1/layers/${level}?version=${v}`, f)]),
    ),
    fetchPlaceHistory(level, id, f).catch(() => null),
    getJson<PriorityGeographies>(`/v1/priority-geographies?version=${v}`, f),
    // Investments name municipalities: a ZIP code area gets those of the towns it overlaps.
    Promise.all(townIds.map((t) => getJson<{ items: Investment[] }>(`/v1/investments?municipality=${t}`, f).then((r) => r.items))).then((xs) => xs.flat()),
    level === 'zcta' ? getJson<{ rows: CrosswalkRow[] }>(`/v1/crosswalk?from=zcta&to=town&weight=population&version=${v}`, f).then((r) => r.rows) : null,
  ]);
  return { detail, geometry: layers[0], table: layers[1], history, priority, investments, crosswalk };
}
