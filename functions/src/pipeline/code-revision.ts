import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../config.js';
import { UNKNOWN_REVISION } from './run-inputs.js';

/**
 * What a version's numbers depend on besides the sources: the computing code (everything under
 * functions/src but the API and CLI edges), the registry and config files in data/, and the locked
 * dependency versions. Tests and fixtures are left out: they change no published number.
 */
export const CODE_PATHS = [
  'functions/src',
  'data',
  'package-lock.json',
  ':(exclude)functions/src/api/**',
  ':(exclude)functions/src/cli/**',
  ':(exclude)*.test.ts',
  ':(exclude)**/fixtures/**',
];

/**
 * The revision of the code computing a version (recorded in its inputs, pipeline/run-inputs.ts).
 * CODE_REVISION when set — the CDK sets it on the pipeline Lambda at synth, from this same function —
 * else `code-<sha256 prefix>` of the paths and contents of the CODE_PATHS files in the checkout (tracked
 * and untracked, as they are on disk): a commit touching only docs, web or tests keeps the revision, so
 * it republishes nothing, while any edit to the computing code changes it. Without git: "unknown", and
 * such runs always publish.
 */
export function codeRevision(env: NodeJS.ProcessEnv = process.env, repoRoot = REPO_ROOT): string {
  if (env.CODE_REVISION) return env.CODE_REVISION;
  try {
    const listed = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--', ...CODE_PATHS], {
      cwd: repoRoot,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      maxBuffer: 64 * 1024 * 1024,
    });
    const files = [...new Set(listed.split('\0').filter(Boolean))].sort();
    if (files.length === 0) return UNKNOWN_REVISION;
    const hash = createHash('sha256');
    for (const file of files) {
      const full = path.join(repoRoot, file);
      if (existsSync(full)) hash.update(`${file}\0`).update(readFileSync(full)).update('\0');
    }
    return `code-${hash.digest('hex').slice(0, 16)}`;
  } catch {
    return UNKNOWN_REVISION;
  }
}
