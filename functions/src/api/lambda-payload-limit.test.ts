import { describe, expect, it } from 'vitest';
import { LAMBDA_PAYLOAD_LIMIT_BYTES, withinPayloadLimit } from './lambda-payload-limit.js';

describe('Lambda payload limit', () => {
  const answer = (bytes: number) => ({ statusCode: 200, headers: { 'content-type': 'text/csv', 'x-request-id': 'r1' }, body: 'x'.repeat(bytes), isBase64Encoded: false });

  it('passes an answer that fits, untouched', () => {
    const small = answer(1000);
    expect(withinPayloadLimit(small, '/v1/x')).toBe(small);
  });

  it('turns an answer over 6 MB (headers counted) into a 413 problem that says how to ask instead', () => {
    const big = withinPayloadLimit(answer(LAMBDA_PAYLOAD_LIMIT_BYTES - 10), '/v1/versions/v/download');
    expect(big.statusCode).toBe(413);
    expect(big.headers['content-type']).toBe('application/problem+json');
    expect(big.headers['x-request-id']).toBe('r1');
    const problem = JSON.parse(big.body) as { type: string; status: number; detail: string; instance: string };
    expect(problem).toMatchObject({ type: '/problems/answer-too-large', status: 413, instance: '/v1/versions/v/download' });
    expect(problem.detail).toMatch(/6\.0 MB.*Accept-Encoding: gzip/);
  });
});
