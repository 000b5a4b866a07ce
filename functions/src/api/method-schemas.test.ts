import { describe, expect, it } from 'vitest';
// The pipeline loads the registry before anything from @hono/zod-openapi: this order broke the API module once.
import { IndicatorSpecSchema } from '../indices/indicator-registry.js';

describe('method schemas for the OpenAPI document', () => {
  it('load after the registry and name the registry’s own fields', async () => {
    const { IndicatorSpecApiSchema, MethodSpecApiSchema } = await import('./method-schemas.js');
    const { OpenApiGeneratorV31, OpenAPIRegistry } = await import('@asteasolutions/zod-to-openapi');
    const registry = new OpenAPIRegistry();
    registry.register('IndicatorSpec', IndicatorSpecApiSchema);
    registry.register('MethodSpec', MethodSpecApiSchema);
    const doc = new OpenApiGeneratorV31(registry.definitions).generateDocument({ openapi: '3.1.0', info: { title: 't', version: '1' } });
    const spec = doc.components?.schemas?.IndicatorSpec as { properties: Record<string, unknown> };
    expect(Object.keys(spec.properties).sort()).toEqual(Object.keys(IndicatorSpecSchema.shape).sort());
    expect(doc.components?.schemas?.MethodSpec).toBeDefined();
  });
});
