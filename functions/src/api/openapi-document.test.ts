import { describe, expect, it } from 'vitest';
import { completeOpenApiDocument, SECURITY_SCHEMES } from './openapi-document.js';

const generated = () => ({
  openapi: '3.1.0',
  paths: {
    '/v1/places': { get: { responses: { '200': { description: 'ok' } } }, parameters: [] },
    '/v1/investments': { post: { security: [{ adminToken: [] }], responses: { '429': { description: 'custom' } } } },
    '/docs': { get: { responses: { '200': { description: 'html' } } } },
  },
  components: { schemas: { Problem: { type: 'object' } } },
});

describe('completeOpenApiDocument', () => {
  it('adds the 429 reference to every /v1 operation, keeps one a route declared itself, and leaves other paths alone', () => {
    const doc = completeOpenApiDocument(generated()) as Record<string, any>;
    expect(doc.paths['/v1/places'].get.responses['429']).toEqual({ $ref: '#/components/responses/TooManyRequests' });
    expect(doc.paths['/v1/investments'].post.responses['429']).toEqual({ description: 'custom' });
    expect(doc.paths['/docs'].get.responses['429']).toBeUndefined();
    expect(doc.paths['/v1/places'].parameters).toEqual([]); // path-level keys are not operations
  });

  it('declares the schemes, public by default, and does not change its input', () => {
    const input = generated();
    const before = JSON.stringify(input);
    const doc = completeOpenApiDocument(input) as Record<string, any>;
    expect(JSON.stringify(input)).toBe(before);
    expect(doc.security).toEqual([]);
    expect(doc.components.securitySchemes).toEqual(SECURITY_SCHEMES);
    expect(doc.components.schemas.Problem).toEqual({ type: 'object' });
    expect(doc.components.responses.TooManyRequests.headers['Retry-After'].schema.type).toBe('integer');
  });
});
