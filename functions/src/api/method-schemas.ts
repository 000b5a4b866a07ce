import { z } from '@hono/zod-openapi';
import { IndicatorSpecSchema, MethodSpecSchema } from '../indices/indicator-registry.js';

/**
 * The version's method and indicator registry as the API answers them: the
 * very schemas that validate data/indicators.json (indices/indicator-registry.ts),
 * named for the OpenAPI document, so the published types cannot drift from
 * what the pipeline accepted.
 *
 * Re-wrapped with @hono/zod-openapi's `z` rather than calling `.openapi` on the registry's
 * schemas: zod 4 gives each schema its methods when it is created, so a registry loaded
 * before this module (the pipeline imports it first) has no `.openapi`.
 */
export const IndicatorSpecApiSchema = z.object(IndicatorSpecSchema.shape).openapi('IndicatorSpec', {
  description:
    'One indicator of the registry: id, label, domain, unit, direction, native geography, source, how its standard error is obtained, vintage, citation, and whether it is ranked (docs/method.md).',
});

export const MethodSpecApiSchema = z.object(MethodSpecSchema.shape).openapi('MethodSpec', {
  description: 'The index method: flag percentile (0–1), coverage rules, Monte Carlo settings and domain weights (docs/method.md).',
});
