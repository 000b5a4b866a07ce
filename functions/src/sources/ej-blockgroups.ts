import { z } from 'zod';
import { parseCsv } from './parse-csv.js';
import { assertNoProblems } from './source-problem.js';
import { checkCount, checkUnique } from './source-checks.js';
import { checkedCell } from './csv-fields.js';
import { ACS_INCOME_TOP_CODE, COUNT, NON_NEGATIVE, PERCENT, type ValueRange } from './value-codes.js';

/** All 5,116 Massachusetts 2020 block groups (TIGER), including water-only ones. */
export const EJ_BLOCKGROUP_COUNT = 5116;

export interface EjBlockGroup {
  /** 12-digit block-group GEOID. */
  id: string;
  /** Municipality name the source assigns the block group to; null for water-only block groups. */
  municipality: string | null;
  minorityCount: number;
  /** Percent minority; null where the block group has no population to divide by. */
  minorityPercent: number | null;
  isEj: boolean;
  /** Which statutory criteria it meets, e.g. "Low Income and Minority". */
  criteria: string;
  /** Limited-English-speaking households: estimate and 90 % MOE; percent of households (null where no households). */
  limitedEnglish: number;
  limitedEnglishMoe: number;
  limitedEnglishPercent: number | null;
  /** 90 % MOE of that percent: with a zero count it gives the number of households (indices/block-group-denominators.ts). */
  limitedEnglishPercentMoe: number | null;
  /** ACS 2019–2023 median household income of the municipality the row names, ± 90 % MOE (null where not published). */
  municipalIncome: number | null;
  municipalIncomeMoe: number | null;
}

/**
 * Counts whole and ≥ 0, percents 0–100, MOEs ≥ 0 (a percent's MOE can exceed 100), incomes ≥ 0
 * (docs/method.md "Input checks"). Only the municipal median income may hold the ACS top-code
 * 250001 ("$250,000 or more"), kept and noted as top-coded (pipeline/assemble-indicators.ts);
 * any other ACS code (-666666666 …) in any column is rejected.
 */
const rowSchema = (income: ValueRange) =>
  z.object({
    GEOID: z.string().regex(/^25\d{10}$/, 'expected a 12-digit Massachusetts block-group GEOID'),
    MUNI: z.string(),
    minorityE: checkedCell(COUNT).transform((v) => v!),
    minorityPctE: checkedCell(PERCENT, { optional: true }),
    EJ: z.enum(['Yes', 'No']),
    EJ_CRIT_DESC: z.string(),
    limitEngE: checkedCell(COUNT).transform((v) => v!),
    limitEngM: checkedCell(NON_NEGATIVE).transform((v) => v!),
    limitEngpctE: checkedCell(PERCENT, { optional: true }),
    limitEngpctM: checkedCell(NON_NEGATIVE, { optional: true }),
    medHHincMUNIE: checkedCell(income, { optional: true, topCode: ACS_INCOME_TOP_CODE }),
    medHHincMUNIM: checkedCell(NON_NEGATIVE, { optional: true }),
  });

/** `incomeRange`: the registry's range for the median-income indicator (default ≥ 0). */
export function parseEjBlockGroups(text: string | Buffer, file: string, expectedCount = EJ_BLOCKGROUP_COUNT, incomeRange: ValueRange = NON_NEGATIVE): EjBlockGroup[] {
  const { rows, problems, total } = parseCsv(text, file, rowSchema(incomeRange));
  checkCount(problems, file, 'block-group rows', total, expectedCount);
  checkUnique(problems, file, 'GEOID', rows.map((r) => r.GEOID), (i) => i + 2);
  assertNoProblems(problems);
  return rows.map((r) => ({
    id: r.GEOID,
    municipality: r.MUNI.trim() === '' ? null : r.MUNI.trim(),
    minorityCount: r.minorityE,
    minorityPercent: r.minorityPctE,
    isEj: r.EJ === 'Yes',
    criteria: r.EJ_CRIT_DESC,
    limitedEnglish: r.limitEngE,
    limitedEnglishMoe: r.limitEngM,
    limitedEnglishPercent: r.limitEngpctE,
    limitedEnglishPercentMoe: r.limitEngpctM,
    municipalIncome: r.medHHincMUNIE,
    municipalIncomeMoe: r.medHHincMUNIM,
  }));
}
