import { sumByTarget, type Allocation, type BlockGroupAmount } from '../indices/aggregate-block-groups.js';
import { blockGroupDenominators, type Denominators } from '../indices/block-group-denominators.js';
import { seFromCi95, seFromMoe90, seFromPercentAndCount, seFromRateAndCount, type Estimate } from '../indices/estimate.js';
import type { IndicatorSpec, Registry } from '../indices/indicator-registry.js';
import { reallocate, type SourceWeight } from '../indices/reallocate.js';
import { roundTo } from '../indices/round.js';
import type { Level } from '../indices/place-record.js';
import { nearestDistanceKm } from '../geo/nearest-distance.js';
import { placeToTown } from '../geo/place-to-town.js';
import type { EjBlockGroup } from '../sources/ej-blockgroups.js';
import type { Facility } from '../sources/facilities.js';
import type { Masschip20052008 } from '../sources/masschip-town-2005-2008.js';
import type { MasschipValue } from '../sources/masschip-town-indicators.js';
import type { PlacesRow } from '../sources/places-measures.js';
import type { Town } from '../sources/towns.js';
import { masschip20052008Values, masschip2010Values } from './masschip-values.js';
import { ACS_INCOME_TOP_CODE } from '../sources/value-codes.js';

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
  /** Hospitals open on the version's as-of date (closures applied by the caller). */
  hospitals: readonly Facility[];
  healthCenters: readonly Facility[];
  links: GeoLinks;
  /** Block-group denominators (defaults to those recovered from the EJ rows). */
  denominators?: ReadonlyMap<string, Denominators>;
  /** Block-group indicators computed elsewhere (e.g. 2SFCA access), by indicator source kind. */
  blockGroupValues?: ReadonlyMap<string, ReadonlyMap<string, number>>;
}

export type LevelValues = Map<string, Map<string, Estimate>>;

export interface AssembledIndicators {
  values: Record<Level, LevelValues>;
  /** Why a place has no value: indicator id → place id → reason (places the source could have valued). */
  noData: Record<Level, Map<string, Map<string, string>>>;
  /** How each indicator reached each level ("native", "population-weighted from ZCTAs", …; null = not available there). */
  derivation: Record<Level, Map<string, string | null>>;
}

interface Valued {
  values: Map<string, Estimate>;
  noData: Map<string, string>;
}

const pct = (x: number) => `${Math.round(x * 100)} %`;

/** Two decimals at most: more than any input publishes (docs/method.md, "Precision"). */
const round2 = (x: number) => roundTo(x, 2);

/**
 * Turn every registry indicator into estimates for both levels, from its
 * native geography: reallocation and aggregation are explicit and recorded in
 * `derivation`, every missing value has a reason, and missing values stay
 * missing (docs/method.md).
 */
