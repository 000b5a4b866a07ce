import { PROBLEM_BASE } from './problem.js';

/**
 * AWS Lambda refuses a synchronous answer over 6 MB (the whole JSON the function returns,
 * body base64-encoded when binary), and API Gateway then sends a bare 502 with no reason.
 * The largest downloads (full-resolution town outlines: ≈ 8 MB of GeoJSON, 5.5 MB GeoPackage)
 * fit only gzipped, so a client that does not accept gzip gets, instead, a 413 problem that
 * says how to ask. Only the Lambda adapter needs this: the local server has no such limit.
 */
export const LAMBDA_PAYLOAD_LIMIT_BYTES = 6 * 1024 * 1024;

interface LambdaResult {
  statusCode?: number;
  headers?: Record<string, unknown>;
    cookies?: string[];
  body?: string;
  isBase64Encoded?: boolean;
}

export function withinPayloadLimit<R extends LambdaResult>(result: R, path: string, limit = LAMBDA_PAYLOAD_LIMIT_BYTES): R {
  // The limit applies to the serialized answer; measure the body, with headers' room to spare.
  const bodyBytes = Buffer.byteLength(result.body ?? '', 'utf8');
  const headerBytes = Buffer.byteLength(JSON.stringify({ ...result, body: '' }), 'utf8');
  if (bodyBytes + headerBytes <= limit) return result;
  const id = result.headers?.['x-request-id'];
  const requestId = typeof id === 'string' ? id : '';
  const mb = (bodyBytes / 2 ** 20).toFixed(1);
  const problem = {
    type: `${PROBLEM_BASE}answer-too-large`,
    title: 'Answer too large',
    status: 413,
    detail: `This answer is ${mb} MB as sent, over the 6 MB an AWS Lambda answer may be. Ask for it compressed (Accept-Encoding: gzip; curl --compressed), pick fewer columns with columns=, or use the display geometry (geometry=display).`,
    instance: path,
  };
  return {
    ...result,
    statusCode: 413,
    headers: { 'content-type': 'application/problem+json', 'cache-control': 'no-store', ...(requestId ? { 'x-request-id': requestId } : {}) },
    body: JSON.stringify(problem),
    isBase64Encoded: false,
  };
}
