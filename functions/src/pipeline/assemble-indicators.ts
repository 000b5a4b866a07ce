import { sumByTarget, shareOf, type Allocation, type BlockGroupAmount } from '../indices/aggregate-block-groups.js';
import { recoverPopulation } from '../indices/ej-population-share.js';
import { seFromCi95, seFromMoe90, seFromPercentAndCount, seFromRateAndCount, type Estimate } from '../indices/estimate.js';
import type { IndicatorSpec, Registry } from '../indices/indicator-registry.js';
import { reallocate, type SourceWeight } from '../indices/reallocate.js';
import type { Level } from '../indices/place-record.js';
import { nearestDistanceKm } from '../geo/nearest-distance.js';
import { placeToTown } from '../geo/place-to-town.js';
import type { EjBlockGroup } from '../sources/ej-blockgroups.js';
import type { Facility } from '../sources/facilities.js';
import type { Masschip20052008 } from '../sources/masschip-town-2005-2008.js';
import type { MasschipValue } from '../sources/masschip-town-indicators.js';
import type { PlacesRow } from '../sources/places-measures.js';
import type { Town } from '../sources/towns.js';

/** Links between geographies, from the crosswalks (docs/crosswalks.md). */
export interface GeoLinks {
  /** town → ZCTAs with the share of the town's population in each (ZCTA-native values → towns). */
  zctaToTown: ReadonlyMap<string, readonly SourceWeight[]>;
  /** ZCTA → towns with the share of the ZCTA's population in each (town-native values → ZCTAs). */
  townToZcta: ReadonlyMap<string, readonly SourceWeight[]>;
  /** block group → towns / ZCTAs with the share of the block group in each. */
  blockGroupToTown: ReadonlyMap<string, readonly Allocation[]>;
  blockGroupToZcta: ReadonlyMap<string, readonly Allocation[]>;
  /** A representative point per block group (for distances). */
  blockGroupPoints: readonly { id: string; point: [number, number] }[];
}

export interface IndicatorInputs {
  towns: readonly Town[];
  zctaIds: readonly string[];
  placesZcta: readonly PlacesRow[];
  placesPlace: readonly PlacesRow[];
  masschip2010: ReadonlyMap<string, ReadonlyMap<string, MasschipValue>>;
  masschip20052008: Masschip20052008;
  ejBlockGroups: readonly EjBlockGroup[];
  hospitals: readonly Facility[];
  healthCenters: readonly Facility[];
  links: GeoLinks;
}

export type LevelValues = Map<string, Map<string, Estimate>>;

export interface AssembledIndicators {
  values: Record<Level, LevelValues>;
  /** How each indicator reached each level ("native", "population-weighted from ZCTAs", …; null = not available there). */
  derivation: Record<Level, Map<string, string | null>>;
}

const estimatesOnly = (m: Map<string, { estimate: Estimate | null }>) =>
  new Map([...m].flatMap(([k, r]) => (r.estimate ? [[k, r.estimate] as const] : [])));

/**
 * Turn every registry indicator into estimates for both levels, from its
 * native geography: reallocation and aggregation are explicit and recorded in
 * `derivation`, and missing values stay missing (docs/method.md).
 */
