import type { Feature, FeatureCollection, Point } from 'geojson';
import type { Geometry, Investment } from '../api';
import { labelPoint } from './geometry-utils';
import { m } from '../../paraglide/messages.js';

export interface InvestmentPointProps {
  town: string;
  name: string;
  /** Announced dollars attributed to this town: a multi-town grant is split equally among its named towns (never estimated). */
  usd: number;
  /** Grants naming this town whose amount is not published. */
  unknownCount: number;
  count: number;
}

/** Investments grouped by the municipality they name (a grant naming three towns appears under each, once). */
export function investmentsByTown<T extends Pick<Investment, 'municipalities'>>(investments: readonly T[]): Map<string, T[]> {
  const byTown = new Map<string, T[]>();
  for (const inv of investments)
    for (const town of new Set(inv.municipalities)) {
      const list = byTown.get(town);
      if (list) list.push(inv);
      else byTown.set(town, [inv]);
    }
  return byTown;
}

/** One symbol per municipality with announced investments, at the town's label point, sized by dollars. */
export function investmentPoints(investments: readonly Investment[], towns: Geometry): FeatureCollection<Point, InvestmentPointProps> {
  const byTown = investmentsByTown(investments);
  const features: Feature<Point, InvestmentPointProps>[] = [];
  for (const f of towns.features) {
    const list = byTown.get(f.properties.id);
    if (!list) continue;
    let usd = 0;
    let unknownCount = 0;
    for (const inv of list) {
      if (inv.amountUsd === null) unknownCount++;
      else usd += inv.amountUsd / inv.municipalities.length;
    }
    features.push({ type: 'Feature', id: f.properties.id, geometry: { type: 'Point', coordinates: labelPoint(f.geometry) }, properties: { town: f.properties.id, name: f.properties.name, usd: Math.round(usd), unknownCount, count: list.length } });
  }
  return { type: 'FeatureCollection', features };
}

/** When a grant ran or runs: "from 2025-02-19 for 2 years". */
export function investmentPeriod(inv: Pick<Investment, 'startDate' | 'durationYears'>): string {
  if (!inv.startDate && !inv.durationYears) return m.map_period_not_published();
  const from = inv.startDate ? m.map_period_from({ date: inv.startDate }) : m.map_period_start_not_published();
  const span = inv.durationYears ? m.map_period_years({ count: inv.durationYears }) : m.map_period_duration_not_published();
  return `${from}, ${span}`;
}
