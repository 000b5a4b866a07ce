import { z } from 'zod';
import { parseCsv } from './parse-csv.js';
import { assertNoProblems } from './source-problem.js';
import { checkCount } from './source-checks.js';
import { TOWN_ID } from './towns.js';
import { COUNT, NON_NEGATIVE, PERCENT, valueProblem, type ValueRange } from './value-codes.js';

/** MassCHIP CHNA Health Status Indicators (2010 births/deaths), long format: 351 towns × 56 indicators. */
export const MASSCHIP_2010_ROWS = 19_656;

export interface MasschipValue {
  /** Area value as printed; null where DPH suppressed it ("NA"). */
  value: number | null;
  /** Event count behind the value (births, deaths); null where not printed or suppressed. */
  count: number | null;
  /** The Massachusetts value printed beside it (the same for every town): the prior of small-numbers smoothing. */
  state: number | null;
}

/** A number printed with "$" and thousands separators, or NA/blank → null. */
const printedNumber = z
  .string()
  .trim()
  .refine((s) => s === '' || s === 'NA' || /^\$?-?[\d,]+(\.\d+)?$/.test(s), 'expected a number, NA or blank')
  .transform((s) => (s === '' || s === 'NA' ? null : Number(s.replace(/[$,]/g, ''))));

/** Key an indicator as "<section> | <indicator> | <measure>": the report repeats group names (e.g. "Hispanic") across measures. */
export const masschipKey = (section: string, indicator: string, measure: string) => `${section} | ${indicator} | ${measure}`;

/**
 * Each row checked against its range (docs/method.md "Input checks"): the registry's for the
 * keys it reads, else the report's measure ("Percent" 0–100; rates and dollars ≥ 0); counts
 * are whole and ≥ 0. A sentinel such as -999 is rejected by column, never read as a number.
 */
const rowSchema = (ranges: ReadonlyMap<string, ValueRange>) =>
  z
    .object({
      GEOID20: z.string().regex(TOWN_ID, 'expected a 10-digit Massachusetts GEOID'),
      section: z.string().min(1),
      indicator: z.string().min(1),
      measure: z.string(),
      count: printedNumber,
      area_value: printedNumber,
      state_value: printedNumber,
    })
    .superRefine((r, ctx) => {
      const range = ranges.get(masschipKey(r.section, r.indicator, r.measure)) ?? (r.measure === 'Percent' ? PERCENT : NON_NEGATIVE);
      for (const [column, value, expected] of [['count', r.count, COUNT], ['area_value', r.area_value, range], ['state_value', r.state_value, range]] as const) {
        const problem = value === null ? null : valueProblem(value, expected);
        if (problem) ctx.addIssue({ code: 'custom', path: [column], message: problem });
      }
    });

/** Returns indicator key → town GEOID → value; `ranges` maps the registry's keys to their ranges. */
export function parseMasschip2010(text: string | Buffer, file: string, expectedRows = MASSCHIP_2010_ROWS, ranges: ReadonlyMap<string, ValueRange> = new Map()): Map<string, Map<string, MasschipValue>> {
  const { rows, problems, total } = parseCsv(text, file, rowSchema(ranges));
  checkCount(problems, file, 'rows', total, expectedRows);
  assertNoProblems(problems);
  const out = new Map<string, Map<string, MasschipValue>>();
  for (const r of rows) {
    const key = masschipKey(r.section, r.indicator, r.measure);
    let byTown = out.get(key);
    if (!byTown) out.set(key, (byTown = new Map()));
    byTown.set(r.GEOID20, { value: r.area_value, count: r.count, state: r.state_value });
  }
  return out;
}