export function assembleIndicators(registry: Registry, inputs: IndicatorInputs): AssembledIndicators {
  const { links } = inputs;
  const coverage = registry.method.reallocationCoverage;
  const townByName = new Map(inputs.towns.map((t) => [t.name.toUpperCase(), t.id]));
  const values: Record<Level, LevelValues> = { town: new Map(), zcta: new Map() };
  const derivation: Record<Level, Map<string, string | null>> = { town: new Map(), zcta: new Map() };
  const set = (level: Level, id: string, v: Map<string, Estimate> | null, how: string | null) => {
    values[level].set(id, v ?? new Map());
    derivation[level].set(id, v ? how : null);
  };

  // Block groups: population recovered from the EJ file (docs/method.md), shared by every block-group indicator.
  const population = new Map(inputs.ejBlockGroups.map((bg) => [bg.id, recoverPopulation(bg)]));
  const perLevelShare = (num: BlockGroupAmount[], den: BlockGroupAmount[]) => {
    const out = {} as Record<Level, Map<string, Estimate>>;
    for (const [level, allocation] of [['town', links.blockGroupToTown], ['zcta', links.blockGroupToZcta]] as const) {
      const n = sumByTarget(num, allocation);
      const d = sumByTarget(den, allocation);
      out[level] = new Map([...d.keys()].flatMap((k) => {
        const s = shareOf(n.get(k) ?? { total: 0, moe: 0, contributors: 0 }, d.get(k));
        return s ? [[k, { value: s.value, se: s.moe === null ? null : seFromMoe90(s.moe) }] as const] : [];
      }));
    }
    return out;
  };
  const popAmounts = inputs.ejBlockGroups.map((bg) => ({ id: bg.id, amount: population.get(bg.id) ?? null }));

  const placeTown = placeToTown(inputs.placesPlace.flatMap((p) => (p.point ? [{ id: p.id, point: p.point }] : [])), inputs.towns);
  const placesByTown = new Map<string, SourceWeight[]>();
  for (const t of inputs.towns) placesByTown.set(t.id, []);
  for (const p of inputs.placesPlace) {
    const town = placeTown.get(p.id);
    const t = inputs.towns.find((x) => x.id === town);
    if (t && t.population2010 > 0) placesByTown.get(t.id)!.push({ from: p.id, weight: p.population2010 / t.population2010 });
  }

  const townNative = (spec: IndicatorSpec, town: Map<string, Estimate>) => {
    set('town', spec.id, town, 'native (municipality)');
    set('zcta', spec.id, estimatesOnly(reallocate(town, links.townToZcta, coverage)), 'population-weighted mean of the municipalities overlapping the ZCTA');
  };

  for (const spec of registry.indicators) {
    const src = spec.source;
    switch (src.kind) {
      case 'places': {
        const rows = src.sourceId === 'places-zcta' ? inputs.placesZcta : inputs.placesPlace;
        const native = new Map(rows.flatMap((r) => {
          const m = r.measures[src.measure];
          return m ? [[r.id, { value: m.value, se: seFromCi95(m.ci95) }] as const] : [];
        }));
        if (src.sourceId === 'places-zcta') {
          set('zcta', spec.id, native, 'native (ZCTA)');
          set('town', spec.id, estimatesOnly(reallocate(native, links.zctaToTown, coverage)), 'population-weighted mean of the ZCTAs overlapping the municipality');
        } else {
          set('town', spec.id, estimatesOnly(reallocate(native, placesByTown, coverage)), 'Census places (city or CDPs) in the municipality, population-weighted; needs places covering at least half of its residents');
          set('zcta', spec.id, null, null);
        }
        break;
      }
      case 'masschip-2010': {
        const byTown = inputs.masschip2010.get(src.key);
        if (!byTown) throw new Error(`data/indicators.json: indicator "${spec.id}" names MassCHIP key "${src.key}", which is not in the file`);
        const town = new Map<string, Estimate>();
        for (const [id, v] of byTown) {
          if (v.value === null) continue;
          const se = spec.uncertainty === 'poisson-rate' ? seFromRateAndCount(v.value, v.count) : spec.uncertainty === 'binomial-percent' ? seFromPercentAndCount(v.value, v.count) : null;
          town.set(id, { value: v.value, se });
        }
        townNative(spec, town);
        break;
      }
      case 'masschip-2005-2008': {
        const column = inputs.masschip20052008.columns.get(src.column);
        if (!column) throw new Error(`data/indicators.json: indicator "${spec.id}" names column "${src.column}", which is not in the MassCHIP 2005–2008 file`);
        const town = new Map<string, Estimate>();
        for (const [name, v] of column) if (v !== null) town.set(townByName.get(name)!, { value: v, se: null });
        townNative(spec, town);
        break;
      }
      case 'ej-town-income': {
        const town = new Map<string, Estimate>();
        for (const bg of inputs.ejBlockGroups) {
          const id = bg.municipality ? townByName.get(bg.municipality.toUpperCase()) : undefined;
          if (id && bg.municipalIncome !== null && !town.has(id)) town.set(id, { value: bg.municipalIncome, se: bg.municipalIncomeMoe === null ? null : seFromMoe90(bg.municipalIncomeMoe) });
        }
        townNative(spec, town);
        break;
      }
      case 'ej-blockgroups': {
        const ejOnly = inputs.ejBlockGroups.map((bg) => ({ id: bg.id, amount: bg.isEj ? (population.get(bg.id) ?? null) : population.get(bg.id) === null ? null : 0 }));
        const minority = inputs.ejBlockGroups.map((bg) => ({ id: bg.id, amount: population.get(bg.id) === null ? null : bg.minorityCount }));
        const households = inputs.ejBlockGroups.map((bg) => ({
          id: bg.id,
          amount: bg.limitedEnglishPercent && bg.limitedEnglishPercent > 0 ? bg.limitedEnglish / (bg.limitedEnglishPercent / 100) : null,
        }));
        const limited = inputs.ejBlockGroups.map((bg, i) => ({ id: bg.id, amount: households[i]!.amount === null ? null : bg.limitedEnglish, moe: bg.limitedEnglishMoe }));
        const shares =
          src.computation === 'ej_population_share' ? perLevelShare(ejOnly, popAmounts) : src.computation === 'minority_share' ? perLevelShare(minority, popAmounts) : perLevelShare(limited, households);
        // Only the limited-English counts carry a published MOE; the other shares have none in the source.
        const strip = (m: Map<string, Estimate>) => (spec.uncertainty === 'none' ? new Map([...m].map(([k, e]) => [k, { value: e.value, se: null }])) : m);
        set('town', spec.id, strip(shares.town), 'aggregated from block groups (population-weighted)');
        set('zcta', spec.id, strip(shares.zcta), 'aggregated from block groups (population-weighted)');
        break;
      }
      case 'facility-distance': {
        const facilities = src.sourceId === 'hospitals' ? inputs.hospitals : inputs.healthCenters;
        const d = nearestDistanceKm(links.blockGroupPoints, facilities);
        const weighted = inputs.ejBlockGroups.map((bg) => {
          const p = population.get(bg.id) ?? null;
          const km = d.get(bg.id);
          return { id: bg.id, amount: p === null || km === undefined ? null : p * km };
        });
        const pop = popAmounts.map((a) => ({ ...a, amount: d.has(a.id) ? a.amount : null }));
        const shares = perLevelShare(weighted, pop);
        const km = (m: Map<string, Estimate>) => new Map([...m].map(([k, e]) => [k, { value: e.value / 100, se: null }])); // shareOf returns ×100
        set('town', spec.id, km(shares.town), 'population-weighted mean over block groups of the distance from each block group to the nearest facility');
        set('zcta', spec.id, km(shares.zcta), 'population-weighted mean over block groups of the distance from each block group to the nearest facility');
        break;
      }
    }
  }
  for (const level of ['town', 'zcta'] as const) {
    const ids = new Set(level === 'town' ? inputs.towns.map((t) => t.id) : inputs.zctaIds);
    for (const [indicator, m] of values[level]) for (const k of m.keys()) if (!ids.has(k)) throw new Error(`indicator ${indicator}: value for unknown ${level} "${k}"`);
  }
  return { values, derivation };
}
