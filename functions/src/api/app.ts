import { OpenAPIHono } from '@hono/zod-openapi';
import { HTTPException } from 'hono/http-exception';
import { requestId } from 'hono/request-id';
import { apiCors } from './api-cors.js';
import { CORS_ALLOW_HEADERS, CORS_ALLOW_METHODS, CORS_EXPOSE_HEADERS } from './cors-policy.js';
import { compressAnswers } from './compress-answers.js';
import type { IndexReader } from './index-reader.js';
import { PROBLEM_BASE, ProblemError, problemResponse, renderProblem } from './problem.js';
import { healthRoutes } from './routes/health.js';
import { placesRoutes } from './routes/places.js';
import { geometryRoutes } from './routes/geometry.js';
import { methodsRoutes } from './routes/methods.js';
import { methodDocumentRoutes } from './routes/method-document.js';
import { crosswalkRoutes } from './routes/crosswalk.js';
import { customIndexRoutes } from './routes/custom-index.js';
import { disparitiesRoutes } from './routes/disparities.js';
import { priorityGeographiesRoutes } from './routes/priority-geographies.js';
import { investmentRoutes } from './routes/investments.js';
import { guardInvestmentStore } from './guarded-investment-store.js';
import { needInvestmentRoutes } from './routes/need-investment.js';
import type { AdminAuth } from './admin-auth.js';
import type { InvestmentStore } from '../store/investment-store.js';
import { searchRoutes } from './routes/search.js';
import { lookupRoutes } from './routes/lookup.js';
import { versionsRoutes } from './routes/versions.js';
import { downloadRoutes } from './routes/downloads.js';
import { dictionaryRoutes } from './routes/dictionary.js';
import { layersRoutes } from './routes/layers.js';
import { sensitivityRoutes } from './routes/sensitivity.js';
import { versionDiffRoutes } from './routes/version-diff.js';
import { placeHistoryRoutes } from './routes/place-history.js';
import { docsRoutes } from './docs-page.js';
import { completeOpenApiDocument, OPENAPI_CONFIG } from './openapi-document.js';
import { bodyLimit } from 'hono/body-limit';
import { methodNotAllowed } from 'hono/method-not-allowed';
import { versionCache } from './http-cache.js';
import { rateLimit, type RateLimitOptions } from './rate-limit.js';
import { securityHeadersMiddleware } from './security-headers.js';

export interface AppDeps {
  reader: IndexReader;
  /** Place-based investments; without it the investment and need-investment routes are not mounted. */
  investments?: InvestmentStore;
  /** Who may edit investments (api/admin-auth.ts); default: token mode without a token, i.e. nobody. */
  adminAuth?: AdminAuth;
  /** Where unexpected errors go (with the request id); defaults to console.error as JSON. */
  logError?: (entry: Record<string, unknown>) => void;
  /** Per-client token bucket (local server); unset = no limit (API Gateway throttles in AWS). */
  rateLimit?: RateLimitOptions;
  /** Origins whose pages may use the write methods cross-origin (SITE_ORIGIN; api/cors-policy.ts); default none. */
  siteOrigins?: string[];
}

const defaultLogError = (entry: Record<string, unknown>) => console.error(JSON.stringify({ level: 'error', ...entry }));

