import { parse } from 'csv-parse/sync';
import { assertNoProblems, type SourceProblem } from './source-problem.js';
import { parsePlacesMeasures } from './places-measures.js';

/**
 * County-level context for the 14 Massachusetts counties: published CDC/ATSDR
 * SVI 2022 ranks (national), PLACES 2022 county prevalences and County Health
 * Rankings 2011 premature death. Shown beside a town's values, never ranked
 * with towns (docs/method.md §1).
 */
export interface CountyContext {
  fips: string;
  name: string;
  svi2022: { overall: number; socioeconomic: number; household: number; minority: number; housingTransportation: number } | null;
  places2022: Record<string, { value: number; ci95: [number, number] } | null>;
  chr2011: { prematureDeathYpll: number | null; prematureDeathCi: [number, number] | null; lowBirthWeight: number | null; teenBirthRate: number | null };
}

export const MA_COUNTY_COUNT = 14;
const PLACES_COUNTY_MEASURES = ['DIABETES', 'BPHIGH', 'OBESITY', 'CHD', 'STROKE', 'CSMOKING', 'LPA', 'ACCESS2'];

const num = (s: string | undefined) => (s === undefined || s.trim() === '' || s.trim() === '-999' ? null : Number(s));

function checkNumber(problems: SourceProblem[], file: string, row: number, column: string, raw: string | undefined): number | null {
  const v = num(raw);
  if (v !== null && !Number.isFinite(v)) problems.push({ file, row, column, message: `expected a number (value "${raw}")` });
  return v;
}

export function parseCountyContext(files: { svi2022: { bytes: Buffer; file: string }; placesCounty: { bytes: Buffer; file: string }; chr2011: { bytes: Buffer; file: string } }): Map<string, CountyContext> {
  const problems: SourceProblem[] = [];
  const out = new Map<string, CountyContext>();

  const places = parsePlacesMeasures(files.placesCounty.bytes, files.placesCounty.file, { idColumn: 'CountyFIPS', idPattern: /^25\d{3}$/, nameColumn: 'CountyName', expectedCount: MA_COUNTY_COUNT, requiredMeasures: PLACES_COUNTY_MEASURES });
  for (const p of places) {
    out.set(p.id, {
      fips: p.id,
      name: p.name!,
      svi2022: null,
      places2022: Object.fromEntries(PLACES_COUNTY_MEASURES.map((m) => [m, p.measures[m] ?? null])),
      chr2011: { prematureDeathYpll: null, prematureDeathCi: null, lowBirthWeight: null, teenBirthRate: null },
    });
  }

  const svi = parse(files.svi2022.bytes, { columns: true, bom: true }) as Record<string, string>[];
  svi.forEach((r, i) => {
    if (r.ST !== '25') return;
    const c = out.get(r.FIPS!);
    if (!c) return void problems.push({ file: files.svi2022.file, row: i + 2, column: 'FIPS', message: `Massachusetts county ${r.FIPS} is not in the PLACES county file` });
    const get = (col: string) => checkNumber(problems, files.svi2022.file, i + 2, col, r[col]);
    const [overall, t1, t2, t3, t4] = ['RPL_THEMES', 'RPL_THEME1', 'RPL_THEME2', 'RPL_THEME3', 'RPL_THEME4'].map(get);
    c.svi2022 = overall === null || overall === undefined ? null : { overall, socioeconomic: t1!, household: t2!, minority: t3!, housingTransportation: t4! };
  });

  // Line 1 holds labels, line 2 the variable codes used here.
  const chr = parse(files.chr2011.bytes, { columns: true, from_line: 2, bom: true }) as Record<string, string>[];
  chr.forEach((r, i) => {
    const c = out.get(r.fipscode!);
    if (!c) return; // the state row 25000
    const row = i + 3;
    const get = (col: string) => checkNumber(problems, files.chr2011.file, row, col, r[col]);
    const lo = get('v001_cilow');
    const hi = get('v001_cihigh');
    const lbw = get('v037_rawvalue');
    c.chr2011 = { prematureDeathYpll: get('v001_rawvalue'), prematureDeathCi: lo !== null && hi !== null ? [lo, hi] : null, lowBirthWeight: lbw === null ? null : lbw * 100, teenBirthRate: get('v014_rawvalue') };
  });
  for (const c of out.values()) {
    if (!c.svi2022) problems.push({ file: files.svi2022.file, message: `no SVI 2022 row for county ${c.fips}` });
    if (c.chr2011.prematureDeathYpll === null) problems.push({ file: files.chr2011.file, message: `no premature-death value for county ${c.fips}` });
  }
  assertNoProblems(problems);
  return out;
}
