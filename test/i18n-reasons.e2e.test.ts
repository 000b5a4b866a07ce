import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../functions/src/api/app.js';
import { IndexReader } from '../functions/src/api/index-reader.js';
import type { MeasureTable } from '../functions/src/api/measure-table.js';
import { publishedStore } from './support/published-store.js';

/**
 * Issue 16: the API answers in English and the web translates its reasons by template
 * (web/src/lib/i18n/registry-text.ts). Publish a real version (real sources → pipeline →
 * DynamoDB Local), read every sentence the API serves as a reason — every place's, domain's
 * and indicator's noDataReason at both levels, every priority-geography member reason and the
 * rule text — and check each one has a Spanish template whose English rebuilds it exactly, so a
 * reason the pipeline starts writing cannot reach the Spanish UI in English unnoticed.
 */
/** The web's module, loaded at run time: the root TypeScript project does not compile web/ (Paraglide's output there is JavaScript). */
type RegistryText = { reasonIn(english: string, locale: 'en' | 'es'): string; reasonKnown(english: string): boolean };
const REGISTRY_TEXT = '../web/src/lib/i18n/registry-text.js';
type PlaceReasons = { noDataReason?: string | null; domains?: Record<string, { noDataReason?: string | null } | null>; indicators?: Record<string, { noDataReason?: string | null } | null> };

let text: RegistryText;
let ctx: Awaited<ReturnType<typeof publishedStore>>;
let app: ReturnType<typeof createApp>;
/** Every distinct sentence, with where it was first seen. */
const sentences = new Map<string, string>();
const add = (text: string | null | undefined, where: string) => {
  if (text && !sentences.has(text)) sentences.set(text, where);
};

beforeAll(async () => {
  text = (await import(/* @vite-ignore */ REGISTRY_TEXT)) as RegistryText;
  ctx = await publishedStore();
  app = createApp({ reader: new IndexReader(ctx.store, ctx.blobs), investments: ctx.investments });
  for (const level of ['town', 'zcta'] as const) {
    const res = await app.request(`/v1/layers/${level}`);
    expect(res.status, `/v1/layers/${level}`).toBe(200);
    const table = (await res.json()) as MeasureTable;
    for (const measure of table.measures) measure.noData.forEach((r, i) => add(r, `${level} ${table.places[i]!.id} ${measure.id}`));
    // The place answer composes its reasons the same way; read a few whole answers too (one per kind of gap).
    const ids = [...new Set(table.measures.flatMap((mc) => [mc.noData.findIndex((r) => r !== null)]).filter((i) => i >= 0))].slice(0, 20).map((i) => table.places[i]!.id);
    for (const id of ids) {
      const place = (await (await app.request(`/v1/places/${level}/${id}`)).json()) as PlaceReasons & { properties?: PlaceReasons };
      const p: PlaceReasons = place.properties ?? place;
      add(p.noDataReason, `${level} ${id} place`);
      for (const [d, v] of Object.entries(p.domains ?? {})) add(v?.noDataReason, `${level} ${id} ${d}`);
      for (const [k, v] of Object.entries(p.indicators ?? {})) add(v?.noDataReason, `${level} ${id} ${k}`);
    }
  }
  const res = await app.request('/v1/priority-geographies');
  expect(res.status).toBe(200);
  const fc = (await res.json()) as { rule: { text: string }; features: { properties: { id: string; members: { id: string; reason: string }[]; reasons?: { id: string; reason: string }[] } }[] };
  add(fc.rule.text, 'priority rule');
  for (const f of fc.features) {
    for (const m of f.properties.members) add(m.reason, `priority ${f.properties.id} member ${m.id}`);
    for (const r of f.properties.reasons ?? []) add(r.reason, `priority ${f.properties.id} derivation reason ${r.id}`);
  }
}, 600_000);
afterAll(() => ctx?.cleanup());

describe('the API’s reasons in Spanish', () => {
  it('reads a real version’s reasons (the check is not vacuous)', () => {
    console.log(`i18n-reasons: ${sentences.size} distinct sentences checked`);
    expect(sentences.size).toBeGreaterThan(30);
    const all = [...sentences.keys()];
    expect(all.some((s) => s.startsWith('Not ranked: '))).toBe(true);
    expect(all.some((s) => s.startsWith('Suppressed by MA DPH'))).toBe(true);
    expect(all.some((s) => s.startsWith('Configured geographies are kept'))).toBe(true);
    expect(all.some((s) => s.startsWith('Not an announced AHEM community'))).toBe(true);
  });

  it('has a template for every sentence: the English rebuilds it exactly and the Spanish differs', () => {
    const failures: string[] = [];
    for (const [english, where] of sentences) {
      const es = text.reasonIn(english, 'es');
      if (!text.reasonKnown(english) || text.reasonIn(english, 'en') !== english || es === english || /[{}]/.test(es)) failures.push(`${where}: ${english}`);
    }
    expect(failures).toEqual([]);
  });
});
