/**
 * What the OpenAPI document says beyond the routes' own `createRoute`
 * definitions: info, servers, who may call the admin operations
 * (admin-auth.ts), and the 429 every /v1 operation may answer (rate-limit.ts).
 * Kept here, in one place, so a route added later is covered without
 * repeating the same response in every file.
 */
type Json = Record<string, unknown>;

export const OPENAPI_CONFIG = {
  openapi: '3.1.0',
  info: {
    title: 'Equity Atlas API',
    version: '1.0.0',
    description:
      'Place-based health equity indices for Massachusetts municipalities and ZIP codes (ZCTAs), published as immutable versions. Errors are RFC 9457 problem+json. Every read operation takes `version=<id>` (GET /v1/versions lists them) to pin its answer to one published version; a pinned answer is immutable (`Cache-Control: public, max-age=31536000, immutable`) and an unknown id is a 404 problem. Parameters are strict: an undeclared query parameter (or JSON body field) is a 400 problem that names it and lists the accepted ones. Read operations need no credentials; the investment write and audit operations need an admin bearer token.',
    license: { name: 'MIT', identifier: 'MIT' },
  },
  // Relative: the API is served from the same origin as this document (locally and behind CloudFront).
  servers: [{ url: '/', description: 'This deployment: the origin that served this document' }],
};

/** Security scheme names, also used by the admin routes' `security`. */
export const ADMIN_TOKEN_SCHEME = 'adminToken';
export const COGNITO_JWT_SCHEME = 'cognitoJwt';

/** The admin operations (investment writes and audit trail): either scheme, depending on where the API runs. */
export const ADMIN_SECURITY: Record<string, string[]>[] = [{ [ADMIN_TOKEN_SCHEME]: [] }, { [COGNITO_JWT_SCHEME]: [] }];

export const SECURITY_SCHEMES = {
  [ADMIN_TOKEN_SCHEME]: {
    type: 'http',
    scheme: 'bearer',
    description: 'Local server (AUTH_MODE=token): the shared admin token, `Authorization: Bearer <ADMIN_TOKEN>`; `npm start` prints one when ADMIN_TOKEN is unset.',
  },
  [COGNITO_JWT_SCHEME]: {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description:
      'AWS (AUTH_MODE=apigateway-jwt): a Cognito access token of a user in the "admins" group, `Authorization: Bearer <JWT>`, verified by the API Gateway JWT authorizer (docs/deploy.md).',
  },
};

const TOO_MANY_REQUESTS = 'TooManyRequests';

const tooManyRequests = {
  description:
    'Too many requests from this client. The local server limits each client with a token bucket (RATE_LIMIT_PER_SECOND, RATE_LIMIT_BURST) and answers a problem+json with Retry-After; in AWS, API Gateway throttling answers 429 before the app runs.',
  headers: {
    'Retry-After': { description: 'Seconds to wait before the next request (sent by the local server).', schema: { type: 'integer', minimum: 1, example: 1 } },
  },
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
};

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/**
 * The generated document plus the parts no single route owns. Pure: returns a
 * new document. Public operations need no credentials (root `security: []`);
 * the admin ones carry their own `security` (ADMIN_SECURITY).
 */
export function completeOpenApiDocument<T extends object>(generated: T): T {
  const doc = structuredClone(generated) as Json;
  const components = (doc.components ??= {}) as Json;
  components.securitySchemes = { ...(components.securitySchemes as Json | undefined), ...SECURITY_SCHEMES };
  components.responses = { ...(components.responses as Json | undefined), [TOO_MANY_REQUESTS]: tooManyRequests };
  doc.security = [];
  for (const [path, item] of Object.entries((doc.paths ?? {}) as Record<string, Json>)) {
    if (!path.startsWith('/v1/')) continue; // the limiter runs on /v1/* only (app.ts)
    for (const method of METHODS) {
      const op = item[method] as Json | undefined;
      if (!op) continue;
      const responses = (op.responses ??= {}) as Json;
      responses['429'] ??= { $ref: `#/components/responses/${TOO_MANY_REQUESTS}` };
    }
  }
  return doc as T;
}
