import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The point of this suite is a second path from the raw files: it must not reuse the pipeline's readers or maths.
const here = path.dirname(fileURLToPath(import.meta.url));
const FORBIDDEN = /from\s+['"][^'"]*functions\/src\/(sources|pipeline|indices|geo)\//;

describe('source-truth independence', () => {
  it.each(readdirSync(here).filter((f) => f.endsWith('.ts')))('%s imports nothing from functions/src/{sources,pipeline,indices,geo}', (file) => {
    const imports = readFileSync(path.join(here, file), 'utf8').split('\n').filter((l) => FORBIDDEN.test(l));
    expect(imports).toEqual([]);
  });
});
