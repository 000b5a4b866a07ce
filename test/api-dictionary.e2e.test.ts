import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../functions/src/api/app.js';
import { IndexReader } from '../functions/src/api/index-reader.js';
import { publishedStore } from './support/published-store.js';
import { loadTowns, readPlacesZctas } from './source-truth/raw.js';
import { townPlaceValue } from './source-truth/places-join.js';

// Issue 15 contracts 1, 2, 5: the data dictionary, consistent missing values, rounding, the long
// format and columns=, over a version the real pipeline published into DynamoDB Local.
// Expectations come from the registry file, the raw PLACES files and the wide CSV itself, never
// from the modules under test.
type Row = Record<string, string>;
interface Entry { name: string; type: string; decimals: number | null; scale: string | null; appliesTo: string[] }
interface Spec { id: string; label: string; domain: string; unit: string; vintage: string; ranked?: boolean; source: { sourceId: string } }

const REGISTRY = JSON.parse(readFileSync(new URL('../data/indicators.json', import.meta.url), 'utf8')) as { indicators: Spec[] };
const LEVELS = ['town', 'zcta'] as const;
const Z90 = 1.645;

let ctx: Awaited<ReturnType<typeof publishedStore>>;
let app: ReturnType<typeof createApp>;
let version: string;
let dictionary: Entry[];
const wide: Record<string, { header: string[]; rows: Row[] }> = {};
const long: Record<string, { header: string[]; rows: Row[] }> = {};

const get = (path: string) => app.request(path);
const csv = (text: string) => {
  const records = parse(text, { bom: true }) as string[][];
  const header = records[0]!;
  return { header, rows: records.slice(1).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]!]))) };
};
const decimalsOf = (cell: string) => (cell.includes('.') ? cell.split('.')[1]!.length : 0);
const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;

beforeAll(async () => {
  ctx = await publishedStore();
  app = createApp({ reader: new IndexReader(ctx.store, ctx.blobs) });
  version = ((await (await get('/v1/versions')).json()) as { current: string }).current;
  dictionary = ((await (await get(`/v1/versions/${version}/dictionary`)).json()) as { entries: Entry[] }).entries;
  for (const level of LEVELS) {
    wide[level] = csv(await (await get(`/v1/versions/${version}/download?level=${level}&format=csv`)).text());
    long[level] = csv(await (await get(`/v1/versions/${version}/download?level=${level}&format=long`)).text());
  }
}, 300_000);
afterAll(() => ctx?.cleanup());

const entriesFor = (appliesTo: string) => dictionary.filter((e) => e.appliesTo.includes(appliesTo));

