import { z } from 'zod';
import { parseCsv } from './parse-csv.js';
import { assertNoProblems } from './source-problem.js';
import { checkCount, checkUnique } from './source-checks.js';
import { numberCell, optionalNumberCell } from './csv-fields.js';

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

const Row = z.object({
  GEOID: z.string().regex(/^25\d{10}$/, 'expected a 12-digit Massachusetts block-group GEOID'),
  MUNI: z.string(),
  minorityE: numberCell,
  minorityPctE: optionalNumberCell,
  EJ: z.enum(['Yes', 'No']),
  EJ_CRIT_DESC: z.string(),
  limitEngE: numberCell,
  limitEngM: numberCell,
  limitEngpctE: optionalNumberCell,
  limitEngpctM: optionalNumberCell,
  medHHincMUNIE: optionalNumberCell,
  medHHincMUNIM: optionalNumberCell,
});

export function parseEjBlockGroups(text: string | Buffer, file: string, expectedCount = EJ_BLOCKGROUP_COUNT): EjBlockGroup[] {
  const { rows, problems, total } = parseCsv(text, file, Row);
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
