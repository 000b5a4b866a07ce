/** Independent readers of the two MassCHIP town files (maternal/), keyed by town GEOID20. */
import { loadTowns, num, readCsv } from './raw.js';

export interface HsiValue { count: number | null; areaValue: number | null; stateValue: number; raw: { count: string; areaValue: string } }

/** masschip_hsi_town_indicators_2010births_long.csv: key "section | indicator | measure" → GEOID20 → value. */
let hsi: Map<string, Map<string, HsiValue>> | undefined;
export function loadHsi(): Map<string, Map<string, HsiValue>> {
  if (hsi) return hsi;
  hsi = new Map();
  for (const r of readCsv('maternal/masschip_hsi_town_indicators_2010births_long.csv')) {
    const key = `${r.section} | ${r.indicator} | ${r.measure}`;
    let byTown = hsi.get(key);
    if (!byTown) hsi.set(key, (byTown = new Map()));
    byTown.set(r.GEOID20!, { count: num(r.count), areaValue: num(r.area_value), stateValue: num(r.state_value)!, raw: { count: r.count!, areaValue: r.area_value! } });
  }
  return hsi;
}
export function hsiIndicator(key: string): Map<string, HsiValue> {
  const m = loadHsi().get(key);
  if (!m) throw new Error(`hsiIndicator: no key "${key}"`);
  return m;
}

export const HSI = {
  cvd_death_rate: 'Chronic Disease Indicators | Cardiovascular disease deaths | Age-adjusted Rate (d)',
  all_cause_death_rate: 'Chronic Disease Indicators | Total deaths (all causes) | Age-adjusted Rate (d)',
  angina_discharges: 'Hospital Discharges for Primary Care Manageable Conditions | Angina | Age-adjusted Rate (d)',
  pneumonia_discharges: 'Hospital Discharges for Primary Care Manageable Conditions | Bacterial pneumonia | Age-adjusted Rate (d)',
  late_prenatal_care: 'All Perinatal and Child Health Indicators | Mothers not receiving prenatal care in first trimester | Percent',
  births: 'All Perinatal and Child Health Indicators | Births to women ages 15 to 44 | Fertility Rate',
  poverty_200: 'Demographic Indicators | Population below 200% of poverty level | Percent',
  unemployment: 'Demographic Indicators | Unemployed persons age 16 and over | Percent',
} as const;

// ---- masschip_town_health_2005_2008_launchacademy.csv -----------------------------------------
export const COL = {
  adequate_prenatal_care: '% adequacy prenatal care (kotelchuck)',
  infantDeaths: 'Number of infant deaths, 2005-2008',
  infant_mortality: 'Infant mortality rate (deaths per 1000 live births), 2005-2008',
  low_birth_weight: '% low birthweight 2005-2008',
  public_prenatal_care: '% publicly financed prenatal care, 2005-2008',
  teen_births: '% teen births, 2005-2008',
} as const;

const NAME_FIX: Record<string, string> = { 'MANCHESTER BY THE SEA': 'MANCHESTER-BY-THE-SEA', 'NORTH ATTLEBORO': 'NORTH ATTLEBOROUGH' };

export interface Chip0508 { towns: Map<string, Record<string, string>>; total: Record<string, string> }
let chip: Chip0508 | undefined;
/** Town rows by GEOID20 and the first "Massachusetts Total" row (the file repeats it; footer lines dropped). */
export function loadChip0508(): Chip0508 {
  if (chip) return chip;
  const byName = new Map(loadTowns().map((t) => [t.name, t.geoid]));
  const rows = readCsv('maternal/masschip_town_health_2005_2008_launchacademy.csv');
  const total = rows.find((r) => r.Geography === 'Massachusetts Total');
  if (!total) throw new Error('loadChip0508: no Massachusetts Total row');
  const townRows = new Map<string, Record<string, string>>();
  for (const r of rows) {
    const name = (r.Geography ?? '').toUpperCase();
    const geoid = byName.get(NAME_FIX[name] ?? name);
    if (geoid) townRows.set(geoid, r);
  }
  if (townRows.size !== 351) throw new Error(`loadChip0508: matched ${townRows.size} towns, expected 351`);
  chip = { towns: townRows, total };
  return chip;
}

/**
 * What a suppressed ("NA") 2010 birth count stands for (docs/method.md §3a, decided for ma-hei-1.1):
 * MA DPH suppresses counts of 1–4, so where only an exposure is needed it is read as its midpoint 2.5 —
 * never as 0 (nobody born) and never dropped. A share *of* those 1–4 births (late prenatal care) has no value.
 */
export const SUPPRESSED_BIRTHS_MIDPOINT = 2.5;

/** The town's 2010 birth count as printed; null where MA DPH suppressed it ("NA" = 1–4 births). */
export function births2010(geoid: string): number | null {
  return hsiIndicator(HSI.births).get(geoid)!.count;
}

/** The 15 towns whose 2010 birth count is suppressed ("NA"). */
export const suppressedBirths2010 = (): string[] => [...hsiIndicator(HSI.births)].filter(([, v]) => v.count === null).map(([g]) => g);

/**
 * R2: births 2005–2008 = infant deaths × 1000 / IMR where both > 0 (exact up to the printed IMR),
 * otherwise 4 × the 2010 birth count (estimated), a suppressed count read as 2.5 (so 10 births).
 */
export function births0508(geoid: string): { births: number; estimated: boolean } {
  const r = loadChip0508().towns.get(geoid)!;
  const deaths = num(r[COL.infantDeaths]);
  const imr = num(r[COL.infant_mortality]);
  if (deaths !== null && imr !== null && deaths > 0 && imr > 0) return { births: (deaths * 1000) / imr, estimated: false };
  return { births: 4 * (births2010(geoid) ?? SUPPRESSED_BIRTHS_MIDPOINT), estimated: true };
}
