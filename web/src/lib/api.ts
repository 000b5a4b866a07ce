import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';

export type Level = 'town' | 'zcta';

export interface Measure {
  id: string;
  label: string;
  unit: string;
  description: string;
  vintage: string;
}

export interface PlaceSummary {
  id: string;
  name: string;
  score: number | null;
  percentile: number | null;
  rank?: number | null;
  noDataReason: string | null;
}

export interface PlaceList {
  version: string;
  level: Level;
  measure: Measure;
  items: PlaceSummary[];
}

export type Geometry = FeatureCollection<Polygon | MultiPolygon, { id: string; name: string }>;

/** An API error with the problem+json detail, so the page can say what went wrong. */
export class ApiError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

async function getJson<T>(url: string, fetchImpl: typeof fetch = fetch): Promise<T> {
  const res = await fetchImpl(url, { headers: { accept: 'application/json' } });
  if (!res.ok) {
    let detail = `${res.status} ${res.statusText}`;
    try {
      const problem = (await res.json()) as { title?: string; detail?: string };
      detail = problem.detail ?? problem.title ?? detail;
    } catch {
      /* not problem+json: keep the status line */
    }
    throw new ApiError(res.status, detail);
  }
  return (await res.json()) as T;
}

export const fetchPlaces = (level: Level, fetchImpl?: typeof fetch) => getJson<PlaceList>(`/v1/places?level=${level}`, fetchImpl);
export const fetchGeometry = (level: Level, fetchImpl?: typeof fetch) => getJson<Geometry>(`/v1/geometry/${level}`, fetchImpl);
