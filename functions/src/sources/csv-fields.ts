import { z } from 'zod';

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
