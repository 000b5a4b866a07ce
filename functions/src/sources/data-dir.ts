import { existsSync, statSync } from 'node:fs';
import path from 'node:path';

export class DataDirError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DataDirError';
  }
}

/**
 * Resolve a file inside DATA_DIR. Errors name the variable, the directory and
 * the file expected so a new user can fix their set-up without reading code.
 */
export function resolveDataFile(dataDir: string, relativePath: string): string {
  if (!existsSync(dataDir) || !statSync(dataDir).isDirectory()) {
    throw new DataDirError(
      `DATA_DIR points to "${dataDir}", which is not a directory. ` +
        `Set DATA_DIR to the folder holding the staged sources (expected file: ${relativePath}); ` +
        `by default it is ../shared/data beside the repository.`,
    );
  }
  const file = path.join(dataDir, relativePath);
  if (!existsSync(file)) {
    throw new DataDirError(`DATA_DIR is "${dataDir}" but the file "${relativePath}" is missing (looked for ${file}).`);
  }
  return file;
}
