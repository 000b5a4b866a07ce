import { z } from '@hono/zod-openapi';
import { TOWN_ID } from '../sources/towns.js';
import { ProblemSchema } from './schemas.js';

/** As published: a day or only a month. */
const PARTIAL_DATE = /^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/;

const UnmappedPlaceSchema = z.object({ name: z.string().trim().min(1).max(200), note: z.string().trim().min(1).max(1000) }).strict();

/** Editable fields without defaults: PATCH takes any subset of these. */
export const investmentFieldShape = {
  funder: z.string().trim().min(1).max(200).openapi({ example: 'Point32Health Foundation' }),
  grantee: z.string().trim().min(1).max(200).openapi({ example: 'Health Care For All' }),
  // Dollars to the cent: DynamoDB stores 38 significant digits and refuses magnitudes below 1e-130, so a 1e-200 "amount" must be a 400, not a store failure.
  amountUsd: z.number().nonnegative().max(1e11).refine((v) => v === 0 || v >= 0.01, 'expected 0 or at least one cent (0.01)').nullable().openapi({ description: 'Announced amount in USD; null = not published (never estimated).', example: 920000 }),
  amountNote: z.string().max(1000),
  startDate: z.string().regex(PARTIAL_DATE, 'expected YYYY-MM-DD or YYYY-MM').openapi({ description: 'Start (seeded rows: announcement date) at the precision published.', example: '2025-05-29' }),
  // Durations to the day at most (≥ 1/365 year): smaller numbers are not durations, and below 1e-130 DynamoDB cannot store them.
  durationYears: z.number().min(1 / 365, 'expected at least one day (1/365 year)').max(100).nullable(),
  amountYears: z.number().min(1 / 365, 'expected at least one day (1/365 year)').max(100).nullable().optional().openapi({ description: 'Years the published amount pays for when it is not the whole grant (e.g. 1 for "year 1 of a 2-year grant"); null or absent = the whole duration. Used to annualise.' }),
  municipalities: z.array(z.string().regex(TOWN_ID, 'expected a 10-digit Massachusetts town GEOID')).max(351).openapi({ description: 'Town GEOIDs (see /v1/places?level=town).', example: ['2502309000'] }),
  unmappedPlaces: z.array(UnmappedPlaceSchema).max(50).openapi({ description: 'Places that are not one of the 351 municipalities (e.g. Devens), with why.' }),
  focus: z.string().max(2000),
  ahemLink: z.enum(['confirmed', 'unconfirmed']).openapi({ description: '`confirmed` when the source ties the grant to AHEM.' }),
  // Only web addresses: a javascript:, data: or vbscript: "source" would run in whoever clicks it.
  sourceUrl: z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' }).max(2000).openapi({ description: 'Where the investment was announced: an http or https URL.' }),
};

const placesNamed = (v: { municipalities: string[]; unmappedPlaces: unknown[] }) => v.municipalities.length + v.unmappedPlaces.length > 0;
const placesIssue = { message: 'name at least one municipality or unmapped place', path: ['municipalities'] };

/** POST and PUT: the whole record (PUT replaces every editable field). */
export const InvestmentInputSchema = z
  .object({
    ...investmentFieldShape,
    amountNote: investmentFieldShape.amountNote.default(''),
    durationYears: investmentFieldShape.durationYears.default(null),
    municipalities: investmentFieldShape.municipalities.default([]),
    unmappedPlaces: investmentFieldShape.unmappedPlaces.default([]),
    focus: investmentFieldShape.focus.default(''),
  })
  .strict()
  .refine(placesNamed, placesIssue)
  .openapi('InvestmentInput');

export const InvestmentPatchSchema = z.object(investmentFieldShape).partial().strict().openapi('InvestmentPatch');

export const InvestmentSchema = z
  .object({
    id: z.string().openapi({ example: 'inv-936edffabe' }),
    ...investmentFieldShape,
    version: z.number().int().min(1).openapi({ description: 'Incremented by every change; send it back as If-Match: "<version>".' }),
    createdAt: z.string(),
    createdBy: z.string(),
    updatedAt: z.string(),
    updatedBy: z.string(),
    deletedAt: z.string().nullable(),
    deletedBy: z.string().nullable(),
  })
  .openapi('Investment');

export const AuditEntrySchema = z
  .object({
    investmentId: z.string(),
    version: z.number().int(),
    action: z.enum(['seed', 'create', 'update', 'delete']),
    who: z.string(),
    at: z.string(),
    before: z.union([InvestmentSchema, z.null()]), // not .nullable(): zod-to-openapi renders a nullable $ref as allOf [$ref, object|null], which rejects null
    after: InvestmentSchema,
  })
  .openapi('InvestmentAuditEntry');

export const authResponses = {
  401: { content: { 'application/problem+json': { schema: ProblemSchema } }, description: 'No (valid) bearer token' },
  403: { content: { 'application/problem+json': { schema: ProblemSchema } }, description: 'Token is not an admin token' },
} as const;
