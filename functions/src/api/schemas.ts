import { z } from '@hono/zod-openapi';
import { LEVELS } from '../indices/place-record.js';

export const LevelSchema = z.enum(LEVELS).openapi({ description: 'Geographic level: `town` (351 municipalities) or `zcta` (537 ZIP Code Tabulation Areas).', example: 'town' });

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string().optional(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .openapi('Problem', { description: 'RFC 9457 problem details' });

export const MeasureSchema = z
  .object({
    id: z.string(),
    label: z.string(),
    unit: z.string(),
    direction: z.literal('higher_is_worse'),
    description: z.string(),
    sourceIds: z.array(z.string()),
    vintage: z.string(),
  })
  .openapi('Measure');

export const PlaceSummarySchema = z
  .object({
    id: z.string().openapi({ example: '2502507000' }),
    name: z.string().openapi({ example: 'Boston' }),
    score: z.number().nullable().openapi({ description: 'Measure value in the measure unit; null = no data (see noDataReason).' }),
    percentile: z.number().min(0).max(100).nullable().openapi({ description: 'Percentile rank 0–100 among places with data (higher = more disadvantaged).' }),
    noDataReason: z.string().nullable(),
  })
  .openapi('PlaceSummary');

export const PlaceSchema = PlaceSummarySchema.extend({
  level: LevelSchema,
  county: z.string().nullable(),
  population: z.number().nullable(),
  details: z.record(z.string(), z.union([z.number(), z.string(), z.null(), z.array(z.number())])),
}).openapi('Place');

export const problemResponses = {
  400: { content: { 'application/problem+json': { schema: ProblemSchema } }, description: 'Invalid request' },
  503: { content: { 'application/problem+json': { schema: ProblemSchema } }, description: 'No published version or store unavailable' },
} as const;
export const notFoundResponse = { 404: { content: { 'application/problem+json': { schema: ProblemSchema } }, description: 'Not found' } } as const;
