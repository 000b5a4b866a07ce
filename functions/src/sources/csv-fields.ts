import { z } from 'zod';
import { valueProblem, type ValueRange } from './value-codes.js';

/** A numeric CSV cell; blank or "NA" is rejected (use optionalNumber where gaps are legitimate). */
const NUMBER = /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/;

export const numberCell = z
  .string()
  .trim()
  .regex(NUMBER, 'expected a number')
  .transform(Number);

/** A numeric CSV cell where blank or "NA" means "no data" (null), never zero. */
export const optionalNumberCell = z
  .string()
  .trim()
  .refine((s) => s === '' || s === 'NA' || NUMBER.test(s), 'expected a number, blank or NA')
  .transform((s) => (s === '' || s === 'NA' ? null : Number(s)));

/** A 95 % confidence interval written like "(27.1, 28.7)". */
export const confidenceIntervalCell = z
  .string()
  .trim()
  .regex(/^\(\s*-?\d+(\.\d+)?\s*,\s*-?\d+(\.\d+)?\s*\)$/, 'expected a confidence interval like "(27.1, 28.7)"')
  .transform((s) => s.slice(1, -1).split(',').map(Number) as [number, number]);

/**
 * A numeric cell checked against a range (value-codes.ts): a sentinel code or an
 * out-of-range value is a problem naming the column; blank/NA is null when `optional`.
 */
export const checkedCell = (range: ValueRange, options: { optional?: boolean; topCode?: number } = {}) =>
  optionalNumberCell.superRefine((v, ctx) => {
    if (v === null) {
      if (!options.optional) ctx.addIssue({ code: 'custom', message: 'expected a number' });
      return;
    }
    const problem = valueProblem(v, range, options);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/** A numeric GeoJSON property checked the same way. */
export const checkedProperty = (range: ValueRange) =>
  z.number().superRefine((v, ctx) => {
    const problem = valueProblem(v, range);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
