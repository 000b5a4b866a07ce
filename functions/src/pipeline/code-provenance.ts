import { execFileSync } from 'node:child_process';
import { REPO_ROOT } from '../config.js';
import { CODE_PATHS } from './code-revision.js';
import { PACKAGE_VERSION } from './package-version.js';

/** Which code computed a version, as a reader can look it up (issue 15, contract 7). */
export interface CodeProvenance {
  /** The git commit checked out (GIT_COMMIT when set, as the CDK does for the pipeline Lambda); null without git. */
  gitCommit: string | null;
  /** Whether the computing code (code-revision.ts CODE_PATHS) had uncommitted edits; null without git. */
  gitDirty: boolean | null;
  /** The package.json version: the revision to cite when there is no git. */
  packageVersion: string;
}

const git = (args: string[], cwd: string) => execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();

/** GIT_COMMIT / GIT_DIRTY for a process without a checkout (the pipeline Lambda: set at synth); none without git. */
export function codeProvenanceEnvironment(code: CodeProvenance = codeProvenance()): Record<string, string> {
  return code.gitCommit ? { GIT_COMMIT: code.gitCommit, GIT_DIRTY: String(code.gitDirty ?? false) } : {};
}

export function codeProvenance(env: NodeJS.ProcessEnv = process.env, repoRoot = REPO_ROOT): CodeProvenance {
  if (env.GIT_COMMIT) return { gitCommit: env.GIT_COMMIT, gitDirty: env.GIT_DIRTY === undefined ? null : env.GIT_DIRTY === 'true', packageVersion: PACKAGE_VERSION };
  try {
    const gitCommit = git(['rev-parse', 'HEAD'], repoRoot);
    const gitDirty = git(['status', '--porcelain', '--', ...CODE_PATHS], repoRoot) !== '';
    return { gitCommit, gitDirty, packageVersion: PACKAGE_VERSION };
  } catch {
    return { gitCommit: null, gitDirty: null, packageVersion: PACKAGE_VERSION };
  }
}
