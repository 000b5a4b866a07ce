/** Geographic levels the indices are computed for. */
export const LEVELS = ['town', 'zcta'] as const;
export type Level = (typeof LEVELS)[number];

export function isLevel(value: string): value is Level {
  return (LEVELS as readonly string[]).includes(value);
}

/** What a place's score measures, shown next to every value (unit, source, vintage). */
export interface MeasureInfo {
  id: string;
  label: string;
  unit: string;
  /** "higher is worse": a high percentile always marks more disadvantage. */
  direction: 'higher_is_worse';
  description: string;
  sourceIds: string[];
  vintage: string;
}

/** One place's published values in one version. */
export interface PlaceRecord {
  level: Level;
  id: string;
  name: string;
  county: string | null;
  population: number | null;
  /** Measure value in the measure's unit; null = no data (see noDataReason). */
  score: number | null;
  /** Percentile rank 0–100 among places with data; null = no data. */
  percentile: number | null;
  noDataReason: string | null;
  /** Measure-specific detail: confidence intervals, coverage, counts. */
  details: Record<string, number | string | null | number[]>;
}

export interface VersionMeta {
  version: string;
  createdAt: string;
  status: 'writing' | 'complete';
  counts: Record<Level, number>;
  measures: Record<Level, MeasureInfo>;
  sources: { id: string; title: string; vintage: string; sha256: string; downloadUrl: string }[];
}
