/**
 * CDC PLACES places (cities and CDPs) → towns, independently: the town containing the place's
 * published point (X, Y), else the nearest town (R6: every place joins a town — Gloucester's point
 * lies just off the MassGIS shoreline).
 */
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import pointToPolygonDistance from '@turf/point-to-polygon-distance';
import { loadTowns, readPlacesPlaces } from './raw.js';

export interface PlaceRow { name: string; fips: string; population: number; townGeoid: string; inside: boolean; distanceM: number; row: Record<string, string> }

let joined: PlaceRow[] | undefined;
export function placesByTown(): PlaceRow[] {
  if (joined) return joined;
  const towns = loadTowns();
  joined = readPlacesPlaces().map((r) => {
    const at: [number, number] = [Number(r.X), Number(r.Y)];
    const inside = towns.find((t) => booleanPointInPolygon(at, t.feature));
    const nearest = inside ? { t: inside, d: 0 } : towns.map((t) => ({ t, d: pointToPolygonDistance(at, t.feature, { units: 'meters' }) })).sort((a, b) => a.d - b.d)[0]!;
    return { name: r.PlaceName!, fips: r.PlaceFIPS!, population: Number(r.TotalPopulation), townGeoid: nearest.t.geoid, inside: inside !== undefined, distanceM: nearest.d, row: r };
  });
  return joined;
}

/**
 * Town value of a place measure (method.md §2): population-weighted mean of the age-adjusted prevalence of
 * the town's places, only if those places hold ≥ half of the town's 2010 population; otherwise null.
 */
export function townPlaceValue(townGeoid: string, pop2010: number, measure: string): { value: number | null; places: PlaceRow[] } {
  const places = placesByTown().filter((p) => p.townGeoid === townGeoid && p.row[`${measure}_AdjPrev`] !== '');
  const pop = places.reduce((s, p) => s + p.population, 0);
  if (places.length === 0 || pop < 0.5 * pop2010) return { value: null, places };
  if (places.length === 1) return { value: Number(places[0]!.row[`${measure}_AdjPrev`]), places };
  return { value: places.reduce((s, p) => s + p.population * Number(p.row[`${measure}_AdjPrev`]), 0) / pop, places };
}