describe('data dictionary', () => {
  it('has exactly one entry per column each download format emits, and no entry for a column none emits', async () => {
    const geo = (await (await get(`/v1/versions/${version}/download?level=zcta&format=geojson`)).json()) as { features: { properties: Record<string, unknown> }[] };
    const emitted = {
      'download:csv': LEVELS.flatMap((l) => wide[l]!.header),
      'download:long': LEVELS.flatMap((l) => long[l]!.header),
      'download:geojson': geo.features.flatMap((f) => Object.keys(f.properties)),
    };
    for (const [format, columns] of Object.entries(emitted)) {
      const names = entriesFor(format).map((e) => e.name);
      expect(new Set(names).size, `${format}: duplicate entries`).toBe(names.length);
      expect([...new Set(names)].sort(), format).toEqual([...new Set(columns)].sort());
    }
  });

  it('covers every field of the place answer (towns with countyContext, ZCTAs with zip) and names only fields that occur', async () => {
    const leaves = new Set<string>();
    const walk = (x: unknown, path: string): void => {
      if (x !== null && typeof x === 'object' && !Array.isArray(x)) {
        for (const [k, v] of Object.entries(x)) {
          const key = path.endsWith('place.indicators') ? '{indicator}' : path.endsWith('place.domains') ? '{domain}' : k;
          walk(v, path ? `${path}.${key}` : key);
        }
      } else if (Array.isArray(x) && x.some((v) => v !== null && typeof v === 'object')) x.forEach((v) => walk(v, `${path}[]`));
      else leaves.add(path);
    };
    for (const path of ['/v1/places/town/2502507000', '/v1/places/town/2501367000', '/v1/places/zcta/01247', '/v1/places/zcta/02651']) walk(await (await get(path)).json(), '');
    const names = entriesFor('api:place').map((e) => e.name);
    expect(new Set(names).size).toBe(names.length);
    // A null object (countyContext of a ZCTA) is described by the entries of its fields.
    const described = (l: string) => names.includes(l) || names.some((n) => n.startsWith(`${l}.`));
    expect([...leaves].filter((l) => !described(l)), 'fields without an entry').toEqual([]);
    // Optional fields absent from these four places are still documented; every other entry must occur.
    const optional = /\.(coverage|notes|smoothing\.\w+|adjustment)$/;
    expect(names.filter((n) => !leaves.has(n) && !optional.test(n)), 'entries for no field').toEqual([]);
    expect(names.filter((n) => n.startsWith('place.countyContext.')).length).toBeGreaterThan(20);
  });

  it('states each percentile column\'s scale: wide indicator and domain percentiles 0–1, overall and long percentiles 0–100', () => {
    const scale = (format: string, name: string) => entriesFor(format).find((e) => e.name === name)!.scale!;
    expect(scale('download:csv', 'low_birth_weight_percentile')).toMatch(/0–1/);
    expect(scale('download:csv', 'social_drivers_percentile')).toMatch(/0–1/);
    expect(scale('download:csv', 'percentile')).toMatch(/0–100/);
    expect(scale('download:long', 'percentile')).toMatch(/0–100/);
  });

  it('is served as CSV too, and the downloads and the version record link to it', async () => {
    const res = await get(`/v1/versions/${version}/dictionary?format=csv`);
    expect(res.headers.get('content-type')).toMatch(/text\/csv/);
    expect(csv(await res.text()).rows.length).toBe(dictionary.length);
    const dl = await get(`/v1/versions/${version}/download?level=town`);
    expect(dl.headers.get('link')).toBe(`</v1/versions/${version}/dictionary>; rel="describedby"`);
    const record = (await (await get(`/v1/versions/${version}`)).json()) as { download: { dictionary: string } };
    expect(record.download.dictionary).toBe(`/v1/versions/${version}/dictionary`);
    expect((await get('/v1/versions/nope-1/dictionary')).status).toBe(404);
  });
});

describe('missing values and rounding in the wide download', () => {
  for (const level of LEVELS) {
    it(`${level}: beside an empty value, SE, percentile and flag are empty, and a reason is given`, () => {
      const { rows } = wide[level]!;
      let missing = 0;
      for (const spec of REGISTRY.indicators) {
        for (const r of rows) {
          if (r[spec.id] !== '') continue;
          missing++;
          expect([r[`${spec.id}_se`], r[`${spec.id}_percentile`], r[`${spec.id}_flagged`]], `${r.id} ${spec.id}`).toEqual(['', '', '']);
          expect(r[`${spec.id}_no_data_reason`], `${r.id} ${spec.id}`).not.toBe('');
        }
      }
      expect(missing).toBeGreaterThan(100);
    });

    it(`${level}: a flag exists exactly where a percentile does; never-ranked indicators have none`, () => {
      const { rows } = wide[level]!;
      for (const spec of REGISTRY.indicators) {
        for (const r of rows) {
          expect(r[`${spec.id}_flagged`] === '', `${r.id} ${spec.id}`).toBe(r[`${spec.id}_percentile`] === '');
          if (spec.ranked === false) expect(r[`${spec.id}_flagged`]).toBe('');
        }
      }
    });

    it(`${level}: every number has at most the decimals its dictionary entry states; ids keep their leading zeros`, () => {
      const { header, rows } = wide[level]!;
      const entries = new Map(entriesFor('download:csv').map((e) => [e.name, e]));
      for (const column of header) {
        const e = entries.get(column)!;
        if (e.type !== 'number' && e.type !== 'integer') continue;
        // A stated precision must be a sensible one (no float noise such as 0.20025600279991507).
        expect(e.decimals ?? 0, column).toBeLessThanOrEqual(4);
        const most = Math.max(0, ...rows.map((r) => decimalsOf(r[column]!)));
        expect(most, column).toBeLessThanOrEqual(e.type === 'integer' ? 0 : e.decimals!);
      }
      expect(rows.every((r) => r.id!.length === (level === 'town' ? 10 : 5))).toBe(true);
    });
  }
});

