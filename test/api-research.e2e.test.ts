import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../functions/src/api/app.js';
import { IndexReader } from '../functions/src/api/index-reader.js';
import { publishedStore } from './support/published-store.js';

// Researcher-facing API (issue 4) over a real published version in DynamoDB Local.
let ctx: Awaited<ReturnType<typeof publishedStore>>;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  ctx = await publishedStore();
  app = createApp({ reader: new IndexReader(ctx.store, ctx.blobs) });
});
afterAll(() => ctx?.cleanup());

const get = (path: string, headers: Record<string, string> = {}) => app.request(path, { headers });
const getJson = async <T>(path: string) => {
  const res = await get(path);
  expect(res.status, `${path}: ${res.status}`).toBe(200);
  return (await res.json()) as T;
};
type Item = { id: string; name: string; score: number | null; percentile: number | null; rank: number | null };
type List = { version: string; items: Item[]; nextCursor: string | null };

describe('places list: filters, sort, cursor pagination', () => {
  it('still returns every town in one answer without parameters, with nextCursor null', async () => {
    const body = await getJson<List>('/v1/places?level=town');
    expect(body.items).toHaveLength(351);
    expect(body.nextCursor).toBeNull();
    expect(body.items.map((i) => i.id)).toEqual([...body.items.map((i) => i.id)].sort());
  });

  it('pages through the towns sorted by rank with an opaque cursor, without gaps or repeats', async () => {
    const seen: Item[] = [];
    let next: string | null = null;
    let pages = 0;
    do {
      const body: List = await getJson<List>(`/v1/places?level=town&sort=rank&limit=100${next ? `&cursor=${encodeURIComponent(next)}` : ''}`);
      expect(body.items.length).toBeLessThanOrEqual(100);
      seen.push(...body.items);
      next = body.nextCursor;
      pages++;
    } while (next);
    expect(pages).toBe(4);
    expect(new Set(seen.map((i) => i.id)).size).toBe(351);
    const ranks = seen.map((i) => i.rank).filter((r): r is number => r !== null);
    expect(ranks[0]).toBe(1);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    const withoutRank = seen.findIndex((i) => i.rank === null);
    if (withoutRank >= 0) expect(seen.slice(withoutRank).every((i) => i.rank === null)).toBe(true);
  });

  it('filters by county, flag and minimum percentile, sorts by name descending', async () => {
    const hampden = await getJson<List>('/v1/places?level=town&county=Hampden&minPercentile=80&sort=percentile');
    const ids = hampden.items.map((i) => i.id);
    expect(ids).toContain('2501367000'); // Springfield
    expect(hampden.items.every((i) => i.percentile! >= 80)).toBe(true);
    expect(hampden.items.map((i) => i.percentile)).toEqual([...hampden.items.map((i) => i.percentile)].sort((a, b) => b! - a!));
    const flagged = await getJson<List>('/v1/places?level=town&flagged=true');
    const unflagged = await getJson<List>('/v1/places?level=town&flagged=false');
    expect(flagged.items.length + unflagged.items.length).toBe(351);
    expect(flagged.items.length).toBeGreaterThan(0);
    const byName = await getJson<List>('/v1/places?level=town&sort=name&order=desc&limit=3');
    expect(byName.items[0]!.name).toBe('Yarmouth');
  });

  it('answers bad filters and a cursor of another query with 400 problems naming the field', async () => {
    for (const [path, field] of [
      ['/v1/places?level=town&minPercentile=120', 'minPercentile'],
      ['/v1/places?level=town&sort=score', 'sort'],
      ['/v1/places?level=town&limit=0', 'limit'],
      ['/v1/places?level=town&cursor=abc', 'cursor'],
    ] as const) {
      const res = await get(path);
      expect(res.status, path).toBe(400);
      expect(((await res.json()) as { errors: { path: string }[] }).errors[0]!.path).toBe(field);
    }
    const first = await getJson<List>('/v1/places?level=town&sort=rank&limit=10');
    const res = await get(`/v1/places?level=town&sort=name&limit=10&cursor=${first.nextCursor}`);
    expect(res.status).toBe(400);
  });
});

type Hit = { level: string; id: string; name: string; match: string; zip: string | null; fracOfZcta: number | null; percentile: number | null };
describe('search', () => {
  it('finds towns by name prefix, case- and accent-insensitive', async () => {
    const body = await getJson<{ version: string; items: Hit[] }>('/v1/search?q=SPRÍNG');
    expect(body.version).toBe(ctx.result.version);
    const names = body.items.map((h) => h.name);
    expect(names[0]).toBe('Springfield');
    expect(names).toEqual(expect.arrayContaining(['Springfield', 'West Springfield']));
    expect(body.items.every((h) => h.level === 'town' && h.match === 'name')).toBe(true);
  });

  it('resolves a ZIP code to its ZCTA and the towns it overlaps (from the version, not DATA_DIR)', async () => {
    const body = await getJson<{ items: Hit[] }>('/v1/search?q=02108');
    expect(body.items[0]).toMatchObject({ level: 'zcta', id: '02108', zip: '02108' });
    expect(body.items[1]).toMatchObject({ level: 'town', id: '2502507000', name: 'Boston', match: 'zip' });
    expect(body.items[1]!.fracOfZcta).toBeGreaterThan(0.99);
    const agawam = await getJson<{ items: Hit[] }>('/v1/search?q=01001');
    expect(agawam.items.filter((h) => h.level === 'town').map((h) => h.name)).toContain('Agawam');
  });

  it('answers an empty query with a 400 problem', async () => {
    const res = await get('/v1/search?q=');
    expect(res.status).toBe(400);
    expect(((await res.json()) as { errors: { path: string }[] }).errors[0]!.path).toBe('q');
  });
});

