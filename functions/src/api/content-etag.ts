import { createHash } from 'node:crypto';

/**
 * A strong ETag from the body itself, for live data (investments) that does
 * not change with the index version: setting it keeps the version-based ETag
 * of http-cache.ts off these answers, so a revalidation can never be answered
 * 304 after an edit.
 */
export function contentEtag(body: string): string {
  return `"c-${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`;
}