/** The one Hono app: served by @hono/node-server locally and by hono/aws-lambda in AWS. */
export function createApp({ reader, investments, adminAuth = { mode: 'token', token: null }, logError = defaultLogError, rateLimit: limits, siteOrigins = [] }: AppDeps) {
  const app = new OpenAPIHono();
  // The same CSP, HSTS, nosniff, frame and referrer policy as CloudFront, on every answer (map files included).
  app.use('*', securityHeadersMiddleware());
  // Behind API Gateway the request id is API Gateway's own, so the header, the logs and AWS's records agree.
  app.use('*', requestId({ generator: (c) => (c.env as { event?: { requestContext?: { requestId?: string } } } | undefined)?.event?.requestContext?.requestId ?? crypto.randomUUID() }));
  if (limits) app.use('/v1/*', rateLimit(limits));
  // A known path with another method: 405 with Allow, instead of Hono's default 404.
  app.use(
    '*',
    methodNotAllowed({
      app,
      onMethodNotAllowed: (c, methods) => {
        const res = problemResponse(c, 405, { type: `${PROBLEM_BASE}method-not-allowed`, title: 'Method not allowed', detail: `${c.req.method} is not allowed on ${c.req.path}; allowed: ${methods.join(', ')}.`, instance: c.req.path });
        res.headers.set('allow', methods.join(', '));
        return res;
      },
    }),
  );
  // Outside the ETag middleware: it sees the strong tag, reuses the compressed bytes per tag and sends the weak form.
  app.use('/v1/*', compressAnswers());
  // Outside the ETag middleware, so a 304 carries CORS headers too (a cross-origin script revalidating would fail without).
  app.use('/v1/*', apiCors({ allowMethods: [...CORS_ALLOW_METHODS], allowHeaders: [...CORS_ALLOW_HEADERS], exposeHeaders: [...CORS_EXPOSE_HEADERS], siteOrigins }));
  // ETag + Cache-Control per data version.
  app.use('/v1/*', versionCache(reader));
  // Request bodies are small JSON documents (custom weights); anything larger is refused before parsing.
  // Only requests that may carry one are checked: looking at the body builds a full web Request (docs/api-performance.md).
  const limitBody = bodyLimit({
    maxSize: 16 * 1024,
    onError: (c) => problemResponse(c, 413, { type: `${PROBLEM_BASE}payload-too-large`, title: 'Payload too large', detail: 'Request bodies are limited to 16 KiB.', instance: c.req.path }),
  });
  app.use('/v1/*', (c, next) => (c.req.method === 'GET' || c.req.method === 'HEAD' || c.req.method === 'OPTIONS' ? next() : limitBody(c, next)));
  app.use('/v1/*', async (c, next) => {
    if (['POST', 'PUT', 'PATCH'].includes(c.req.method) && !(c.req.header('content-type') ?? '').startsWith('application/json')) {
      return problemResponse(c, 415, { type: `${PROBLEM_BASE}unsupported-media-type`, title: 'Unsupported media type', detail: 'Send the request body as application/json.', instance: c.req.path });
    }
    return next();
  });

  app.route('/v1', healthRoutes(reader));
  app.route('/v1', placesRoutes(reader));
  app.route('/v1', geometryRoutes(reader));
  app.route('/v1', layersRoutes(reader));
  app.route('/v1', methodsRoutes(reader));
  app.route('/v1', methodDocumentRoutes());
  app.route('/v1', crosswalkRoutes(reader));
  app.route('/v1', customIndexRoutes(reader));
  app.route('/v1', disparitiesRoutes(reader));
  app.route('/v1', priorityGeographiesRoutes(reader));
  if (investments) {
    const guarded = guardInvestmentStore(investments); // store failures answer 503, like the index reader's
    app.route('/v1', investmentRoutes(reader, guarded, adminAuth));
    app.route('/v1', needInvestmentRoutes(reader, guarded));
  }
  app.route('/v1', searchRoutes(reader));
  app.route('/v1', lookupRoutes(reader));
  // The last site origin is the custom domain when there is one (infra/lib/stack.ts SITE_ORIGIN), else CloudFront's.
  app.route('/v1', versionsRoutes(reader, siteOrigins.at(-1)));
  app.route('/v1', downloadRoutes(reader));
  app.route('/v1', dictionaryRoutes(reader));
  app.route('/v1', sensitivityRoutes(reader));
  app.route('/v1', versionDiffRoutes(reader));
  app.route('/v1', placeHistoryRoutes(reader));

  // The generated document completed with what no single route owns (security schemes, 429; openapi-document.ts); built once.
  let openApiDoc: object | undefined;
  app.get('/v1/openapi.json', (c) => c.json((openApiDoc ??= completeOpenApiDocument(app.getOpenAPI31Document(OPENAPI_CONFIG)))));
  // Human docs: Swagger UI over the same document, its assets from our own origin.
  app.route('/', docsRoutes(OPENAPI_CONFIG.info.title));

  app.notFound((c) =>
    problemResponse(c, 404, { type: `${PROBLEM_BASE}not-found`, title: 'Not found', detail: `No route for ${c.req.method} ${c.req.path}. See /v1/openapi.json.`, instance: c.req.path }),
  );

  app.onError((err, c) => {
    if (err instanceof ProblemError) {
      if (err.status >= 500) logError({ requestId: c.get('requestId'), path: c.req.path, message: err.detail, cause: String((err as { cause?: unknown }).cause ?? '') });
      return renderProblem(c, err);
    }
    if (err instanceof HTTPException && err.status < 500) {
      return problemResponse(c, err.status, { type: `${PROBLEM_BASE}http-${err.status}`, title: err.message || 'Request error', detail: err.message, instance: c.req.path });
    }
    logError({ requestId: c.get('requestId'), path: c.req.path, message: err.message, stack: err.stack });
    return problemResponse(c, 500, {
      type: `${PROBLEM_BASE}internal-error`,
      title: 'Internal error',
      detail: `Something went wrong on our side; quote request id ${c.get('requestId')} when reporting it.`,
      instance: c.req.path,
    });
  });
  return app;
}

export type App = ReturnType<typeof createApp>;
