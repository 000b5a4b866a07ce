import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../config.js';

/**
 * docs/method.md under the repository root — in Lambda, under the task root: the API bundle ships it beside
 * the handler (infra/scripts/bundle-api.ts), as it does the API reference's files, because inlined (≈ 53 KB)
 * it would push the bundle over its 1 MB budget.
 */
export const METHOD_DOCUMENT_PATH = path.join(REPO_ROOT, 'docs', 'method.md');

let cached: string | null = null;

/** The method document the API serves at /v1/methods/document, read once. */
export function methodDocument(): string {
  cached ??= readFileSync(METHOD_DOCUMENT_PATH, 'utf8');
  return cached;
}
