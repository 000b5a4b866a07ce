import type { IndicatorDetail, PlaceDetail } from '../api';

/** At least this many drivers when the place has that many ranked indicators with data, at most MAX. */
export const MIN_DRIVERS = 5;
export const MAX_DRIVERS = 8;
/** The method's flag threshold (docs/method.md: an indicator is flagged at percentile rank ≥ 0.90). */
export const FLAG_PERCENTILE = 0.9;

export type Driver = IndicatorDetail & { id: string };

/**
 * The indicators that drive a place's score most. Indicator percentiles are already
 * direction-adjusted (a high percentile always means more disadvantage; docs/method.md),
 * and the overall score is a mean of them, so the highest percentiles push it up most.
 *
 * Rule: among ranked indicators with a value and a percentile, highest percentile first
 * (ties by id, so the page is reproducible); take every flagged one up to MAX_DRIVERS, and
 * fill up to MIN_DRIVERS with the next highest. Fewer candidates = fewer drivers: an
 * indicator without data is never shown as a driver.
 */
export function chooseDrivers(place: Pick<PlaceDetail['place'], 'indicators'>): Driver[] {
  const candidates = Object.entries(place.indicators)
    .filter(([, i]) => i.ranked && i.value !== null && i.percentile !== null && Number.isFinite(i.percentile))
    .map(([id, i]) => ({ ...i, id }))
    .sort((a, b) => b.percentile! - a.percentile! || a.id.localeCompare(b.id));
  const flagged = candidates.filter((c) => c.percentile! >= FLAG_PERCENTILE).length;
  return candidates.slice(0, Math.min(MAX_DRIVERS, Math.max(MIN_DRIVERS, flagged)));
}
