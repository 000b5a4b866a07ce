/**
 * Independent readers of the raw staged files (/work/shared/data, DATA_DIR), written for the
 * source-truth tests. Deliberately imports nothing from functions/src/{sources,pipeline,indices,geo}:
 * every number the tests expect is recomputed from the files by this second path.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { loadConfig } from '../../functions/src/config.js';

export const DATA_DIR = loadConfig().dataDir;

type Row = Record<string, string>;
export const readCsv = (rel: string, options: { fromLine?: number } = {}): Row[] =>
  parse(readFileSync(path.join(DATA_DIR, rel), 'utf8'), { columns: true, skip_empty_lines: true, relax_column_count: true, bom: true, ...options }) as Row[];
export const readJson = <T>(rel: string): T => JSON.parse(readFileSync(path.join(DATA_DIR, rel), 'utf8')) as T;

/** "1,234" / "$23,380 " / "NA" / "" → number or null (NA = suppressed, "" = not published). */
export function num(raw: string | undefined): number | null {
  if (raw === undefined) return null;
  const s = raw.replace(/[$,\s]/g, '');
  if (s === '' || s === 'NA') return null;
  const x = Number(s);
  if (!Number.isFinite(x)) throw new Error(`raw: not a number: "${raw}"`);
  return x;
}

export type Area = Feature<Polygon | MultiPolygon>;

// ---- Towns (MassGIS 2020 Census towns) -------------------------------------------------------
export interface Town { geoid: string; name: string; county: string; pop2010: number; pop2020: number; feature: Area }
let towns: Town[] | undefined;
export function loadTowns(): Town[] {
  towns ??= readJson<FeatureCollection<Polygon | MultiPolygon>>('boundaries/ma_towns_census2020_massgis_full.geojson').features.map((f) => {
    const p = f.properties as Record<string, unknown>;
    return { geoid: String(p.GEOID20), name: String(p.TOWN20), county: String(p.COUNTY20), pop2010: Number(p.POP2010), pop2020: Number(p.POP2020), feature: f };
  });
  return towns;
}
export function townByName(name: string): Town {
  const t = loadTowns().find((x) => x.name === name.toUpperCase());
  if (!t) throw new Error(`townByName: no town "${name}"`);
  return t;
}

// ---- ZCTAs, block-group polygons --------------------------------------------------------------
let zctas: Map<string, Area> | undefined;
export function loadZctaPolygons(): Map<string, Area> {
  zctas ??= new Map(readJson<FeatureCollection<Polygon | MultiPolygon>>('zcta/ma_zcta2010_cb2019_500k.geojson').features.map((f) => [String(f.properties!.ZCTA5CE10), f]));
  return zctas;
}
let bgPolygons: Map<string, Area> | undefined;
export function loadBlockGroupPolygons(): Map<string, Area> {
  bgPolygons ??= new Map(readJson<FeatureCollection<Polygon | MultiPolygon>>('tracts/ma_blockgroups_cb2022_500k.geojson').features.map((f) => [String(f.properties!.GEOID), f]));
  return bgPolygons;
}

// ---- EJ block-group criteria (Luna, ACS 2019–2023) -------------------------------------------
export interface EjRow {
  geoid: string; county: string; ej: boolean;
  minorityE: number | null; minorityPctE: number | null;
  limitEngE: number | null; limitEngM: number | null; limitEngpctE: number | null; limitEngpctM: number | null;
  muni: string; medHHincMUNIE: number | null; medHHincMUNIM: number | null;
}
let ejRows: EjRow[] | undefined;
export function loadEjRows(): EjRow[] {
  ejRows ??= readCsv('ej/ma_blockgroups_ej_criteria_acs2023_luna.csv').map((r) => ({
    geoid: r.GEOID!, county: r.GEOID!.slice(0, 5), ej: r.EJ === 'Yes',
    minorityE: num(r.minorityE), minorityPctE: num(r.minorityPctE),
    limitEngE: num(r.limitEngE), limitEngM: num(r.limitEngM), limitEngpctE: num(r.limitEngpctE), limitEngpctM: num(r.limitEngpctM),
    muni: r.MUNI ?? '', medHHincMUNIE: num(r.medHHincMUNIE), medHHincMUNIM: num(r.medHHincMUNIM),
  }));
  return ejRows;
}

// ---- ACS ZCTA population ------------------------------------------------------------------------
export function loadZctaPopulation(): Map<string, number> {
  return new Map(readCsv('acs/acs5_2017_2021_zcta_totalpop_black_MA.csv').map((r) => [r.GEOID!.padStart(5, '0'), Number(r.total_pop)]));
}

// ---- CDC PLACES ---------------------------------------------------------------------------------
export const readPlacesPlaces = () => readCsv('places/places_place_2022release_MA_allmeasures.csv');
export const readPlacesZctas = () => new Map(readCsv('places/places_zcta_2022release_MA_5measures.csv').map((r) => [r.ZCTA5!.padStart(5, '0'), r]));

// ---- Facilities ---------------------------------------------------------------------------------
export interface Hospital { dphid: string; name: string; lon: number; lat: number }
export function loadHospitals(): Hospital[] {
  return readJson<FeatureCollection<Point>>('facilities/ma_acute_care_hospitals_massgis_2018.geojson').features.map((f) => ({
    dphid: String(f.properties!.DPHID), name: String(f.properties!.NAME), lon: f.geometry.coordinates[0]!, lat: f.geometry.coordinates[1]!,
  }));
}
export const loadHospitalClosures = () => readCsv('facilities/hospital_status_changes.csv').map((r) => ({ dphid: r.dphid!, name: r.name!, town: r.town!, status: r.status!, effectiveDate: r.effective_date! }));

/** Community health centres (MassGIS 2019, eastern/central MA only); `adminOnly` = sees no patients. */
export function loadHealthCenters(): (Hospital & { adminOnly: boolean })[] {
  return readJson<FeatureCollection<Point>>('facilities/ma_community_health_centers_massgis_2019.geojson').features.map((f) => ({
    dphid: String(f.properties!.gis_id), name: String(f.properties!.site_name), lon: f.geometry.coordinates[0]!, lat: f.geometry.coordinates[1]!, adminOnly: f.properties!.admin_only === 'Y',
  }));
}
