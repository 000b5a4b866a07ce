/**
 * Issue 13, state reference: every indicator carries a Massachusetts value beside the place's.
 * Expected values come from the raw files by a second path: MassCHIP's own state figures
 * (`state_value` of the 2010 report; the "Massachusetts Total" row of 2005–2008), else the
 * mean of the served town values weighted by the raw Census 2020 populations (MassGIS towns).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COL, HSI, hsiIndicator, loadChip0508 } from './masschip.js';
import { loadTowns, num } from './raw.js';
import { servedApi, type Served } from './served.js';

let api: Served;
beforeAll(async () => {
  api = await servedApi();
}, 300_000);
afterAll(() => api?.cleanup());

type StateFields = { stateValue: number | null; stateValueBasis: string | null; stateValueNote: string | null };

/** The state figure the 2010 report prints (one per indicator; every town row repeats it). */
function hsiState(key: string): number {
  const values = new Set([...hsiIndicator(key).values()].map((v) => v.stateValue));
  expect(values.size, `${key}: one state value on every row`).toBe(1);
  return [...values][0]!;
}

const PUBLISHED: Record<string, () => number> = {
  cvd_death_rate: () => hsiState(HSI.cvd_death_rate),
  all_cause_death_rate: () => hsiState(HSI.all_cause_death_rate),
  angina_discharges: () => hsiState(HSI.angina_discharges),
  pneumonia_discharges: () => hsiState(HSI.pneumonia_discharges),
  late_prenatal_care: () => hsiState(HSI.late_prenatal_care),
  poverty_200: () => hsiState(HSI.poverty_200),
  unemployment: () => hsiState(HSI.unemployment),
  low_birth_weight: () => num(loadChip0508().total[COL.low_birth_weight])!,
  teen_births: () => num(loadChip0508().total[COL.teen_births])!,
  infant_mortality: () => num(loadChip0508().total[COL.infant_mortality])!,
  adequate_prenatal_care: () => num(loadChip0508().total[COL.adequate_prenatal_care])!,
  public_prenatal_care: () => num(loadChip0508().total[COL.public_prenatal_care])!,
};

describe('state reference values (issue 13)', () => {
  it("MassCHIP indicators carry the source's own Massachusetts figure, in the profile and the layers", async () => {
    const lawrence = loadTowns().find((t) => t.name === 'LAWRENCE')!;
    const place = await api.place('town', lawrence.geoid);
    const layers = await api.layers('zcta');
    for (const [id, expected] of Object.entries(PUBLISHED)) {
      const served = place.indicators[id] as unknown as StateFields;
      expect(served.stateValue, id).toBe(expected());
      expect(served.stateValueBasis, id).toBe('source');
      const column = layers.measures.find((m) => m.id === id) as unknown as StateFields;
      expect(column.stateValue, `${id} in /v1/layers/zcta`).toBe(expected());
    }
  });

  it('every other indicator carries the population-weighted mean of the town values (Census 2020 weights)', async () => {
    const towns = loadTowns();
    const pop = new Map(towns.map((t) => [t.geoid, t.pop2020]));
    const layers = await api.layers('town');
    const place = await api.place('zcta', '01841');
    const others = layers.measures.filter((m) => m.kind === 'indicator' && !(m.id in PUBLISHED));
    expect(others.length).toBeGreaterThanOrEqual(15);
    for (const m of others) {
      let sum = 0;
      let weight = 0;
      m.values.forEach((v, i) => {
        const p = pop.get(layers.places[i]!.id)!;
        if (v !== null) (sum += v * p), (weight += p);
      });
      const expected = sum / weight;
      const served = m as unknown as StateFields;
      expect(served.stateValueBasis, m.id).toBe('population-weighted-mean');
      expect(Math.abs(served.stateValue! - expected) / Math.abs(expected), `${m.id}: served ${served.stateValue}, recomputed ${expected}`).toBeLessThan(1e-4);
      expect(served.stateValueNote, m.id).toMatch(/population-weighted mean of the \d+ municipalities/i);
      // The ZIP profile shows the same Massachusetts value (one state, whatever the level).
      expect((place.indicators[m.id] as unknown as StateFields).stateValue, `${m.id} in a ZIP profile`).toBe(served.stateValue);
    }
  });

  it('the overall index and domains have no state value (percentiles are relative to the state already)', async () => {
    const layers = await api.layers('town');
    for (const m of layers.measures.filter((x) => x.kind !== 'indicator')) expect((m as unknown as StateFields).stateValue, m.id).toBeNull();
  });
});
