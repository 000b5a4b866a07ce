import { createHash } from 'node:crypto';
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { IdempotencyKeyReuseError, InvestmentNotFoundError, StaleInvestmentError, type Investment, type InvestmentFields, type InvestmentStore } from '../../store/investment-store.js';
import { requireAdmin, type AdminAuth, type AdminEnv } from '../admin-auth.js';
import { ADMIN_SECURITY } from '../openapi-document.js';
import type { IndexReader } from '../index-reader.js';
import { AuditEntrySchema, authResponses, InvestmentInputSchema, InvestmentPatchSchema, InvestmentSchema } from '../investment-schemas.js';
import { ProblemError, problems } from '../problem.js';
import { newRouter } from '../router.js';
import { notFoundResponse, problemResponses, ProblemSchema } from '../schemas.js';
import { currentPriorityGeographies } from './priority-geographies.js';
import { contentEtag } from '../content-etag.js';

const problem = (description: string) => ({ content: { 'application/problem+json': { schema: ProblemSchema } }, description });
const IdParam = z.object({ id: z.string().regex(/^inv-[0-9a-f]{10}$/, 'expected an investment id like inv-936edffabe').openapi({ param: { name: 'id', in: 'path' }, example: 'inv-936edffabe' }) });
const IfMatch = z.object({ 'if-match': z.string().optional().openapi({ description: 'The version you read, as an entity tag: "3". Required for PUT and PATCH.' }) });
const one = { content: { 'application/json': { schema: InvestmentSchema } }, description: 'The investment (ETag = its version)' };

const stale = (e: StaleInvestmentError) =>
  new ProblemError(412, 'precondition-failed', 'Precondition failed', `${e.message}. Nothing was changed.`, { currentVersion: e.current });
const preconditionRequired = () =>
  new ProblemError(428, 'precondition-required', 'Precondition required', 'Send If-Match: "<version>" with the version you read (GET /v1/investments/{id}), so a concurrent edit is never overwritten.');

/** If-Match: "3" (or W/"3", or 3). `*` = any current version. */
function expectedVersion(header: string | undefined, required: boolean): number | null {
  if (header === undefined || header.trim() === '') {
    if (required) throw preconditionRequired();
    return null;
  }
  if (header.trim() === '*') return null;
  const m = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header);
  if (!m) throw problems.badRequest(`If-Match must be the version as an entity tag, e.g. "3" (got ${header}).`, [{ path: 'If-Match', message: 'expected "<version>"' }]);
  return Number(m[1]);
}

function send(c: Context, inv: Investment, status: 200 | 201 = 200): never {
  c.header('etag', `"${inv.version}"`);
  c.header('cache-control', 'no-store'); // live data: never the index version's cache rules
  return c.json(inv, status) as never;
}

/** Live data: no-store, and an ETag of the content (never the index version's). */
function live(c: Context, body: unknown): never {
  const json = JSON.stringify(body);
  c.header('etag', contentEtag(json));
  c.header('cache-control', 'no-store');
  c.header('content-type', 'application/json');
  return c.body(json, 200) as never;
}

