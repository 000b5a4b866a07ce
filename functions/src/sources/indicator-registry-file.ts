import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../config.js';
import { RegistrySchema, type Registry } from '../indices/indicator-registry.js';
import { SourceValidationError } from './source-problem.js';

export const REGISTRY_PATH = path.join(REPO_ROOT, 'data', 'indicators.json');

/** Read and validate data/indicators.json; errors name the file and the JSON path at fault. */
export function loadRegistry(file = REGISTRY_PATH): Registry {
  const parsed = RegistrySchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    throw new SourceValidationError(parsed.error.issues.map((i) => ({ file: path.relative(REPO_ROOT, file), column: i.path.join('.'), message: i.message })));
  }
  return parsed.data;
}
