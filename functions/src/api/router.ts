import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { problems } from './problem.js';
import { notFoundResponse, problemResponses } from './schemas.js';

/**
 * The keys a route declares for one part of the request (its query object, its JSON body object);
 * null when the part is not an object schema we can read keys from (then nothing is checked).
 */
export function declaredKeys(schema: unknown): string[] | null {
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : null;
}

/** Keys given but not declared, in the order given (duplicates once). */
export function unknownKeys(given: Iterable<string>, accepted: readonly string[]): string[] {
  const known = new Set(accepted);
  return [...new Set([...given].filter((k) => !known.has(k)))];
}

/**
 * The 400 problem of undeclared parameters. Silently ignoring them lets a script believe it pinned a
 * version or selected fields when it did not (issue 15), so each one is named with what the route takes.
 */
export function unknownKeysProblem(kind: 'query parameter' | 'body field', unknown: string[], accepted: readonly string[], otherErrors: { path: string; message: string }[] = []) {
  // A hostile key could be long: it is named, not echoed whole.
  const names = unknown.map((k) => `"${k.length > 60 ? `${k.slice(0, 60)}…` : k}"`).join(', ');
  const takes = accepted.length ? `accepted: ${accepted.join(', ')}.` : `this route takes no ${kind}s.`;
  const detail = `Unknown ${kind}${unknown.length > 1 ? 's' : ''} ${names}; ${takes}${otherErrors.map((e) => ` ${e.path}: ${e.message}.`).join('')}`;
  return problems.badRequest(detail, [...unknown.map((path) => ({ path: path.slice(0, 60), message: `unknown ${kind}; ${takes}` })), ...otherErrors]);
}

/** Zod issues as problem `errors` entries (the same shape the validation hook answers). */
const issueErrors = (issues: readonly { path: readonly PropertyKey[]; message: string }[]) => issues.map((i) => ({ path: i.path.map(String).join('.') || '(root)', message: i.message }));

interface RouteParts {
  request?: { query?: unknown; body?: { content?: Record<string, { schema?: unknown } | undefined> } };
  responses?: Record<string, unknown>;
}

/**
 * The answers every route can give beyond its own: 400 (strict parameters apply to all) and, where
 * it takes `version`, 404 for an unknown id. Declared here so the document cannot miss them.
 */
export function withImpliedResponses<R extends RouteParts>(route: R): R {
  const pins = declaredKeys(route.request?.query)?.includes('version') || declaredKeys(route.request?.body?.content?.['application/json']?.schema)?.includes('version');
  return { ...route, responses: { 400: problemResponses[400], ...(pins ? notFoundResponse : {}), ...route.responses } };
}

/** Rejects query parameters (and top-level JSON body fields) the route does not declare; runs before the route's validators. */
export function strictParameters(route: RouteParts): MiddlewareHandler {
  const query = declaredKeys(route.request?.query) ?? [];
  const bodySchema = route.request?.body?.content?.['application/json']?.schema;
  const body = declaredKeys(bodySchema);
  return async (c, next) => {
    const url = c.req.url;
    if (url.includes('?')) {
      const unknown = unknownKeys(new URL(url).searchParams.keys(), query);
      if (unknown.length) throw unknownKeysProblem('query parameter', unknown, query);
    }
    if (body && /^application\/json/i.test(c.req.header('content-type') ?? '')) {
      // c.req.json() is cached on the request, so the route's validator reads the same parsed body; a malformed body is left to it.
      const json: unknown = await c.req.json().catch(() => undefined);
      if (json !== null && typeof json === 'object' && !Array.isArray(json)) {
        const unknown = unknownKeys(Object.keys(json), body);
        if (unknown.length) {
          // One answer lists every mistake of the body, not only the unknown fields (a form shows them all at once).
          const parsed = await (bodySchema as z.ZodType).safeParseAsync(json);
          const other = parsed.success ? [] : parsed.error.issues.filter((i) => !(i.code === 'unrecognized_keys' && i.path.length === 0));
          throw unknownKeysProblem('body field', unknown, body, issueErrors(other));
        }
      }
    }
    await next();
  };
}

/**
 * Every router shares one validation hook (schema failures become a 400 problem listing each field
 * path) and strict parameters: each route registered with `.openapi()` rejects undeclared query
 * parameters and JSON body fields, so no route can forget to.
 */
export function newRouter(): OpenAPIHono {
  const router = new OpenAPIHono({
    defaultHook: (result) => {
      if (!result.success) {
        const errors = issueErrors(result.error.issues);
        throw problems.badRequest(errors.map((e) => `${e.path}: ${e.message}`).join('; '), errors);
      }
    },
  });
  const register = router.openapi;
  router.openapi = ((route: Parameters<typeof register>[0], ...rest: unknown[]) => {
    const own = route.middleware ? (Array.isArray(route.middleware) ? route.middleware : [route.middleware]) : [];
    return (register as (...args: unknown[]) => unknown)({ ...withImpliedResponses(route as RouteParts), middleware: [strictParameters(route as RouteParts), ...own] }, ...rest);
  }) as typeof register;
  return router;
}
