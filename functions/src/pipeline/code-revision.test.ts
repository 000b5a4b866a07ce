import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { codeRevision } from './code-revision.js';

// A throwaway git checkout: the revision follows the computing code only.
const repo = mkdtempSync(path.join(tmpdir(), 'equity-atlas-revision-'));
const write = (file: string, text: string) => {
  mkdirSync(path.dirname(path.join(repo, file)), { recursive: true });
  writeFileSync(path.join(repo, file), text);
};
const git = (...args: string[]) => execFileSync('git', ['-c', 'user.email=t@example.org', '-c', 'user.name=t', ...args], { cwd: repo, stdio: 'ignore' });
afterAll(() => rmSync(repo, { recursive: true, force: true }));

describe('codeRevision', () => {
  it('prefers CODE_REVISION, and is "unknown" outside a git checkout', () => {
    expect(codeRevision({ CODE_REVISION: 'abc' }, repo)).toBe('abc');
    expect(codeRevision({}, repo)).toBe('unknown');
  });

  it('changes with the computing code and data/, not with docs, tests, the API or uncommitted-vs-committed state', () => {
    git('init', '-q');
    write('functions/src/indices/score.ts', 'export const w = 1;\n');
    write('data/indicators.json', '{}\n');
    write('docs/method.md', '# method\n');
    const first = codeRevision({}, repo);
    expect(first).toMatch(/^code-[0-9a-f]{16}$/);
    git('add', '-A');
    git('commit', '-q', '-m', 'one');
    expect(codeRevision({}, repo)).toBe(first); // the same files, committed
    write('docs/method.md', '# method, edited\n');
    write('functions/src/indices/score.test.ts', 'test\n');
    write('functions/src/api/route.ts', 'export {};\n');
    expect(codeRevision({}, repo)).toBe(first);
    write('functions/src/indices/score.ts', 'export const w = 2;\n');
    const second = codeRevision({}, repo);
    expect(second).not.toBe(first);
    write('data/indicators.json', '{"x":1}\n');
    expect(codeRevision({}, repo)).not.toBe(second);
  });
});
