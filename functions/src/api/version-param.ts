import { z } from '@hono/zod-openapi';
import type { VersionMeta } from '../indices/place-record.js';
import type { IndexReader } from './index-reader.js';
import { problems } from './problem.js';
import { VersionIdSchema } from './version-id.js';

/** What `version` means on every read route (one text, so the OpenAPI document says the same everywhere). */
export const VERSION_PARAM_DESCRIPTION =
  'Pin the answer to one published version (GET /v1/versions lists them); without it the current version answers. ' +
  'A pinned answer never changes: it is sent with `Cache-Control: public, max-age=31536000, immutable`. An unknown id is a 404 problem.';

/** The optional `version` query parameter, to spread into a route's query object: `z.object({ ...versionQuery, … })`. */
export const versionQuery = {
  version: VersionIdSchema.optional().openapi({ param: { name: 'version', in: 'query' }, description: VERSION_PARAM_DESCRIPTION, example: 'ma-hei-1.1-20261123T034501Z-1a2b' }),
};

/** The same parameter as a JSON body field (POST /v1/indices/custom). */
export const versionBodyField = VersionIdSchema.optional().openapi({ description: VERSION_PARAM_DESCRIPTION, example: 'ma-hei-1.1-20261123T034501Z-1a2b' });

/** The 404 problem of an id that is not a published version (also what GET /v1/versions/{id} answers). */
export const unknownVersion = (id: string) => problems.notFound(`No published version "${id}"; GET /v1/versions lists them.`);

/**
 * The version a request reads: the pinned one when `id` is given (a 404 problem if it is not
 * published; a version still being written is not published), else the current one (503 problem
 * before the first publish).
 */
export async function resolveVersion(reader: Pick<IndexReader, 'versionMeta' | 'requireCurrentVersion'>, id?: string): Promise<VersionMeta> {
  if (id === undefined) return reader.requireCurrentVersion();
  const meta = await reader.versionMeta(id);
  if (!meta) throw unknownVersion(id);
  return meta;
}
