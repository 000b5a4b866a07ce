import { chmodSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CREDENTIALS_FILE, localCredentials } from './local-credentials.js';

const dirs: string[] = [];
const stateDir = () => {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), 'equity-atlas-cred-')), 'state');
  dirs.push(path.dirname(dir));
  return dir;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('localCredentials', () => {
  it('generates a random credential once, owner-only, and returns the same one afterwards', () => {
    const dir = stateDir();
    const first = localCredentials(dir);
    expect(first.accessKeyId).toMatch(/^EA[0-9A-F]{32}$/);
    expect(statSync(path.join(dir, CREDENTIALS_FILE)).mode & 0o777).toBe(0o600);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(localCredentials(dir)).toEqual(first);
    expect(localCredentials(stateDir()).accessKeyId).not.toBe(first.accessKeyId);
  });

  it('closes a credential file and STATE_DIR that others could read', () => {
    const dir = stateDir();
    const cred = localCredentials(dir);
    chmodSync(path.join(dir, CREDENTIALS_FILE), 0o644);
    chmodSync(dir, 0o755);
    expect(localCredentials(dir)).toEqual(cred);
    expect(statSync(path.join(dir, CREDENTIALS_FILE)).mode & 0o777).toBe(0o600);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
  });

  it('names the file when it is not a usable credential', () => {
    const dir = stateDir();
    localCredentials(dir);
    writeFileSync(path.join(dir, CREDENTIALS_FILE), '{"accessKeyId":"has-dashes","secretAccessKey":"x"}');
    expect(() => localCredentials(dir)).toThrow(/credentials\.json: expected/);
  });
});
