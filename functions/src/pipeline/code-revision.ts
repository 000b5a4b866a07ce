import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../config.js';
import { UNKNOWN_REVISION } from './run-inputs.js';

/** What the pipeline's output depends on besides the sources: its code and the registry/config files. */
const CODE_PATHS = ['functions/src', 'data', ':(exclude)*.test.ts', ':(exclude)**/fixtures/**'];

/**
 * The revision of the code computing a version (recorded in its inputs, pipeline/run-inputs.ts).
 * CODE_REVISION when set — the CDK sets it on the pipeline Lambda at synth, from this same function —
 * else the git commit of the checkout, with `+dirty.<hash of the uncommitted changes>` when the pipeline's
 * code or data/*.json differ from it (so an edited checkout never looks unchanged). Without either
 * (no git): "unknown", and such runs always publish.
 */
export function codeRevision(env: NodeJS.ProcessEnv = process.env, repoRoot = REPO_ROOT): string {
  if (env.CODE_REVISION) return env.CODE_REVISION;
  try {
    const git = (...args: string[]) => execFileSync('git', args, { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 256 * 1024 * 1024 });
    const head = git('rev-parse', 'HEAD').trim();
    const diff = git('diff', 'HEAD', '--binary', '--', ...CODE_PATHS);
    const untracked = git('ls-files', '-z', '--others', '--exclude-standard', '--', ...CODE_PATHS).split('\0').filter(Boolean);
    if (diff === '' && untracked.length === 0) return head;
    const hash = createHash('sha256').update(diff);
    for (const file of untracked.sort()) hash.update(`\0${file}\0`).update(readFileSync(path.join(repoRoot, file)));
    return `${head}+dirty.${hash.digest('hex').slice(0, 12)}`;
  } catch {
    return UNKNOWN_REVISION;
  }
}
