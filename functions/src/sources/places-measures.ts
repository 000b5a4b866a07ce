import { z } from 'zod';
import { parseCsv } from './parse-csv.js';
import { assertNoProblems, type SourceProblem } from './source-problem.js';
import { checkCount, checkUnique } from './source-checks.js';
import { checkedCell, confidenceIntervalCell } from './csv-fields.js';
import { COUNT, PERCENT, valueProblem, type ValueRange } from './value-codes.js';

/** A PLACES crude prevalence (% of adults) with its 95 % confidence interval; null where CDC published none. */
export interface PlacesEstimate {
  value: number;
  ci95: [number, number];
}

export interface PlacesRow {
  id: string;
  name: string | null;
  population2010: number;
  /** Point location (lon, lat) for place files; null for ZCTA files. */
  point: [number, number] | null;
  measures: Record<string, PlacesEstimate | null>;
  /** Age-adjusted estimates (`<M>_AdjPrev`, `<M>_Adj95CI`) where the file has those columns (place and county files; not ZCTA). */
  adjusted: Record<string, PlacesEstimate | null>;
}

export interface PlacesFileSpec {
  idColumn: string;
  idPattern: RegExp;
  nameColumn?: string;
  /** Columns holding lon/lat (place files carry an internal point). */
  pointColumns?: [string, string];
  expectedCount: number;
  /** Measures the registry uses: a missing column is an error naming it, not a silent gap. */
  requiredMeasures?: readonly string[];
  /** Range per measure from the registry (docs/method.md "Input checks"); every other measure is a percent (0–100). */
  ranges?: Readonly<Record<string, ValueRange>>;
}

/** A 95 % CI whose bounds lie in the measure's range, lower ≤ upper; blank = none. */
const optionalCi = (range: ValueRange) =>
  z.union([z.literal('').transform(() => null), confidenceIntervalCell]).superRefine((ci, ctx) => {
    if (ci === null) return;
    const problem = valueProblem(ci[0], range) ?? valueProblem(ci[1], range) ?? (ci[0] > ci[1] ? `lower bound ${ci[0]} exceeds upper bound ${ci[1]}` : null);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/** Massachusetts with a margin (the facility loader's box): a place point outside it is a corrupt coordinate. */
const LON: ValueRange = { min: -74, max: -69.5 };
const LAT: ValueRange = { min: 41, max: 43 };

/**
 * Parse any PLACES "GIS friendly" CSV (ZCTA, place or county): every
 * `<MEASURE>_CrudePrev` column with its `<MEASURE>_Crude95CI` is read (and the
 * age-adjusted `<MEASURE>_AdjPrev` / `_Adj95CI` where the file has them), so a
 * new measure needs only a registry entry, not code.
 */
export function parsePlacesMeasures(text: string | Buffer, file: string, spec: PlacesFileSpec): PlacesRow[] {
  const header = text.toString().replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0]!.split(',');
  const measures = [...new Set([...header.filter((c) => c.endsWith('_CrudePrev')).map((c) => c.slice(0, -'_CrudePrev'.length)), ...(spec.requiredMeasures ?? [])])];
  const shape: Record<string, z.ZodType> = {
    [spec.idColumn]: z.string().regex(spec.idPattern, `expected an id matching ${spec.idPattern}`),
    TotalPopulation: checkedCell(COUNT),
  };
  if (spec.nameColumn) shape[spec.nameColumn] = z.string().min(1);
  if (spec.pointColumns) [shape[spec.pointColumns[0]], shape[spec.pointColumns[1]]] = [checkedCell(LON), checkedCell(LAT)];
  const adjustedMeasures = measures.filter((m) => header.includes(`${m}_AdjPrev`));
  const range = (m: string) => spec.ranges?.[m] ?? PERCENT;
  for (const m of measures) {
    shape[`${m}_CrudePrev`] = checkedCell(range(m), { optional: true });
    shape[`${m}_Crude95CI`] = optionalCi(range(m));
  }
  for (const m of adjustedMeasures) {
    shape[`${m}_AdjPrev`] = checkedCell(range(m), { optional: true });
    shape[`${m}_Adj95CI`] = optionalCi(range(m));
  }
  const { rows, problems, total } = parseCsv(text, file, z.object(shape));
  const extra: SourceProblem[] = [];
  checkCount(extra, file, 'rows', total, spec.expectedCount);
  checkUnique(extra, file, spec.idColumn, rows.map((r) => String(r[spec.idColumn])), (i) => i + 2);
  assertNoProblems([...problems, ...extra]);
  return rows.map((r) => ({
    id: String(r[spec.idColumn]),
    name: spec.nameColumn ? String(r[spec.nameColumn]) : null,
    population2010: r.TotalPopulation as number,
    point: spec.pointColumns ? [r[spec.pointColumns[0]] as number, r[spec.pointColumns[1]] as number] : null,
    measures: Object.fromEntries(
      measures.map((m) => {
        const value = r[`${m}_CrudePrev`] as number | null;
        const ci = r[`${m}_Crude95CI`] as [number, number] | null;
        return [m, value === null || ci === null ? null : { value, ci95: ci }];
      }),
    ),
    adjusted: Object.fromEntries(
      adjustedMeasures.map((m) => {
        const value = r[`${m}_AdjPrev`] as number | null;
        const ci = r[`${m}_Adj95CI`] as [number, number] | null;
        return [m, value === null || ci === null ? null : { value, ci95: ci }];
      }),
    ),
  }));
}

/** PLACES 2022 place file: 244 Massachusetts cities and census-designated places. */
export const PLACES_PLACE_SPEC: PlacesFileSpec = { idColumn: 'PlaceFIPS', idPattern: /^25\d{5}$/, nameColumn: 'PlaceName', pointColumns: ['X', 'Y'], expectedCount: 244 };
