/**
 * The SERVED side: one version published by the real pipeline into DynamoDB Local (test/support),
 * read back only through the HTTP API (`app.request`), as a client would.
 */
import { createApp } from '../../functions/src/api/app.js';
import { IndexReader } from '../../functions/src/api/index-reader.js';
import { publishedStore } from '../support/published-store.js';

export type Level = 'town' | 'zcta';

export interface ServedSmoothing { method: string; raw: number; weight: number; prior: number; priorLabel?: string; events: number | null; exposure: number; exposureEstimated?: boolean }
export interface ServedIndicator {
  value: number | null; se: number | null; percentile: number | null; flagged: boolean;
  coverage?: number | null; adjustment?: 'age-adjusted' | 'crude' | null; smoothing?: ServedSmoothing | null; notes?: string[];
  noDataReason: string | null; derivation: string | null; unit: string; direction: 'higher_is_worse' | 'higher_is_better'; ranked: boolean;
}
export interface ServedPlace {
  id: string; name: string; population: number | null; score: number | null; percentile: number | null; rank: number | null;
  ranked?: boolean; noDataReason: string | null; indicators: Record<string, ServedIndicator>;
}
export interface ServedColumn { id: string; kind: string; unit: string; direction: 'higher_is_worse' | 'higher_is_better'; ranked: boolean; values: (number | null)[]; percentiles: (number | null)[]; noData: (string | null)[] }
export interface ServedLayers { method: string; places: { id: string; name: string; rank: number | null }[]; measures: ServedColumn[] }

export interface Served {
  method: () => Promise<string>;
  place: (level: Level, id: string) => Promise<ServedPlace>;
  indicator: (level: Level, id: string, indicator: string) => Promise<ServedIndicator>;
  layers: (level: Level) => Promise<ServedLayers>;
  cleanup: () => void;
}

/** Publish one version and answer from it; call once per test file (beforeAll), ~30–60 s. */
export async function servedApi(): Promise<Served> {
  const ctx = await publishedStore();
  const app = createApp({ reader: new IndexReader(ctx.store, ctx.blobs) });
  const json = async <T>(path: string): Promise<T> => {
    const res = await app.request(path);
    if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  const places = new Map<string, Promise<{ method: string; place: ServedPlace }>>();
  const detail = (level: Level, id: string) => {
    const key = `${level}/${id}`;
    if (!places.has(key)) places.set(key, json(`/v1/places/${key}`));
    return places.get(key)!;
  };
  const layers = new Map<Level, Promise<ServedLayers>>();
  return {
    method: async () => (await json<{ method: { id: string } }>('/v1/methods')).method.id,
    place: async (level, id) => (await detail(level, id)).place,
    indicator: async (level, id, indicator) => {
      const p = (await detail(level, id)).place;
      const i = p.indicators[indicator];
      if (!i) throw new Error(`${level} ${id} (${p.name}) serves no indicator "${indicator}" (has: ${Object.keys(p.indicators).join(', ')})`);
      return i;
    },
    layers: (level) => {
      if (!layers.has(level)) layers.set(level, json(`/v1/layers/${level}`));
      return layers.get(level)!;
    },
    cleanup: () => ctx.cleanup(),
  };
}
