import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../config.js';

/** Replaced by the text of docs/method.md when the Lambda bundle is built (infra/scripts/english-only-zod.ts apiBundleOptions `define`). */
declare const __METHOD_DOCUMENT__: string | undefined;

export const METHOD_DOCUMENT_PATH = path.join(REPO_ROOT, 'docs', 'method.md');

let cached: string | null = null;

/**
 * The method document (docs/method.md) the API serves at /v1/methods/document. The Lambda bundle carries it
 * as a string constant (no file beside the handler to forget); locally it is read from the checkout once.
 */
export function methodDocument(): string {
  cached ??= typeof __METHOD_DOCUMENT__ === 'string' ? __METHOD_DOCUMENT__ : readFileSync(METHOD_DOCUMENT_PATH, 'utf8');
  return cached;
}