export function assembleIndicators(registry: Registry, inputs: IndicatorInputs): AssembledIndicators {
  const { links } = inputs;
  const coverage = registry.method.reallocationCoverage;
  const bgCoverage = registry.method.blockGroupCoverage ?? 0;
  const townByName = new Map(inputs.towns.map((t) => [t.name.toUpperCase(), t.id]));
  const values: Record<Level, LevelValues> = { town: new Map(), zcta: new Map() };
  const noData: Record<Level, Map<string, Map<string, string>>> = { town: new Map(), zcta: new Map() };
  const derivation: Record<Level, Map<string, string | null>> = { town: new Map(), zcta: new Map() };
  const set = (level: Level, id: string, v: Valued | null, how: string | null) => {
    values[level].set(id, v?.values ?? new Map());
    noData[level].set(id, v?.noData ?? new Map());
    derivation[level].set(id, v ? how : null);
  };

  const den = inputs.denominators ?? blockGroupDenominators(inputs.ejBlockGroups.map((bg) => ({ ...bg, limitedEnglishPercentMoe: bg.limitedEnglishPercentMoe ?? null })));
  const persons = (id: string) => den.get(id)?.persons ?? null;

  /**
   * A share (or mean) over the block groups of each town and ZCTA: Σ num / Σ den
   * over block groups whose denominator is known, published only when those
   * block groups hold at least `blockGroupCoverage` of the place's residents.
   */
  const blockGroupRatio = (
    num: (bg: EjBlockGroup) => number | null,
    denominator: (bg: EjBlockGroup) => number | null,
    options: { moe?: (bg: EjBlockGroup) => number | null; scale: number; unitOfDenominator: string },
  ): Record<Level, Valued> => {
    const rows = inputs.ejBlockGroups.map((bg) => {
      const d = denominator(bg);
      const n = d === null ? null : num(bg);
      const known = d !== null && n !== null;
      return { id: bg.id, d: known ? d : null, n: known ? n : null, moe: options.moe?.(bg) ?? null, persons: persons(bg.id), known };
    });
    const amounts = (pick: (r: (typeof rows)[number]) => number | null, withMoe = false): BlockGroupAmount[] => rows.map((r) => ({ id: r.id, amount: pick(r), ...(withMoe ? { moe: r.moe } : {}) }));
    const out = {} as Record<Level, Valued>;
    for (const [level, allocation] of [['town', links.blockGroupToTown], ['zcta', links.blockGroupToZcta]] as const) {
      const n = sumByTarget(amounts((r) => r.n, options.moe !== undefined), allocation);
      const d = sumByTarget(amounts((r) => r.d), allocation);
      const covered = sumByTarget(amounts((r) => (r.known ? r.persons : null)), allocation);
      const everyone = sumByTarget(amounts((r) => r.persons), allocation);
      const valued: Valued = { values: new Map(), noData: new Map() };
      for (const [place, all] of everyone) {
        const share = all.total > 0 ? (covered.get(place)?.total ?? 0) / all.total : 0;
        const dSum = d.get(place)?.total ?? 0;
        if (all.total <= 0) valued.noData.set(place, 'No residents in the block groups that make up this place (ACS 2019–2023).');
        else if (share < bgCoverage - 1e-9) valued.noData.set(place, `Block groups with a known number of ${options.unitOfDenominator} hold only ${pct(share)} of this place's residents; the method needs ${pct(bgCoverage)}.`);
        else if (dSum <= 0) valued.noData.set(place, `No ${options.unitOfDenominator} in the block groups of this place: the share is undefined.`);
        else {
          const nSum = n.get(place) ?? { total: 0, moe: 0, contributors: 0 };
          const moe = options.moe && nSum.moe !== null ? (options.scale * nSum.moe) / dSum : null;
          valued.values.set(place, { value: round2((options.scale * nSum.total) / dSum), se: moe === null ? null : seFromMoe90(moe), coverage: roundTo(Math.min(1, share), 4) });
        }
      }
      out[level] = valued;
    }
    return out;
  };

  const placeJoin = placeToTown(inputs.placesPlace.flatMap((p) => (p.point ? [{ id: p.id, point: p.point }] : [])), inputs.towns);
  const townById = new Map(inputs.towns.map((t) => [t.id, t]));
  const placesByTown = new Map<string, SourceWeight[]>(inputs.towns.map((t) => [t.id, []]));
  for (const p of inputs.placesPlace) {
    const t = townById.get(placeJoin.get(p.id)?.town ?? '');
    if (t && t.population2010 > 0) placesByTown.get(t.id)!.push({ from: p.id, weight: p.population2010 / t.population2010 });
  }
  const unjoined = inputs.placesPlace.filter((p) => !placeJoin.get(p.id)?.town);
  if (unjoined.length > 0) throw new Error(`PLACES place file: ${unjoined.length} places join no town: ${unjoined.map((p) => `${p.name} (${p.id})`).join(', ')}`);

  /** Reallocate and keep each value's qualifiers; a place without a value learns why. */
  const moveTo = (source: ReadonlyMap<string, Estimate>, weights: ReadonlyMap<string, readonly SourceWeight[]>, sourceKind: string, targetKind: string, notes: string[] = []): Valued => {
    const out: Valued = { values: new Map(), noData: new Map() };
    for (const [target, r] of reallocate(source, weights, coverage)) {
      const parts = (weights.get(target) ?? []).filter((p) => p.weight > 0);
      if (r.estimate) {
        const smoothed = parts.some((p) => source.get(p.from)?.smoothing);
        const topCoded = parts.some((p) => source.get(p.from)?.notes?.some((n) => n.startsWith('Top-coded')));
        const adjustment = parts.map((p) => source.get(p.from)?.adjustment).find((a) => a !== undefined);
        const allNotes = [...notes, ...(smoothed ? [`Population-weighted mean of ${sourceKind} values that were smoothed for small numbers (see each ${sourceKind.replace(/s$/, '').replace(/ie$/, 'y')}).`] : []), ...(topCoded ? ['Includes a top-coded value ("$250,000 or more", counted as 250,001).'] : [])];
        out.values.set(target, { value: round2(r.estimate.value), se: r.estimate.se, coverage: roundTo(r.coverage, 4), ...(adjustment !== undefined ? { adjustment } : {}), ...(allNotes.length ? { notes: allNotes } : {}) });
      } else {
        out.noData.set(
          target,
          parts.length === 0
            ? `No ${sourceKind} with a published value overlaps this ${targetKind}.`
            : `${sourceKind[0]!.toUpperCase()}${sourceKind.slice(1)} with data hold only ${pct(r.coverage)} of this ${targetKind}'s residents; the method needs ${pct(coverage)}.`,
        );
      }
    }
    return out;
  };

  const townNative = (spec: IndicatorSpec, town: Valued, zctaNotes: string[] = [], zctaHow = 'population-weighted mean of the municipalities overlapping the ZCTA') => {
    set('town', spec.id, town, 'native (municipality)');
    set('zcta', spec.id, moveTo(town.values, links.townToZcta, 'municipalities', 'ZCTA', zctaNotes), zctaHow);
  };

  for (const spec of registry.indicators) {
    const src = spec.source;
    switch (src.kind) {
      case 'places': {
        const rows = src.sourceId === 'places-zcta' ? inputs.placesZcta : inputs.placesPlace;
        const adjusted = src.adjustment === 'age-adjusted';
        const native: Valued = { values: new Map(), noData: new Map() };
        for (const r of rows) {
          const m = adjusted ? r.adjusted[src.measure] : r.measures[src.measure];
          if (m) native.values.set(r.id, { value: m.value, se: seFromCi95(m.ci95), adjustment: src.adjustment });
          else native.noData.set(r.id, adjusted ? 'CDC PLACES publishes no age-adjusted estimate for this place.' : 'CDC PLACES publishes no estimate for this place.');
        }
        if (src.sourceId === 'places-zcta') {
          // ZCTAs PLACES does not list at all (no population in 2010) have no estimate either.
          for (const z of inputs.zctaIds) if (!native.values.has(z) && !native.noData.has(z)) native.noData.set(z, 'CDC PLACES publishes no estimate for this ZCTA (not in its 2022 ZCTA file).');
          set('zcta', spec.id, native, 'native (ZCTA)');
          set('town', spec.id, moveTo(native.values, links.zctaToTown, 'ZCTAs', 'municipality'), 'population-weighted mean of the ZCTAs overlapping the municipality');
        } else {
          const town = moveTo(native.values, placesByTown, 'Census places (cities and CDPs)', 'municipality');
          for (const id of town.noData.keys()) if ((placesByTown.get(id) ?? []).length === 0) town.noData.set(id, 'No Census place (city or CDP) in this municipality: PLACES place estimates do not cover it.');
          set('town', spec.id, town, 'Census places (city or CDPs) in the municipality, population-weighted; needs places covering at least half of its residents');
          set('zcta', spec.id, null, null);
        }
        break;
      }
      case 'masschip-2010': {
        const se = (v: MasschipValue) => (spec.uncertainty === 'poisson-rate' ? seFromRateAndCount(v.value!, v.count) : spec.uncertainty === 'binomial-percent' ? seFromPercentAndCount(v.value!, v.count) : null);
        townNative(spec, masschip2010Values(spec, src.key, inputs, townByName, se));
        break;
      }
      case 'masschip-2005-2008':
        townNative(spec, masschip20052008Values(spec, src.column, inputs, townByName));
        break;
      case 'ej-town-income': {
        const town: Valued = { values: new Map(), noData: new Map() };
        for (const bg of inputs.ejBlockGroups) {
          const id = bg.municipality ? townByName.get(bg.municipality.toUpperCase()) : undefined;
          if (id && bg.municipalIncome !== null && !town.values.has(id)) {
            const topCoded = bg.municipalIncome === ACS_INCOME_TOP_CODE;
            town.values.set(id, {
              value: bg.municipalIncome,
              se: bg.municipalIncomeMoe === null ? null : seFromMoe90(bg.municipalIncomeMoe),
              ...(topCoded ? { notes: ['Top-coded: the ACS publishes “$250,000 or more” (printed 250,001); the exact median is not known.'] } : {}),
            });
          }
        }
        for (const t of inputs.towns) if (!town.values.has(t.id)) town.noData.set(t.id, 'The ACS 2019–2023 median household income is not published for this municipality (too few sample households).');
        townNative(
          spec,
          town,
          ['Not a median of the ZCTA: the population-weighted mean of the medians of the municipalities it overlaps (ACS publishes no ZCTA median in the staged data).'],
          "population-weighted mean of the overlapping municipalities' median household incomes (a mean of medians, not the ZCTA's median)",
        );
        break;
      }
      case 'ej-blockgroups': {
        const how = 'aggregated from block groups: Σ count ÷ Σ total over the block groups in the place (area-allocated), zeros included';
        const shares =
          src.computation === 'ej_population_share'
            ? blockGroupRatio((bg) => (bg.isEj ? persons(bg.id) : 0), (bg) => persons(bg.id), { scale: 100, unitOfDenominator: 'residents' })
            : src.computation === 'minority_share'
              ? blockGroupRatio((bg) => bg.minorityCount, (bg) => persons(bg.id), { scale: 100, unitOfDenominator: 'residents' })
              : blockGroupRatio((bg) => bg.limitedEnglish, (bg) => den.get(bg.id)?.households ?? null, { scale: 100, unitOfDenominator: 'households', moe: (bg) => bg.limitedEnglishMoe });
        // Only the limited-English counts carry a published MOE; the other shares have none in the source.
        const strip = (v: Valued): Valued => (spec.uncertainty === 'none' ? { ...v, values: new Map([...v.values].map(([k, e]) => [k, { ...e, se: null }])) } : v);
        set('town', spec.id, strip(shares.town), how);
        set('zcta', spec.id, strip(shares.zcta), how);
        break;
      }
      case 'facility-distance': {
        const facilities = src.sourceId === 'hospitals' ? inputs.hospitals : inputs.healthCenters;
        const d = nearestDistanceKm(links.blockGroupPoints, facilities);
        const means = blockGroupRatio((bg) => (d.has(bg.id) ? persons(bg.id)! * d.get(bg.id)! : null), (bg) => (d.has(bg.id) ? persons(bg.id) : null), { scale: 1, unitOfDenominator: 'residents' });
        const how = 'population-weighted mean over block groups of the distance from each block group to the nearest facility';
        set('town', spec.id, means.town, how);
        set('zcta', spec.id, means.zcta, how);
        break;
      }
      case 'block-group-value': {
        const byBg = inputs.blockGroupValues?.get(src.measure);
        if (!byBg) throw new Error(`indicator "${spec.id}": no block-group values for "${src.measure}" were computed`);
        const means = blockGroupRatio((bg) => (byBg.has(bg.id) ? persons(bg.id)! * byBg.get(bg.id)! : null), (bg) => (byBg.has(bg.id) ? persons(bg.id) : null), { scale: 1, unitOfDenominator: 'residents' });
        const how = 'population-weighted mean over the block groups in the place';
        set('town', spec.id, means.town, how);
        set('zcta', spec.id, means.zcta, how);
        break;
      }
    }
  }
  for (const level of ['town', 'zcta'] as const) {
    const ids = new Set(level === 'town' ? inputs.towns.map((t) => t.id) : inputs.zctaIds);
    for (const [indicator, m] of values[level]) for (const k of m.keys()) if (!ids.has(k)) throw new Error(`indicator ${indicator}: value for unknown ${level} "${k}"`);
    for (const m of noData[level].values()) for (const k of m.keys()) if (!ids.has(k)) m.delete(k); // e.g. PLACES rows of places, not towns
    for (const spec of registry.indicators) if (spec.adjustment) for (const e of values[level].get(spec.id)?.values() ?? []) e.adjustment ??= spec.adjustment;
  }
  return { values, noData, derivation };
}
