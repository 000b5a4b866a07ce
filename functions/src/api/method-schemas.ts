import { IndicatorSpecSchema, MethodSpecSchema } from '../indices/indicator-registry.js';

/**
 * The version's method and indicator registry as the API answers them: the
 * very schemas that validate data/indicators.json (indices/indicator-registry.ts),
 * named for the OpenAPI document, so the published types cannot drift from
 * what the pipeline accepted.
 */
export const IndicatorSpecApiSchema = IndicatorSpecSchema.openapi('IndicatorSpec', {
  description:
    'One indicator of the registry: id, label, domain, unit, direction, native geography, source, how its standard error is obtained, vintage, citation, and whether it is ranked (docs/method.md).',
});

export const MethodSpecApiSchema = MethodSpecSchema.openapi('MethodSpec', {
  description: 'The index method: flag percentile (0–1), coverage rules, Monte Carlo settings and domain weights (docs/method.md).',
});
