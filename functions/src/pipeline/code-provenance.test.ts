import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../config.js';
import { codeProvenance, codeProvenanceEnvironment } from './code-provenance.js';

const repo = mkdtempSync(path.join(tmpdir(), 'equity-atlas-provenance-'));
const write = (file: string, text: string) => {
  mkdirSync(path.dirname(path.join(repo, file)), { recursive: true });
  writeFileSync(path.join(repo, file), text);
};
const git = (...args: string[]) => execFileSync('git', ['-c', 'user.email=t@example.org', '-c', 'user.name=t', ...args], { cwd: repo, encoding: 'utf8' }).trim();
const packageVersion = (JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
afterAll(() => rmSync(repo, { recursive: true, force: true }));

describe('codeProvenance', () => {
  it('without git: no commit, and the package version to cite instead', () => {
    expect(codeProvenance({}, repo)).toEqual({ gitCommit: null, gitDirty: null, packageVersion });
  });

  it('in a checkout: the HEAD commit, dirty only while the computing code has uncommitted edits', () => {
    git('init', '-q');
    write('functions/src/indices/score.ts', 'export const w = 1;\n');
    git('add', '-A');
    git('commit', '-q', '-m', 'one');
    const head = git('rev-parse', 'HEAD');
    expect(codeProvenance({}, repo)).toEqual({ gitCommit: head, gitDirty: false, packageVersion });
    write('docs/method.md', '# not computing code\n');
    expect(codeProvenance({}, repo).gitDirty).toBe(false);
    write('functions/src/indices/score.ts', 'export const w = 2;\n');
    expect(codeProvenance({}, repo)).toEqual({ gitCommit: head, gitDirty: true, packageVersion });
  });

  it('prefers GIT_COMMIT (set at synth for the Lambda, which has no checkout)', () => {
    expect(codeProvenance({ GIT_COMMIT: 'abc123', GIT_DIRTY: 'false' }, repo)).toEqual({ gitCommit: 'abc123', gitDirty: false, packageVersion });
  });
});

describe('codeProvenanceEnvironment', () => {
  it('hands the commit to a process without a checkout, and round-trips through codeProvenance', () => {
    const env = codeProvenanceEnvironment({ gitCommit: 'abc123', gitDirty: true, packageVersion });
    expect(env).toEqual({ GIT_COMMIT: 'abc123', GIT_DIRTY: 'true' });
    expect(codeProvenance(env, repo)).toEqual({ gitCommit: 'abc123', gitDirty: true, packageVersion });
    expect(codeProvenanceEnvironment({ gitCommit: null, gitDirty: null, packageVersion })).toEqual({});
  });
});
