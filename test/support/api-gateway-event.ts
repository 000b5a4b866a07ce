import type { LambdaEvent } from 'hono/aws-lambda';

/** An API Gateway HTTP API (payload format 2.0) event for a GET, as AWS would deliver it. */
export function httpApiGetEvent(pathWithQuery: string, headers: Record<string, string> = {}): LambdaEvent {
  const [rawPath, rawQueryString = ''] = pathWithQuery.split('?') as [string, string?];
  const query = new URLSearchParams(rawQueryString);
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath,
    rawQueryString,
    cookies: [],
    headers: { host: 'abc123.execute-api.us-east-1.amazonaws.com', accept: 'application/json', ...headers },
    queryStringParameters: rawQueryString ? Object.fromEntries(query) : undefined,
    requestContext: {
      accountId: '123456789012',
      apiId: 'abc123',
      domainName: 'abc123.execute-api.us-east-1.amazonaws.com',
      domainPrefix: 'abc123',
      http: { method: 'GET', path: rawPath, protocol: 'HTTP/1.1', sourceIp: '203.0.113.7', userAgent: 'vitest' },
      requestId: 'test-request-id',
      routeKey: '$default',
      stage: '$default',
      time: '23/Nov/2026:03:00:00 +0000',
      timeEpoch: 1795403200000,
    },
    isBase64Encoded: false,
    body: null,
  } as unknown as LambdaEvent;
}
