import { z } from 'zod';
import { parseCsv } from './parse-csv.js';
import { assertNoProblems } from './source-problem.js';
import { checkCount, checkUnique } from './source-checks.js';
import { confidenceIntervalCell, numberCell } from './csv-fields.js';
import { ZCTA_ID } from './zctas.js';

/** PLACES 2022 has estimates for 532 of the 537 MA ZCTAs (it omits a few with tiny populations). */
export const PLACES_ZCTA_COUNT = 532;
export const PLACES_ZCTA_MEASURES = ['BINGE', 'CSMOKING', 'MHLTH', 'OBESITY', 'SLEEP'] as const;
export type PlacesZctaMeasure = (typeof PLACES_ZCTA_MEASURES)[number];

export interface Estimate {
  /** Crude prevalence, percent of adults. */
  value: number;
  ci95: [number, number];
}

export interface PlacesZctaRow {
  zcta: string;
  population2010: number;
  measures: Record<PlacesZctaMeasure, Estimate>;
}

const measureColumns = Object.fromEntries(
  PLACES_ZCTA_MEASURES.flatMap((m) => [
    [`${m}_CrudePrev`, numberCell],
    [`${m}_Crude95CI`, confidenceIntervalCell],
  ]),
);
const Row = z.object({
  ZCTA5: z.string().regex(ZCTA_ID, 'expected a 5-digit Massachusetts ZCTA'),
  TotalPopulation: numberCell,
  ...measureColumns,
}) as z.ZodType<Record<string, unknown>> & { shape: Record<string, unknown> };

export function parsePlacesZcta(text: string | Buffer, file: string, expectedCount = PLACES_ZCTA_COUNT): PlacesZctaRow[] {
  const { rows, problems, total } = parseCsv(text, file, Row);
  checkCount(problems, file, 'ZCTA rows', total, expectedCount);
  checkUnique(problems, file, 'ZCTA5', rows.map((r) => r.ZCTA5 as string), (i) => i + 2);
  assertNoProblems(problems);
  return rows.map((r) => ({
    zcta: r.ZCTA5 as string,
    population2010: r.TotalPopulation as number,
    measures: Object.fromEntries(
      PLACES_ZCTA_MEASURES.map((m) => [m, { value: r[`${m}_CrudePrev`] as number, ci95: r[`${m}_Crude95CI`] as [number, number] }]),
    ) as Record<PlacesZctaMeasure, Estimate>,
  }));
}
