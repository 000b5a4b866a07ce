import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { resolveDataFile } from '../sources/data-dir.js';
import { loadSviCounty } from '../sources/svi-county.js';
import { computeSvi, type SviPlace, type SviScores } from './svi.js';
import { sviMethod, sviVariables, type SviMethodId } from './svi-methods.js';

// Exactness against the published CDC/ATSDR files in DATA_DIR (SOURCES.md §6), read in place.
const dataDir = loadConfig().dataDir;

interface Reproduction {
  published: Record<string, string>[];
  scores: SviScores[];
  variables: string[];
}

function reproduce(methodId: SviMethodId, relativePath: string): Reproduction {
  const file = resolveDataFile(dataDir, relativePath);
  const method = sviMethod(methodId);
  const variables = sviVariables(method).map((v) => v.id);
  const published = parse(readFileSync(file), { columns: true, bom: true }) as Record<string, string>[];
  return { published, scores: computeSvi(loadSviCounty(file, variables), method), variables };
}

/** Our value for a published column name (EPL_POV, SPL_THEME2, RPL_THEMES, …); -999 for "no data". */
function column(s: SviScores, name: string): number {
  const theme = /^(SPL|RPL)_THEME([1-4])$/.exec(name);
  const value = name.startsWith('EPL_')
    ? s.epl[name.slice(4)]
    : theme
      ? (theme[1] === 'SPL' ? s.splTheme : s.rplTheme)[Number(theme[2]) - 1]
      : name === 'SPL_THEMES'
        ? s.splThemes
        : name === 'RPL_THEMES'
          ? s.rplThemes
          : undefined;
  if (value === undefined) throw new Error(`no such column ${name}`);
  return value ?? -999;
}

function maxAbsDiff(r: Reproduction, name: string): number {
  return Math.max(...r.scores.map((s, i) => Math.abs(column(s, name) - Number(r.published[i]![name]))));
}

const RPL = ['RPL_THEME1', 'RPL_THEME2', 'RPL_THEME3', 'RPL_THEME4', 'RPL_THEMES'];
const SPL = ['SPL_THEME1', 'SPL_THEME2', 'SPL_THEME3', 'SPL_THEME4', 'SPL_THEMES'];

describe.each([
  ['svi2018', 'svi/svi2018_MA_county_stateranked.csv', 14],
  ['svi2022', 'svi/svi2022_US_county_nationalranked.csv', 3144],
] as const)('computeSvi reproduces %s: %s', (methodId, relativePath, count) => {
  let cached: Reproduction | undefined;
  const r = () => (cached ??= reproduce(methodId, relativePath));

  it(`ranks all ${count} published rows`, () => {
    expect(r().published).toHaveLength(count);
    expect(r().scores).toHaveLength(count);
  });

  it.each(RPL)('%s: max |diff| = 0 at 4 decimals', (name) => {
    expect(maxAbsDiff(r(), name)).toBe(0);
  });

  it('every EPL_* and SPL_* column too: max |diff| = 0', () => {
    const names = [...r().variables.map((id) => `EPL_${id}`), ...SPL];
    expect(Object.fromEntries(names.map((n) => [n, maxAbsDiff(r(), n)]))).toEqual(Object.fromEntries(names.map((n) => [n, 0])));
  });
});

// Synthetic places: every 2022 variable equal to `base`, with overrides.
const ids2022 = sviVariables(sviMethod('svi2022')).map((v) => v.id);
const place = (base: number, overrides: Record<string, number | null> = {}, population: number | null = 1000): SviPlace => ({
  population,
  values: { ...Object.fromEntries(ids2022.map((id) => [id, base])), ...overrides },
});