export function investmentRoutes(reader: IndexReader, store: InvestmentStore, auth: AdminAuth) {
  const admin = requireAdmin(auth);
  const who = (c: Context) => (c as unknown as Context<AdminEnv>).get('admin');

  /** Every municipality must be one of the current version's towns; errors name the field path. */
  async function checkTowns(fields: Pick<InvestmentFields, 'municipalities'>): Promise<void> {
    const meta = await reader.requireCurrentVersion();
    const towns = new Set((await reader.listPlaces(meta.version, 'town')).map((p) => p.id));
    const errors = fields.municipalities.flatMap((id, i) => (towns.has(id) ? [] : [{ path: `municipalities.${i}`, message: `${id} is not one of the 351 town GEOIDs` }]));
    if (errors.length > 0) throw problems.badRequest(errors.map((e) => `${e.path}: ${e.message}`).join('; '), errors);
  }

  const mapStoreErrors = (err: unknown): never => {
    if (err instanceof StaleInvestmentError) throw stale(err);
    if (err instanceof InvestmentNotFoundError) throw problems.notFound(err.message);
    throw err;
  };

  const list = createRoute({
    method: 'get',
    path: '/investments',
    operationId: 'listInvestments',
    summary: 'Place-based investments (not deleted), optionally filtered',
    request: {
      query: z.object({
        funder: z.string().min(1).optional().openapi({ description: 'Case-insensitive substring of the funder name', example: 'Point32' }),
        municipality: z.string().min(1).optional().openapi({ description: 'A town GEOID or name (case-insensitive)', example: 'Lowell' }),
        geography: z.string().min(1).optional().openapi({ description: 'A priority geography id (GET /v1/priority-geographies): investments naming any member town', example: 'chicopee' }),
      }),
    },
    responses: { 200: { content: { 'application/json': { schema: z.object({ count: z.number().int(), items: z.array(InvestmentSchema) }).openapi('InvestmentList') } }, description: 'Investments sorted by start date, then id' }, ...problemResponses },
  });

  const get = createRoute({ method: 'get', path: '/investments/{id}', operationId: 'getInvestment', summary: 'One investment', request: { params: IdParam }, responses: { 200: one, ...problemResponses, ...notFoundResponse } });

  const post = createRoute({
    method: 'post',
    path: '/investments',
    operationId: 'createInvestment',
    summary: 'Add an investment (admin). Idempotency-Key makes retries safe.',
    middleware: [admin] as const,
    security: ADMIN_SECURITY,
    request: {
      headers: z.object({ 'idempotency-key': z.string().regex(/^[\x21-\x7e]{1,200}$/, 'expected 1–200 visible ASCII characters').optional().openapi({ description: 'Retrying with the same key and body returns the first response (Idempotent-Replayed: true) instead of creating a duplicate.' }) }),
      body: { content: { 'application/json': { schema: InvestmentInputSchema } }, required: true },
    },
    responses: { 201: { ...one, description: 'Created (or replayed)' }, ...problemResponses, ...authResponses, 422: problem('Idempotency-Key reused with a different body') },
  });

  const put = createRoute({
    method: 'put',
    path: '/investments/{id}',
    operationId: 'replaceInvestment',
    summary: 'Replace an investment (admin), only if it is still at the If-Match version',
    middleware: [admin] as const,
    security: ADMIN_SECURITY,
    request: { params: IdParam, headers: IfMatch, body: { content: { 'application/json': { schema: InvestmentInputSchema } }, required: true } },
    responses: { 200: one, ...problemResponses, ...authResponses, ...notFoundResponse, 412: problem('Stale version: nothing changed'), 428: problem('If-Match missing') },
  });

  const patch = createRoute({
    method: 'patch',
    path: '/investments/{id}',
    operationId: 'updateInvestment',
    summary: 'Change some fields of an investment (admin), only if it is still at the If-Match version',
    middleware: [admin] as const,
    security: ADMIN_SECURITY,
    request: { params: IdParam, headers: IfMatch, body: { content: { 'application/json': { schema: InvestmentPatchSchema } }, required: true } },
    responses: { 200: one, ...problemResponses, ...authResponses, ...notFoundResponse, 412: problem('Stale version: nothing changed'), 428: problem('If-Match missing') },
  });

  const del = createRoute({
    method: 'delete',
    path: '/investments/{id}',
    operationId: 'deleteInvestment',
    summary: 'Soft-delete an investment (admin): no longer listed; record and audit trail kept',
    middleware: [admin] as const,
    security: ADMIN_SECURITY,
    request: { params: IdParam, headers: IfMatch },
    responses: { 204: { description: 'Deleted' }, ...problemResponses, ...authResponses, ...notFoundResponse, 412: problem('Stale version: nothing changed') },
  });

  const audit = createRoute({
    method: 'get',
    path: '/investments/{id}/audit',
    operationId: 'getInvestmentAudit',
    summary: 'Audit trail of an investment (admin): who changed what, when, before and after',
    middleware: [admin] as const,
    security: ADMIN_SECURITY,
    request: { params: IdParam },
    responses: { 200: { content: { 'application/json': { schema: z.object({ id: z.string(), entries: z.array(AuditEntrySchema) }).openapi('InvestmentAudit') } }, description: 'Oldest first' }, ...problemResponses, ...authResponses, ...notFoundResponse },
  });

  return newRouter()
    .openapi(list, async (c) => {
      const { funder, municipality, geography } = c.req.valid('query');
      let items = (await store.list()).filter((i) => i.deletedAt === null);
      if (funder) items = items.filter((i) => i.funder.toLowerCase().includes(funder.toLowerCase()));
      if (municipality) {
        let id = municipality;
        if (!/^\d{10}$/.test(municipality)) {
          const meta = await reader.requireCurrentVersion();
          const town = (await reader.listPlaces(meta.version, 'town')).find((p) => p.name.toLowerCase() === municipality.toLowerCase());
          if (!town) throw problems.badRequest(`municipality: "${municipality}" is not a Massachusetts town name or GEOID`, [{ path: 'municipality', message: 'unknown town' }]);
          id = town.id;
        }
        items = items.filter((i) => i.municipalities.includes(id));
      }
      if (geography) {
        const g = (await currentPriorityGeographies(reader)).collection().features.find((f) => f.properties.id === geography);
        if (!g) throw problems.badRequest(`geography: "${geography}" is not a priority geography id (see /v1/priority-geographies)`, [{ path: 'geography', message: 'unknown priority geography' }]);
        const members = new Set(g.properties.members.map((m) => m.id));
        items = items.filter((i) => i.municipalities.some((m) => members.has(m)));
      }
      items.sort((a, b) => a.startDate.localeCompare(b.startDate) || a.id.localeCompare(b.id));
      return live(c, { count: items.length, items });
    })
    .openapi(get, async (c) => {
      const { id } = c.req.valid('param');
      const inv = await store.get(id);
      if (!inv || inv.deletedAt) throw problems.notFound(`No investment ${id} (or it was deleted).`);
      return send(c, inv);
    })
    .openapi(post, async (c) => {
      const body = c.req.valid('json');
      const key = c.req.valid('header')['idempotency-key'];
      await checkTowns(body);
      const fingerprint = createHash('sha256').update(JSON.stringify(body)).digest('hex');
      try {
        const { investment, replayed } = await store.create(body, { who: who(c), ...(key ? { idempotency: { key, fingerprint } } : {}) });
        c.header('location', `/v1/investments/${investment.id}`);
        if (replayed) c.header('idempotent-replayed', 'true');
        return send(c, investment, 201);
      } catch (err) {
        if (err instanceof IdempotencyKeyReuseError) throw new ProblemError(422, 'idempotency-key-reused', 'Idempotency-Key reused', `${err.message}; use a new key for a new request.`);
        throw err;
      }
    })
    .openapi(put, async (c) => {
      const { id } = c.req.valid('param');
      // null = If-Match: * (any current version), as for DELETE.
      const version = expectedVersion(c.req.valid('header')['if-match'], true);
      const body = c.req.valid('json');
      await checkTowns(body);
      const updated = await store.update(id, body, version, who(c)).catch(mapStoreErrors);
      return send(c, updated);
    })
    .openapi(patch, async (c) => {
      const { id } = c.req.valid('param');
      const requested = expectedVersion(c.req.valid('header')['if-match'], true);
      const current = await store.get(id);
      if (!current || current.deletedAt) throw problems.notFound(`No investment ${id} (or it was deleted).`);
      // If-Match: * matches any current version (RFC 9110 §13.1.1), as PUT and DELETE already treat it.
      const version = requested ?? current.version;
      if (current.version !== version) throw stale(new StaleInvestmentError(id, version, current.version));
      const { id: _i, version: _v, createdAt: _ca, createdBy: _cb, updatedAt: _ua, updatedBy: _ub, deletedAt: _da, deletedBy: _db, ...fields } = current;
      // The merged record must still be a valid whole record (e.g. still name a place).
      const merged = InvestmentInputSchema.safeParse({ ...fields, ...c.req.valid('json') });
      if (!merged.success) {
        const errors = merged.error.issues.map((i) => ({ path: i.path.join('.') || '(root)', message: i.message }));
        throw problems.badRequest(errors.map((e) => `${e.path}: ${e.message}`).join('; '), errors);
      }
      await checkTowns(merged.data);
      // The store re-checks the version inside the write, so a PUT landing in between still makes this one stale.
      const updated = await store.update(id, merged.data, version, who(c)).catch(mapStoreErrors);
      return send(c, updated);
    })
    .openapi(del, async (c) => {
      const { id } = c.req.valid('param');
      const version = expectedVersion(c.req.valid('header')['if-match'], false);
      await store.softDelete(id, version, who(c)).catch(mapStoreErrors);
      return c.body(null, 204) as never;
    })
    .openapi(audit, async (c) => {
      const { id } = c.req.valid('param');
      const entries = await store.audit(id);
      if (entries.length === 0) throw problems.notFound(`No investment ${id}.`);
      return live(c, { id, entries });
    });
}
