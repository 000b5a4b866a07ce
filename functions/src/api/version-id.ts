import { z } from '@hono/zod-openapi';

/**
 * What a version id looks like (`ma-hei-1.1-20261123T034501Z-1a2b`): checked before any store read,
 * so a hostile `version=` or path never reaches the store (it answers the route's 400 or 404).
 */
export const VERSION_ID_PATTERN = /^[A-Za-z0-9._-]{1,100}$/;

/** A version id in a path (`/v1/versions/{id}…`); the same pattern as `version=`. */
export const VersionIdSchema = z
  .string()
  .regex(VERSION_ID_PATTERN, 'expected a version id such as ma-hei-1.0-20261123T034501Z-1a2b')
  .openapi({ param: { name: 'id', in: 'path' }, example: 'ma-hei-1.0-20261123T034501Z-1a2b' });