describe('computeSvi rules (synthetic places)', () => {
  it('inverts per capita income (2018): the highest income is the least vulnerable', () => {
    const ids = sviVariables(sviMethod('svi2018')).map((v) => v.id);
    const places = [10_000, 20_000, 30_000].map((pci, i) => ({ population: 1, values: { ...Object.fromEntries(ids.map((id) => [id, i])), PCI: pci } }));
    expect(computeSvi(places, sviMethod('svi2018')).map((s) => s.epl.PCI)).toEqual([1, 0.5, 0]);
  });

  it('rounds the inverted rank half up at 4 decimals (1 − 103/160 = 0.35625 → 0.3563)', () => {
    const ids = sviVariables(sviMethod('svi2018')).map((v) => v.id);
    const places = Array.from({ length: 161 }, (_, k) => ({ population: 1, values: Object.fromEntries(ids.map((id) => [id, k])) }));
    expect(computeSvi(places, sviMethod('svi2018'))[103]!.epl.PCI).toBe(0.3563);
  });

  it('sums rounded EPLs into SPL and ranks the sums', () => {
    const [low, mid, high] = computeSvi([place(1), place(2), place(3)], sviMethod('svi2022'));
    expect(mid!.epl.POV150).toBe(0.5);
    expect(mid!.splTheme).toEqual([2.5, 2.5, 0.5, 2.5]);
    expect(mid!.splThemes).toBe(8);
    expect([low!.rplThemes, mid!.rplThemes, high!.rplThemes]).toEqual([0, 0.5, 1]);
    expect(high!.rplTheme).toEqual([1, 1, 1, 1]);
  });

  it('gives tied sums the same (lowest) rank', () => {
    const scores = computeSvi([place(1), place(2), place(2), place(3)], sviMethod('svi2022'));
    expect(scores.map((s) => s.rplThemes)).toEqual([0, 0.3333, 0.3333, 1]);
  });

  it('leaves a missing value out of its ranking and makes its theme and overall score null', () => {
    const scores = computeSvi([place(1), place(2, { POV150: null }), place(3), place(4)], sviMethod('svi2022'));
    expect(scores.map((s) => s.epl.POV150)).toEqual([0, null, 0.5, 1]);
    expect(scores[1]!.splTheme[0]).toBeNull();
    expect(scores[1]!.rplTheme).toEqual([null, 0.3333, 0.3333, 0.3333]);
    expect(scores[1]!.rplThemes).toBeNull();
    expect(scores.map((s) => s.rplTheme[0])).toEqual([0, null, 0.5, 1]);
  });

  it('leaves zero-population places out of every ranking', () => {
    const scores = computeSvi([place(1), place(9, {}, 0), place(2), place(3)], sviMethod('svi2022'));
    expect(scores[1]).toEqual({ epl: Object.fromEntries(ids2022.map((id) => [id, null])), splTheme: [null, null, null, null], rplTheme: [null, null, null, null], splThemes: null, rplThemes: null });
    expect(scores.map((s) => s.rplThemes)).toEqual([0, null, 0.5, 1]);
  });

  it('throws, naming the place, when a variable is absent', () => {
    const { POV150: _, ...rest } = place(1).values;
    expect(() => computeSvi([place(1), { population: 1, values: rest }], sviMethod('svi2022'))).toThrow(/places\[1\]\.values.*POV150/);
  });
});

describe('sviMethod', () => {
  it('lists the documented variables theme by theme', () => {
    expect(sviMethod('svi2018').themes.map((t) => t.map((v) => v.id).join(' '))).toEqual(['POV UNEMP PCI NOHSDP', 'AGE65 AGE17 DISABL SNGPNT', 'MINRTY LIMENG', 'MUNIT MOBILE CROWD NOVEH GROUPQ']);
    expect(sviMethod('svi2022').themes.map((t) => t.map((v) => v.id).join(' '))).toEqual(['POV150 UNEMP HBURD NOHSDP UNINSUR', 'AGE65 AGE17 DISABL SNGPNT LIMENG', 'MINRTY', 'MUNIT MOBILE CROWD NOVEH GROUPQ']);
    expect(sviVariables(sviMethod('svi2022')).filter((v) => v.inverted)).toEqual([]);
  });

  it('rejects an unknown method, naming the argument', () => {
    expect(() => sviMethod('svi2020')).toThrow(/^method: unknown SVI method "svi2020"/);
    expect(() => sviMethod('toString')).toThrow(/method/);
  });
});