describe('long format', () => {
  for (const level of LEVELS) {
    it(`${level}: equals the wide download melted (one row per place × indicator)`, () => {
      const expected = wide[level]!.rows.flatMap((r) =>
        REGISTRY.indicators.map((spec) => {
          const [value, se, p] = [r[spec.id]!, r[`${spec.id}_se`]!, r[`${spec.id}_percentile`]!];
          const bound = (sign: number) => (value === '' || se === '' ? '' : round(Number(value) + sign * Z90 * Number(se), 2));
          return {
            id: r.id, name: r.name, level: r.level, indicator: spec.id, label: spec.label, domain: spec.domain,
            value: value === '' ? '' : Number(value), se: se === '' ? '' : Number(se), lo90: bound(-1), hi90: bound(1),
            percentile: p === '' ? '' : round(Number(p) * 100, 2), flagged: r[`${spec.id}_flagged`], no_data_reason: r[`${spec.id}_no_data_reason`],
            unit: spec.unit, vintage: spec.vintage, source_id: spec.source.sourceId,
          };
        }),
      );
      const numeric = new Set(['value', 'se', 'lo90', 'hi90', 'percentile']);
      const actual = long[level]!.rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, numeric.has(k) && v !== '' ? Number(v) : v])));
      expect(actual).toHaveLength(expected.length);
      expect(actual).toEqual(expected);
    });
  }
});

describe('values recomputed from the raw PLACES files still match after rounding', () => {
  it('ZCTA crude prevalences and their SEs ((upper − lower) / 3.92 of the 95 % CI)', () => {
    const raw = readPlacesZctas();
    const byId = new Map(wide.zcta!.rows.map((r) => [r.id!, r]));
    const measures = { obesity: 'OBESITY', smoking: 'CSMOKING', short_sleep: 'SLEEP', mental_distress: 'MHLTH', binge_drinking: 'BINGE' };
    let checked = 0;
    for (const [zcta, r] of raw) {
      const served = byId.get(zcta);
      if (!served) continue;
      for (const [id, m] of Object.entries(measures)) {
        if (r[`${m}_CrudePrev`] === '') continue;
        const [lo, hi] = r[`${m}_Crude95CI`]!.replace(/[()\s]/g, '').split(',').map(Number) as [number, number];
        expect(Math.abs(Number(served[id]) - Number(r[`${m}_CrudePrev`])), `${zcta} ${id}`).toBeLessThanOrEqual(0.005 + 1e-9);
        expect(Math.abs(Number(served[`${id}_se`]) - (hi - lo) / 3.92), `${zcta} ${id}_se`).toBeLessThanOrEqual(0.0005 + 1e-9);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(2000);
  });

  it('town age-adjusted diabetes: population-weighted mean of the town\'s PLACES places, to 2 decimals', () => {
    const byId = new Map(wide.town!.rows.map((r) => [r.id!, r]));
    let checked = 0;
    for (const t of loadTowns()) {
      const expected = townPlaceValue(t.geoid, t.pop2010, 'DIABETES').value;
      const served = byId.get(t.geoid)!.diabetes!;
      if (expected === null) expect(served, t.name).toBe('');
      else {
        expect(Math.abs(Number(served) - expected), t.name).toBeLessThanOrEqual(0.005 + 1e-9);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });
});

describe('columns=', () => {
  it('keeps the named columns in the given order in csv, long and geojson', async () => {
    const w = csv(await (await get(`/v1/versions/${version}/download?level=zcta&columns=id,low_birth_weight,low_birth_weight_no_data_reason`)).text());
    expect(w.header).toEqual(['id', 'low_birth_weight', 'low_birth_weight_no_data_reason']);
    expect(w.rows.map((r) => r.id)).toEqual(wide.zcta!.rows.map((r) => r.id));
    expect(w.rows[0]!.id).toMatch(/^0\d{4}$/);
    const l = csv(await (await get(`/v1/versions/${version}/download?level=town&format=long&columns=indicator,id,percentile`)).text());
    expect(l.header).toEqual(['indicator', 'id', 'percentile']);
    expect(l.rows).toHaveLength(long.town!.rows.length);
    const g = (await (await get(`/v1/versions/${version}/download?level=town&format=geojson&columns=id,percentile`)).json()) as { features: { properties: object }[] };
    expect(g.features.every((f) => Object.keys(f.properties).join() === 'id,percentile')).toBe(true);
  });

  it('answers an unknown column with a 400 problem naming it and pointing at the dictionary', async () => {
    const res = await get(`/v1/versions/${version}/download?level=town&format=long&columns=id,obesity_se`);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
    const body = (await res.json()) as { detail: string };
    expect(body.detail).toContain('"obesity_se"');
    expect(body.detail).toContain(`/v1/versions/${version}/dictionary`);
  });
});