type Looked = { version: string; town: { id: string; name: string; percentile: number | null; county: string | null }; zcta: { id: string } | null };
describe('point lookup', () => {
  it('finds the town and ZCTA of a point with their scores', async () => {
    const stateHouse = await getJson<Looked>('/v1/lookup?lon=-71.0637&lat=42.3588'); // Massachusetts State House, Beacon Hill
    expect(stateHouse.version).toBe(ctx.result.version);
    expect(stateHouse.town).toMatchObject({ id: '2502507000', name: 'Boston', county: 'Suffolk' });
    expect(stateHouse.town.percentile).toBeGreaterThan(50);
    expect(stateHouse.zcta?.id).toBe('02108');
    const springfield = await getJson<Looked>('/v1/lookup?lon=-72.5898&lat=42.1015'); // Springfield City Hall
    expect(springfield.town.name).toBe('Springfield');
    expect(springfield.zcta?.id).toMatch(/^011/);
  });

  it('answers a point outside Massachusetts with a 404 problem saying so, and bad coordinates with 400', async () => {
    const nyc = await get('/v1/lookup?lon=-73.9857&lat=40.7484');
    expect(nyc.status).toBe(404);
    expect(nyc.headers.get('content-type')).toBe('application/problem+json');
    expect(((await nyc.json()) as { detail: string }).detail).toMatch(/outside Massachusetts/);
    const bad = await get('/v1/lookup?lon=-200&lat=abc');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { errors: { path: string }[] }).errors.map((e) => e.path).sort()).toEqual(['lat', 'lon']);
  });
});

describe('versions', () => {
  it('lists published versions newest first and serves one by id, immutable', async () => {
    const list = await getJson<{ current: string; items: { version: string; current: boolean; method: string; counts: { town: number } }[] }>('/v1/versions');
    expect(list.current).toBe(ctx.result.version);
    expect(list.items[0]).toMatchObject({ version: ctx.result.version, current: true, method: 'ma-hei-1.1', counts: { town: 351, zcta: 537 } });
    const res = await get(`/v1/versions/${ctx.result.version}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toMatch(/immutable/);
    const one = (await res.json()) as { version: string; status: string; indicators: unknown[]; sources: unknown[]; download: { csv: string } };
    expect(one).toMatchObject({ version: ctx.result.version, status: 'complete' });
    expect(one.indicators.length).toBe(30);
    expect(one.download.csv).toBe(`/v1/versions/${ctx.result.version}/download?level=town&format=csv`);
    expect((await get('/v1/versions/ma-hei-1.0-19990101T000000Z-0000')).status).toBe(404);
    expect((await get('/v1/versions/bad%20id!')).status).toBe(400);
  });
});

describe('formats and bulk download', () => {
  it('serves the places list as CSV and GeoJSON by ?format= or Accept, with the same filters', async () => {
    const csv = await get('/v1/places?level=town&county=Hampden&format=csv');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = (await csv.text()).trim().split('\n');
    expect(lines[0]).toBe('id,name,score,percentile,rank,noDataReason');
    expect(lines.some((l) => l.startsWith('2501367000,Springfield,'))).toBe(true);
    const byAccept = await get('/v1/places?level=town&county=Hampden', { accept: 'text/csv' });
    expect(byAccept.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(byAccept.headers.get('etag')).not.toBe(csv.headers.get('etag'));

    const geo = await get('/v1/places?level=town&sort=rank&limit=5', { accept: 'application/geo+json' });
    expect(geo.headers.get('content-type')).toBe('application/geo+json');
    const fc = (await geo.json()) as { type: string; nextCursor: string; features: { id: string; properties: { rank: number }; geometry: { type: string } }[] };
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features).toHaveLength(5);
    expect(fc.features[0]!.properties.rank).toBe(1);
    expect(fc.features[0]!.geometry.type).toMatch(/Polygon/);
    expect(fc.nextCursor).toBeTruthy();
  });

  it('downloads a whole version with every indicator column, as CSV and GeoJSON', async () => {
    const v = ctx.result.version;
    const res = await get(`/v1/versions/${v}/download?level=town&format=csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="equity-atlas-town-${v}.csv"`);
    expect(res.headers.get('cache-control')).toMatch(/immutable/);
    const [header, ...rows] = (await res.text()).trim().split('\n');
    const columns = header!.split(',');
    expect(rows).toHaveLength(351);
    expect(columns.slice(0, 3)).toEqual(['id', 'name', 'level']);
    expect(columns).toEqual(expect.arrayContaining(['obesity', 'obesity_se', 'obesity_percentile', 'obesity_flagged', 'low_birth_weight', 'maternal_perinatal_score', 'percentile_lo90']));
    expect(columns.length).toBe(15 + 4 * 3 + 30 * 5); // domains: score, percentile, no_data_reason; indicators: value, se, percentile, flagged, no_data_reason (issue 15)
    const zcta = (await (await get(`/v1/versions/${v}/download?level=zcta`, { accept: 'application/geo+json' })).json()) as { features: { id: string; properties: Record<string, unknown> }[] };
    expect(zcta.features).toHaveLength(537);
    const z01001 = zcta.features.find((f) => f.id === '01001')!;
    expect(z01001.properties.obesity).toBe(27.9); // PLACES 2022, ZCTA 01001
    expect((await get('/v1/versions/nope-1/download')).status).toBe(404);
  });
});
